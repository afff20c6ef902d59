with mentions as (
    select * from stg_location_mentions
    where location_id is not null
),

final as (
    select
        location_id,
        mode(location_name) as name,
        mode(feature_type) as feature_type,
        mode(country_iso3) as country_iso3,
        mode(admin1) as admin1,
        mode(latitude) as latitude,
        mode(longitude) as longitude,
        mode(geonames_id) as geonames_id,
        case mode(feature_type)
            when 'country' then 'country'
            when 'admin1' then 'admin1'
            when 'admin2' then 'admin2'
            when 'city' then 'city'
            when 'landmark' then 'landmark'
            else 'region'
        end as precision,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
    from mentions
    group by location_id
)

select * from final
