"""Runs that no ordinary or hostile article can stop: real Dagster, real DuckDB, temporary seeds."""

import json
import shutil

import duckdb
import pytest

from orchestration.cli import run_pipeline
from tests.conftest import SHARED


def _rows(warehouse, sql):
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def _write_json(path, article):
    path.write_text(json.dumps(article), encoding="utf-8")


@pytest.mark.slow
def test_every_event_actor_is_a_dimension_row(seeds_dir, tmp_path, instance):
    """Actors that events refer to but no mention names (a visit's host from the place visited,
    a titled person) are rows of dim_actors, so the relationships test holds and the run lands."""
    bbc = SHARED / "corpus" / "bbc" / "politics" / "007.txt"
    if bbc.exists():
        shutil.copy(bbc, seeds_dir / "bbc-politics-007.txt")
    _write_json(seeds_dir / "visit.json", {
        "id": "visit", "published": "1987-03-02",
        "text": "Secretary of State George Shultz is likely to visit Moscow next month, "
                "officials said on Monday."})
    _write_json(seeds_dir / "trip.json", {
        "id": "trip", "published": "2024-06-01",
        "text": "German Chancellor Anna Keller traveled to Lima in May."})
    warehouse = tmp_path / "w.duckdb"
    result = run_pipeline(seeds_dir, warehouse, instance=instance)
    assert result.success
    orphans = _rows(warehouse, """
        select ea.event_id, ea.actor_id from fct_event_actors ea
        left join dim_actors a using (actor_id) where a.actor_id is null""")
    assert orphans == []
    # the events still carry their actors: the fix keeps them rather than dropping them
    by_article = dict(_rows(warehouse, """
        select article_id, count(*) from fct_event_actors group by article_id"""))
    assert by_article.get("visit", 0) >= 1 and by_article.get("trip", 0) >= 1
    # an actor only an event names has no mentions, and says so
    assert _rows(warehouse, "select count(*) from dim_actors where mention_count < 0") == [(0,)]
    published = _rows(warehouse.with_name("w.read.duckdb"),
                      "select count(*) from dim_articles")[0][0]
    assert published == len(list(seeds_dir.iterdir()))
