-- Every actor any fact refers to: the actors of mentions and the actors of events. An event's
-- actor need not be mentioned by name (a visit's target may come from the place visited, a
-- meeting's side from a title), so events are a source of actors in their own right.
with mentioned as (
    select actor_id, actor_name, actor_code, country_iso3, sector, actor_type, article_id,
           1 as is_mention
    from stg_actor_mentions
    where actor_id is not null
),

in_events as (
    select actor_id, actor_name, actor_code, country_iso3, sector, actor_type, article_id,
           0 as is_mention
    from stg_event_actors
    where actor_id is not null
),

every_reference as (
    select * from mentioned
    union all
    select * from in_events
),

-- how often each actor is given each set of attributes: a few rows per actor, so the
-- attributes are chosen over these counts, not over every reference
attribute_counts as (
    select actor_id, actor_name, actor_code, country_iso3, sector, actor_type, is_mention,
           count(*) as n
    from every_reference
    group by all
),

-- one attribute at a time: the value most references give it, mentions first
votes as (
    select actor_id, 'name' as attribute, actor_name as value, is_mention, sum(n) as n
    from attribute_counts group by all
    union all
    select actor_id, 'actor_code', actor_code, is_mention, sum(n) from attribute_counts group by all
    union all
    select actor_id, 'country_iso3', country_iso3, is_mention, sum(n)
    from attribute_counts group by all
    union all
    select actor_id, 'sector', sector, is_mention, sum(n) from attribute_counts group by all
    union all
    select actor_id, 'actor_type', actor_type, is_mention, sum(n) from attribute_counts group by all
),

chosen as (
    -- the most frequent non-null value (a tie goes to the value sorting last)
    select
        actor_id,
        attribute,
        coalesce(
            arg_max(value, (n, value)) filter (where is_mention = 1 and value is not null),
            arg_max(value, (n, value)) filter (where value is not null)
        ) as value,
    from votes
    group by actor_id, attribute
),

counts as (
    select
        actor_id,
        sum(n) filter (where is_mention = 1) as mention_count,
    from attribute_counts
    group by actor_id
),

articles as (
    select actor_id, count(*) as article_count
    from (select distinct actor_id, article_id from every_reference)
    group by actor_id
),

final as (
    select
        counts.actor_id,
        max(chosen.value) filter (where attribute = 'name') as name,
        max(chosen.value) filter (where attribute = 'actor_code') as actor_code,
        max(chosen.value) filter (where attribute = 'country_iso3') as country_iso3,
        max(chosen.value) filter (where attribute = 'sector') as sector,
        max(chosen.value) filter (where attribute = 'actor_type') as actor_type,
        coalesce(any_value(counts.mention_count), 0) as mention_count,
        any_value(articles.article_count) as article_count,
    from counts
    join chosen using (actor_id)
    join articles using (actor_id)
    group by counts.actor_id
)

select * from final
