"""The last step of every run: publish the warehouse as the snapshot readers open."""

import dagster as dg

from orchestration.defs.resources import CasusPaths
from orchestration.defs.sql_models import sql_assets
from warehouse.connection import publish_snapshot, write_connection


@dg.asset(
    key="published_warehouse",
    description="The warehouse as of the end of the run, copied to casus.read.duckdb and swapped "
                "in atomically: what casus query, SQLAlchemy and BI tools read.",
    deps=[*(asset.key for asset in sql_assets), "dyad_charts"],
    group_name="marts",
    kinds={"duckdb"},
)
def published_warehouse(casus: CasusPaths) -> dg.MaterializeResult:
    with write_connection(casus.warehouse_path) as conn:
        path = publish_snapshot(conn, casus.warehouse_path)
    return dg.MaterializeResult(metadata={"path": str(path),
                                          "size_mib": round(path.stat().st_size / 2**20, 1)})
