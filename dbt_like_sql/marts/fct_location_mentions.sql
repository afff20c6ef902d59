with mentions as (
    select * from stg_location_mentions
),

-- the places events were placed at: a mention there is an event's place, the rest are places
-- merely mentioned
event_places as (
    select distinct article_id, sentence_index, location_id, location_text
    from stg_events
    where location_id is not null
),

final as (
    select
        m.mention_id,
        m.article_id,
        m.sentence_index,
        m.location_id,
        m.char_start,
        m.char_end,
        m.mention_text,
        m.resolution,
        m.confidence,
        m.candidate_count,
        m.preposition,
        e.location_id is not null as is_event_place,
    from mentions m
    left join event_places e
        on e.article_id = m.article_id
        and e.sentence_index = m.sentence_index
        and e.location_id = m.location_id
        and e.location_text = m.mention_text
)

select * from final
