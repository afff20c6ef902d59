-- Every actor any fact refers to: the actors of mentions and the actors of events. An event's
-- actor need not be mentioned by name (a visit's target may come from the place visited, a
-- meeting's side from a title), so events are a source of actors in their own right.
with mentioned as (
    select actor_id, actor_name, actor_code, country_iso3, sector, actor_type, article_id,
           1 as is_mention
    from stg_actor_mentions
    where actor_id is not null
),

in_events as (
    select actor_id, actor_name, actor_code, country_iso3, sector, actor_type, article_id,
           0 as is_mention
    from stg_event_actors
    where actor_id is not null
),

every_reference as (
    select * from mentioned
    union all
    select * from in_events
),

final as (
    select
        actor_id,
        -- attributes as most mentions give them; an actor only events name takes theirs
        coalesce(mode(actor_name) filter (where is_mention = 1), mode(actor_name)) as name,
        coalesce(mode(actor_code) filter (where is_mention = 1), mode(actor_code)) as actor_code,
        coalesce(mode(country_iso3) filter (where is_mention = 1), mode(country_iso3))
            as country_iso3,
        coalesce(mode(sector) filter (where is_mention = 1), mode(sector)) as sector,
        coalesce(mode(actor_type) filter (where is_mention = 1), mode(actor_type)) as actor_type,
        sum(is_mention) as mention_count,
        count(distinct article_id) as article_count,
    from every_reference
    group by actor_id
)

select * from final
