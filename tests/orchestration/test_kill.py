"""kill -9 at every stage of a run: no half-written article, and the next run matches a clean
run table by table."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import run_pipeline
from tests.conftest import PROJECT_ROOT, SEED_ARTICLE

# A line the run logs as it enters each stage.
STAGES = {
    "extraction": "reading and extracting",
    "ingest written": "ingested ",
    "models": "building the marts models",  # the staging views are built by then
    "publish": "publishing the snapshot",
}
COMPARED = ("raw.articles", "raw.sentences", "raw.actor_mentions", "raw.events",
            "raw.event_actors", "dim_articles", "dim_actors", "fct_events", "fct_event_actors")


def _tables(database: Path) -> dict[str, list]:
    with duckdb.connect(str(database), read_only=True) as conn:
        return {t: conn.execute(f"select * exclude (content_hash) from {t} order by all").fetchall()
                if t == "raw.articles" else
                conn.execute(f"select * from {t} order by all").fetchall() for t in COMPARED}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "seeds"
    folder.mkdir()
    (folder / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    for n in range(3):
        (folder / f"s{n}.txt").write_text(
            f"Story {n}\n\nThe president of Kenya met the prime minister of Ethiopia in Nairobi "
            f"on Monday. Police in Nairobi arrested {n + 2} protesters.", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(seeds, tmp_path_factory) -> dict[str, list]:
    database = tmp_path_factory.mktemp("clean") / "w.duckdb"
    assert run_pipeline(seeds, database).success
    return _tables(database)


@pytest.mark.slow
@pytest.mark.parametrize("stage", list(STAGES))
def test_a_killed_run_leaves_a_state_the_next_run_heals(stage, seeds, clean, tmp_path):
    database = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("casus")), "run", "--seeds", str(seeds),
         "--warehouse", str(database)],
        cwd=PROJECT_ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    killed = False
    for line in process.stderr:
        if STAGES[stage] in line:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
            break
    process.wait(timeout=300)
    assert killed, f"the run never reached {stage}"
    if database.exists():  # whatever landed is whole: no article without its sentences
        with duckdb.connect(str(database), read_only=True) as conn:
            tables = {r[0] for r in conn.execute(
                "select schema_name || '.' || table_name from duckdb_tables()").fetchall()}
            if "raw.articles" in tables:
                assert conn.execute("""
                    select count(*) from raw.articles a
                    where not exists (select 1 from raw.sentences s
                                      where s.article_id = a.article_id)""").fetchone()[0] == 0
    assert run_pipeline(seeds, database).success  # the dead run's hold does not block it
    assert _tables(database) == clean
