from datetime import date
from pathlib import Path

import duckdb
import pytest

from schemas import CameoEventTypes
from tests.conftest import PROJECT_ROOT
from warehouse.errors import SqlModelError
from warehouse.sql_models import (
    ModelTest,
    SqlModel,
    build_model,
    failing_articles,
    load_models,
    load_sources,
    run_test,
    run_unit_test,
    upstream_tables,
)
from warehouse.tables import create_table_sql, ensure_tables

PROJECT_MODELS = load_models(PROJECT_ROOT / "dbt_like_sql")
UNIT_TESTS = [unit for model in PROJECT_MODELS for unit in model.unit_tests]


def test_upstream_tables_skip_ctes_and_keep_schemas():
    sql = ("with a as (select * from raw.articles), b as (select * from a join stg_x using (k)) "
           "select * from b left join dim_y on true")
    assert upstream_tables(sql) == ("dim_y", "raw.articles", "stg_x")


def test_unparseable_sql_names_the_file():
    with pytest.raises(SqlModelError, match="broken.sql"):
        upstream_tables("select from where (", where="broken.sql")


def _model(tmp_path: Path, layer: str, name: str, sql: str, yml: str = "") -> None:
    folder = tmp_path / layer
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.sql").write_text(sql)
    if yml:
        (folder / f"{name}.yml").write_text(yml)


def test_load_models_orders_by_dependency_and_reads_yaml(tmp_path):
    _model(tmp_path, "marts", "dim_b", "select * from stg_a")
    _model(tmp_path, "staging", "stg_a", "select 1 as id", yml=(
        "models:\n  - name: stg_a\n    description: One row.\n    columns:\n"
        "      - name: id\n        data_tests: [unique, {accepted_values: {vocabulary: geo_types}}]\n"))
    models = load_models(tmp_path)
    assert [m.name for m in models] == ["stg_a", "dim_b"]
    assert models[0].materialization == "view" and models[1].materialization == "table"
    assert [t.name for t in models[0].tests] == ["unique_id", "accepted_values_id"]
    assert models[0].tests[1].params["values"] == [1, 2, 3, 4, 5]  # schemas/fields.py GEO_TYPES


@pytest.mark.parametrize("params", ["{values: [1, 2]}", "{vocabulary: no_such_list}", "{}"])
def test_accepted_values_must_name_a_vocabulary_and_not_list_values(tmp_path, params):
    _model(tmp_path, "staging", "stg_a", "select 1 as id", yml=(
        "models:\n  - name: stg_a\n    columns:\n"
        f"      - name: id\n        data_tests: [{{accepted_values: {params}}}]\n"))
    with pytest.raises(SqlModelError, match="vocabulary"):
        load_models(tmp_path)


def test_yaml_for_a_missing_model_is_an_error(tmp_path):
    _model(tmp_path, "staging", "stg_a", "select 1 as id",
           yml="models:\n  - name: stg_gone\n    description: x\n")
    with pytest.raises(SqlModelError, match="stg_gone"):
        load_models(tmp_path)


def test_generic_tests_catch_bad_rows():
    conn = duckdb.connect()
    conn.execute("create table parent as select * from (values (1), (2)) t(id)")
    model = SqlModel("child", "marts", Path("child.sql"),
                     "select * from (values (1, 'a'), (1, 'b'), (3, null)) t(id, kind)")
    build_model(conn, model)
    failing = {
        kind: run_test(conn, model, test)[0]
        for kind, test in {
            "unique": ModelTest("unique", "id"),
            "not_null": ModelTest("not_null", "kind"),
            "accepted": ModelTest("accepted_values", "kind", {"values": ["a"]}),
            "relationships": ModelTest("relationships", "id", {"to": "parent", "field": "id"}),
        }.items()
    }
    assert failing == {"unique": 1, "not_null": 1, "accepted": 1, "relationships": 1}


