import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from orchestration.definitions import defs
from tests.conftest import PROJECT_ROOT


def test_assets_cover_ingest_staging_and_marts():
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"ingest_articles", "stg_articles", "stg_sentences", "dim_articles",
            "mart_rejections"} <= keys


def test_every_asset_has_a_description_and_group():
    for spec in defs.resolve_all_asset_specs():
        assert spec.description, spec.key
        assert spec.group_name in {"ingest", "extract", "marts"}, spec.key


def test_sql_lineage_comes_from_the_sql():
    graph = defs.resolve_asset_graph()
    parents = graph.get(dg.AssetKey("dim_articles")).parent_keys
    assert parents == {dg.AssetKey("stg_articles"), dg.AssetKey("stg_sentences")}
    assert graph.get(dg.AssetKey("stg_articles")).parent_keys == {dg.AssetKey("ingest_articles")}
    # the marts read sources through staging, as dbt has it
    assert graph.get(dg.AssetKey("mart_rejections")).parent_keys == {
        dg.AssetKey("stg_rejected_rows")}
    assert graph.get(dg.AssetKey("stg_rejected_rows")).parent_keys == {
        dg.AssetKey("ingest_articles")}


def test_yaml_tests_and_pandera_are_blocking_checks():
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name): graph.get_check_spec(k)
              for k in graph.asset_check_keys}
    assert checks[("ingest_articles", "pandera_articles")].blocking
    assert checks[("ingest_articles", "pandera_sentences")].blocking
    assert checks[("dim_articles", "data_tests")].blocking
    assert "relationships_article_id_stg_articles" in checks[
        ("stg_sentences", "data_tests")].description


def test_sensor_and_schedule_are_on_by_default():
    sensor = defs.resolve_sensor_def("seeds_sensor")
    schedule = defs.resolve_schedule_def("hourly_catch_up")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING


@pytest.mark.slow
def test_dg_check_defs_passes():
    dg_cli = Path(sys.executable).with_name("dg")
    env = {**os.environ, "VIRTUAL_ENV": str(Path(sys.executable).parent.parent)}
    result = subprocess.run([str(dg_cli), "check", "defs"], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All definitions loaded successfully" in result.stdout + result.stderr
