with events as (
    select * from stg_events
),

event_actors as (
    select * from stg_event_actors
),

event_types as (
    select * from dim_event_types
),

roles as (
    select
        event_id,
        list(distinct actor_id order by actor_id) filter (where role = 'source') as source_actor_ids,
        list(distinct actor_id order by actor_id) filter (where role = 'target') as target_actor_ids,
        list(distinct coalesce(country_iso3, actor_code) order by coalesce(country_iso3, actor_code))
            filter (where role = 'source') as source_countries,
        list(distinct coalesce(country_iso3, actor_code) order by coalesce(country_iso3, actor_code))
            filter (where role = 'target') as target_countries,
    from event_actors
    group by event_id
),

linked as (
    -- Reports of the same event across articles: same code, country-level actors and month.
    -- An event without a date known to the month, or without actors, is a group of its own:
    -- thirteen appeals from thirteen undated articles are not one event.
    select
        events.event_id,
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
        events.event_id,
        events.article_id,
        events.sentence_index,
        events.cameo_code,
        event_types.root_code,
        event_types.quad_class,
        event_types.goldstein,
        event_types.plover_type,
        event_types.plover_mode,
        events.location_id,
        events.event_date,
        events.date_precision,
        events.modality,
        events.is_negated,
        events.is_fact,
        events.confidence,
        events.evidence_text,
        events.trigger_text,
        events.mention_count,
        coalesce(roles.source_actor_ids, []) as source_actor_ids,
        coalesce(roles.target_actor_ids, []) as target_actor_ids,
        linked.report_group_id,
        count(*) over (partition by linked.report_group_id) as report_count,
    from events
    left join roles using (event_id)
    left join linked using (event_id)
    left join event_types using (cameo_code)
)

select * from final
