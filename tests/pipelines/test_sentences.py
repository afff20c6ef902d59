from pipelines.anatomy import read_anatomy
from pipelines.normalize import normalize_text
from pipelines.sentences import split_sentences
from tests.conftest import SEED_ARTICLE


def _sentences(body: str):
    return split_sentences(body, read_anatomy(body).paragraphs)


def test_abbreviations_do_not_split():
    body = ("The U.S. Navy and Gen. Mark Milley met on Jan. 5 in Washington. "
            "Mr. Smith arrived at 3 p.m. on Monday. It rained.")
    assert [s.text for s in _sentences(body)] == [
        "The U.S. Navy and Gen. Mark Milley met on Jan. 5 in Washington.",
        "Mr. Smith arrived at 3 p.m. on Monday.",
        "It rained.",
    ]


def test_an_abbreviation_in_capitals_does_not_end_a_sentence():
    body = "FT. MYERS - Two men were arrested on Friday. MT. VERNON police said so. It rained."
    assert [s.text for s in _sentences(body)] == [
        "FT. MYERS - Two men were arrested on Friday.",
        "MT. VERNON police said so.",
        "It rained.",
    ]


def test_offsets_reproduce_text_on_every_sentence_of_the_seed():
    body = normalize_text(SEED_ARTICLE.read_text(encoding="utf-8").split("\n", 1)[1])
    sentences = _sentences(body)
    assert len(sentences) > 8
    for s in sentences:
        assert body[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_repeated_lead_is_marked_once():
    lead = "Russia called for regular trilateral security talks with China."
    body = f"{lead}\n\n(Bloomberg) — {lead}\n\nOther news followed later that day."
    sentences = _sentences(body)
    assert [s.duplicate_of for s in sentences] == [None, 0, None]
    assert sentences[1].text == lead  # the dateline is outside the sentence span


def test_short_sentences_are_not_marked_repeats():
    sentences = _sentences("He said no. Then more talks.\n\nHe said no. Then silence.")
    assert all(s.duplicate_of is None for s in sentences)


def test_boilerplate_sentences_keep_their_role():
    sentences = _sentences("A story sentence here.\n\nMore stories like this are available on x.com")
    assert [s.role for s in sentences] == ["text", "boilerplate"]


def test_sentences_never_cross_paragraphs():
    sentences = _sentences("Headline words without stop\n\nBody starts here. Ends here.")
    assert [s.paragraph_index for s in sentences] == [0, 1, 1]
