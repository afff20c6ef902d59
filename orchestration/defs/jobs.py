"""The job every run uses: ingest the requested article partitions, then rebuild the SQL models."""

import dagster as dg

from orchestration.defs.partitions import article_partitions

casus_job = dg.define_asset_job(
    "casus_job",
    selection=dg.AssetSelection.all(),
    partitions_def=article_partitions,
    description="Ingest the requested articles and rebuild every SQL model over the warehouse.",
)
