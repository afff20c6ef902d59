"""Connections to the warehouse file, with one writer at a time across processes.

DuckDB itself lets a single process open a file for writing; two runs (the CLI and a sensor's
run, say) would make the second fail at once. An advisory lock beside the file makes the second
writer wait its turn instead.
"""

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.errors import WarehouseBusy, WarehouseMissing


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def write_lock(database: Path, timeout_s: float = 600.0) -> Iterator[None]:
    """Hold the warehouse's write lock, waiting up to `timeout_s` for another writer to finish."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(database), "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{database} is being written by another run") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def write_connection(database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, held under the write lock."""
    with write_lock(database):
        conn = duckdb.connect(str(database))
        try:
            yield conn
        finally:
            conn.close()


@contextmanager
def read_connection(database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; fails clearly when there is no warehouse yet."""
    if not database.exists():
        raise WarehouseMissing(f"no warehouse at {database}; run `casus run` first")
    conn = duckdb.connect(str(database), read_only=True)
    try:
        yield conn
    finally:
        conn.close()
