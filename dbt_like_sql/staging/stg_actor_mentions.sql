with source as (
    select * from raw.actor_mentions
),

renamed as (
    select
        mention_id,
        article_id,
        sentence_index,
        char_start,
        char_end,
        mention_text,
        actor_id,
        actor_name,
        actor_code,
        country_iso3,
        sector,
        actor_type,
        resolution,
        confidence,
        title as actor_title,
        antecedent_text,
        in_quote as is_in_quote,
    from source
)

select * from renamed
