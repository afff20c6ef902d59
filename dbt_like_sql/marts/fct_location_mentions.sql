with mentions as (
    select * from stg_location_mentions
),

final as (
    select
        mention_id,
        article_id,
        sentence_index,
        location_id,
        char_start,
        char_end,
        mention_text,
        resolution,
        confidence,
        candidate_count,
        preposition,
    from mentions
)

select * from final
