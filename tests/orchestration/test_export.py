"""`casus export`: one row per event dyad from a real run's warehouse, in each format."""

import csv
import json

import duckdb
import pytest

from orchestration.cli import main, run_pipeline
from warehouse.export import GDELT_COLUMNS

ARTICLES = [
    # two sources and one target: two dyads; a threat (not a fact); an event with one side
    {"id": "a1", "published": "2024-05-02", "source": "Wire", "url": "https://example.org/a1",
     "text": "Russia and China condemned Japan on Monday. Iran threatened to attack Israel."},
    {"id": "a2", "published": "2023-01-10", "source": "Wire",
     "text": "Police fired tear gas in Nairobi on Tuesday."},
]


@pytest.mark.slow
def test_export_writes_one_row_per_dyad_in_every_format(seeds_dir, tmp_path, instance):
    (seeds_dir / "wire.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n",
                                          encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success

    out = tmp_path / "events.csv"
    assert main(["export", "--warehouse", str(warehouse), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(GDELT_COLUMNS)
    condemn = [(r["source_actor_code"], r["target_actor_code"]) for r in rows
               if r["root_code"] == "11"]
    assert sorted(condemn) == [("CHN", "JPN"), ("RUS", "JPN")]
    (force,) = [r for r in rows if r["cameo_code"].startswith("17")]  # one side: one row
    assert (force["source_actor_code"], force["target_actor_code"]) == ("---COP", "")
    assert force["location_name"] == "Nairobi" and force["country_iso3"] == "KEN"
    assert force["geo_type"] == "4" and force["publisher"] == "Wire"
    assert {r["article_url"] for r in rows if r["article_id"] == "a1"} == {
        "https://example.org/a1"}

    facts = tmp_path / "facts.jsonl"
    assert main(["export", "--warehouse", str(warehouse), "--out", str(facts), "--format",
                 "jsonl", "--facts-only", "--since", "2024-01-01"]) == 0
    lines = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    assert lines and all(r["is_fact"] and r["event_date"] >= "2024-01-01" for r in lines)
    assert not any(r["root_code"] == "13" for r in lines)  # the threat is not a fact

    parquet = tmp_path / "events.parquet"
    assert main(["export", "--warehouse", str(warehouse), "--out", str(parquet), "--format",
                 "parquet"]) == 0
    with duckdb.connect() as conn:
        assert conn.execute(f"select count(*) from '{parquet}'").fetchone()[0] == len(rows)


def test_export_without_a_warehouse_says_so(tmp_path, capsys):
    assert main(["export", "--warehouse", str(tmp_path / "none.duckdb"), "--out",
                 str(tmp_path / "x.csv")]) == 2
    assert "casus:" in capsys.readouterr().err


def test_the_readme_documents_every_export_column_in_order():
    from tests.conftest import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Export events", 1)[1].split("\n### ", 1)[0]
    documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert documented == list(GDELT_COLUMNS)
