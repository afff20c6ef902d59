"""The `raw.events` and `raw.event_actors` staging tables."""

import pandera.pandas as pa
from pandera.engines.pandas_engine import Date
from pandera.typing import Series

from schemas.fields import (
    ACTOR_TYPES,
    DATE_PRECISIONS,
    EVENT_ROLES,
    ISO3_CODES,
    MODALITIES,
    SECTORS,
    StagingModel,
    article_id,
    char_offset,
    span_is_text_length,
)
from schemas.taxonomy import cameo_codes


class Events(StagingModel):
    """One row per event of an article (a repeated statement is one event, mention_count > 1)."""

    event_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str] = article_id()
    sentence_index: Series[pa.Int64] = pa.Field(ge=0)
    trigger_start: Series[pa.Int64] = char_offset()
    trigger_end: Series[pa.Int64] = char_offset()
    trigger_text: Series[str] = pa.Field(str_length={"min_value": 1})
    cameo_code: Series[str] = pa.Field(isin=sorted(cameo_codes()))
    modality: Series[str] = pa.Field(isin=MODALITIES)
    is_negated: Series[bool]
    is_fact: Series[bool]
    event_date: Series[Date] = pa.Field(nullable=True)
    date_precision: Series[str] = pa.Field(isin=DATE_PRECISIONS)
    date_text: Series[str] = pa.Field(nullable=True)
    location_id: Series[str] = pa.Field(nullable=True)
    location_text: Series[str] = pa.Field(nullable=True)
    confidence: Series[float] = pa.Field(ge=0, le=1)
    mention_count: Series[pa.Int64] = pa.Field(ge=1)
    evidence_text: Series[str] = pa.Field(str_length={"min_value": 1})
    repeated_in: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check
    def fact_is_asserted_and_not_negated(cls, df) -> Series[bool]:
        """Only what happened or was said is a fact."""
        return df["is_fact"] == ((df["modality"] == "asserted") & ~df["is_negated"])

    @pa.dataframe_check
    def trigger_span_is_text_length(cls, df) -> Series[bool]:
        """The trigger's span is as long as its text."""
        return span_is_text_length(df, "trigger_start", "trigger_end", "trigger_text")


class EventActors(StagingModel):
    """One row per event, actor and role."""

    event_id: Series[str]
    article_id: Series[str] = article_id()
    role: Series[str] = pa.Field(isin=EVENT_ROLES)
    actor_id: Series[str]
    actor_code: Series[str] = pa.Field(nullable=True, str_matches=r"^([A-Z]{3}|---)([A-Z]{3})*$")
    actor_name: Series[str]
    country_iso3: Series[str] = pa.Field(nullable=True, isin=sorted(ISO3_CODES))
    sector: Series[str] = pa.Field(nullable=True, isin=SECTORS)
    actor_type: Series[str] = pa.Field(isin=ACTOR_TYPES)

    class Config:
        unique = ["event_id", "role", "actor_id"]

    @pa.dataframe_check
    def no_actor_is_its_own_target(cls, df) -> Series[bool]:
        """An actor is not the target of its own event, unless the event is mutual (a meeting)."""
        sources = set(zip(df.loc[df["role"] == "source", "event_id"],
                          df.loc[df["role"] == "source", "actor_id"], strict=True))
        targets = set(zip(df.loc[df["role"] == "target", "event_id"],
                          df.loc[df["role"] == "target", "actor_id"], strict=True))
        mutual = {event for event, _ in sources & targets}
        both = sources & targets
        return df.apply(lambda row: (row["event_id"], row["actor_id"]) not in both
                        or row["event_id"] in mutual and _all_mutual(row["event_id"], sources,
                                                                     targets), axis=1)


def _all_mutual(event_id: str, sources: set, targets: set) -> bool:
    """A mutual event lists the same actors as sources and targets."""
    return {a for e, a in sources if e == event_id} == {a for e, a in targets if e == event_id}


class EventDates(StagingModel):
    """An event joined to the last day its article may have been published on."""

    row_id: Series[str]
    event_date: Series[Date] = pa.Field(nullable=True)
    latest_publication: Series[Date] = pa.Field(nullable=True)

    @pa.dataframe_check
    def not_after_publication(cls, df) -> Series[bool]:
        """No event is dated after its article was published."""
        unknown = df["event_date"].isna() | df["latest_publication"].isna()
        return unknown | (df["event_date"] <= df["latest_publication"])
