with source as (
    select * from raw.events
),

renamed as (
    select
        event_id,
        article_id,
        sentence_index,
        trigger_start,
        trigger_end,
        trigger_text,
        cameo_code,
        modality,
        is_negated,
        is_fact,
        event_date,
        date_precision,
        date_text,
        location_id,
        location_text,
        confidence,
        mention_count,
        evidence_text,
        repeated_in as repeated_in_sentences,
    from source
)

select * from renamed
