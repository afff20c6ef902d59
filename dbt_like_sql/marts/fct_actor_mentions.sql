with mentions as (
    select * from stg_actor_mentions
),

final as (
    select
        mention_id,
        article_id,
        sentence_index,
        actor_id,
        char_start,
        char_end,
        mention_text,
        resolution,
        confidence,
        actor_title,
        antecedent_text,
        is_in_quote,
    from mentions
)

select * from final
