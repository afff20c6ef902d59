with event_actors as (
    select * from fct_event_actors
),

events as (
    select event_id, event_date, goldstein, quad_class from fct_events
    where is_fact and event_date is not null
),

final as (
    select
        event_actors.actor_id || '@' || date_trunc('month', events.event_date)::date as actor_month_id,
        event_actors.actor_id,
        date_trunc('month', events.event_date)::date as month_start,
        count(distinct events.event_id) filter (where event_actors.role = 'source') as events_as_source,
        count(distinct events.event_id) filter (where event_actors.role = 'target') as events_as_target,
        avg(events.goldstein) filter (where event_actors.role = 'source') as mean_goldstein_as_source,
        avg(events.goldstein) filter (where event_actors.role = 'target') as mean_goldstein_as_target,
    from event_actors
    join events using (event_id)
    group by event_actors.actor_id, date_trunc('month', events.event_date)
)

select * from final
