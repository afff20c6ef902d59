with source as (
    select * from raw.cameo_event_types
),

renamed as (
    select
        cameo_code,
        name as event_type_name,
        root_code,
        level as code_level,
        goldstein,
        quad_class,
        plover_type,
        plover_mode,
    from source
)

select * from renamed
