"""The job every run uses: ingest the requested article partitions, then rebuild the SQL models."""

import dagster as dg

from orchestration.defs.partitions import article_partitions

casus_job = dg.define_asset_job(
    "casus_job",
    selection=dg.AssetSelection.all(),
    partitions_def=article_partitions,
    description="Ingest the requested articles and rebuild every SQL model over the warehouse.",
    # Every step writes the same DuckDB file under one lock: parallel step processes would only
    # queue on it, after paying seconds of start-up each.
    executor_def=dg.in_process_executor,
)
