"""The `rejected_rows` table: every record that did not land, and why."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import StagingModel


class RejectedRows(StagingModel):
    """One row per rejected record; `article_id` is the seed's key even when it has no valid id."""

    table_name: Series[str]
    article_id: Series[str]
    reason: Series[str]
    detail: Series[str] = pa.Field(nullable=True)
    seed_path: Series[str] = pa.Field(nullable=True)
    run_id: Series[str]
    rejected_at: Series[pa.DateTime]
