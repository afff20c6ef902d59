import pandas as pd
import pandera.errors
import pytest

from schemas import Sentences, Spans


def _frame(**overrides) -> pd.DataFrame:
    row = {"sentence_id": "a#1", "article_id": "a", "sentence_index": 1, "paragraph_index": 0,
           "char_start": 6, "char_end": 10, "text": "Then", "role": "text", "duplicate_of": 0}
    row.update(overrides)
    return pd.DataFrame([row])


def _failures(model, frame) -> pd.DataFrame:
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        model.validate(frame, lazy=True)
    return info.value.failure_cases


def test_valid_sentence_passes():
    assert len(Sentences.validate(_frame())) == 1


def test_span_length_and_role_and_forward_duplicate_fail():
    failures = _failures(Sentences, _frame(char_end=12, role="caption", duplicate_of=3))
    checks = set(failures["check"].astype(str))
    assert {"span_is_text_length", "duplicate_points_back"} <= checks
    assert "caption" in set(failures["failure_case"].astype(str))


def test_span_must_match_body():
    good = pd.DataFrame([{"row_id": "a#0", "char_start": 0, "char_end": 4, "text": "Talk",
                          "body": "Talks began."}])
    Spans.validate(good)
    bad = good.assign(text="Tal!")
    failures = _failures(Spans, bad)
    assert set(failures["check"]) == {"span_matches_body"}
    assert set(failures["index"]) == {0}
