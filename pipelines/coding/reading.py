"""One sentence as actor resolution reads it: its dictionary matches, titles and quotations,
the mentions found so far, and the small readings of a parse the resolvers share."""

from spacy.tokens import Doc, Token

from pipelines.coding.names import labels, quote_ranges, titles
from pipelines.coding.records import CONFIDENCE, Actor, ActorMention
from pipelines.lexicon import Lexicon


def label_before(doc: Doc, index: int, labels_at: dict[int, tuple], most: int
                 ) -> tuple[str, str, int] | None:
    """The dictionary match (kind, payload, start) ending before `index`, across at most
    `most` modifiers ("Iraqi interim leader", "Oxfam senior policy adviser")."""
    left = index
    while left > 0 and left - 1 not in labels_at and index - left < most and doc[
            left - 1].dep_ in {"compound", "amod"} and doc[left - 1].pos_ in {"NOUN", "ADJ"}:
        left -= 1
    return labels_at.get(left - 1)


def nationality_before(doc: Doc, index: int, labels_at: dict[int, tuple], most: int
                       ) -> tuple[str, int] | None:
    """(country, start) of a nationality or state ending before `index`, across at most
    `most` modifiers ("Iraqi interim leader", "Russian oil firm")."""
    owner = label_before(doc, index, labels_at, most)
    if not owner or owner[0] not in {"DEMONYM", "STATE"}:
        return None
    return owner[1][:3], owner[2]


def plural(token: Token) -> bool:
    """A plural noun, including acronyms the tagger calls proper nouns ("MPs", "MEPs")."""
    return token.tag_ in {"NNS", "NNPS"} or (
        len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper())


def unspecified(sector: str) -> Actor:
    """A sector acting with no country known ("police", "a judge"): PETRARCH's ---SECTOR."""
    return Actor(f"---{sector}", f"unspecified ({sector})", f"---{sector}", None, sector, "group")


def region_actor(code: str, name: str, sector: str | None = None) -> Actor:
    """A world region as CAMEO codes it (EUR, AFR, WST ...), or its sector ("European leaders")."""
    if sector:
        return Actor(f"{code}{sector}", f"{name} ({sector})", f"{code}{sector}", None, sector,
                     "group")
    return Actor(code, name, code, None, None, "group")


class SentenceReading:
    """One sentence being read: its dictionary matches and the mentions found so far."""

    def __init__(self, doc: Doc, index: int, offset: int, lx: Lexicon):
        self.doc, self.index, self.offset = doc, index, offset
        self.labels = labels(doc, lx)
        self.labels_at = {end - 1: (kind, payload, start)
                          for kind, payload, start, end in self.labels}
        self.titles = titles(doc, lx)
        self.quotes = quote_ranges(doc.text)
        self.consumed: set[int] = set()
        self.found: list[ActorMention] = []

    def mention(self, start: int, end: int, actor: Actor | None, resolution: str, **extra
                ) -> ActorMention:
        span = self.doc[start:end]
        in_quote = any(q0 <= span.start_char < q1 for q0, q1 in self.quotes)
        result = ActorMention(self.index, start, end, self.offset + span.start_char,
                              self.offset + span.end_char, span.text, actor, resolution,
                              CONFIDENCE[resolution], in_quote=in_quote,
                              is_subject=span.root.dep_ in {"nsubj", "nsubjpass"}, **extra)
        self.found.append(result)
        self.consumed.update(range(start, end))
        return result
