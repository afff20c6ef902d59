with rejected as (
    select * from stg_rejected_rows
),

final as (
    select
        table_name,
        reason,
        count(*) as rejected_count,
        count(distinct article_id) as article_count,
        min(detail) as example_detail,
        max(rejected_at) as last_rejected_at,
    from rejected
    group by table_name, reason
)

select * from final
