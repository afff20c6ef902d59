with source as (
    select * from raw.articles
),

renamed as (
    select
        article_id,
        title,
        source_name,
        source_origin,
        dateline,
        published_date,
        date_precision,
        date_origin,
        url,
        seed_path,
        seed_format,
        seed_line,
        encoding,
        content_hash,
        char_count,
        body,
    from source
)

select * from renamed
