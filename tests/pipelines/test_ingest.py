from datetime import date

import pytest

from pipelines.errors import SeedError
from pipelines.ingest import ingest_record, parse_published
from pipelines.seeds import SeedRecord, scan_seeds
from tests.conftest import SEED_ARTICLE


def _record(text: str, **fields) -> SeedRecord:
    return SeedRecord("k1", "k1.json", "json", "0" * 64, encoding="utf-8",
                      fields={"id": "k1", "text": text, **fields})


def test_seed_article_title_source_year_and_repeated_lead():
    (record,) = scan_seeds(SEED_ARTICLE.parent)
    result = ingest_record(record)
    article = result.article
    assert article["title"] == "Russia Seeks Regular Security Talks With North Korea, China"
    assert (article["source_name"], article["source_origin"]) == ("Bloomberg", "dateline")
    assert (article["published_date"], article["date_precision"]) == (date(2023, 1, 1), "year")
    assert article["dateline"] == "(Bloomberg) —"
    repeats = [s for s in result.sentences if s["duplicate_of"] is not None]
    assert len(repeats) == 1 and repeats[0]["duplicate_of"] == 0
    roles = [s["role"] for s in result.sentences]
    assert roles[-2:] == ["boilerplate", "copyright"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-10-19", (date(2023, 10, 19), "day")),
    ("2023-10-19T08:30:00Z", (date(2023, 10, 19), "day")),
    ("2023-10", (date(2023, 10, 1), "month")),
    ("2023", (date(2023, 1, 1), "year")),
])
def test_published_values(value, expected):
    assert parse_published(value) == expected


def test_bad_published_is_rejected_but_article_lands():
    result = ingest_record(_record("Some text here.", published="last Tuesday"))
    assert result.article is not None
    assert result.article["date_precision"] == "unknown"
    assert [r.reason for r in result.rejections] == ["invalid_published"]


def test_dateline_day_with_copyright_year_gives_day_precision():
    result = ingest_record(_record("WASHINGTON, March 3 (Reuters) - Talks began.\n\n© 2022 Reuters"))
    assert result.article["published_date"] == date(2022, 3, 3)
    assert result.article["date_precision"] == "day"
    assert result.article["source_name"] == "Reuters"


def test_source_field_wins_over_dateline():
    result = ingest_record(_record("(Bloomberg) — Text.", source="Wire X"))
    assert result.article["source_name"] == "Wire X"


def test_empty_text_is_rejected():
    result = ingest_record(_record("   \n\n  "))
    assert result.article is None
    assert result.rejections[0].reason == "empty_text"


def test_error_record_becomes_rejection():
    record = SeedRecord("bad", "bad.json", "json", "0" * 64, error=SeedError("invalid_json", "x"))
    result = ingest_record(record)
    assert result.article is None and result.rejections[0].reason == "invalid_json"


def test_parse_published_rejects_garbage():
    with pytest.raises(SeedError):
        parse_published("soon")
