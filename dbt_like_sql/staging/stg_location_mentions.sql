with source as (
    select * from raw.location_mentions
),

renamed as (
    select
        mention_id,
        article_id,
        sentence_index,
        char_start,
        char_end,
        mention_text,
        location_id,
        location_name,
        feature_type,
        country_iso3,
        admin1,
        latitude,
        longitude,
        geonames_id,
        resolution,
        confidence,
        candidate_count,
        preposition,
    from source
)

select * from renamed
