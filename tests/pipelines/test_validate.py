from pipelines.ingest import IngestedArticle, ingest_record
from pipelines.seeds import SeedRecord
from pipelines.validate import validate_batch


def _result(key: str, text: str = "Leaders met in Geneva on Monday. They agreed.") -> IngestedArticle:
    return ingest_record(SeedRecord(key, f"{key}.json", "json", "a" * 64, encoding="utf-8",
                                    fields={"id": key, "text": text}))


def test_valid_batch_keeps_every_row():
    batch = validate_batch([_result("a1"), _result("a2")])
    assert list(batch.articles["article_id"]) == ["a1", "a2"]
    assert len(batch.sentences) == 4
    assert batch.rejections == []


def test_invalid_article_is_routed_with_its_sentences():
    bad = _result("a2")
    bad.article["char_count"] = 3  # no longer the body's length
    batch = validate_batch([_result("a1"), bad])
    assert list(batch.articles["article_id"]) == ["a1"]
    assert set(batch.sentences["article_id"]) == {"a1"}
    (rejection,) = batch.rejections
    assert (rejection.key, rejection.table_name, rejection.reason) == ("a2", "raw.articles", "schema")
    assert "char_count_is_body_length" in rejection.detail


def test_sentence_whose_span_does_not_match_body_is_rejected_alone():
    result = _result("a1")
    result.sentences[1]["text"] = "They agreeD."
    batch = validate_batch([result])
    assert len(batch.articles) == 1
    assert list(batch.sentences["sentence_index"]) == [0]
    (rejection,) = batch.rejections
    assert rejection.table_name == "raw.sentences"
    assert "span_matches_body" in rejection.detail and "a1#1" in rejection.detail
