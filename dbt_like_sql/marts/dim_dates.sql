-- The calendar spans the data's dates (events and publications), not today: the table
-- changes only when the data does. (least/greatest skip NULLs; no dates, no days.)
with bounds as (
    select
        least((select min(event_date) from stg_events),
              (select min(published_date) from stg_articles)) as first_day,
        greatest((select max(event_date) from stg_events),
                 (select max(published_date) from stg_articles)) as last_day,
),

days as (
    select unnest(generate_series(first_day, last_day, interval 1 day))::date as date_day
    from bounds
),

final as (
    select
        date_day,
        year(date_day) as year,
        quarter(date_day) as quarter,
        month(date_day) as month,
        monthname(date_day) as month_name,
        date_trunc('month', date_day)::date as month_start,
        weekofyear(date_day) as iso_week,
        date_trunc('week', date_day)::date as week_start,
        dayname(date_day) as day_name,
        isodow(date_day) >= 6 as is_weekend,
    from days
)

select * from final
