"""Place mentions of one article, geocoded against the offline gazetteer.

Candidates are the parser's place entities (GPE, LOC, FAC), the gazetteer's own names for
regions, waters and landmarks, names the gazetteer knows where the sentence places them ("in
Reading", "Essex and Kent", "Leeds-based"), and the places a dateline opens with; demonyms
("Russian") are actors, never places. Each name is then resolved among its gazetteer candidates
by feature class, population and the article's context: the countries its actors belong to
(most of all the one it names most), the regions it names, and a qualifier right after the name
("Alexandria, Virginia", "Springfield, Ill.").
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipelines.gazetteer import (
    DESIGNATOR_WORDS,
    Place,
    alternate_index,
    countries,
    is_place_name,
    place_index,
    prominent,
)
from pipelines.nlp import load_nlp
from pipelines.place_containers import (
    article_town,
    facility,
    facility_word,
    in_town,
    own_container,
    street,
)

_LEADING_ARTICLE = re.compile(r"^(the|The)\s+")
_TYPE_PRIOR = {"country": 3.0, "peninsula": 3.0, "water": 3.0, "region": 2.5, "territory": 3.0,
               "island": 2.5, "admin1": 0.5, "admin2": 0.0, "city": 0.0,
               "landmark": 0.0}
_CAPITAL_BONUS = 3.0
_CONTEXT_BONUS = 3.0
_HOME_BONUS = 1.0
_REGION_BONUS = 2.0
_ALTERNATE_PENALTY = 1.0
_QUALIFIER_BONUS = 6.0
_PLACE_INTRODUCERS = {"of", "in", "at", "near", "from", "to", "into", "outside"}
# Prepositions that put an event at a building: "taken to Colchester General Hospital".
_FACILITY_INTRODUCERS = _PLACE_INTRODUCERS - {"of"} | {
    "inside", "opposite", "behind", "beside", "toward", "towards"}


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
    # inside an organization's name ("Harare City Council"): kept only where the article's
    # countries say the organization is that place's, not a namesake's ("Delta Air Lines")
    in_name: bool = False
    # a street or building: the place the sentence puts it in ("Barclays Center in Brooklyn")
    inside: "PlaceMention | None" = None


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


def is_placed_name(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer name the sentence puts somewhere with a preposition ("at Brussels", "to
    Geneva"): a place even where an organization is known by its seat's name."""
    return start > 0 and doc[start - 1].lower_ in _PLACE_INTRODUCERS - {"of"} \
        and is_place_name(doc[start:end].text)


def _placed_facility(doc: Doc, start: int, end: int) -> bool:
    """A building or grounds by its name where the sentence puts something: "at the Princes
    Theatre", "taken to Colchester General Hospital" (the parser often calls it an
    organization; elsewhere, "Colchester General Hospital said", it is one)."""
    if doc[start].lower_ == "the":
        start += 1
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "the" else start - 1
    return before >= 0 and doc[before].lower_ in _FACILITY_INTRODUCERS \
        and facility([t.text for t in doc[start:end]])


