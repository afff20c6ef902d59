"""Every model in `dbt_like_sql/` as an asset, its YAML tests as blocking asset checks."""

import hashlib

import dagster as dg

from orchestration.defs.ingest import INGEST, INGEST_TABLES
from orchestration.defs.resources import CasusPaths
from orchestration.defs.taxonomy import TABLE as TAXONOMY_TABLE
from orchestration.metadata import markdown_preview
from orchestration.settings import SQL_ROOT
from warehouse.connection import write_connection
from warehouse.sql_models import SqlModel, build_model, load_models, run_test
from warehouse.tables import ensure_tables


def table_asset_key(table: str) -> dg.AssetKey:
    """The asset that writes a table: the ingest asset for its tables, else the model's name."""
    if table in INGEST_TABLES:
        return INGEST
    if table == TAXONOMY_TABLE:
        return dg.AssetKey("cameo_event_types")
    return dg.AssetKey(table.split("."))


def _built_column_schema(conn, model: SqlModel) -> dg.TableSchema:
    described = conn.execute(f"describe {model.name}").fetchall()
    return dg.TableSchema(columns=[
        dg.TableColumn(name, kind, description=model.columns.get(name) or None)
        for name, kind, *_ in described
    ])


def sql_model_asset(model: SqlModel) -> dg.AssetsDefinition:
    check_specs = [
        dg.AssetCheckSpec(test.name, asset=model.name, blocking=True, description=test.description)
        for test in model.tests
    ]

    @dg.asset(
        name=model.name,
        deps=[table_asset_key(t) for t in model.upstream],
        description=model.description or None,
        group_name=model.group or model.layer,
        kinds={"duckdb", "sql"},
        check_specs=check_specs,
        code_version=hashlib.sha256(model.sql.encode()).hexdigest()[:12],
        metadata={"dagster/table_name": model.name, "sql_file": str(model.path.relative_to(SQL_ROOT)),
                  "materialization": model.materialization},
    )
    def _asset(context: dg.AssetExecutionContext, casus: CasusPaths):
        with write_connection(casus.warehouse_path) as conn:
            ensure_tables(conn)
            rows = build_model(conn, model)
            results = []
            for test in model.tests:
                failing, sample = run_test(conn, model, test)
                results.append(dg.AssetCheckResult(
                    check_name=test.name, passed=failing == 0,
                    metadata={"failing_rows": failing, "sample": str(sample[:5])}))
            preview = conn.execute(f"select * from {model.name} limit 5").df()
            schema = _built_column_schema(conn, model)
        context.log.info(f"built {model.materialization} {model.name}: {rows} rows")
        yield dg.MaterializeResult(metadata={
            "dagster/row_count": rows, "dagster/column_schema": schema,
            "preview": markdown_preview(preview)})
        yield from results

    return _asset


sql_assets = [sql_model_asset(model) for model in load_models(SQL_ROOT)]
