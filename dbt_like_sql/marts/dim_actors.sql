with mentions as (
    select * from stg_actor_mentions
    where actor_id is not null
),

final as (
    select
        actor_id,
        mode(actor_name) as name,
        mode(actor_code) as actor_code,
        mode(country_iso3) as country_iso3,
        mode(sector) as sector,
        mode(actor_type) as actor_type,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
    from mentions
    group by actor_id
)

select * from final
