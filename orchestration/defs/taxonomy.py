"""The CAMEO/PLOVER taxonomy as a table the SQL models join to."""

import dagster as dg
import pandas as pd

from orchestration.defs.resources import CasusPaths
from orchestration.metadata import markdown_preview, pandera_column_schema
from schemas.taxonomy import TAXONOMY_CSV, CameoEventTypes
from warehouse.connection import write_connection
from warehouse.tables import create_table_sql

TABLE = "raw.cameo_event_types"


@dg.asset(
    key="cameo_event_types",
    description="One row per CAMEO code with Goldstein, QuadClass and PLOVER type, from the "
                "project's reference copy of the codebook.",
    group_name="ingest",
    kinds={"duckdb", "python"},
    metadata={"dagster/table_name": TABLE,
              "dagster/column_schema": pandera_column_schema(CameoEventTypes)},
)
def cameo_event_types(context: dg.AssetExecutionContext, casus: CasusPaths) -> dg.MaterializeResult:
    frame = CameoEventTypes.validate(pd.read_csv(TAXONOMY_CSV, dtype=str, keep_default_na=False)
                                     .replace({"": None}))
    with write_connection(casus.warehouse_path, context.run.run_id,
                          on_wait=context.log.info) as conn:
        conn.execute("create schema if not exists raw")
        conn.execute("begin transaction")
        conn.execute(f"drop table if exists {TABLE}")
        conn.execute(create_table_sql(TABLE, CameoEventTypes))
        conn.register("_taxonomy", frame)
        conn.execute(f"insert into {TABLE} by name select * from _taxonomy")
        conn.unregister("_taxonomy")
        conn.execute("commit")
    return dg.MaterializeResult(metadata={"dagster/row_count": len(frame),
                                          "preview": markdown_preview(frame)})
