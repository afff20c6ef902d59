"""Place mentions of one article, geocoded against the offline gazetteer.

Candidates are the parser's place entities (GPE, LOC, FAC) and the gazetteer's own names for
regions and waters; demonyms ("Russian") are actors, never places. Each name is then resolved
among its gazetteer candidates by feature class, population and the article's context: the
countries it names, and a qualifier right after the name ("Alexandria, Virginia").
"""

import math
import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipelines.gazetteer import Place, alternate_index, countries, is_place_name, place_index
from pipelines.nlp import load_nlp

_LEADING_ARTICLE = re.compile(r"^(the|The)\s+")
_TYPE_PRIOR = {"country": 3.0, "peninsula": 3.0, "water": 3.0, "region": 2.5, "territory": 3.0,
               "island": 2.5, "admin1": 0.5, "admin2": 0.0, "city": 0.0}
_CAPITAL_BONUS = 2.0
_CONTEXT_BONUS = 2.0
_QUALIFIER_BONUS = 6.0
_PLACE_INTRODUCERS = {"of", "in", "at", "near", "from", "to", "into", "outside"}


@dataclass
class PlaceMention:
    sentence_index: int
    token_start: int
    token_end: int
    char_start: int
    char_end: int
    text: str
    place: Place | None = None
    resolution: str = "unresolved"
    confidence: float = 0.0
    candidate_count: int = 0
    qualifier: str | None = None  # the place named right after it ("Springfield, Illinois")
    preposition: str | None = None  # "in", "near", "south of": how the sentence places it


@cache
def _supplement_matcher() -> PhraseMatcher:
    """Gazetteer names the parser may not tag: regions, waters, peninsulas (multi-word, capitalized)."""
    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = sorted({p.name for places in place_index().values() for p in places
                    if p.feature_type not in {"city", "country", "admin1", "admin2"}})
    matcher.add("PLACE", list(nlp.tokenizer.pipe(names)))
    return matcher


@cache
def _capitals() -> set[tuple[str, str]]:
    return {(c.capital, c.iso3) for c in countries().values() if c.capital}


def _preposition(doc: Doc, start: int) -> str | None:
    """"in", "near", "south of" ... before a place."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if prev.lower_ == "the" and start >= 2:
        prev = doc[start - 2]
    if prev.lower_ == "of" and prev.i >= 1 and doc[prev.i - 1].lower_ in {
            "north", "south", "east", "west", "outside", "northeast", "northwest", "southeast",
            "southwest", "island", "city", "town", "region", "province", "port", "capital"}:
        return f"{doc[prev.i - 1].lower_} of"
    if prev.pos_ == "ADP":
        return prev.lower_
    return None


def find_place_mentions(doc: Doc, sentence_index: int, char_offset: int,
                        actor_tokens: set[int]) -> list[PlaceMention]:
    """Place names in one sentence; `actor_tokens` are organizations, media and persons."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            spans.append((ent.start, ent.end))
        elif ent.label_ in {"PERSON", "ORG"} and is_place_name(ent.text) and ent.start > 0 \
                and doc[ent.start - 1].lower_ in _PLACE_INTRODUCERS:
            # The small model tags some unfamiliar places as persons: "the island of Jeju".
            spans.append((ent.start, ent.end))
    for _match_id, start, end in _supplement_matcher()(doc):
        spans.append((start, end))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    mentions: list[PlaceMention] = []
    last_end = -1
    for start, end in spans:
        if start < last_end or actor_tokens.intersection(range(start, end)):
            continue
        if doc[start].lower_ == "the":
            start += 1
        if start >= end or not doc[start].text[:1].isupper():
            continue
        span = doc[start:end]
        name = _LEADING_ARTICLE.sub("", span.text)
        mentions.append(PlaceMention(sentence_index, start, end, char_offset + span.start_char,
                                     char_offset + span.end_char, name,
                                     preposition=_preposition(doc, start)))
        last_end = end
    for first, second in zip(mentions, mentions[1:], strict=False):
        if second.token_start == first.token_end + 1 and doc[first.token_end].text == ",":
            first.qualifier = second.text
    return mentions


def _score(place: Place, context: set[str], qualifier: Place | None,
           admin_context: frozenset[str] = frozenset()) -> float:
    score = math.log10(place.population + 10) + _TYPE_PRIOR.get(place.feature_type, 0.0)
    if place.feature_type == "admin1" and place.country_iso3 in admin_context:
        score += _CONTEXT_BONUS  # "Georgia and Alabama": other regions of that country named
    if place.feature_type == "city" and (place.name, place.country_iso3) in _capitals():
        score += _CAPITAL_BONUS
    if place.country_iso3 and place.country_iso3 in context:
        score += _CONTEXT_BONUS
    if qualifier is not None:
        same_country = qualifier.country_iso3 == place.country_iso3
        same_admin1 = qualifier.feature_type != "admin1" or qualifier.admin1 == place.admin1
        if same_country and same_admin1 and qualifier != place:
            score += _QUALIFIER_BONUS
    return score


def resolve_places(mentions: list[PlaceMention], context_countries: set[str]) -> None:
    """Choose each mention's place; the article's named countries are the context."""
    index, alternates = place_index(), alternate_index()

    def candidates_of(name: str) -> list[Place]:
        """Places with that main name; failing any, populous places known by it as well."""
        return index.get(name.lower()) or alternates.get(name.lower(), [])

    context = set(context_countries)
    admin_context: set[str] = set()
    for m in mentions:  # unambiguous names add their country to the context
        candidates = candidates_of(m.text)
        if len({c.country_iso3 for c in candidates}) == 1 and candidates[0].country_iso3:
            context.add(candidates[0].country_iso3)
            if any(c.feature_type == "admin1" for c in candidates):
                admin_context.add(candidates[0].country_iso3)
    for m in mentions:
        candidates = candidates_of(m.text)
        m.candidate_count = len(candidates)
        if not candidates:
            continue
        qualifier_candidates = candidates_of(m.qualifier or "")
        qualifier = max(qualifier_candidates, key=lambda p: _score(p, context, None),
                        default=None)
        scored = sorted(((_score(p, context, qualifier, frozenset(admin_context)), p)
                         for p in candidates),
                        key=lambda sp: -sp[0])
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 10.0
        m.place = best
        m.resolution = "gazetteer" if len(scored) == 1 else "context"
        m.confidence = round(min(0.95, 0.5 + 0.1 * margin), 2) if len(scored) > 1 else 0.95
