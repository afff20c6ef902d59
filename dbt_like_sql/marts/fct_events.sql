with events as (
    select * from stg_events
),

event_actors as (
    select * from stg_event_actors
),

event_types as (
    select * from dim_event_types
),

-- each actor once per role, and each country once per role, before the lists are made
distinct_actors as (
    select distinct event_id, role, actor_id from event_actors
),

distinct_countries as (
    select distinct event_id, role, coalesce(country_iso3, actor_code) as country
    from event_actors
),

actor_lists as (
    select
        event_id,
        list(actor_id order by actor_id) filter (where role = 'source') as source_actor_ids,
        list(actor_id order by actor_id) filter (where role = 'target') as target_actor_ids,
    from distinct_actors
    group by event_id
),

country_lists as (
    select
        event_id,
        list(country order by country) filter (where role = 'source') as source_countries,
        list(country order by country) filter (where role = 'target') as target_countries,
    from distinct_countries
    group by event_id
),

roles as (
    select * from actor_lists full join country_lists using (event_id)
),

linked as (
    -- Reports of the same event across articles: same code, country-level actors and month.
    -- An event without a date known to the month, or without actors, is a group of its own:
    -- thirteen appeals from thirteen undated articles are not one event.
    select
        events.*,
        roles.source_actor_ids,
        roles.target_actor_ids,
        case
            when events.event_date is not null and events.date_precision in ('day', 'week', 'month')
                and (roles.source_countries is not null or roles.target_countries is not null)
            then md5(concat_ws('|', events.cameo_code, roles.source_countries::varchar,
                               roles.target_countries::varchar,
                               date_trunc('month', events.event_date)::varchar))
            else md5('event|' || events.event_id)
        end as report_group_id,
    from events
    left join roles using (event_id)
),

final as (
    select
        linked.event_id,
        linked.article_id,
        linked.sentence_index,
        linked.cameo_code,
        event_types.root_code,
        event_types.quad_class,
        event_types.goldstein,
        event_types.plover_type,
        event_types.plover_mode,
        linked.location_id,
        linked.event_date,
        linked.date_precision,
        linked.modality,
        linked.is_negated,
        linked.is_fact,
        linked.confidence,
        linked.evidence_text,
        linked.trigger_text,
        linked.mention_count,
        coalesce(linked.source_actor_ids, []) as source_actor_ids,
        coalesce(linked.target_actor_ids, []) as target_actor_ids,
        linked.report_group_id,
        count(*) over (partition by linked.report_group_id) as report_count,
    from linked
    left join event_types using (cameo_code)
)

select * from final
