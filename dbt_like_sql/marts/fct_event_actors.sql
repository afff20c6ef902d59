with event_actors as (
    select * from stg_event_actors
),

final as (
    select
        event_id || ':' || role || ':' || actor_id as event_actor_id,
        event_id,
        actor_id,
        role,
        article_id,
        actor_code,
    from event_actors
)

select * from final
