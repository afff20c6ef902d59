"""Runs that no ordinary or hostile article can stop: real Dagster, real DuckDB, temporary seeds."""

import json
import shutil

import duckdb
import pytest

from orchestration.cli import run_pipeline
from orchestration.settings import SQL_ROOT
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


def _checks(result):
    return {e.check_name: (e.passed, e.severity, e.metadata["failing_tests"].value)
            for e in result.get_asset_check_evaluations()}


@pytest.mark.slow
def test_a_failing_data_test_quarantines_its_article_and_a_later_run_heals_it(
        seeds_dir, tmp_path, instance):
    import dagster as dg

    from orchestration.defs.resources import CasusPaths
    from orchestration.defs.sql_models import MODELS, sql_models_asset
    from warehouse.sql_models import ModelTest, SqlModel

    for key, title in (("good", "Good news"), ("odd", "Odd news"), ("untitled", None)):
        _write_json(seeds_dir / f"{key}.json", {
            "id": key, "published": "2024-05-02", "title": title,
            "text": "Leaders met in Geneva on Tuesday. They agreed to talk again."})
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    # A mart whose tests stand for any row-level test an article's data can fail.
    probe = SqlModel(
        "fct_probe", "marts", SQL_ROOT / "marts" / "fct_probe.sql",
        "select article_id, title from dim_articles",
        tests=(ModelTest("accepted_values", "title", {"values": ["Good news"]}),
               ModelTest("not_null", "title", {"severity": "warn"})))
    resources = {"casus": CasusPaths(seeds_dir=str(seeds_dir), warehouse=str(warehouse))}
    result = dg.materialize([sql_models_asset([*MODELS, probe])], selection=["fct_probe"],
                            instance=instance, resources=resources, raise_on_error=False)
    assert result.success
    checks = _checks(result)
    # the error-severity test passes once its article is quarantined; the warning stays
    assert checks["data_tests"] == (True, dg.AssetCheckSeverity.ERROR, "none")
    assert checks["data_tests_warn"] == (False, dg.AssetCheckSeverity.WARN, "not_null_title")
    assert _rows(warehouse, "select article_id, table_name, reason, detail like '%Odd news%' "
                            "from rejected_rows") == [
        ("odd", "fct_probe", "test:accepted_values_title", True)]
    for table in ("raw.articles", "raw.sentences", "dim_articles", "fct_probe"):
        keys = {k for (k,) in _rows(warehouse, f"select distinct article_id from {table}")}
        assert keys == {"good", "untitled"}, table
    assert _rows(warehouse, "select outcome from raw.ingest_state where key = 'odd'") == [
        ("quarantined",)]

    # The data test is gone (the code was fixed): the next run takes the article back.
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    assert {k for (k,) in _rows(warehouse, "select article_id from dim_articles")} == {
        "good", "odd", "untitled"}
    assert _rows(warehouse, "select count(*) from rejected_rows") == [(0,)]


@pytest.mark.slow
def test_a_failure_no_article_owns_stops_the_run(seeds_dir, tmp_path, instance):
    import dagster as dg

    from orchestration.defs.resources import CasusPaths
    from orchestration.defs.sql_models import MODELS, sql_models_asset
    from warehouse.sql_models import ModelTest, SqlModel

    _write_json(seeds_dir / "a.json", {"id": "a", "text": "Leaders met in Geneva."})
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    structural = SqlModel("dim_probe", "marts", SQL_ROOT / "marts" / "dim_probe.sql",
                          "select 1 as id union all select 1",
                          tests=(ModelTest("unique", "id"),))
    resources = {"casus": CasusPaths(seeds_dir=str(seeds_dir), warehouse=str(warehouse))}
    result = dg.materialize([sql_models_asset([*MODELS, structural])], selection=["dim_probe"],
                            instance=instance, resources=resources, raise_on_error=False)
    assert not result.success
    assert _rows(warehouse, "select count(*) from rejected_rows") == [(0,)]


@pytest.mark.slow
def test_the_warehouse_mirrors_the_seeds_folder(seeds_dir, tmp_path, instance):
    for key in ("a", "b"):
        (seeds_dir / f"{key}.txt").write_text(f"Story {key}\n\nLeaders met in Oslo.",
                                              encoding="utf-8")
    (seeds_dir / "bad.json").write_text("{", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    (seeds_dir / "b.txt").unlink()
    (seeds_dir / "bad.json").unlink()
    (seeds_dir / "a.txt").rename(seeds_dir / "c.txt")
    assert run_pipeline(seeds_dir, warehouse, instance=instance, keep_missing=True).success
    kept = {k for (k,) in _rows(warehouse, "select article_id from dim_articles")}
    assert kept == {"a", "b", "c"}
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    for table in ("raw.articles", "raw.sentences", "raw.location_mentions", "dim_articles"):
        assert {k for (k,) in _rows(warehouse, f"select distinct article_id from {table}")} == {
            "c"}, table
    assert _rows(warehouse, "select count(*) from rejected_rows") == [(0,)]
    assert _rows(warehouse, "select key from raw.ingest_state") == [("c",)]
    published = warehouse.with_name("w.read.duckdb")
    assert _rows(published, "select article_id from dim_articles") == [("c",)]
