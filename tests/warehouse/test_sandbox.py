"""Readers are sandboxed: no statement through `casus query` or the SQLAlchemy engine reaches a
file, the network or the writers' warehouse; DuckDB 1.x tools open the published snapshot."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy

from orchestration.cli import main, run_pipeline
from tests.conftest import SEED_ARTICLE
from warehouse.connection import snapshot_path
from warehouse.query import read_only_engine


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sandbox")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_ARTICLE, seeds / SEED_ARTICLE.name)
    database = root / "w.duckdb"
    assert run_pipeline(seeds, database).success
    return database


def _hostile(database: Path, outside: Path) -> list[str]:
    return [
        f"attach '{database}' as w (read_write); delete from w.raw.articles",
        f"attach '{database}' as w",
        f"copy (select * from dim_articles) to '{database}'",
        f"copy (select 1 as x) to '{outside / 'leak.csv'}'",
        f"export database '{outside / 'dump'}'",
        "select * from read_text('/etc/passwd')",
        "select * from read_csv('/etc/passwd')",
        "select * from glob('/root/*')",
        "install httpfs",
        "load httpfs",
        "set enable_external_access = true",
        "delete from raw.articles",
        "create table mine as select 1",
    ]


def test_casus_query_refuses_every_hostile_statement(warehouse, tmp_path, capsys):
    before = warehouse.read_bytes()
    for sql in _hostile(warehouse, tmp_path):
        assert main(["query", sql, "--warehouse", str(warehouse)]) == 1, sql
        assert "query failed" in capsys.readouterr().err, sql
    assert warehouse.read_bytes() == before
    assert list(tmp_path.iterdir()) == []
    assert main(["query", "select count(*) as n from raw.articles", "--warehouse",
                 str(warehouse), "--csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"]


def test_sqlalchemy_engine_is_sandboxed_too(warehouse, tmp_path):
    engine = read_only_engine(warehouse)
    for sql in _hostile(warehouse, tmp_path):
        with pytest.raises(sqlalchemy.exc.DBAPIError), engine.connect() as conn:
            conn.exec_driver_sql(sql)
    assert list(tmp_path.iterdir()) == []


def test_no_reader_opens_the_write_file_before_the_first_publish(tmp_path, capsys):
    database = tmp_path / "w.duckdb"
    import duckdb

    duckdb.connect(str(database)).execute("create table dim_articles as select 1 as a").close()
    assert main(["query", "select * from dim_articles", "--warehouse", str(database)]) == 2
    assert "no warehouse published" in capsys.readouterr().err


def test_duckdb_1x_cli_opens_the_snapshot(warehouse):
    cli = Path(sys.executable).with_name("duckdb")
    assert cli.exists(), "duckdb-cli (DuckDB 1.x, from PyPI) is a pinned dependency"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1."), version.stdout
    out = subprocess.run(
        [str(cli), "-readonly", "-csv", str(snapshot_path(warehouse)), "-c",
         "select count(*) as n from dim_articles; select count(*) > 0 as has_events from fct_events"],
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["n", "1", "has_events", "true"]
