with source as (
    select * from raw.sentences
),

renamed as (
    select
        sentence_id,
        article_id,
        sentence_index,
        paragraph_index,
        char_start,
        char_end,
        text as sentence_text,
        role as sentence_role,
        duplicate_of as duplicate_of_sentence_index,
        role = 'text' and duplicate_of is null as is_extractable,
    from source
)

select * from renamed
