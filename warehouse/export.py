"""A flat event export as GDELT, ICEWS and POLECAT users expect it: one row per event dyad (an
event with one side keeps the other empty; an event with no side is one row with both empty),
with the actors' codes, countries and sectors, the place, the article's source and the evidence.

Written by DuckDB itself (CSV, Parquet or JSON lines) from the published snapshot, read-only.
"""

from datetime import date
from pathlib import Path

import duckdb

from warehouse.connection import read_connection

FORMATS = {"csv": "(format csv, header true)", "parquet": "(format parquet)",
           "jsonl": "(format json)"}

# Column -> its GDELT 2.0 event-table counterpart, for the README and for users mapping files.
GDELT_COLUMNS = {
    "event_id": "GLOBALEVENTID (a string here: article#sentence:offset)",
    "article_id": "-", "event_date": "SQLDATE / Day", "date_precision": "-",
    "cameo_code": "EventCode", "root_code": "EventRootCode", "plover_type": "-",
    "quad_class": "QuadClass", "goldstein": "GoldsteinScale",
    "source_actor_code": "Actor1Code", "source_name": "Actor1Name",
    "source_country": "Actor1CountryCode", "source_sector": "Actor1Type1Code",
    "target_actor_code": "Actor2Code", "target_name": "Actor2Name",
    "target_country": "Actor2CountryCode", "target_sector": "Actor2Type1Code",
    "location_name": "ActionGeo_FullName", "country_iso3": "ActionGeo_CountryCode (ISO-3 here)",
    "admin1": "ActionGeo_ADM1Code", "latitude": "ActionGeo_Lat", "longitude": "ActionGeo_Long",
    "geo_type": "ActionGeo_Type", "is_fact": "IsRootEvent (roughly)", "is_negated": "-",
    "modality": "-", "mention_count": "NumMentions", "confidence": "-",
    "evidence_text": "-", "article_url": "SOURCEURL", "publisher": "-",
    "published_date": "DATEADDED (the article's date here)",
}

_SQL = """
with sides as (
    select a.event_id, a.role, a.actor_id, a.actor_code, d.name, d.country_iso3, d.sector
    from fct_event_actors a left join dim_actors d using (actor_id)
),
sources as (select * from sides where role = 'source'),
targets as (select * from sides where role = 'target')
select
    e.event_id, e.article_id, e.event_date, e.date_precision, e.cameo_code, e.root_code,
    e.plover_type, e.quad_class, e.goldstein,
    s.actor_code as source_actor_code, s.name as source_name,
    s.country_iso3 as source_country, s.sector as source_sector,
    t.actor_code as target_actor_code, t.name as target_name,
    t.country_iso3 as target_country, t.sector as target_sector,
    l.name as location_name, l.country_iso3, l.admin1, l.latitude, l.longitude, l.geo_type,
    e.is_fact, e.is_negated, e.modality, e.mention_count, e.confidence, e.evidence_text,
    a.url as article_url, a.source_name as publisher, a.published_date
from fct_events e
left join sources s using (event_id)
left join targets t on t.event_id = e.event_id and t.actor_id is distinct from s.actor_id
left join dim_locations l using (location_id)
left join dim_articles a using (article_id)
where {where}
order by e.article_id, e.event_id, s.actor_id nulls first, t.actor_id nulls first
"""


def export_events(database: Path, out: Path, fmt: str, since: date | None = None,
                  facts_only: bool = False) -> int:
    """Write the export to `out`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    conditions, params = ["true"], []
    if since is not None:
        conditions.append("e.event_date >= ?")
        params.append(since)
    if facts_only:
        conditions.append("e.is_fact and not e.is_negated")
    query = _SQL.format(where=" and ".join(conditions))
    with read_connection(database) as conn:  # sandboxed: reads the snapshot, writes nothing
        frame = conn.execute(query, params).df()
    out.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as writer:  # an in-memory database of its own writes the file
        writer.register("export_rows", frame)
        writer.execute(f"copy export_rows to '{_quoted(out)}' {FORMATS[fmt]}")
    return len(frame)


def _quoted(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")