def test_model_level_tests_catch_bad_rows_and_name_their_articles():
    conn = duckdb.connect()
    model = SqlModel("m", "marts", Path("m.sql"), "select * from (values ('a1', 1, 'x', 3), "
                     "('a1', 1, 'x', -1), ('a2', 2, 'y', 4)) t(article_id, id, kind, n)")
    build_model(conn, model)
    positive = ModelTest("expression_is_true", "", {"name": "positive_n", "expression": "n > 0"})
    grain = ModelTest("unique_combination_of_columns", "",
                      {"name": "id_kind", "combination_of_columns": ["id", "kind"]})
    assert run_test(conn, model, positive)[0] == 1
    assert run_test(conn, model, grain)[0] == 1
    assert failing_articles(conn, model, positive) == {"a1": "expression_is_true_positive_n: "
                                                             "row = 'positive_n'"}
    assert set(failing_articles(conn, model, grain)) == {"a1"}
    assert grain.description == "one row per id, kind"


def test_model_yaml_is_dbt_shaped_one_per_model_with_data_tests(tmp_path):
    _model(tmp_path, "staging", "stg_a", "select 1 as id", yml=(
        "models:\n  - name: stg_a\n    data_tests:\n"
        "      - expression_is_true: {name: positive, expression: id > 0}\n"))
    assert [t.name for t in load_models(tmp_path)[0].tests] == ["expression_is_true_positive"]
    (tmp_path / "staging" / "stg_a.yml").write_text(
        "models:\n  - name: stg_a\n    columns:\n      - name: id\n        tests: [unique]\n")
    with pytest.raises(SqlModelError, match="data_tests"):
        load_models(tmp_path)
    (tmp_path / "staging" / "stg_a.yml").unlink()
    (tmp_path / "staging" / "_staging.yml").write_text("models:\n  - name: stg_a\n")
    with pytest.raises(SqlModelError, match="_staging"):
        load_models(tmp_path)


def test_models_read_only_declared_sources(tmp_path):
    _model(tmp_path, "staging", "stg_a", "select * from raw.things")
    with pytest.raises(SqlModelError, match="raw.things"):
        load_models(tmp_path)
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - name: raw\n    tables:\n      - name: things\n")
    assert load_models(tmp_path)[0].upstream == ("raw.things",)


def test_declared_sources_are_tables_the_pipeline_writes():
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    tables = {(schema, name) for schema, name in conn.execute(
        "select table_schema, table_name from information_schema.tables").fetchall()}
    sources = load_sources(PROJECT_ROOT / "dbt_like_sql")
    for name in sources:
        schema, _, table = name.rpartition(".")
        assert (schema or "main", table) in tables, name
    read = {t for m in PROJECT_MODELS for t in m.upstream} - {m.name for m in PROJECT_MODELS}
    assert read == set(sources)  # none declared that no model reads


def _unit_conn() -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    return conn


def test_enough_sql_unit_tests_for_the_models_with_logic():
    assert {u["model"] for u in UNIT_TESTS} >= {"fct_event_dyads", "fct_events",
                                                 "mart_dyad_monthly", "dim_dates"}
    assert len(UNIT_TESTS) >= 5


@pytest.mark.parametrize("unit", UNIT_TESTS, ids=[u["name"] for u in UNIT_TESTS])
def test_sql_unit_tests(unit):
    missing, unexpected = run_unit_test(_unit_conn(), PROJECT_MODELS, unit)
    assert (missing, unexpected) == ([], []), unit["name"]


def test_a_unit_test_fails_when_the_model_is_wrong(tmp_path):
    _model(tmp_path, "staging", "stg_a", "select 1 as id")
    _model(tmp_path, "marts", "dim_b", "select id * 2 as doubled from stg_a where id > 1")
    models = load_models(tmp_path)
    unit = {"name": "u", "model": "dim_b", "given": [{"input": "stg_a", "rows": [
        {"id": 1}, {"id": 2}, {"id": 3}]}], "expect": {"rows": [{"doubled": 4}, {"doubled": 6}]}}
    assert run_unit_test(duckdb.connect(), models, unit) == ([], [])
    wrong = {**unit, "expect": {"rows": [{"doubled": 2}, {"doubled": 4}]}}
    assert run_unit_test(duckdb.connect(), models, wrong) == ([(2,)], [(6,)])
    unknown = {**unit, "given": [{"input": "stg_a", "rows": [{"idd": 1}]}]}
    with pytest.raises(SqlModelError, match="idd"):
        run_unit_test(duckdb.connect(), models, unknown)


