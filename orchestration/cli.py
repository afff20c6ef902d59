"""The `casus` command: run the pipeline in-process, start the UI, query the warehouse.

Dagster, spaCy and pandas are imported where a command needs them, not here: `casus run` with
nothing to do, `casus query` and `--help` answer without them.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from orchestration.settings import (
    INSTANCE_CONFIG,
    WORKSPACE,
    default_dagster_home,
    default_seeds_dir,
    default_warehouse,
)

if TYPE_CHECKING:
    import dagster as dg


def prepare_dagster_home(home: Path) -> Path:
    """A DAGSTER_HOME holding the project's instance config (copied in when absent)."""
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(INSTANCE_CONFIG, home / "dagster.yaml")
    return home


def run_pipeline(seeds: Path, warehouse: Path, full_refresh: bool = False,
                 instance: dg.DagsterInstance | None = None,
                 keep_missing: bool = False) -> dg.ExecuteInProcessResult:
    """Materialize every asset of the job in this process, for every seed in `seeds`.

    The run holds the warehouse from its first step to its publish; another run (another
    `casus run`, a sensor's run) waits for it. However the run ends, this process lets go.
    """
    from warehouse.connection import release_run

    try:
        return _run_pipeline(seeds, warehouse, full_refresh, instance, keep_missing)
    finally:
        release_run(warehouse)


def _run_pipeline(seeds: Path, warehouse: Path, full_refresh: bool,
                  instance: dg.DagsterInstance | None,
                  keep_missing: bool) -> dg.ExecuteInProcessResult:
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.defs.partitions import article_partitions
    from orchestration.defs.resources import CasusPaths
    from orchestration.registry import plan_run
    from pipelines.seeds import scan_seeds

    if instance is None and os.environ.get("DAGSTER_HOME"):
        # A fresh DAGSTER_HOME gets the project's instance config (telemetry off) before Dagster
        # reads it, so `casus run` prints no telemetry banner; a home with its own config keeps it.
        prepare_dagster_home(Path(os.environ["DAGSTER_HOME"]))
        instance = dg.DagsterInstance.get()
    elif instance is None:
        from orchestration.instance import cli_instance

        instance = cli_instance()
    keys = [r.key for r in scan_seeds(seeds)] if seeds.is_dir() else []
    job = defs.resolve_job_def("casus_job")
    run_config = {
        "loggers": {"console": {"config": {"log_level": "INFO"}}},
        "ops": {"ingest_articles": {"config": {"full_refresh": full_refresh,
                                               "keep_missing": keep_missing}}},
    }
    resources = {"casus": CasusPaths(seeds_dir=str(seeds), warehouse=str(warehouse))}
    if not keys:
        print(f"casus: no seeds in {seeds}; rebuilding the SQL models only", file=sys.stderr)
        from orchestration.defs.charts import dyad_charts
        from orchestration.defs.publish import published_warehouse
        from orchestration.defs.sql_models import sql_assets
        from orchestration.defs.taxonomy import cameo_event_types

        run_config.pop("ops")
        if not keep_missing and warehouse.exists():  # every seed is gone: retract them all
            from warehouse.connection import write_connection
            from warehouse.tables import ensure_tables, retract_missing

            with write_connection(warehouse, "retract-all") as conn:
                ensure_tables(conn)
                retract_missing(conn, set())
        return dg.materialize([cameo_event_types, sql_assets, dyad_charts, published_warehouse],
                              instance=instance,
                              run_config=run_config, resources=resources, raise_on_error=False)
    if not keep_missing:  # partitions mirror the seeds folder, as the warehouse does
        gone = set(instance.get_dynamic_partitions(article_partitions.name)) - set(keys)
        for key in sorted(gone):
            instance.delete_dynamic_partition(article_partitions.name, key)
    new, tags = plan_run(instance, keys)
    if new:
        instance.add_dynamic_partitions(article_partitions.name, new)
    return job.execute_in_process(instance=instance, run_config=run_config, tags=tags,
                                  resources=resources, raise_on_error=False)


