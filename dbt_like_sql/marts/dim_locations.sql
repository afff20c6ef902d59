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
        -- GDELT 2.0's geo type: 1 country, 2 US state, 3 US city or place, 4 world city or
        -- place, 5 world state (admin-1); regions and waters have none
        case
            when mode(feature_type) = 'country' then 1
            when mode(feature_type) = 'admin1' and mode(country_iso3) = 'USA' then 2
            when mode(feature_type) = 'admin1' then 5
            when mode(feature_type) in ('city', 'admin2', 'landmark')
                and mode(country_iso3) = 'USA' then 3
            when mode(feature_type) in ('city', 'admin2', 'landmark') then 4
        end as geo_type,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
    from mentions
    group by location_id
)

select * from final
