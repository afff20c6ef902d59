"""The README's SQL answers run against a real warehouse built from the seeds."""

import re

import duckdb
import pytest

from orchestration.cli import run_pipeline
from tests.conftest import PROJECT_ROOT, SEED_ARTICLE

QUERIES = re.findall(r"```sql\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(), re.S)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    path = tmp_path_factory.mktemp("w") / "w.duckdb"
    assert run_pipeline(seeds, path).success
    return path.with_name("w.read.duckdb")


def test_the_readme_has_five_questions():
    assert len(QUERIES) == 5


@pytest.mark.parametrize("index", range(5))
def test_readme_query_runs_and_answers(warehouse, index):
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        rows = conn.execute(QUERIES[index]).fetchall()
    assert rows, QUERIES[index]
