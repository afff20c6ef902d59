"""Fields and vocabularies shared by several staging tables."""

import pandera.pandas as pa

# An article id is also a Dagster partition key and part of every other id, so it keeps to a
# conservative alphabet: letters, digits and . _ : / - (a file's relative path without suffix fits).
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$"

DATE_PRECISIONS = ["day", "week", "month", "year", "unknown"]
SEED_FORMATS = ["txt", "json", "jsonl", "html"]
SENTENCE_ROLES = ["text", "boilerplate", "copyright"]


def article_id(**kwargs) -> pa.Field:
    """The article key, as every staging table carries it."""
    return pa.Field(str_matches=ARTICLE_ID_PATTERN, **kwargs)


def char_offset() -> pa.Field:
    """A character offset into `body` as stored."""
    return pa.Field(ge=0)
