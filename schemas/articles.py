"""The `raw.articles` staging table: one row per ingested article."""

import pandera.pandas as pa
from pandera.engines.pandas_engine import Date
from pandera.typing import Series

from schemas.fields import DATE_PRECISIONS, FIELD_ORIGINS, SEED_FORMATS, StagingModel, article_id


class Articles(StagingModel):
    """One row per article; `body` is the normalized text every offset indexes into."""

    article_id: Series[str] = article_id(unique=True)
    seed_path: Series[str] = pa.Field(str_length={"min_value": 1})
    seed_format: Series[str] = pa.Field(isin=SEED_FORMATS)
    seed_line: Series[pa.Int64] = pa.Field(nullable=True, ge=1)
    content_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    encoding: Series[str]
    title: Series[str] = pa.Field(nullable=True)
    source_name: Series[str] = pa.Field(nullable=True)
    source_origin: Series[str] = pa.Field(nullable=True, isin=FIELD_ORIGINS)
    dateline: Series[str] = pa.Field(nullable=True)
    published_date: Series[Date] = pa.Field(nullable=True)
    date_precision: Series[str] = pa.Field(isin=DATE_PRECISIONS)
    date_origin: Series[str] = pa.Field(nullable=True, isin=FIELD_ORIGINS)
    url: Series[str] = pa.Field(nullable=True)
    body: Series[str] = pa.Field(str_length={"min_value": 1})
    char_count: Series[pa.Int64] = pa.Field(ge=1)

    @pa.dataframe_check
    def char_count_is_body_length(cls, df) -> Series[bool]:
        """`char_count` is the length of the stored body."""
        return df["body"].str.len() == df["char_count"]

    @pa.dataframe_check
    def date_has_precision(cls, df) -> Series[bool]:
        """A known date has a precision other than unknown, and an unknown date has none."""
        return df["published_date"].isna() == (df["date_precision"] == "unknown")
