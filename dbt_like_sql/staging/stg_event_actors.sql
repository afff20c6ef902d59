with source as (
    select * from raw.event_actors
),

renamed as (
    select
        event_id,
        article_id,
        role,
        actor_id,
        actor_code,
        actor_name,
        country_iso3,
        sector,
        actor_type,
    from source
)

select * from renamed
