from datetime import datetime

import pandas as pd
import pandera.errors
import pytest

from schemas import RejectedRows


def test_rejected_row_needs_reason_and_run():
    row = {"table_name": "raw.articles", "article_id": "x", "reason": "binary", "detail": None,
           "seed_path": "x.txt", "run_id": "r1", "rejected_at": datetime(2026, 1, 1)}
    assert len(RejectedRows.validate(pd.DataFrame([row]))) == 1
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        RejectedRows.validate(pd.DataFrame([{**row, "reason": None}]), lazy=True)
    assert "reason" in set(info.value.failure_cases["column"])
