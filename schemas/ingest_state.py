"""The `raw.ingest_state` table: what each seed key was last ingested from, for incremental runs."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import INGEST_OUTCOMES, StagingModel


class IngestState(StagingModel):
    """One row per seed key: the content hash and pipeline version of its last ingestion."""

    key: Series[str] = pa.Field(unique=True)
    content_hash: Series[str]
    pipeline_version: Series[str]
    outcome: Series[str] = pa.Field(isin=INGEST_OUTCOMES)
