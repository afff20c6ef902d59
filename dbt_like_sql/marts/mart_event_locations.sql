with events as (
    select * from fct_events
    where location_id is not null
),

locations as (
    select * from dim_locations
),

final as (
    select
        events.event_id,
        events.article_id,
        events.cameo_code,
        events.quad_class,
        events.goldstein,
        events.event_date,
        events.date_precision,
        events.is_fact,
        locations.location_id,
        locations.name as location_name,
        locations.feature_type,
        locations.precision as location_precision,
        locations.country_iso3,
        locations.latitude,
        locations.longitude,
        events.evidence_text,
    from events
    join locations using (location_id)
)

select * from final
