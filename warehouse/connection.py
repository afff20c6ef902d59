"""Connections to the warehouse file, with one writer at a time across processes, and the
published snapshot that readers use.

DuckDB lets one process open a file for writing, and not while another process reads it: two
runs (the CLI and a sensor's run, say) would make the second fail at once, and an analyst's open
query session would make every run fail. So:

- writers take an advisory lock beside the file and wait their turn;
- readers never open the file runs write. At the end of every run the warehouse is copied to a
  snapshot beside it (`casus.read.duckdb` for `casus.duckdb`) and swapped in with an atomic
  rename. A reader sees the last complete run, never half of one; a session opened before the
  swap keeps reading the snapshot it opened; the writer never meets a reader's lock. Before the
  first run has published there is no warehouse to read, rather than a half-built one.
- the snapshot is written in an older storage format (SNAPSHOT_STORAGE_VERSION), so DuckDB 1.x
  tools (the PyPI duckdb-cli, DBeaver, R) open it, not only the DuckDB this project pins.
- a reader's connection is a sandbox: no file system access beyond the snapshot (no ATTACH,
  COPY, EXPORT, read_* of files), no extension installs or loads, its configuration locked.
"""

import fcntl
import os
import time
from collections.abc import Callable, Iterator
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


def owner_path(database: Path) -> Path:
    return database.with_name(database.name + ".run")


def _owner(database: Path) -> tuple[str, int] | None:
    """The run that holds the warehouse and its process, if that process is another one and
    still alive. A process runs one run at a time (steps run in-process), so a run recorded
    with this process's id is over, whether or not it got to release."""
    try:
        run_id, pid = owner_path(database).read_text(encoding="utf-8").split()
        if int(pid) == os.getpid():
            return None
        os.kill(int(pid), 0)
    except (OSError, ValueError):
        return None  # no owner, a garbled file, or a process that died mid-run
    return run_id, int(pid)


@contextmanager
def write_connection(database: Path, run_id: str | None = None, timeout_s: float = 3600.0,
                     on_wait: Callable[[str], None] | None = None,
                     ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, held under the write lock.

    With a `run_id`, the run also takes the warehouse for its whole duration: the steps of
    another run wait until that run releases it (`release_run`, after publishing) or its process
    dies, so two runs never interleave step by step.
    """
    deadline = time.monotonic() + timeout_s
    told = False
    while True:
        with write_lock(database, timeout_s):
            owner = _owner(database) if run_id is not None else None
            if owner is None or owner[0] == run_id:
                if run_id is not None:
                    owner_path(database).write_text(f"{run_id} {os.getpid()}", encoding="utf-8")
                conn = duckdb.connect(str(database))
                try:
                    yield conn
                finally:
                    conn.close()
                return
        # Another run holds the warehouse: wait for it outside the lock.
        if time.monotonic() > deadline:
            raise WarehouseBusy(f"{database} is held by run {owner[0]}")
        if on_wait is not None and not told:
            on_wait(f"waiting for run {owner[0]} to finish with {database.name}")
            told = True
        time.sleep(0.5)


# The oldest storage format that holds everything casus writes; DuckDB 1.0 and later read it.
SNAPSHOT_STORAGE_VERSION = "v1.0.0"

# Every reader connection: only the snapshot it opened, nothing outside it, nothing to change.
READER_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


def release_run(database: Path, run_id: str | None = None) -> None:
    """The run is over (published, or failed): the next run may take the warehouse. Without a
    run id, whatever run this process holds is released (a caller that ran it in-process)."""
    with write_lock(database):
        owner = _owner(database)
        if owner is None or owner[0] == run_id:
            owner_path(database).unlink(missing_ok=True)


def snapshot_path(database: Path) -> Path:
    """Where readers find the last complete run: `casus.read.duckdb` beside `casus.duckdb`."""
    return database.with_name(f"{database.stem}.read{database.suffix}")


def publish_snapshot(conn: duckdb.DuckDBPyConnection, database: Path) -> Path:
    """Copy the warehouse, as of now, to its snapshot and swap it in atomically.

    Call it holding the write lock, with `conn` the only connection to the file.
    """
    conn.execute("checkpoint")
    target = snapshot_path(database)
    staging = target.with_name(target.name + ".tmp")
    staging.unlink(missing_ok=True)
    source = conn.execute("select current_database()").fetchone()[0]
    conn.execute(f"attach '{_sql_path(staging)}' as casus_snapshot "
                 f"(storage_version '{SNAPSHOT_STORAGE_VERSION}')")
    try:
        conn.execute(f'copy from database "{source}" to casus_snapshot')
    finally:
        conn.execute("detach casus_snapshot")
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, target)
    return target


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


@contextmanager
def read_connection(database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A sandboxed read-only connection to the published snapshot; fails clearly when there is none."""
    path = snapshot_path(database)  # never the file runs write
    if not path.exists():
        raise WarehouseMissing(f"no warehouse published at {path} yet; run `casus run` first")
    conn = duckdb.connect(str(path), read_only=True, config=READER_CONFIG)
    try:
        yield conn
    finally:
        conn.close()
