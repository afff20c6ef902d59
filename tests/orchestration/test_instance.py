"""The instance a `casus run` without DAGSTER_HOME uses: a real run, fewer stored events."""

import dagster as dg
import duckdb
import pytest

from orchestration.cli import run_pipeline
from orchestration.instance import cli_instance


def _materializations(instance: dg.DagsterInstance, asset: str) -> list:
    return list(instance.fetch_materializations(dg.AssetKey(asset), limit=10_000).records)


@pytest.mark.slow
def test_a_run_stores_no_per_article_materializations_and_lands_the_same(seeded, tmp_path):
    lean, full = cli_instance(), dg.DagsterInstance.ephemeral()
    results = {}
    for name, instance in (("lean", lean), ("full", full)):
        warehouse = tmp_path / f"{name}.duckdb"
        result = run_pipeline(seeded, warehouse, instance=instance)
        assert result.success
        with duckdb.connect(str(warehouse), read_only=True) as conn:
            results[name] = conn.execute(
                "select article_id, cameo_code, evidence_text from fct_events order by all"
            ).fetchall()
        # the result still tells of every article partition's materialization
        done = result.asset_materializations_for_node("ingest_articles")
        assert sorted(m.partition for m in done) == [
            "000_a96da92cb1034342", "corrupt", "wire-1", "wire:line-2"]
    assert results["lean"] == results["full"] and results["lean"]
    # the full instance stored one materialization per article partition; the lean one none,
    # while it keeps the unpartitioned assets' materializations and the run's own record
    assert len(_materializations(full, "ingest_articles")) == 4
    assert _materializations(lean, "ingest_articles") == []
    assert len(_materializations(lean, "published_warehouse")) == 1
    (run,) = lean.get_runs()
    assert run.is_success
