"""The `raw.sentences` staging table: one row per sentence, with its span in the body."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import SENTENCE_ROLES, StagingModel, article_id, char_offset, span_is_text_length


class Sentences(StagingModel):
    """One row per sentence of an article's body, boilerplate and repeats included but marked."""

    sentence_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str] = article_id()
    sentence_index: Series[pa.Int64] = pa.Field(ge=0)
    paragraph_index: Series[pa.Int64] = pa.Field(ge=0)
    char_start: Series[pa.Int64] = char_offset()
    char_end: Series[pa.Int64] = char_offset()
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    role: Series[str] = pa.Field(isin=SENTENCE_ROLES)
    duplicate_of: Series[pa.Int64] = pa.Field(nullable=True, ge=0)

    class Config:
        unique = ["article_id", "sentence_index"]

    @pa.dataframe_check
    def span_is_text_length(cls, df) -> Series[bool]:
        """The span is as long as the text it claims to hold."""
        return span_is_text_length(df, "char_start", "char_end", "text")

    @pa.dataframe_check
    def duplicate_points_back(cls, df) -> Series[bool]:
        """A repeat points to an earlier sentence of the same article."""
        return df["duplicate_of"].isna() | (df["duplicate_of"] < df["sentence_index"])
