with events as (
    select * from fct_events
),

actors as (
    select * from fct_event_actors
),

dyads as (
    select
        sources.event_id,
        sources.actor_id as source_actor_id,
        sources.actor_code as source_actor_code,
        targets.actor_id as target_actor_id,
        targets.actor_code as target_actor_code,
    from actors as sources
    join actors as targets
        on sources.event_id = targets.event_id
        and sources.role = 'source'
        and targets.role = 'target'
        and sources.actor_id <> targets.actor_id
),

final as (
    select
        dyads.event_id || ':' || dyads.source_actor_id || '>' || dyads.target_actor_id as dyad_id,
        events.event_id,
        events.article_id,
        events.sentence_index,
        events.cameo_code,
        events.quad_class,
        events.goldstein,
        dyads.source_actor_id,
        dyads.source_actor_code,
        dyads.target_actor_id,
        dyads.target_actor_code,
        events.location_id,
        events.event_date,
        events.date_precision,
        events.is_fact,
    from dyads
    join events using (event_id)
)

select * from final
