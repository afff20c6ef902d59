"""The `raw.actor_mentions` and `raw.location_mentions` staging tables, and the span check
shared by every table that points into an article's body."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import (
    ACTOR_RESOLUTIONS,
    ACTOR_TYPES,
    FEATURE_TYPES,
    ISO3_CODES,
    PLACE_RESOLUTIONS,
    SECTORS,
    StagingModel,
    article_id,
    char_offset,
    span_is_text_length,
)


class _Mention(StagingModel):
    """What every mention table starts with: its id, article, sentence and span."""

    mention_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str] = article_id()
    sentence_index: Series[pa.Int64] = pa.Field(ge=0)
    char_start: Series[pa.Int64] = char_offset()
    char_end: Series[pa.Int64] = char_offset()
    mention_text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check
    def span_is_text_length(cls, df) -> Series[bool]:
        """The span is as long as its text."""
        return span_is_text_length(df, "char_start", "char_end", "mention_text")


class ActorMentions(_Mention):
    """One row per actor mention and actor it denotes ("the two countries" denotes two)."""

    actor_id: Series[str] = pa.Field(nullable=True)
    actor_name: Series[str] = pa.Field(nullable=True)
    actor_code: Series[str] = pa.Field(nullable=True, str_matches=r"^([A-Z]{3}|---)([A-Z]{3})*$")
    country_iso3: Series[str] = pa.Field(nullable=True, isin=sorted(ISO3_CODES))
    sector: Series[str] = pa.Field(nullable=True, isin=SECTORS)
    actor_type: Series[str] = pa.Field(nullable=True, isin=ACTOR_TYPES)
    resolution: Series[str] = pa.Field(isin=ACTOR_RESOLUTIONS)
    confidence: Series[float] = pa.Field(ge=0, le=1)
    title: Series[str] = pa.Field(nullable=True)
    antecedent_text: Series[str] = pa.Field(nullable=True)
    in_quote: Series[bool]

    @pa.dataframe_check
    def resolved_has_actor(cls, df) -> Series[bool]:
        """Only an unresolved mention has no actor."""
        return df["actor_id"].isna() == (df["resolution"] == "unresolved")


class LocationMentions(_Mention):
    """One row per place mention, with the place it was resolved to (if any)."""

    location_id: Series[str] = pa.Field(nullable=True)
    location_name: Series[str] = pa.Field(nullable=True)
    feature_type: Series[str] = pa.Field(nullable=True, isin=FEATURE_TYPES)
    country_iso3: Series[str] = pa.Field(nullable=True, isin=sorted(ISO3_CODES))
    admin1: Series[str] = pa.Field(nullable=True)
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90)
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180)
    geonames_id: Series[pa.Int64] = pa.Field(nullable=True, gt=0)
    resolution: Series[str] = pa.Field(isin=PLACE_RESOLUTIONS)
    confidence: Series[float] = pa.Field(ge=0, le=1)
    candidate_count: Series[pa.Int64] = pa.Field(ge=0)
    preposition: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check
    def resolved_has_coordinates(cls, df) -> Series[bool]:
        """A resolved place has coordinates; an unresolved one has no place."""
        resolved = df["location_id"].notna()
        return resolved == (df["latitude"].notna() & df["longitude"].notna())


class Spans(StagingModel):
    """Any row that points into a body, joined to that body: the span must reproduce its text."""

    row_id: Series[str]
    char_start: Series[pa.Int64] = char_offset()
    char_end: Series[pa.Int64] = char_offset()
    text: Series[str]
    body: Series[str]

    @pa.dataframe_check
    def span_matches_body(cls, df) -> Series[bool]:
        """`body[char_start:char_end] == text`."""
        # a comprehension over the columns: `apply(axis=1)` builds a Series per row
        return pd.Series([body[start:end] == text for body, start, end, text in zip(
            df["body"], df["char_start"], df["char_end"], df["text"], strict=True)],
            index=df.index, dtype=bool)