def test_project_models_build_and_pass_on_an_empty_warehouse():
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    for model in load_models(PROJECT_ROOT / "dbt_like_sql"):
        rows = build_model(conn, model)
        assert rows == 0, model.name  # dim_dates spans the data's dates: none
        for test in model.tests:
            assert run_test(conn, model, test)[0] == 0, (model.name, test.name)


def test_severity_is_read_as_dbt_writes_it_and_checked(tmp_path):
    _model(tmp_path, "marts", "dim_c", "select 1 as id", yml=(
        "models:\n  - name: dim_c\n    columns:\n      - name: id\n        data_tests:\n"
        "          - unique\n          - not_null: {config: {severity: warn}}\n"
        "          - accepted_values: {vocabulary: geo_types, severity: warn}\n"))
    tests = load_models(tmp_path)[0].tests
    assert [t.severity for t in tests] == ["error", "warn", "warn"]
    (tmp_path / "marts" / "dim_c.yml").write_text(
        "models:\n  - name: dim_c\n    columns:\n      - name: id\n"
        "        data_tests: [{not_null: {severity: fatal}}]\n")
    with pytest.raises(SqlModelError, match="severity"):
        load_models(tmp_path)


def test_failing_articles_names_the_articles_or_none_when_no_article_owns_the_rows():
    conn = duckdb.connect()
    owned = SqlModel("owned", "marts", Path("owned.sql"),
                     "select * from (values ('a', 1), ('b', 1), ('c', 2)) t(article_id, id)")
    build_model(conn, owned)
    assert failing_articles(conn, owned, ModelTest("unique", "id")) == {
        "a": "unique_id: id = 1", "b": "unique_id: id = 1"}
    orphan = SqlModel("orphan", "marts", Path("orphan.sql"),
                      "select * from (values (null, 1), ('b', 1)) t(article_id, id)")
    build_model(conn, orphan)
    assert failing_articles(conn, orphan, ModelTest("unique", "id")) is None


def test_locations_carry_gdelt_geo_types_and_mentions_say_whether_an_event_was_there():
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    conn.execute("""insert into raw.cameo_event_types
                    select * from (values ('042', 'Make a visit', '04', 1, 1.9, 1, null, null))""")
    conn.execute("""insert into raw.articles (article_id, seed_path, seed_format, content_hash,
                    encoding, date_precision, body, char_count)
                    values ('a1', 'a1.json', 'json', 'h', 'utf-8', 'day', 'x', 1)""")
    places = [  # mention, location id, feature type, country
        ("m1", "g:1", "country", "PER"), ("m2", "g:2", "admin1", "USA"),
        ("m3", "g:3", "city", "USA"), ("m4", "g:4", "city", "PER"), ("m5", "g:5", "admin1", "IND"),
        ("m6", "g:6", "water", None)]
    for n, (mention, location, kind, country) in enumerate(places):
        conn.execute("""insert into raw.location_mentions (mention_id, article_id, sentence_index,
                        char_start, char_end, mention_text, location_id, location_name,
                        feature_type, country_iso3, latitude, longitude, resolution,
                        confidence, candidate_count)
                        values (?, 'a1', 0, ?, ?, ?, ?, ?, ?, ?, 1.0, 2.0, 'gazetteer', 0.9, 1)""",
                     [mention, n, n + 1, location, location, location, kind, country])
    conn.execute("""insert into raw.events (event_id, article_id, sentence_index, trigger_start,
                    trigger_end, trigger_text, cameo_code, modality, is_negated, is_fact,
                    date_precision, location_id, location_text, confidence, mention_count,
                    evidence_text)
                    values ('e1', 'a1', 0, 0, 1, 'went', '042', 'asserted', false, true, 'day',
                            'g:4', 'g:4', 0.9, 1, 'x')""")
    for model in load_models(PROJECT_ROOT / "dbt_like_sql"):
        build_model(conn, model)
        for test in model.tests:
            assert run_test(conn, model, test)[0] == 0, (model.name, test.name)
    assert dict(conn.execute("select location_id, geo_type from dim_locations").fetchall()) == {
        "g:1": 1, "g:2": 2, "g:3": 3, "g:4": 4, "g:5": 5, "g:6": None}
    assert dict(conn.execute("select mention_id, is_event_place from fct_location_mentions"
                             ).fetchall()) == {"m1": False, "m2": False, "m3": False, "m4": True,
                                               "m5": False, "m6": False}


