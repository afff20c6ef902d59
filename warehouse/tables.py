"""The tables Python writes, their DDL derived from the pandera models, and per-article writes."""

from pathlib import Path

import duckdb
import pandas as pd
import pandera.pandas as pa

from schemas import (
    ActorMentions,
    Articles,
    EventActors,
    Events,
    IngestState,
    LocationMentions,
    RejectedRows,
    Sentences,
)
from warehouse.connection import snapshot_path

# Table name -> the pandera model that defines its columns; every one has an article_id.
INGEST_TABLES: dict[str, type[pa.DataFrameModel]] = {
    "raw.articles": Articles,
    "raw.sentences": Sentences,
    "raw.actor_mentions": ActorMentions,
    "raw.location_mentions": LocationMentions,
    "raw.events": Events,
    "raw.event_actors": EventActors,
}
REJECTED_TABLE = "rejected_rows"
STATE_TABLE = "raw.ingest_state"
ALL_TABLES = {**INGEST_TABLES, REJECTED_TABLE: RejectedRows, STATE_TABLE: IngestState}

_DUCKDB_TYPES = {
    "str": "VARCHAR",
    "string": "VARCHAR",
    "int64": "BIGINT",
    "Int64": "BIGINT",
    "float64": "DOUBLE",
    "Float64": "DOUBLE",
    "bool": "BOOLEAN",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime64[ns]": "TIMESTAMP",
}


def column_types(model: type[pa.DataFrameModel]) -> dict[str, str]:
    """Column name -> DuckDB type, read off the pandera model."""
    return {
        name: _DUCKDB_TYPES[str(column.dtype)]
        for name, column in model.to_schema().columns.items()
    }


def create_table_sql(table: str, model: type[pa.DataFrameModel]) -> str:
    schema = model.to_schema()
    columns = ",\n  ".join(
        f"{name} {kind}{'' if schema.columns[name].nullable else ' NOT NULL'}"
        for name, kind in column_types(model).items()
    )
    return f"create table if not exists {table} (\n  {columns}\n)"


def ensure_tables(conn: duckdb.DuckDBPyConnection) -> bool:
    """Create missing tables; a table whose columns drifted from its model is rebuilt empty.

    Returns True when something was rebuilt, in which case the ingest state is cleared too, so
    the next run re-ingests everything rather than trusting rows of an older shape.
    """
    conn.execute("create schema if not exists raw")
    rebuilt = False
    for table, model in ALL_TABLES.items():
        schema, _, name = table.rpartition(".")
        existing = conn.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema or "main", name],
        ).fetchall()
        if existing and dict(existing) != column_types(model):
            conn.execute(f"drop table {table}")
            rebuilt = True
        conn.execute(create_table_sql(table, model))
    if rebuilt:
        conn.execute(f"delete from {STATE_TABLE}")
    return rebuilt


def _insert(conn: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    conn.register("_incoming", frame)
    try:
        conn.execute(f"insert into {table} by name select * from _incoming")
    finally:
        conn.unregister("_incoming")


def replace_articles(
    conn: duckdb.DuckDBPyConnection,
    keys: list[str],
    frames: dict[str, pd.DataFrame],
    rejected: pd.DataFrame,
    state: pd.DataFrame,
) -> None:
    """Replace every row of these article keys in one transaction: all of them land, or none."""
    key_frame = pd.DataFrame({"key": keys})
    conn.execute("begin transaction")
    try:
        conn.register("_keys", key_frame)
        for table in INGEST_TABLES:
            conn.execute(f"delete from {table} where article_id in (select key from _keys)")
        conn.execute(f"delete from {REJECTED_TABLE} where article_id in (select key from _keys)")
        conn.execute(f"delete from {STATE_TABLE} where key in (select key from _keys)")
        conn.unregister("_keys")
        for table, frame in frames.items():
            _insert(conn, table, frame)
        _insert(conn, REJECTED_TABLE, rejected)
        _insert(conn, STATE_TABLE, state)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def ingest_state(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """Seed key -> (content hash, pipeline version) of its last ingestion."""
    rows = conn.execute(f"select key, content_hash, pipeline_version from {STATE_TABLE}").fetchall()
    return {key: (digest, version) for key, digest, version in rows}


def published_state(database: Path) -> dict[str, tuple[str, str]]:
    """`ingest_state` as the last published run left it (read from the snapshot, never from the
    file runs write); empty before the first run has published."""
    snapshot = snapshot_path(database)
    if not snapshot.exists():
        return {}
    try:
        with duckdb.connect(str(snapshot), read_only=True) as conn:
            return ingest_state(conn)
    except duckdb.CatalogException:  # a snapshot from before the state table existed
        return {}


def rejected_frame(rows: list[tuple[str, str, str, str | None, str | None]],
                   run_id: str) -> pd.DataFrame:
    """`rejected_rows` records, validated: (table_name, article_id, reason, detail, seed_path)."""
    now = pd.Timestamp.now()
    return RejectedRows.validate(pd.DataFrame(
        [{"table_name": table, "article_id": key, "reason": reason, "detail": detail,
          "seed_path": seed_path, "run_id": run_id, "rejected_at": now}
         for table, key, reason, detail, seed_path in rows],
        columns=list(RejectedRows.to_schema().columns)))


def quarantine_articles(
    conn: duckdb.DuckDBPyConnection, details: dict[str, str], table_name: str, reason: str,
    run_id: str,
) -> None:
    """Move articles out of the warehouse in one transaction: their rows leave every raw table,
    each gets a `rejected_rows` entry saying which test failed on which values, and its ingest
    state says `quarantined`, so the next run tries it again (a code fix heals it)."""
    keys = sorted(details)
    seeds = dict(conn.execute(
        "select article_id, seed_path from raw.articles where article_id in (select unnest(?))",
        [keys]).fetchall())
    rejected = rejected_frame(
        [(table_name, key, reason, details[key], seeds.get(key)) for key in keys], run_id)
    conn.execute("begin transaction")
    try:
        for table in INGEST_TABLES:
            conn.execute(f"delete from {table} where article_id in (select unnest(?))", [keys])
        conn.execute(f"update {STATE_TABLE} set outcome = 'quarantined' "
                     "where key in (select unnest(?))", [keys])
        _insert(conn, REJECTED_TABLE, rejected)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


def quarantined_keys(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Seed keys whose articles a data test moved out; every run tries them again."""
    rows = conn.execute(f"select key from {STATE_TABLE} where outcome = 'quarantined'").fetchall()
    return {key for (key,) in rows}


def retract_missing(conn: duckdb.DuckDBPyConnection, present: set[str]) -> list[str]:
    """Remove, in one transaction, every stored article and rejection whose seed key is not in
    `present`: the warehouse mirrors the seeds folder. Returns the keys retracted."""
    stored = {key for (key,) in conn.execute(
        f"select key from {STATE_TABLE} union select article_id from raw.articles "
        f"union select article_id from {REJECTED_TABLE}").fetchall()}
    gone = sorted(stored - present)
    if gone:
        replace_articles(conn, gone, {}, rejected_frame([], ""), pd.DataFrame())
    return gone
