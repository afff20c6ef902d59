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
    run_test,
    upstream_tables,
)
from warehouse.tables import create_table_sql, ensure_tables


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
        (folder / f"_{name}.yml").write_text(yml)


def test_load_models_orders_by_dependency_and_reads_yaml(tmp_path):
    _model(tmp_path, "marts", "dim_b", "select * from stg_a")
    _model(tmp_path, "staging", "stg_a", "select 1 as id", yml=(
        "models:\n  - name: stg_a\n    description: One row.\n    columns:\n"
        "      - name: id\n        tests: [unique, {accepted_values: {values: [1]}}]\n"))
    models = load_models(tmp_path)
    assert [m.name for m in models] == ["stg_a", "dim_b"]
    assert models[0].materialization == "view" and models[1].materialization == "table"
    assert [t.name for t in models[0].tests] == ["unique_id", "accepted_values_id"]


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


def test_project_models_build_and_pass_on_an_empty_warehouse():
    conn = duckdb.connect()
    ensure_tables(conn)
    conn.execute(create_table_sql("raw.cameo_event_types", CameoEventTypes))
    for model in load_models(PROJECT_ROOT / "dbt_like_sql"):
        rows = build_model(conn, model)
        assert rows == 0 or model.name == "dim_dates", model.name  # dim_dates spans today
        for test in model.tests:
            assert run_test(conn, model, test)[0] == 0, (model.name, test.name)


def test_severity_is_read_as_dbt_writes_it_and_checked(tmp_path):
    _model(tmp_path, "marts", "dim_c", "select 1 as id", yml=(
        "models:\n  - name: dim_c\n    columns:\n      - name: id\n        tests:\n"
        "          - unique\n          - not_null: {config: {severity: warn}}\n"
        "          - accepted_values: {values: [1], severity: warn}\n"))
    tests = load_models(tmp_path)[0].tests
    assert [t.severity for t in tests] == ["error", "warn", "warn"]
    (tmp_path / "marts" / "_dim_c.yml").write_text(
        "models:\n  - name: dim_c\n    columns:\n      - name: id\n"
        "        tests: [{not_null: {severity: fatal}}]\n")
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
