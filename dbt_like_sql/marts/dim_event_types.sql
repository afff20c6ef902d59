with event_types as (
    select * from stg_cameo_event_types
),

roots as (
    select cameo_code as root_code, event_type_name as root_name
    from event_types
    where code_level = 1
),

final as (
    select
        event_types.cameo_code,
        event_types.event_type_name as name,
        event_types.root_code,
        roots.root_name,
        event_types.code_level,
        event_types.quad_class,
        case event_types.quad_class
            when 1 then 'verbal cooperation'
            when 2 then 'material cooperation'
            when 3 then 'verbal conflict'
            when 4 then 'material conflict'
        end as quad_class_name,
        event_types.goldstein,
        event_types.plover_type,
        event_types.plover_mode,
    from event_types
    left join roots using (root_code)
)

select * from final
