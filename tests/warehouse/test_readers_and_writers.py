"""An analyst's open session in another process neither breaks a run nor sees half of one."""

import subprocess
import sys
import textwrap

import pytest

from orchestration.cli import run_pipeline
from tests.conftest import PROJECT_ROOT, SEED_ARTICLE

READER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from warehouse.connection import read_connection
    database = Path(sys.argv[1])
    count = "select count(*) from dim_articles"
    with read_connection(database) as conn:
        print(conn.execute(count).fetchone()[0], flush=True)
        sys.stdin.readline()  # the writer runs now, with this session open
        print(conn.execute(count).fetchone()[0], flush=True)
    with read_connection(database) as conn:
        print(conn.execute(count).fetchone()[0], flush=True)
""")


@pytest.mark.slow
def test_open_reader_does_not_block_a_run_and_sees_whole_runs(seeds_dir, tmp_path):
    (seeds_dir / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse).success
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse)], cwd=PROJECT_ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        (seeds_dir / "second.txt").write_text("A second story\n\nLeaders met in Oslo.",
                                              encoding="utf-8")
        assert run_pipeline(seeds_dir, warehouse).success
        reader.stdin.write("go\n")
        reader.stdin.flush()
        same_session, new_session = reader.stdout.readline(), reader.stdout.readline()
        assert (same_session.strip(), new_session.strip()) == ("1", "2")
    finally:
        reader.kill()
        reader.wait()


@pytest.mark.slow
def test_sqlalchemy_engine_reads_the_published_snapshot(seeds_dir, tmp_path):
    import pandas as pd

    from warehouse.query import read_only_engine, sqlalchemy_url

    (seeds_dir / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse).success
    assert sqlalchemy_url(warehouse).endswith("w.read.duckdb")
    frame = pd.read_sql("select article_id, source_name from dim_articles",
                        read_only_engine(warehouse))
    assert frame.to_dict("records") == [
        {"article_id": SEED_ARTICLE.stem, "source_name": "Bloomberg"}]
