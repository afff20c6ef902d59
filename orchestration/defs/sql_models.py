"""Every model in `dbt_like_sql/` as an asset, its YAML tests as asset checks (blocking for
error-severity tests)."""

import hashlib

import dagster as dg
import pandas as pd

from orchestration.defs.ingest import INGEST, INGEST_TABLES
from orchestration.defs.resources import CasusPaths
from orchestration.defs.taxonomy import TABLE as TAXONOMY_TABLE
from orchestration.metadata import markdown_preview
from orchestration.settings import SQL_ROOT
from warehouse.connection import write_connection
from warehouse.sql_models import (
    ModelTest,
    SqlModel,
    build_model,
    downstream_of,
    failing_articles,
    load_models,
    run_test,
)
from warehouse.tables import ensure_tables, quarantine_articles

MODELS = load_models(SQL_ROOT)


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


def _quarantine(context: dg.AssetExecutionContext, conn, model: SqlModel,
                failed: list[ModelTest], models: list[SqlModel]) -> dict[str, list[str]]:
    """Move the articles whose rows fail an error-severity test out of the warehouse, then rebuild
    every table model this run may already have built, so no table keeps their rows.

    Returns test name -> the articles it moved. A failure whose rows name no article is left to
    fail.
    """
    moved: dict[str, list[str]] = {}
    for test in failed:
        details = failing_articles(conn, model, test)
        if not details:
            continue
        quarantine_articles(conn, details, model.name, f"test:{test.name}", context.run.run_id)
        moved[test.name] = sorted(details)
        for key, detail in details.items():
            context.log.warning(f"quarantined article {key}: {detail}")
            # Shown on the article's partition: it did not reach the marts, and why.
            context.log_event(dg.AssetObservation(
                asset_key=INGEST, partition=key,
                metadata={"quarantined_by": model.name, "reason": f"test:{test.name}",
                          "detail": detail[:500]}))
    if moved:
        later = downstream_of(models, model.name)
        built = {name for (name,) in conn.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()}
        for other in models:  # in build order; models not built yet will be built from clean rows
            if other.name in built and other.name not in later and other.name != model.name:
                build_model(conn, other)
        build_model(conn, model)
    return moved


# One check per model and severity rather than one per YAML test: every check result is an
# event Dagster stores, and a hundred of them were most of the models' step time in a run the
# UI launches for one new article. Each test's outcome is a row of the check's `tests` table.
CHECK_NAMES = {"error": "data_tests", "warn": "data_tests_warn"}


def _by_severity(model: SqlModel) -> dict[str, list[ModelTest]]:
    groups: dict[str, list[ModelTest]] = {}
    for test in model.tests:
        groups.setdefault(test.severity, []).append(test)
    return groups


def _outcome_table(tests: list[ModelTest], outcomes: dict, quarantined: dict) -> dg.MetadataValue:
    """Each test's failing rows, the articles it quarantined and a sample, as a Markdown table."""
    rows = [{"test": t.name, "checks that": t.description, "failing rows": outcomes[t][0],
             "quarantined": ", ".join(quarantined.get(t.name, [])[:5]),
             "sample": str(outcomes[t][1][:2])[:120]} for t in tests]
    return markdown_preview(pd.DataFrame(rows), rows=len(rows), width=200)


