with source as (
    select * from rejected_rows
),

renamed as (
    select
        table_name,
        article_id,
        reason,
        detail,
        seed_path,
        run_id,
        rejected_at,
    from source
)

select * from renamed
