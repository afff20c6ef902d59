"""Runs and readers in separate processes: two runs never interleave or publish a mix, readers
never break a run and never see half of one."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from warehouse.errors import WarehouseMissing
from warehouse.query import run_query


def _seeds(folder: Path, keys: list[str]) -> Path:
    folder.mkdir()
    for key in keys:
        (folder / f"{key}.txt").write_text(
            f"Story {key}\n\nThe foreign ministers of France and Germany met in Paris on Monday. "
            "They agreed to hold talks with Italy next month.", encoding="utf-8")
    return folder


def _casus_run(seeds: Path, warehouse: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("casus")), "run", "--seeds", str(seeds),
         "--warehouse", str(warehouse)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class _ReaderLoop(threading.Thread):
    """Reads the published snapshot over and over; records what every read saw."""

    def __init__(self, warehouse: Path):
        super().__init__(daemon=True)
        self.warehouse, self.seen, self.errors = warehouse, [], []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                frame = run_query(self.warehouse, """
                    select (select list(article_id order by article_id) from raw.articles) as raw,
                           (select list(article_id order by article_id) from dim_articles) as dim,
                           (select count(*) from fct_events) as events""")
                row = frame.iloc[0]
                self.seen.append((tuple(row["raw"]), tuple(row["dim"]), int(row["events"])))
            except WarehouseMissing:
                self.seen.append(None)
            except Exception as exc:  # any other failure of a reader is a finding
                self.errors.append(repr(exc))
            time.sleep(0.05)


@pytest.mark.slow
def test_two_runs_never_mix_and_readers_never_break_them(tmp_path):
    first = _seeds(tmp_path / "first", ["a1", "a2", "a3"])
    second = _seeds(tmp_path / "second", ["b1"])
    warehouse = tmp_path / "w.duckdb"
    reader = _ReaderLoop(warehouse)
    reader.start()  # before the first run has published anything
    try:
        run_a = _casus_run(first, warehouse)
        time.sleep(3)
        run_b = _casus_run(second, warehouse)
        out_a, err_a = run_a.communicate(timeout=600)
        out_b, err_b = run_b.communicate(timeout=600)
    finally:
        reader.stop.set()
        reader.join()
    assert run_a.returncode == 0, err_a[-2000:]
    assert run_b.returncode == 0, err_b[-2000:]
    # each run reports its own articles, not the other's
    assert "casus run: 3 articles" in out_a
    assert "casus run: 1 articles" in out_b
    assert reader.errors == []
    snapshots = {s for s in reader.seen if s is not None}
    assert snapshots, "the reader never saw a published warehouse"
    for raw, dim, _ in snapshots:
        assert raw == dim and raw in {("a1", "a2", "a3"), ("b1",)}, (raw, dim)
    final = run_query(warehouse, "select list(article_id order by article_id) as ids "
                                 "from dim_articles").iloc[0]["ids"]
    assert tuple(final) in {("a1", "a2", "a3"), ("b1",)}


def test_parsing_holds_neither_the_write_lock_nor_a_connection(seeds_dir, tmp_path, monkeypatch):
    """The file lock and the DuckDB connection are taken around the warehouse's reads and each
    batch's write, not while articles are parsed: another process can take the lock then."""
    import dagster as dg

    import orchestration.defs.ingest as ingest
    from orchestration.cli import run_pipeline
    from warehouse.connection import write_lock

    _seeds(seeds_dir / "batch", ["a1", "a2"])
    warehouse = tmp_path / "w.duckdb"
    taken_while_parsing = []
    real_extract = ingest.extract_batches

    def extract_while_probing(batches, total, on_done=None):
        probe = subprocess.run([sys.executable, "-c", (
            "import sys; from pathlib import Path; from warehouse.connection import write_lock\n"
            "with write_lock(Path(sys.argv[1]), timeout_s=2):\n"
            "    import duckdb; duckdb.connect(sys.argv[1]).close(); print('taken')"),
            str(warehouse)], cwd=PROJECT_ROOT, capture_output=True, text=True)
        taken_while_parsing.append(probe.stdout.strip() or probe.stderr[-300:])
        yield from real_extract(batches, total, on_done=on_done)

    monkeypatch.setattr(ingest, "extract_batches", extract_while_probing)
    with dg.instance_for_test() as instance:
        result = run_pipeline(seeds_dir / "batch", warehouse, instance=instance)
    assert result.success
    assert taken_while_parsing == ["taken"]
    assert run_query(warehouse, "select count(*) as n from dim_articles").iloc[0]["n"] == 2
    with write_lock(warehouse, timeout_s=1):  # and the run let go of it when it ended
        pass
