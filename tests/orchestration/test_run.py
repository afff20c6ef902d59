"""`casus run`'s materialization: real Dagster, real DuckDB, temporary seeds."""

import duckdb
import pytest

from orchestration.cli import run_pipeline


def _table(warehouse, sql):
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def _snapshot(warehouse):
    return {table: _table(warehouse, f"select * exclude ({skip}) from {table} order by all")
            for table, skip in (("raw.articles", "content_hash"), ("raw.sentences", "text"),
                                ("dim_articles", "body"),
                                ("rejected_rows", "rejected_at, run_id"))}


@pytest.mark.slow
def test_good_articles_land_and_bad_ones_are_rejected(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    result = run_pipeline(seeded, warehouse, instance=instance)
    assert result.success
    assert _table(warehouse, "select article_id, source_name, year(published_date), "
                             "date_precision from dim_articles order by 1") == [
        ("000_a96da92cb1034342", "Bloomberg", 2023, "year"), ("wire-1", "Wire", 2024, "day")]
    rejected = _table(warehouse, "select article_id, reason, seed_path from rejected_rows order by 1")
    assert rejected == [("corrupt", "binary", "corrupt.txt"),
                        ("wire:line-2", "invalid_json", "wire.jsonl")]
    assert _table(warehouse, "select reason, rejected_count from mart_rejections order by 1") == [
        ("binary", 1), ("invalid_json", 1)]
    evaluations = {(e.asset_key.to_user_string(), e.check_name): e
                   for e in result.get_asset_check_evaluations()}
    checks = {key: e.passed for key, e in evaluations.items()}
    assert checks[("ingest_articles", "pandera_articles")] is True
    assert checks[("ingest_articles", "pandera_sentences")] is True
    assert checks[("ingest_articles", "no_rejections")] is False
    assert checks[("dim_articles", "data_tests")] is True
    # each YAML test is a row of its model's check, with its outcome
    assert "| unique_article_id |" in evaluations[("dim_articles", "data_tests")].metadata[
        "tests"].value


@pytest.mark.slow
def test_seed_article_actors_and_places(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    run_pipeline(seeded, warehouse, instance=instance)
    actors = {row[0]: row[1:] for row in _table(warehouse, """
        select a.name, a.actor_code, a.country_iso3, a.sector, a.actor_type
        from dim_actors a join fct_actor_mentions m using (actor_id)
        where m.article_id like '000_%'""")}
    for state, code in [("Russia", "RUS"), ("North Korea", "PRK"), ("China", "CHN"),
                        ("United States", "USA"), ("Japan", "JPN"), ("South Korea", "KOR")]:
        assert actors[state] == (code, code, None, "state"), state
    for person, country in [("Sergei Lavrov", "RUS"), ("Vladimir Putin", "RUS"),
                            ("Sergei Shoigu", "RUS"), ("Kim Jong Un", "PRK")]:
        assert actors[person] == (f"{country}GOV", country, "GOV", "person"), person
    assert actors["Tass"][3] == "media" and actors["Bloomberg"][3] == "media"
    places = {row[0]: row[1:] for row in _table(warehouse, """
        select m.mention_text, l.latitude, l.longitude from dim_locations l
        join fct_location_mentions m using (location_id) where m.article_id like '000_%'""")}
    assert abs(places["Pyongyang"][0] - 39.0) < 0.5 and abs(places["Pyongyang"][1] - 125.8) < 0.5
    # "the South Korean island of Jeju": on the island (33.4 N, 126.5 E, ~70 km across)
    assert abs(places["Jeju"][0] - 33.4) < 0.3 and abs(places["Jeju"][1] - 126.5) < 0.4
    assert abs(places["Korean Peninsula"][1] - 127.5) < 2
    spans = _table(warehouse, """
        select count(*) filter (where substr(a.body, m.char_start + 1, m.char_end - m.char_start)
                                       <> m.mention_text), count(*)
        from fct_actor_mentions m join dim_articles a using (article_id)""")
    assert spans[0][0] == 0 and spans[0][1] > 20


@pytest.mark.slow
def test_seed_article_events(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    run_pipeline(seeded, warehouse, instance=instance)
    facts = _table(warehouse, """
        select e.event_id, e.root_code, e.event_date, e.date_precision, e.mention_count, l.name
        from fct_events e left join dim_locations l using (location_id)
        where e.article_id like '000_%'""")
    roles = _table(warehouse, """
        select event_id, role, left(actor_code, 3) from fct_event_actors
        where article_id like '000_%'""")

    def countries(event_id, role):
        return tuple(sorted(c for e, r, c in roles if e == event_id and r == role))

    rows = [(*row, countries(row[0], "source"), countries(row[0], "target")) for row in facts]
    events = {(r[1], tuple(r[6]), tuple(r[7])): r for r in rows}
    assert all(r[2].year <= 2023 for r in rows)

    def find(root, sources, targets):
        key = (root, tuple(sorted(sources)), tuple(sorted(targets)))
        assert key in events, (key, sorted(events))
        return events[key]

    call = find("02", ["RUS"], ["CHN", "PRK"])
    assert call[4] == 2  # the repeated lead is the same event, stated twice
    find("11", ["RUS"], ["JPN", "KOR", "USA"])
    find("04", ["RUS"], ["PRK"])  # Lavrov's visit, Shoigu's July visit
    drill = find("15", ["JPN", "KOR", "USA"], [])
    (where,) = _table(warehouse, f"""select l.latitude, l.longitude from fct_events e
                                     join dim_locations l using (location_id)
                                     where e.event_id = '{drill[0]}'""")
    assert abs(where[0] - 33.4) < 0.3 and abs(where[1] - 126.5) < 0.4  # on Jeju island
    shoigu = [r for r in rows if r[1] == "04" and r[3] == "month" and r[2].month == 7]
    assert shoigu and shoigu[0][5] == "Pyongyang"
    kim_visit = find("04", ["PRK"], ["RUS"])
    assert (kim_visit[2].month, kim_visit[3]) == (9, "month")
    find("03", ["RUS"], ["PRK"])  # pledges of help with satellites
    find("16", [], ["PRK", "RUS"])  # sanctions on both
    dyads = _table(warehouse, "select count(*) from fct_event_dyads "
                              "where source_actor_id = target_actor_id")
    assert dyads == [(0,)]


@pytest.mark.slow
def test_every_sentence_span_matches_the_stored_body(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    run_pipeline(seeded, warehouse, instance=instance)
    mismatches = _table(warehouse, """
        select s.sentence_id from stg_sentences s join stg_articles a using (article_id)
        where substr(a.body, s.char_start + 1, s.char_end - s.char_start) <> s.sentence_text""")
    assert mismatches == []
    assert _table(warehouse, "select count(*) from stg_sentences where not is_extractable "
                             "and article_id like '000_%'") == [(3,)]  # repeat, promo, copyright


@pytest.mark.slow
def test_rerun_changes_nothing(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    run_pipeline(seeded, warehouse, instance=instance)
    before = _snapshot(warehouse)
    second = run_pipeline(seeded, warehouse, instance=instance)
    assert second.success
    assert _snapshot(warehouse) == before
    full = run_pipeline(seeded, warehouse, full_refresh=True, instance=instance)
    assert full.success
    assert _snapshot(warehouse) == before


@pytest.mark.slow
def test_changed_seed_is_reingested_and_fixed_seed_leaves_rejected_rows(seeded, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    run_pipeline(seeded, warehouse, instance=instance)
    (seeded / "corrupt.txt").write_text("Fixed headline\n\nNow a readable story.", encoding="utf-8")
    result = run_pipeline(seeded, warehouse, instance=instance)
    assert result.success
    assert _table(warehouse, "select title from dim_articles where article_id = 'corrupt'") == [
        ("Fixed headline",)]
    assert _table(warehouse, "select article_id from rejected_rows") == [("wire:line-2",)]
    ingest = next(m for m in result.get_asset_materialization_events()
                  if m.asset_key.to_user_string() == "ingest_articles")
    metadata = ingest.materialization.metadata
    assert metadata["articles_landed"].value == 1
    assert metadata["articles_skipped_unchanged"].value == 3


@pytest.mark.slow
def test_empty_seeds_folder_still_builds_the_marts(seeds_dir, tmp_path, instance):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_dir, warehouse, instance=instance).success
    assert _table(warehouse, "select count(*) from dim_articles") == [(0,)]


@pytest.mark.slow
def test_bbc_corpus_lands_whole_and_a_rerun_changes_no_count(bbc_warehouse):
    import dagster as dg

    warehouse = bbc_warehouse
    counts = "select (select count(*) from dim_articles), (select count(*) from stg_sentences), " \
             "(select count(*) from rejected_rows)"
    first = _table(warehouse, counts)
    assert first[0][0] == 2225 and first[0][2] == 0
    assert _table(warehouse, "select encoding from dim_articles where article_id = 'sport/199'") \
        == [("cp1252",)]
    # The corpus.yaml beside the files gave every article its publisher and year.
    assert _table(warehouse, "select distinct source_name, year(published_date), date_precision "
                             "from dim_articles") == [("BBC News", 2005, "year")]
    seeds = warehouse.parent / "seeds"
    assert run_pipeline(seeds, warehouse, instance=dg.DagsterInstance.ephemeral()).success
    assert _table(warehouse, counts) == first
