"""The phrase table finds what spaCy's PhraseMatcher finds, on the same tokenizer."""

from spacy.matcher import PhraseMatcher

from pipelines.nlp import load_nlp
from pipelines.phrases import PhraseTable

PHRASES = {"STATE|GBR": ["United Kingdom", "Britain", "U.K."],
           "HOLDER|Keir Starmer": ["Keir Starmer", "Starmer"],
           "ORG|EU": ["European Union", "EU"],
           "PORG|1": ["Union"],
           "TITLE|GOV": ["prime minister", "minister"]}
TEXTS = ["Britain's prime minister Keir Starmer met European Union leaders.",
         "The U.K. left the EU; Mr Starmer said the union would hold.",
         "PRIME MINISTER Starmer visited the United Kingdom's embassy in Rome.",
         ""]


def _matcher_matches(attr: str, texts: list[str]) -> list[set]:
    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for label, phrases in PHRASES.items():
        matcher.add(label, list(nlp.tokenizer.pipe(phrases)))
    return [{(nlp.vocab.strings[m], s, e) for m, s, e in matcher(nlp.make_doc(t))} for t in texts]


def _table_matches(lower: bool, texts: list[str]) -> list[set]:
    nlp = load_nlp()
    table = PhraseTable(lower=lower)
    for label, phrases in PHRASES.items():
        table.add(nlp, label, phrases)
    assert len(table) == len(PHRASES)
    return [set(table(nlp.make_doc(t))) for t in texts]


def test_exact_and_lower_case_tables_match_as_the_phrase_matcher_does():
    for attr, lower in (("ORTH", False), ("LOWER", True)):
        assert _table_matches(lower, TEXTS) == _matcher_matches(attr, TEXTS)


def test_overlapping_phrases_are_all_found_longest_first_at_a_start():
    nlp = load_nlp()
    table = PhraseTable()
    table.add(nlp, "ORG|EU", ["European Union"])
    table.add(nlp, "PORG|1", ["Union"])
    table.add(nlp, "PORG|2", ["European Union"])
    found = table(nlp.make_doc("The European Union met."))
    assert found == [("ORG|EU", 1, 3), ("PORG|2", 1, 3), ("PORG|1", 2, 3)]
