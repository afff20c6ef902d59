"""The README's five questions, run against the BBC corpus (with a corpus.yaml giving its year)
as an analyst would: each must answer, and its answer must be what the question asks."""

import re
from datetime import date

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT
from warehouse.connection import snapshot_path

QUERIES = re.findall(r"```sql\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(), re.S)
pytestmark = pytest.mark.slow


def _answer(warehouse, index: int) -> list[dict]:
    with duckdb.connect(str(snapshot_path(warehouse)), read_only=True) as conn:
        cursor = conn.execute(QUERIES[index])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_the_readme_has_five_questions_naming_no_subject():
    assert len(QUERIES) == 5
    for query in QUERIES:  # each finds its subject in the data: no code or place written in
        assert not re.search(r"'[A-Z]{3}'|'[A-Z][a-z]+'", query), query


def test_appeals_of_the_latest_month(bbc_warehouse):
    rows = _answer(bbc_warehouse, 0)
    assert rows
    assert all(r["cameo_code"].startswith("02") and r["source"] and r["target"] for r in rows)
    assert len({(r["event_date"].year, r["event_date"].month) for r in rows}) == 1


def test_the_busiest_pair_of_countries_month_by_month(bbc_warehouse):
    rows = _answer(bbc_warehouse, 1)
    assert rows
    pairs = {frozenset((r["source_country"], r["target_country"])) for r in rows}
    assert len(pairs) == 1 and len(next(iter(pairs))) == 2
    assert all(r["cooperation"] >= 0 and r["conflict"] >= 0 for r in rows)
    assert all(isinstance(r["month_start"], date) for r in rows)


def test_the_busiest_place_and_its_events(bbc_warehouse):
    rows = _answer(bbc_warehouse, 2)
    assert len(rows) > 1
    assert len({(r["location_name"], r["country_iso3"]) for r in rows}) == 1
    assert all(r["evidence_text"] and r["event_type"] for r in rows)


def test_the_most_active_actors(bbc_warehouse):
    rows = _answer(bbc_warehouse, 3)
    assert 1 < len(rows) <= 10
    counts = [(r["events_as_source"], r["events_as_target"]) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0][0] > 0


def test_events_more_than_one_article_reported(bbc_warehouse):
    rows = _answer(bbc_warehouse, 4)
    assert rows
    assert all(r["reports"] > 1 and r["report_group_id"] for r in rows)
