"""The last step of every run: publish the warehouse as the snapshot readers open."""

import dagster as dg

from orchestration.defs.resources import CasusPaths
from orchestration.defs.sql_models import sql_assets
from warehouse.connection import publish_snapshot, release_run, write_connection

PUBLISHED_COUNTS = {"articles": "raw.articles", "sentences": "raw.sentences",
                    "events": "fct_events", "rejected rows": "rejected_rows"}


@dg.asset(
    key="published_warehouse",
    description="The warehouse as of the end of the run, copied to casus.read.duckdb and swapped "
                "in atomically: what casus query, SQLAlchemy and BI tools read.",
    deps=[*sql_assets.keys, "dyad_charts"],
    group_name="marts",
    kinds={"duckdb"},
)
def published_warehouse(context: dg.AssetExecutionContext,
                        casus: CasusPaths) -> dg.MaterializeResult:
    with write_connection(casus.warehouse_path, context.run.run_id,
                          on_wait=context.log.info) as conn:
        context.log.info("publishing the snapshot readers open")
        path = publish_snapshot(conn, casus.warehouse_path)
        # What this run published, for its own summary (a later run may publish before it reads).
        counts = {label: conn.execute(f"select count(*) from {table}").fetchone()[0]
                  for label, table in PUBLISHED_COUNTS.items()}
    release_run(casus.warehouse_path, context.run.run_id)
    return dg.MaterializeResult(metadata={"path": str(path),
                                          "size_mib": round(path.stat().st_size / 2**20, 1),
                                          **counts})