def _building_of(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A place span grown over the word for a building after it, where the sentence puts
    something there: the parser tags "St Mary's" in "in St Mary's Chapel"."""
    if end < len(doc) and facility_word(doc[end].text) and _placed_facility(doc, start, end + 1):
        return start, end + 1
    return start, end


def _well_known_place(name: str, single: bool = True) -> bool:
    """A name (a single word unless `single` is false) whose likeliest reading is a country, a
    region or a city of 100,000 (or, for a longer name, a county): what the parser's ORG label
    on it ("a Durban court") cannot outweigh."""
    if (single and " " in name) or not name[:1].isupper():
        return False
    candidates = place_index().get(name.lower(), [])
    best = max(candidates, key=lambda p: p.population, default=None)
    return best is not None and prominent(best, counties=not single)


def _comma_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity the parser ran across a comma ("Donington Park, Leicestershire") is a place and
    the region it lies in: one span per part, so the second qualifies the first."""
    parts, part_start = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            if part_start < i:
                parts.append((part_start, i))
            part_start = i + 1
    return parts


_HEAD_JOINS = {"&", "AND", "/"}
_HEAD_ENDS = {",", "(", "-", "\u2014", "\u2013", ":"}


def _capitals_head(doc: Doc) -> list[tuple[int, int]]:
    """Places in capitals that open a sentence as a dateline does, when the anatomy did not take
    the dateline off: "MEXICO CITY (AP) -", "ST. LOUIS -", "TIJUANA & SAN DIEGO,", "OKLAHOMA
    CITY The Latest". Every part must be a gazetteer name, or none is taken."""
    head = 0
    while head < len(doc) and (doc[head].text in _HEAD_JOINS or (
            doc[head].is_upper and doc[head].text.rstrip(".").isalpha()) or (
            doc[head].text == "." and head and not doc[head - 1].whitespace_)):  # "ST." "LOUIS"
        head += 1
    if head == 0 or head == len(doc):
        return []
    follower = doc[head]
    if follower.text not in _HEAD_ENDS and not (head >= 2 and follower.is_title):
        return []
    parts, part_start = [], 0
    for i in range(head + 1):
        if i == head or doc[i].text in _HEAD_JOINS:
            name = doc[part_start:i].text.lower()
            if part_start == i or name not in place_index():
                return []
            parts.append((part_start, i))
            part_start = i + 1
    return parts


def _named_after_places(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The well-known place an organization is named after: the longest name it opens with
    ("Harare City Council", "Walker County Sheriff's Office", "Texas Rangers") and the name
    after its "of" ("University of Mississippi", "Bank of Mexico")."""
    if doc[start].lower_ == "the":
        start += 1
    found = []
    for name_end in range(end - 1, start, -1):
        if _well_known_place(doc[start:name_end].text, single=False):
            found.append((start, name_end))
            break
    for i in range(start + 1, end - 1):
        if doc[i].lower_ == "of":
            if _well_known_place(doc[i + 1:end].text, single=False):
                found.append((i + 1, end))
            break
    return found


def _capitalized(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _longest_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A place span grown over the capitalized words joined to it while the gazetteer knows
    the whole: the small parser splits "Baja California" and "Boa Vista" in two."""
    best = (start, end)
    for new_end in range(end + 1, min(end + 3, len(doc)) + 1):
        if not _capitalized(doc, new_end - 1) or not doc[new_end - 2].whitespace_:
            break
        if doc[start:new_end].text.lower() in place_index():
            best = (start, new_end)
    return best


def _segmented(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """An entity made only of gazetteer names, each the longest that fits ("Maiduguri Borno
    State": Maiduguri, Borno State), as place spans; None when some word is no place name."""
    parts, i = [], start
    while i < end:
        j = next((j for j in range(end, i, -1)
                  if doc[i:j].text.lower() in place_index()), None)
        if j is None:
            return None
        parts.append((i, j))
        i = j
    return parts


def _regions_named(name: str) -> set[str]:
    """The countries in which a name is a country or a region (admin1, admin2)."""
    return {p.country_iso3 for p in place_index().get(name.lower(), [])
            if p.country_iso3 and p.feature_type in {"country", "admin1", "admin2"}}


def _in_place_context(doc: Doc, spans: list[tuple[int, int]], actor_tokens: set[int]
                      ) -> list[tuple[int, int]]:
    """Names the parser did not tag that the gazetteer knows, where the sentence places them:
    after "in", "near", "from" ...; joined by "and"/"or"/"," to a place ("Essex and Kent");
    before "-based". Elsewhere a capitalized word is no place without the parser's word."""
    taken = {i for start, end in spans for i in range(start, end)} | actor_tokens
    ends = {end for _s, end in spans}
    starts = {start for start, _e in spans}
    found = [] if 0 in actor_tokens else _capitals_head(doc)
    i = max((end for _s, end in found), default=1)
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper() or doc[
                i].ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY"}:
            i += 1  # "in May": a date, whatever the gazetteer knows
            continue
        end = _capitalized_end(doc, i + 1, taken)
        before, after = doc[i - 1].lower_, doc[end].lower_ if end < len(doc) else ""
        placed = before in _PLACE_INTRODUCERS or (
            before in {"and", "or", ","} and i - 1 in ends) or (
            after in {"and", "or"} and end + 1 in starts) or (
            after == "-" and end + 1 < len(doc) and doc[end + 1].lower_ == "based")
        name = doc[i:end].text.lower()
        region = next((doc[s:e].text for s, e in spans if s == end + 1), None) \
            or doc[end + 1:_capitalized_end(doc, end + 1, taken)].text if after == "," else None
        qualified = False
        if not placed and region and _regions_named(region) and name not in place_index():
            # "Knockhill, Fife": a name the gazetteer lacks, qualified by a region it knows
            placed = qualified = True
        elif not placed and region and name in place_index():
            # "Silverstone, Northamptonshire": a place the region after it holds (the region
            # tagged or not: "Croft, Yorkshire. Knockhill, Fife." in a list of dates)
            placed = any(p.country_iso3 in _regions_named(region) and p.feature_type not in {
                "country", "admin1"} for p in place_index()[name])
        if _placed_facility(doc, i, end):
            found.append((i, end))  # "at Windsor Castle": a building the gazetteer lacks
        elif placed and (name in place_index() or qualified):
            found.append((i, end))
            ends.add(end)  # "in Zilina, Nitra, Presov and Kosice": each placed by the last
        i = end
    return found


def _capitalized_end(doc: Doc, start: int, taken: set[int]) -> int:
    """Where the run of capitalized proper nouns from `start` on ends (`start` if none)."""
    end = start
    while end < len(doc) and end not in taken and _capitalized(doc, end):
        end += 1
    return end


def find_place_mentions(doc: Doc, sentence_index: int, char_offset: int,
                        actor_tokens: set[int]) -> list[PlaceMention]:
    """Place names in one sentence; `actor_tokens` are organizations, media and persons."""
    spans: list[tuple[int, int]] = []
    in_names: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            spans += _comma_parts(doc, ent.start, ent.end)
        elif ent.label_ in {"ORG", "PERSON", "NORP"} and _placed_facility(doc, ent.start, ent.end):
            spans.append((ent.start, ent.end))  # "at Northwestern Memorial Hospital"
        elif ent.label_ in {"PERSON", "ORG"} and is_place_name(ent.text) and ent.start > 0 \
                and doc[ent.start - 1].lower_ in _PLACE_INTRODUCERS:
            # The small model tags some unfamiliar places as persons: "the island of Jeju".
            spans.append((ent.start, ent.end))
        elif ent.label_ in {"PERSON", "ORG"} and ent.start > 0 and len(ent) > 1 \
                and doc[ent.start - 1].lower_ in _PLACE_INTRODUCERS - {"of"} \
                and (parts := _segmented(doc, ent.start, ent.end)) and len(parts) > 1:
            spans += parts  # "in Maiduguri Borno State": a city and its state
        elif ent.label_ == "ORG" and _well_known_place(ent.text):
            spans.append((ent.start, ent.end))  # "a Durban court", "Harare Mayor X"
        elif ent.label_ == "ORG":
            named_after = _named_after_places(doc, ent.start, ent.end)
            spans += named_after
            in_names.update(named_after)
    for _match_id, start, end in _supplement_matcher()(doc):
        spans.append((start, end))
    spans = [_building_of(doc, *_longest_name(doc, start, end)) for start, end in spans]
    spans += _in_place_context(doc, spans, actor_tokens)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    mentions: list[PlaceMention] = []
    last_end = -1
    for start, end in spans:
        if start < last_end or actor_tokens.intersection(range(start, end)):
            continue
        if doc[start].lower_ == "the":
            start += 1
        while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
            end -= 1  # "South Africa's": the place is South Africa
        if end < len(doc) and doc[end].lower_ in DESIGNATOR_WORDS and \
                doc[start:end + 1].text.lower() in place_index():
            end += 1  # "in Benue state": the region's name with its designator
        if start >= end or not doc[start].text[:1].isupper():
            continue
        span = doc[start:end]
        name = _LEADING_ARTICLE.sub("", span.text)
        mentions.append(PlaceMention(sentence_index, start, end, char_offset + span.start_char,
                                     char_offset + span.end_char, name,
                                     preposition=_preposition(doc, start),
                                     in_name=(start, end) in in_names))
        last_end = end
    for first, second in zip(mentions, mentions[1:], strict=False):
        if second.token_start == first.token_end + 1 and doc[first.token_end].text == ",":
            first.qualifier = second.text
        if second.token_start == first.token_end + 1 and doc[first.token_end].lower_ in {
                ",", "in", "at"} and in_town(first.text):
            first.inside = second  # "Barclays Center in Brooklyn", "Ramor Theatre, Virginia"
    return _own_aliases_joined(doc, mentions, char_offset)


def _own_aliases_joined(doc: Doc, mentions: list[PlaceMention], char_offset: int
                        ) -> list[PlaceMention]:
    """"Washington, D.C.": a place followed by a name of its own (the abbreviation's places
    include one of that name) is one mention, "X, Y", resolved as X."""
    joined: list[PlaceMention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        if last is not None and last.qualifier == m.text and m.token_start == last.token_end + 1:
            named = {p.name.lower() for p in place_index().get(m.text.lower(), [])
                     + alternate_index().get(m.text.lower(), [])}
            if last.text.lower() in named:
                span = doc[last.token_start:m.token_end]
                last.token_end, last.char_end = m.token_end, char_offset + span.end_char
                last.text, last.qualifier = span.text, None
                continue
        joined.append(m)
    return joined


_DATELINE_END = re.compile(r"\s*(\(|—|–|\s-\s|:)")


def dateline_places(body: str, dateline: str, sentence_index: int) -> list[PlaceMention]:
    """The places a dateline opens with ("DURBAN, South Africa (CNN) -", "HELENA, Mont. (AP)"):
    each comma-separated part the gazetteer knows, the next part its qualifier."""
    start = body.find(dateline)
    if start < 0:
        return []
    head = _DATELINE_END.split(dateline, maxsplit=1)[0]
    mentions: list[PlaceMention] = []
    cursor = start
    for part in head.split(","):
        name = part.strip()
        at = body.find(name, cursor, start + len(head)) if name else -1
        if at < 0 or any(ch.isdigit() for ch in name) or not name[:1].isupper():
            break  # "MOSCOW, Oct. 19": the date ends the places
        cursor = at + len(name)
        if name.lower() not in place_index() and name.lower() not in alternate_index():
            break
        mentions.append(PlaceMention(sentence_index, 0, 0, at, at + len(name), name,
                                     preposition="dateline"))
    for first, second in zip(mentions, mentions[1:], strict=False):
        first.qualifier = second.text
    return mentions


def _score(place: Place, context: Counter, qualifier: Place | None,
           admin_context: frozenset[str] = frozenset(), alternate: bool = False,
           region_context: frozenset[tuple] = frozenset(), home: str | None = None) -> float:
    """`home`: the country the article is most about (`_home` of the context), if one leads."""
    score = math.log10(place.population + 10) + _TYPE_PRIOR.get(place.feature_type, 0.0)
    if alternate:
        score -= _ALTERNATE_PENALTY  # "Newcastle" for Newcastle upon Tyne: a second reading
    if place.feature_type in {"admin1", "admin2"} and place.country_iso3 in admin_context:
        score += _CONTEXT_BONUS  # "Georgia and Alabama": other regions of that country named
    if place.feature_type == "city" and (place.name, place.country_iso3) in _capitals() \
            and not alternate:  # "Salisbury" is Harare's old name, not the capital's
        score += _CAPITAL_BONUS
    if (place.country_iso3, place.admin1) in region_context and place.admin1:
        score += _REGION_BONUS  # "Allendale" in an article about New Jersey
    if place.country_iso3 and context[place.country_iso3]:
        score += _CONTEXT_BONUS
        if place.country_iso3 == home:
            score += _HOME_BONUS  # the country the article is most about
    if qualifier is not None:
        same_country = qualifier.country_iso3 == place.country_iso3
        same_admin1 = qualifier.feature_type != "admin1" or qualifier.admin1 == place.admin1
        if same_country and same_admin1 and qualifier != place:
            score += _QUALIFIER_BONUS
    return score


def _lies_in(place: Place, region: Place) -> bool:
    """Whether a place may lie in a country or region: in its country, and in its admin-1
    where the region is one with a code (the gazetteer does not say which admin-2 a town is
    in, nor which admin-1 codes a constituent country like Scotland covers)."""
    if place == region:
        return True
    if place.country_iso3 != region.country_iso3:
        return False
    return region.feature_type != "admin1" or region.admin1 is None \
        or place.admin1 == region.admin1


_RANK = {"country": 3, "admin1": 2, "admin2": 1}


def _container(readings: list[Place], candidates: list[Place]) -> Place | None:
    """The region a name after a comma says a place lies in ("Perth, Scotland"), or None
    where the comma only joins a list ("France, Germany", "Ontario, Alberta"): a reading of
    it that holds one of the place's candidates, else its one reading if that is a region
    below a country, wider than all the candidates."""
    regions = [q for q in readings if q.feature_type in _RANK]
    holding = [q for q in regions if q not in candidates and any(
        _lies_in(p, q) and _RANK.get(p.feature_type, 0) < _RANK[q.feature_type]
        for p in candidates)]
    if holding:
        return max(holding, key=lambda q: (q.population, q.location_id))
    if not regions or len(regions) != len(readings) or len(regions) > 1:
        return None
    widest = max((_RANK.get(p.feature_type, 0) for p in candidates), default=0)
    (region,) = regions
    rank = _RANK[region.feature_type]
    if rank == 3:
        return None  # "Saipan, Guam, Alaska": islands and states in a list, as often as not
    # counties in a list are each other's peers; a county after a town's name holds it
    return region if rank > widest or (rank == widest == 1 and not any(
        p.country_iso3 == region.country_iso3 for p in candidates)) else None


def _home(context: Counter) -> str | None:
    ranked = context.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None  # no country leads
    return ranked[0][0]


def resolve_places(mentions: list[PlaceMention], context_countries: Counter | set[str]) -> None:
    """Choose each mention's place (and drop the names inside organizations' names that the
    context does not confirm). The context is the article's countries with how often the
    article names them (its actors, its source): a candidate in one of them gains, most in the
    country the article is most about, so "Woolwich" in a British article is London's."""
    index, alternates = place_index(), alternate_index()

    def comma_parts(name: str) -> tuple[str, str | None]:
        """"Washington, D.C.", a name the index lacks: Washington, in the region D.C."""
        if name.lower() not in index and ", " in name:
            place, region = name.split(", ", 1)
            return place, region
        return name, None

    def candidates_of(name: str) -> list[tuple[Place, bool]]:
        """Places with that main name, then populous places also known by it (flagged)."""
        name = comma_parts(name)[0]
        main = index.get(name.lower(), [])
        return [(p, False) for p in main] + [(p, True) for p in alternates.get(name.lower(), [])
                                            if p not in main]

    context = Counter(context_countries)
    admin_context: set[str] = set()
    region_context: set[tuple] = set()  # (country, admin-1) the article names or is placed in
    for m in mentions:  # unambiguous names add their country (and region) to the context
        if m.in_name:
            continue  # a name inside an organization's waits for the context to confirm it
        candidates = [p for p, _alt in candidates_of(m.text)]
        regions = {(c.country_iso3, c.admin1) for c in candidates}
        if len(regions) == 1 and candidates[0].admin1:
            region_context |= regions
        if len({c.country_iso3 for c in candidates}) == 1 and candidates[0].country_iso3:
            context[candidates[0].country_iso3] += 1
            if all(c.feature_type in {"admin1", "admin2"} for c in candidates):
                admin_context.add(candidates[0].country_iso3)  # a region, and only a region
    home, admin, regions = _home(context), frozenset(admin_context), frozenset(region_context)
    holders: dict[tuple, Place] = {}  # (sentence, name after a comma) -> the region it is
    for m in mentions:
        candidates = candidates_of(m.text)
        m.candidate_count = len(candidates)
        if not candidates:
            continue
        # "Washington, D.C.", one mention: what follows the comma qualifies what precedes it
        qualifier_candidates = [p for p, _alt in candidates_of(
            m.qualifier or comma_parts(m.text)[1] or "")]
        container = _container(qualifier_candidates, [p for p, _alt in candidates])
        if container is not None:
            holders[(m.sentence_index, m.qualifier)] = container
            if not any(_lies_in(p, container) for p, _alt in candidates):
                # "Rockingham, Northamptonshire" with no Rockingham of England in the
                # gazetteer: the text says where it lies, so it is there, not in Australia
                m.place, m.resolution, m.confidence = container, "container", 0.5
                continue
            # "Perth, Scotland": only a Perth in Scotland, however big Australia's is
            candidates = [(p, alt) for p, alt in candidates if _lies_in(p, container)]
        # a name after a comma is where the place lies: its regions' readings first ("D.C.",
        # the District of Columbia, not the city known by that abbreviation)
        qualifier_candidates = [p for p in qualifier_candidates if p.feature_type in {
            "country", "admin1", "admin2"}] or qualifier_candidates
        qualifier = container or max(
            qualifier_candidates, key=lambda p: _score(p, context, None, home=home), default=None)
        scored = sorted(((_score(p, context, qualifier, admin, alt, regions, home), p)
                         for p, alt in candidates),
                        key=lambda sp: -sp[0])
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 10.0
        m.place = best
        m.resolution = "gazetteer" if len(scored) == 1 and container is None else "context"
        m.confidence = round(min(0.95, 0.5 + 0.1 * margin), 2) if len(scored) > 1 else 0.95
    for m in mentions:  # "Washington, Georgia": that Georgia is the state the town is in
        holder = holders.get((m.sentence_index, m.text))
        if holder is not None and m.place is not None and m.place != holder:
            m.place, m.resolution = holder, "context"
    _place_in_containers(mentions, candidates_of,
                         lambda p, alt: _score(p, context, None, admin, alt, regions, home),
                         context)
    mentions[:] = [m for m in mentions if not m.in_name or (m.place and prominent(m.place, True) and (
        m.place.feature_type == "country" or context[m.place.country_iso3]))]


def _named_for(name: str, candidates_of, score, context: Counter) -> list[tuple[Place, bool]]:
    """The place a building's name opens with, where its likeliest reading lies in the country
    the article is most about (or, if none leads, one it names): "Colchester General Hospital"
    in a British article, not "Liverpool Academy" in an Egyptian one. Never a street's:
    streets are named after towns elsewhere ("London Road")."""
    if street(name):
        return []
    home = _home(context)
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        candidates = candidates_of(" ".join(words[:end]))
        best = max(candidates, key=lambda pa: score(*pa), default=None)
        if best is not None and best[0].country_iso3 and (
                best[0].country_iso3 == home if home else context[best[0].country_iso3]):
            return [best]
    return []


def _place_in_containers(mentions: list[PlaceMention], candidates_of, score,
                         context: Counter) -> None:
    """Names the gazetteer does not list, placed where they lie: in the place their own name
    names ("Kabul River"); a street or building in the place the sentence puts it in ("in
    Brooklyn"), else the place its name opens with, else the town the article is about."""
    unplaced = [m for m in mentions if m.place is None and not m.in_name]
    if not unplaced:
        return
    town = article_town([m.place for m in mentions if m.place])
    for m in reversed(unplaced):  # "St George's Chapel at Windsor Castle": the castle first
        inner = own_container(m.text)
        candidates = candidates_of(inner) if inner else []
        if not candidates and in_town(m.text):
            if m.inside is not None and m.inside.place is not None:
                candidates = [(m.inside.place, False)]
            else:
                candidates = _named_for(m.text, candidates_of, score, context)
        if not candidates and m.qualifier:
            # "Knockhill, Fife": in the region that qualifies it
            candidates = [(p, alt) for p, alt in candidates_of(m.qualifier)
                          if p.feature_type in {"country", "admin1", "admin2"}]
        if candidates:
            place = max(candidates, key=lambda pa: score(*pa))[0]
        elif in_town(m.text) and town is not None:
            place = town
        else:
            continue
        m.place, m.resolution, m.confidence = place, "container", 0.5
