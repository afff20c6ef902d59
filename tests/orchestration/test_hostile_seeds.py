"""Hostile seeds beside good ones: no crash, every good article lands, every bad one lands or is
rejected with its reason (real Dagster, real DuckDB)."""

import duckdb
import pytest

from orchestration.cli import run_pipeline
from tests.hostile import write_hostile_seeds


@pytest.mark.slow
def test_hostile_seeds_never_stop_a_run(tmp_path, instance):
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir()
    outside.mkdir()
    expect = write_hostile_seeds(seeds, outside)
    warehouse = tmp_path / "w.duckdb"
    result = run_pipeline(seeds, warehouse, instance=instance)
    assert result.success
    with duckdb.connect(str(warehouse.with_name("w.read.duckdb")), read_only=True) as conn:
        landed = {path for (path,) in conn.execute("select seed_path from dim_articles").fetchall()}
        rejected = {}
        for path, reason in conn.execute("select seed_path, reason from rejected_rows").fetchall():
            rejected.setdefault(path, set()).add(reason)
        texts = dict(conn.execute("select seed_path, body from dim_articles").fetchall())
        articles = {row[0]: row[1:] for row in conn.execute(
            "select seed_path, title, encoding, published_date from raw.articles").fetchall()}
    for path, outcome in expect.items():
        if outcome == "lands":
            assert path in landed, (path, rejected.get(path))
        else:
            assert outcome in rejected.get(path, set()), (path, rejected.get(path))
            assert path not in landed, path
    assert landed == {p for p, o in expect.items() if o == "lands"}
    # read faithfully, not merely landed
    assert "Negotiators from Kenya" in texts["b.txt"]
    assert "Japan pledged" in texts["space_name.txt"]
    assert articles["cr-only.txt"][0] == "Old Mac headline"
    assert "They talked." in texts["cr-only.txt"]
    assert articles["truncated.txt"][1].startswith("utf-8") and "Zürich" in texts["truncated.txt"]
    assert "\ufffd" in texts["surrogate.json"]
    assert "Berlin" in texts["deep.html"]
    assert "Vienna" in texts["utf16-nobom.txt"]
    for extreme in ("year-one.json", "year-max.json"):
        assert articles[extreme][2] is None
        assert "implausible_published" in rejected[extreme]
    assert all("Not for the warehouse" not in body for body in texts.values())