def run_counts(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    """What this run published (read when it published, so a later run cannot change it)."""
    from orchestration.defs.publish import PUBLISHED_COUNTS

    (published,) = result.asset_materializations_for_node("published_warehouse")
    return {label: published.metadata[label].value for label in PUBLISHED_COUNTS}


def cmd_run(args: argparse.Namespace) -> int:
    seeds, warehouse = Path(args.seeds).resolve(), Path(args.warehouse).resolve()
    if not seeds.is_dir():
        print(f"casus: seeds folder {seeds} does not exist", file=sys.stderr)
        return 2
    started = time.monotonic()
    from orchestration import last_run

    if not args.full_refresh and (counts := last_run.unchanged_counts(seeds, warehouse)):
        print("casus run: nothing changed since the last run (seeds, code and warehouse as "
              "they were); " + ", ".join(f"{n} {label}" for label, n in counts.items())
              + f"; warehouse {warehouse}; {time.monotonic() - started:.1f} s")
        return 0
    from orchestration.progress import ENV as PROGRESS_ENV

    os.environ[PROGRESS_ENV] = "1"  # this process's own run shows its progress
    result = run_pipeline(seeds, warehouse, full_refresh=args.full_refresh,
                          keep_missing=args.keep_missing)
    if not result.success:
        print(f"casus: the run failed (run id {result.run_id}); see the log above", file=sys.stderr)
        return 1
    counts = run_counts(result)
    if not args.keep_missing:  # a --keep-missing warehouse need not mirror the folder
        last_run.record(seeds, warehouse, counts)
    print("casus run: " + ", ".join(f"{n} {label}" for label, n in counts.items())
          + f"; warehouse {warehouse}; {time.monotonic() - started:.0f} s")
    if counts["rejected rows"]:
        print("  see them with: casus query \"select * from rejected_rows\"")
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    home = prepare_dagster_home(Path(args.dagster_home).resolve())
    env = {**os.environ, "DAGSTER_HOME": str(home),
           "CASUS_SEEDS_DIR": str(Path(args.seeds).resolve()),
           "CASUS_WAREHOUSE": str(Path(args.warehouse).resolve()),
           # `dagster dev` still serves the UI and daemon in one command; its successor `dg dev`
           # wants a project virtual environment activated and prints more, not less.
           "PYTHONWARNINGS": "ignore:Function `dev_command` is superseded"}
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-w", str(WORKSPACE), "-h", "127.0.0.1", "-p", str(args.port)]
    print(f"casus ui: http://127.0.0.1:{args.port}  (DAGSTER_HOME={home})", flush=True)
    # Become `dagster dev`, so a signal to this process reaches the webserver and daemon it runs.
    # It runs in DAGSTER_HOME: in the project folder it would warn of the dagster.yaml there.
    os.chdir(home)
    os.execve(command[0], command, env)


def cmd_query(args: argparse.Namespace) -> int:
    from warehouse.errors import WarehouseMissing
    from warehouse.query import run_query

    try:
        frame = run_query(Path(args.warehouse).resolve(), args.sql)
    except WarehouseMissing as exc:
        print(f"casus: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a SQL error is the user's to fix: show it, no traceback
        print(f"casus: query failed: {exc}", file=sys.stderr)
        return 1
    if args.csv:
        frame.to_csv(sys.stdout, index=False)
    elif args.json:
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        with __import__("pandas").option_context("display.max_rows", 200, "display.width", 200,
                                                 "display.max_colwidth", 80):
            print(frame.to_string(index=False) if not frame.empty else "(no rows)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse.errors import WarehouseMissing
    from warehouse.export import export_events

    out = Path(args.out)
    try:
        rows = export_events(Path(args.warehouse).resolve(), out, args.format,
                             since=args.since, facts_only=args.facts_only)
    except WarehouseMissing as exc:
        print(f"casus: {exc}", file=sys.stderr)
        return 2
    print(f"casus export: {rows} rows ({args.format}) -> {out}")
    return 0


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casus", description="News articles to a validated political-event warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    seeds_help = "folder of seed articles (default: $CASUS_SEEDS_DIR, else ./seeds)"
    warehouse_help = "DuckDB warehouse file (default: $CASUS_WAREHOUSE, else ./data/casus.duckdb)"

    run = sub.add_parser("run", help="ingest the seeds and build every table, in this process")
    run.add_argument("--seeds", default=str(default_seeds_dir()), help=seeds_help)
    run.add_argument("--warehouse", default=str(default_warehouse()), help=warehouse_help)
    run.add_argument("--full-refresh", action="store_true",
                     help="re-ingest every article, even those unchanged since their last run")
    run.add_argument("--keep-missing", action="store_true",
                     help="keep the articles of seeds that are gone from the folder "
                          "(by default the warehouse mirrors the folder and retracts them)")
    run.set_defaults(func=cmd_run)

    ui = sub.add_parser("ui", help="start the Dagster UI and daemon on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000, help="port to listen on (default: 3000)")
    ui.add_argument("--seeds", default=str(default_seeds_dir()), help=seeds_help)
    ui.add_argument("--warehouse", default=str(default_warehouse()), help=warehouse_help)
    ui.add_argument("--dagster-home", default=str(default_dagster_home()),
                    help="Dagster instance folder (default: $DAGSTER_HOME, else ./.dagster_home)")
    ui.set_defaults(func=cmd_ui)

    query = sub.add_parser("query", help="run read-only SQL against the warehouse")
    query.add_argument("sql", help="the SQL to run, e.g. \"select * from dim_articles\"")
    query.add_argument("--warehouse", default=str(default_warehouse()), help=warehouse_help)
    fmt = query.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    fmt.add_argument("--json", action="store_true", help="print a JSON array of rows")
    query.set_defaults(func=cmd_query)

    export = sub.add_parser("export", help="write one row per event dyad, GDELT-style, to a file")
    export.add_argument("--format", choices=["csv", "parquet", "jsonl"], default="csv")
    export.add_argument("--out", required=True, help="file to write")
    export.add_argument("--since", type=_iso_date, help="only events on or after this date")
    export.add_argument("--facts-only", action="store_true",
                        help="only events reported as facts (no threats, intents, denials)")
    export.add_argument("--warehouse", default=str(default_warehouse()), help=warehouse_help)
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def entry() -> None:
    """The `casus` command. Its objects are frozen out of the collector before the interpreter
    exits: after a run, the collector's passes at exit over the model, lexicon and gazetteer
    took seconds, and there is nothing left for them to free that the process's end does not."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    entry()
