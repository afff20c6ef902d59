with dyads as (
    select * from fct_event_dyads
    where is_fact
),

actors as (
    select actor_id, country_iso3 from dim_actors
),

country_dyads as (
    select
        coalesce(sources.country_iso3, dyads.source_actor_code) as source_country,
        coalesce(targets.country_iso3, dyads.target_actor_code) as target_country,
        date_trunc('month', dyads.event_date)::date as month_start,
        dyads.event_id,
        dyads.quad_class,
        dyads.goldstein,
    from dyads
    left join actors as sources on sources.actor_id = dyads.source_actor_id
    left join actors as targets on targets.actor_id = dyads.target_actor_id
    where dyads.event_date is not null
),

events_per_pair as (
    -- an event counts once per country pair, however many of its actors are of those
    -- countries ("the US and its president" are one side): its score too
    select distinct source_country, target_country, month_start, event_id, quad_class, goldstein
    from country_dyads
),

final as (
    select
        source_country || '>' || target_country || '@' || month_start as dyad_month_id,
        source_country,
        target_country,
        month_start,
        count(distinct event_id) as event_count,
        count(distinct event_id) filter (where quad_class = 1) as verbal_cooperation_count,
        count(distinct event_id) filter (where quad_class = 2) as material_cooperation_count,
        count(distinct event_id) filter (where quad_class = 3) as verbal_conflict_count,
        count(distinct event_id) filter (where quad_class = 4) as material_conflict_count,
        avg(goldstein) as mean_goldstein,
        sum(goldstein) as total_goldstein,
    from events_per_pair
    where source_country is not null and target_country is not null
        and source_country <> target_country
        -- an actor of no known country ("---GOV") is no side of a country dyad
        and source_country not like '---%' and target_country not like '---%'
    group by source_country, target_country, month_start
)

select * from final
