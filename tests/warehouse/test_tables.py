import duckdb
import pandas as pd
import pytest

from pipelines.ingest import ingest_record
from pipelines.seeds import SeedRecord
from pipelines.validate import validate_batch
from schemas import Articles
from warehouse.tables import (
    column_types,
    create_table_sql,
    ensure_tables,
    ingest_state,
    replace_articles,
)


def _batch(key: str, text: str):
    record = SeedRecord(key, f"{key}.json", "json", "b" * 64, encoding="utf-8",
                        fields={"id": key, "text": text})
    return validate_batch([ingest_record(record)])


def _write(conn, batch, rejected=None):
    state = pd.DataFrame([{"key": k, "content_hash": "b" * 64, "pipeline_version": "v",
                           "outcome": "landed"} for k in batch.keys])
    replace_articles(conn, batch.keys, {"raw.articles": batch.articles,
                                        "raw.sentences": batch.sentences},
                     rejected if rejected is not None else pd.DataFrame(), state)


@pytest.fixture
def conn(tmp_path):
    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_tables(connection)
    yield connection
    connection.close()


def test_ddl_follows_the_pandera_model():
    sql = create_table_sql("raw.articles", Articles)
    assert "published_date DATE" in sql
    assert "article_id VARCHAR NOT NULL" in sql
    assert "title VARCHAR," in sql  # nullable
    assert list(column_types(Articles)) == list(Articles.to_schema().columns)


def test_rewriting_an_article_replaces_its_rows(conn):
    _write(conn, _batch("a1", "One. Two sentences here."))
    _write(conn, _batch("a2", "Other article."))
    _write(conn, _batch("a1", "Only one sentence now."))
    rows = conn.execute("select article_id, count(*) from raw.sentences group by 1 order by 1")
    assert rows.fetchall() == [("a1", 1), ("a2", 1)]
    assert set(ingest_state(conn)) == {"a1", "a2"}


def test_failed_write_leaves_previous_article_whole(conn):
    _write(conn, _batch("a1", "First version. It has two sentences."))
    broken = _batch("a1", "Second version.")
    broken.sentences["char_start"] = None  # NOT NULL violation, raised mid-transaction
    with pytest.raises(duckdb.Error):
        _write(conn, broken)
    body = conn.execute("select body from raw.articles").fetchall()
    sentences = conn.execute("select count(*) from raw.sentences").fetchone()[0]
    assert body == [("First version. It has two sentences.",)]
    assert sentences == 2


def test_drifted_table_is_rebuilt_and_state_cleared(conn):
    _write(conn, _batch("a1", "Text."))
    conn.execute("alter table raw.articles add column legacy integer")
    assert ensure_tables(conn) is True
    assert conn.execute("select count(*) from raw.articles").fetchone()[0] == 0
    assert ingest_state(conn) == {}
    assert ensure_tables(conn) is False