def _build_and_test(context: dg.AssetExecutionContext, conn, model: SqlModel,
                    models: list[SqlModel]):
    """Build one model and run its tests (quarantining what an article's rows fail): its
    materialization, its check results, and whether an error-severity test still fails."""
    rows = build_model(conn, model)
    outcomes = {test: run_test(conn, model, test) for test in model.tests}
    failed = [t for t, (n, _) in outcomes.items() if n and t.severity == "error"]
    quarantined = _quarantine(context, conn, model, failed, models) if failed else {}
    if quarantined:
        rows = conn.execute(f"select count(*) from {model.name}").fetchone()[0]
        outcomes = {test: run_test(conn, model, test) for test in model.tests}
    key = dg.AssetKey(model.name)
    results = []
    for severity, tests in _by_severity(model).items():
        failing_tests = [t.name for t in tests if outcomes[t][0]]
        moved = sorted({a for t in tests for a in quarantined.get(t.name, [])})
        results.append(dg.AssetCheckResult(
            asset_key=key, check_name=CHECK_NAMES[severity], passed=not failing_tests,
            severity=(dg.AssetCheckSeverity.WARN if severity == "warn"
                      else dg.AssetCheckSeverity.ERROR),
            metadata={"failing_tests": ", ".join(failing_tests) or "none",
                      "failing_rows": sum(outcomes[t][0] for t in tests),
                      "tests": _outcome_table(tests, outcomes, quarantined),
                      "quarantined_articles": len(moved),
                      "quarantined": ", ".join(moved[:20])}))
    preview = conn.execute(f"select * from {model.name} limit 5").df()
    materialized = dg.MaterializeResult(asset_key=key, metadata={
        "dagster/row_count": rows, "dagster/column_schema": _built_column_schema(conn, model),
        "preview": markdown_preview(preview)})
    still_failing = any(n and t.severity == "error" for t, (n, _) in outcomes.items())
    return materialized, results, still_failing


def sql_models_asset(models: list[SqlModel] | None = None) -> dg.AssetsDefinition:
    """Every model as an asset, all built by one step over one connection, in build order.

    One step rather than one per model: a step costs a connection to the warehouse and
    Dagster's own bookkeeping (about half a second each in a run the UI launches), which made
    the models take longer than the article they were rebuilt for. Each model is still its own
    asset in the UI with its own checks, and any subset can be materialized alone. A model whose
    error-severity test still fails after its articles are quarantined stops the models that
    read it, as a blocking check stops the steps after it.
    """
    models = MODELS if models is None else models
    specs = [
        dg.AssetSpec(
            model.name,
            deps=[table_asset_key(t) for t in model.upstream],
            description=model.description or None,
            group_name=model.group or model.layer,
            kinds={"duckdb", "sql"},
            code_version=hashlib.sha256(model.sql.encode()).hexdigest()[:12],
            skippable=True,
            metadata={"dagster/table_name": model.name,
                      "sql_file": str(model.path.relative_to(SQL_ROOT)),
                      "materialization": model.materialization})
        for model in models
    ]
    check_specs = [
        dg.AssetCheckSpec(
            CHECK_NAMES[severity], asset=model.name, blocking=severity == "error",
            description=(f"The model's {severity}-severity YAML tests: "
                         + "; ".join(f"{t.name} ({t.description})" for t in tests)
                         + (". Rows that fail are quarantined with their articles, else the "
                            "models that read this one are not built." if severity == "error"
                            else ". Failing rows are reported, nothing is stopped.")))
        for model in models for severity, tests in _by_severity(model).items()
    ]

    @dg.multi_asset(name="sql_models", specs=specs, check_specs=check_specs, can_subset=True)
    def _models(context: dg.AssetExecutionContext, casus: CasusPaths):
        selected = {key.to_user_string() for key in context.selected_asset_keys}
        stopped: set[str] = set()
        built = 0
        with write_connection(casus.warehouse_path, context.run.run_id,
                              on_wait=context.log.info) as conn:
            ensure_tables(conn)
            layer = None
            for model in models:
                if model.name not in selected:
                    continue
                if model.layer != layer:  # a line per layer: every log line is a stored event
                    layer = model.layer
                    context.log.info(f"building the {layer} models")
                if failed_upstream := stopped.intersection(model.upstream):
                    context.log.error(f"not built: {model.name} reads {sorted(failed_upstream)}, "
                                      "whose tests failed")
                    stopped.add(model.name)
                    continue
                materialized, results, still_failing = _build_and_test(context, conn, model,
                                                                       models)
                yield materialized
                yield from results
                built += 1
                if still_failing:
                    stopped.add(model.name)
        context.log.info(f"built {built} models; stopped by failing tests: {sorted(stopped)}")

    return _models


sql_assets = sql_models_asset()
