"""Read-only access for people and tools: SQL to a DataFrame, and a SQLAlchemy engine."""

from pathlib import Path

import pandas as pd
import sqlalchemy

from warehouse.connection import READER_CONFIG, read_connection, snapshot_path


def run_query(database: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one statement on a read-only connection."""
    with read_connection(database) as conn:
        return conn.execute(sql, params or []).df()


def sqlalchemy_url(database: Path) -> str:
    """The duckdb-engine URL of the warehouse's published snapshot, for pandas and BI tools."""
    return f"duckdb:///{snapshot_path(database.resolve())}"


def read_only_engine(database: Path) -> sqlalchemy.Engine:
    """A SQLAlchemy engine on the published snapshot, every connection sandboxed as casus query's."""
    return sqlalchemy.create_engine(
        sqlalchemy_url(database), connect_args={"read_only": True, "config": dict(READER_CONFIG)})
