from datetime import date

import pandas as pd
import pandera.errors
import pytest

from schemas import Articles


def _frame(**overrides) -> pd.DataFrame:
    row = {"article_id": "a-1", "seed_path": "a-1.txt", "seed_format": "txt", "seed_line": None,
           "content_hash": "f" * 64, "encoding": "utf-8", "title": "T", "source_name": None,
           "source_origin": None, "dateline": None, "published_date": date(2023, 1, 1),
           "date_precision": "year", "date_origin": "copyright", "url": None, "body": "Body.",
           "char_count": 5}
    row.update(overrides)
    return pd.DataFrame([row])


def _failed_checks(frame: pd.DataFrame) -> set[str]:
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        Articles.validate(frame, lazy=True)
    return set(info.value.failure_cases["check"].astype(str))


def test_valid_row_passes():
    assert len(Articles.validate(_frame())) == 1


def test_bad_id_precision_and_length_are_all_reported():
    failed = _failed_checks(_frame(article_id="../etc", date_precision="decade", char_count=9))
    assert any("str_matches" in c for c in failed)
    assert any("isin" in c for c in failed)
    assert "char_count_is_body_length" in failed


def test_unknown_precision_must_have_no_date():
    assert "date_has_precision" in _failed_checks(_frame(date_precision="unknown"))


def test_extra_column_is_refused():
    assert any("column_in_schema" in c for c in _failed_checks(_frame().assign(extra=1)))
