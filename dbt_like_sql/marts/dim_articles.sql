with articles as (
    select * from stg_articles
),

sentences as (
    select * from stg_sentences
),

sentence_counts as (
    select
        article_id,
        count(*) as sentence_count,
        count(*) filter (where is_extractable) as extractable_sentence_count,
        count(*) filter (where duplicate_of_sentence_index is not null) as repeated_sentence_count,
    from sentences
    group by article_id
),

final as (
    select
        articles.article_id,
        articles.title,
        articles.source_name,
        articles.published_date,
        articles.date_precision,
        articles.url,
        articles.seed_path,
        articles.body,
        articles.dateline,
        articles.encoding,
        articles.char_count,
        coalesce(sentence_counts.sentence_count, 0) as sentence_count,
        coalesce(sentence_counts.extractable_sentence_count, 0) as extractable_sentence_count,
        coalesce(sentence_counts.repeated_sentence_count, 0) as repeated_sentence_count,
    from articles
    left join sentence_counts using (article_id)
)

select * from final