def _event_rows(conn, rows):
    """Articles, events and their source actors from (event, article, date, precision, source)."""
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    conn.execute("""insert into raw.cameo_event_types
                    values ('020', 'Appeal', '02', 1, 3.0, 1, null, null)""")
    for article in sorted({r[1] for r in rows}):
        conn.execute("""insert into raw.articles (article_id, seed_path, seed_format, content_hash,
                        encoding, published_date, date_precision, body, char_count)
                        values (?, 'x.json', 'json', 'h', 'utf-8', DATE '2024-03-05', 'day',
                                'x', 1)""", [article])
    for event, article, day, precision, source in rows:
        conn.execute("""insert into raw.events (event_id, article_id, sentence_index,
                        trigger_start, trigger_end, trigger_text, cameo_code, modality, is_negated,
                        is_fact, event_date, date_precision, confidence, mention_count,
                        evidence_text)
                        values (?, ?, 0, 0, 1, 'urged', '020', 'asserted', false, true, ?, ?, 0.9,
                                1, 'x')""", [event, article, day, precision])
        if source:
            conn.execute("""insert into raw.event_actors (event_id, article_id, role, actor_id,
                            actor_code, actor_name, country_iso3, sector, actor_type)
                            values (?, ?, 'source', ?, ?, ?, ?, null, 'state')""",
                         [event, article, source, source, source, source])
    for model in load_models(PROJECT_ROOT / "dbt_like_sql"):
        build_model(conn, model)


def test_only_dated_events_with_actors_share_a_report_group_and_dates_span_the_data():
    conn = duckdb.connect()
    ensure_tables(conn)
    _event_rows(conn, [("e1", "a1", "2024-03-02", "day", "USA"),
                       ("e2", "a2", "2024-03-20", "day", "USA"),  # same month: same event
                       ("e3", "a3", None, "unknown", "USA"),       # undated: alone
                       ("e4", "a4", None, "unknown", "USA"),
                       ("e5", "a5", "2024-03-03", "day", None)])  # no actor: alone
    groups = dict(conn.execute("select event_id, report_group_id from fct_events").fetchall())
    assert groups["e1"] == groups["e2"]
    assert len({groups[e] for e in ("e1", "e3", "e4", "e5")}) == 4
    assert conn.execute("select min(date_day), max(date_day) from dim_dates").fetchone() == (
        date(2024, 3, 2), date(2024, 3, 20))


def test_every_column_of_every_model_is_described_and_every_described_column_exists():
    """What the UI shows beside each column (Goldstein, QuadClass, precisions explained)."""
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    for model in load_models(PROJECT_ROOT / "dbt_like_sql"):
        build_model(conn, model)
        built = [name for name, *_ in conn.execute(f"describe {model.name}").fetchall()]
        missing = [c for c in built if not model.columns.get(c, "").strip()]
        assert not missing, (model.name, missing)
        assert set(model.columns) <= set(built), (model.name, set(model.columns) - set(built))


def test_doc_blocks_fill_descriptions_and_a_missing_block_is_an_error(tmp_path):
    (tmp_path / "docs.md").write_text("{% docs key %}\nThe key,\n  written once.\n{% enddocs %}\n")
    _model(tmp_path, "staging", "stg_a", "select 1 as id", yml=(
        "models:\n  - name: stg_a\n    columns:\n      - name: id\n"
        "        description: \"{{ doc('key') }}\"\n"))
    assert load_models(tmp_path)[0].columns == {"id": "The key, written once."}
    (tmp_path / "staging" / "stg_a.yml").write_text(
        "models:\n  - name: stg_a\n    description: \"{{ doc('nothing') }}\"\n")
    with pytest.raises(SqlModelError, match="nothing"):
        load_models(tmp_path)


def test_marts_read_sources_through_staging():
    sources = set(load_sources(PROJECT_ROOT / "dbt_like_sql"))
    direct = {m.name: set(m.upstream) & sources for m in PROJECT_MODELS if m.layer == "marts"}
    assert not any(direct.values()), direct
