"""Phrase tables: labelled token sequences found in a parsed sentence by lookup at every token.

They do what spaCy's PhraseMatcher did for the lexicon, for a reason of cost: the matcher makes
a vocabulary entry for every word of every phrase, and the lexicon's forty thousand names cost
seconds in every new process (each run the UI launches pays them before its first article). A
table is plain Python, so the built lexicon is kept in the disk cache (`pipelines.cache`) and
a process loads it instead of building it. Phrases are tokenized by the same spaCy tokenizer as
the text, so a phrase matches exactly the token sequence the matcher would have matched.
"""

from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc

# The words of the doc last looked up, as they are and lower-cased: every table of a sentence
# reads the same doc, and a doc's words cost a Python object per token to make.
_last: list = [None, (), ()]


def _words(doc: Doc, lower: bool) -> list[str]:
    if _last[0] is not doc:
        strings = doc.vocab.strings
        ids = doc.to_array([ORTH, LOWER]).tolist() if len(doc) else []
        _last[:] = [doc, [strings[o] for o, _ in ids], [strings[low] for _, low in ids]]
    return _last[2] if lower else _last[1]


class PhraseTable:
    """Token sequences (exact or lower-cased) -> labels; every match, overlapping ones too."""

    def __init__(self, lower: bool = False) -> None:
        self.lower = lower
        self._labels: dict[tuple[str, ...], list[str]] = {}
        # First word -> the lengths of the phrases it opens: a token opening none costs one lookup.
        self._lengths: dict[str, set[int]] = {}
        self._label_names: set[str] = set()

    def add(self, nlp: Language, label: str, phrases: Iterable[str]) -> None:
        """Tokenize the phrases as text is tokenized and file them under the label."""
        for doc in nlp.tokenizer.pipe(phrases):
            words = tuple(t.lower_ if self.lower else t.text for t in doc)
            if not words:
                continue
            labels = self._labels.setdefault(words, [])
            if label not in labels:
                labels.append(label)
            self._lengths.setdefault(words[0], set()).add(len(words))
        self._label_names.add(label)

    def __len__(self) -> int:
        """The number of labels, as PhraseMatcher counts them."""
        return len(self._label_names)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase in the doc, by start, longest first."""
        words = _words(doc, self.lower)
        found = []
        for start, word in enumerate(words):
            for length in sorted(self._lengths.get(word, ()), reverse=True):
                end = start + length
                if end <= len(words) and (labels := self._labels.get(tuple(words[start:end]))):
                    found.extend((label, start, end) for label in labels)
        return found
