"""Actor mentions of one article: states, capitals and seats of power acting as governments,
persons with their titles, organizations, media and groups, and their within-article
coreference (surnames, pronouns, "the minister", "the two countries", a quoted "we").

Every mention records how it was resolved and a confidence. A capitalized name with no clue
stays an unresolved mention (no actor), never a guess.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from pipelines.gazetteer import is_place_name
from pipelines.lexicon import Lexicon, lexicon
from schemas.fields import ISO3_CODES, SECTORS

# Confidence by how a mention was resolved.
CONFIDENCE = {"dictionary": 0.95, "office": 0.95, "title": 0.85, "title_no_country": 0.6,
              "metonym": 0.8, "coreference": 0.65, "unresolved": 0.0}
# Words before a capital that make it a place, not a government acting.
_PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "into", "via", "outside", "inside",
                       "visit", "visited", "visiting", "visits", "toward", "towards", "across"}
# Titles that name an institution or a collective (an actor even without a person's name).
_COLLECTIVES = {"police", "military", "army", "navy", "air force", "government", "administration",
                "opposition", "parliament", "congress", "senate", "court", "supreme court",
                "ministry", "foreign ministry", "defense ministry", "defence ministry", "cabinet",
                "authorities", "intelligence", "security forces", "armed forces", "coast guard",
                "delegation", "troops", "forces", "crowd", "people", "junta", "regime"}
_PAIR_PHRASES = re.compile(r"^(the two|both) (countries|nations|states|sides|neighbors|neighbours|"
                           r"governments|allies|capitals)$", re.IGNORECASE)
_SPEECH_VERBS = {"say", "tell", "quote", "add", "state", "note", "insist", "warn", "write",
                 "declare", "announce", "stress", "claim", "argue", "accuse", "urge", "ask"}
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    actor_code: str
    country_iso3: str | None
    sector: str | None
    actor_type: str  # state, person, organization, group, media


@dataclass
class ActorMention:
    sentence_index: int
    token_start: int  # within the sentence's Doc
    token_end: int
    char_start: int  # within the article body
    char_end: int
    text: str
    actor: Actor | None
    resolution: str
    confidence: float
    title: str | None = None
    antecedent_text: str | None = None
    in_quote: bool = False
    is_subject: bool = False
    extra_actors: list[Actor] = field(default_factory=list)  # "the two countries" -> two actors

    @property
    def actors(self) -> list[Actor]:
        return [a for a in [self.actor, *self.extra_actors] if a is not None]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def state_actor(iso3: str, sector: str | None = None) -> Actor:
    lx = lexicon()
    country = lx.country_names.get(iso3, iso3)
    if sector:
        return Actor(f"{iso3}{sector}", f"{country} ({sector})", f"{iso3}{sector}", iso3, sector,
                     "group" if sector not in {"GOV"} else "organization")
    return Actor(iso3, country, iso3, iso3, None, "state")


def media_actor(name: str, iso3: str | None) -> Actor:
    """A news outlet: its country's MED code, or ---MED when the outlet is not in the lexicon."""
    return Actor(f"media:{_slug(name)}", name, f"{iso3 or '---'}MED", iso3, "MED", "media")


def petrarch_org_actor(code: str, name: str) -> Actor:
    """An organization or armed group of the PETRARCH2 dictionaries: one actor per name (the code
    MNCUSA is shared by thousands of firms), with the country and sector its code carries."""
    body = code[3:] if code[:3] in {"IGO", "NGO", "MNC", "INT", "IMG", "UIS"} else code
    iso3 = body[:3] if body[:3] in ISO3_CODES else None
    rest = body[3:] if iso3 else body
    sector = next((rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in SECTORS),
                  None)
    if code[:3] in {"IGO", "NGO", "MNC"}:
        kind = "organization"
    elif sector == "MED":
        kind = "media"
    elif sector in {"REB", "CRM"} or code[:3] in {"IMG", "INT"}:
        kind = "group"
    else:
        kind = "organization"
    return Actor(f"org:{_slug(name)}", name, code, iso3, sector, kind)


def _code_parts(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO-style code; "---" is an unknown country."""
    if code.startswith(("IGO", "NGO")):
        return None, None
    return (None if code.startswith("---") else code[:3]), code[3:6] or None


def _labels(doc: Doc, lx: Lexicon) -> list[tuple[str, str, int, int]]:
    """Non-overlapping dictionary matches (kind, payload, start, end), longest first."""
    found = []
    for match_id, start, end in lx.names(doc):
        kind, payload = doc.vocab.strings[match_id].split("|", 1)
        found.append((kind, payload, start, end))
    if lx.organizations is not None:  # the overlay's names first, whatever their length
        overlay = {i for _k, _p, start, end in found for i in range(start, end)}
        for match_id, start, end in lx.organizations(doc):
            if _written_as_name(doc[start:end]) and not overlay.intersection(range(start, end)):
                found.append(("PORG", doc.vocab.strings[match_id].split("|", 1)[1], start, end))
    priority = {"HOLDER": 0, "MEDIA": 1, "ORG": 2, "PARTY": 2, "SEAT": 3, "STATE": 4, "CAPITAL": 5,
                "DEMONYM": 6, "PORG": 7}
    found.sort(key=lambda m: (-(m[3] - m[2]), priority[m[0]], m[2]))
    taken: set[int] = set()
    kept = []
    for kind, payload, start, end in found:
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((kind, payload, start, end))
    return sorted(kept, key=lambda m: m[2])


_NAME_CONNECTORS = {"of", "for", "the", "and", "de", "des", "du", "la", "le", "al", "el", "in",
                    "on", "to", "&", "-", "'s", "’s", "."}


def _written_as_name(span) -> bool:
    """Whether a case-insensitive dictionary match is written as a name: every word capitalized
    (connectors aside); a single word also a proper noun, not opening the sentence unless it is
    an acronym ("Hope" at a sentence's start is no organization)."""
    words = [t for t in span if t.lower_ not in _NAME_CONNECTORS]
    if not words or not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words):
        return False
    if len(span) == 1:
        token = span[0]
        return token.pos_ == "PROPN" and (token.i > 0 or token.text.isupper()
                                          or token.ent_type_ in {"ORG", "NORP", "PERSON"})
    return True


def _titles(doc: Doc, lx: Lexicon) -> dict[int, tuple[int, str, str]]:
    """Longest title match starting at each token: start -> (end, sector, title text)."""
    best: dict[int, tuple[int, str, str]] = {}
    for match_id, start, end in lx.titles(doc):
        sector = doc.vocab.strings[match_id].split("|", 1)[1]
        if start not in best or end > best[start][0]:
            best[start] = (end, sector, doc[start:end].text.lower())
    return best


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for opening, closing in _QUOTE_PAIRS:
        cursor = 0
        while (start := text.find(opening, cursor)) != -1:
            end = text.find(closing, start + 1)
            end = len(text) if end == -1 else end
            ranges.append((start, end + 1))
            cursor = end + 1
    return ranges


class ArticleActors:
    """Resolves the actor mentions of one article, sentence by sentence, in reading order."""

    def __init__(self, published: date | None):
        self.lx = lexicon()
        self.published = published
        self.mentions: list[ActorMention] = []
        # Persons of the latest sentence that had any: what a pronoun in a later sentence may
        # point to, kept as sentences are read so no pronoun rescans the article.
        self._last_persons: list[ActorMention] = []
        self.persons: dict[str, Actor] = {}  # surname and full name -> person
        self.person_titles: dict[str, str] = {}  # actor_id -> title text
        self.paragraph_speaker: dict[int, Actor] = {}

    # -- persons -----------------------------------------------------------------------------
    def _office(self, name: str) -> tuple[str, str] | None:
        offices = self.lx.offices.get(name, [])
        held = [o for o in offices if o.held_on(self.published)]
        if held and (self.published is not None or len({o.actor_code for o in held}) == 1):
            return held[0].holder, held[0].actor_code
        if self.published is not None or not offices:
            return None
        # Undated, and no single open role: what every role the person held has in common
        # (all British government posts: GBRGOV; a country alone when the sectors differ).
        codes = {o.actor_code for o in offices}
        if len({c[:3] for c in codes}) != 1 or codes.pop()[:3] in {"IGO", "NGO", "---"}:
            return None
        sectors = {o.actor_code[3:6] for o in offices}
        country = offices[0].actor_code[:3]
        return offices[0].holder, country + (sectors.pop() if len(sectors) == 1 else "")

    def _person(self, name: str, code: str | None, title: str | None) -> Actor:
        known = self.persons.get(name) or self.persons.get(name.split()[-1])
        if known and (code is None or known.actor_code == code):
            return known
        iso3, sector = _code_parts(code) if code else (None, None)
        if code and code.startswith(("IGO", "NGO")):
            sector = None
        actor = Actor(f"person:{_slug(name)}", name, code or "", iso3, sector, "person")
        self.persons[name] = actor
        self.persons.setdefault(name.split()[-1], actor)
        if title:
            self.person_titles[actor.actor_id] = title
        return actor

    def _context_left(self, doc: Doc, start: int, labels_at: dict[int, tuple], titles: dict
                      ) -> tuple[int, str | None, str | None, str | None]:
        """Title and nationality before a name: (new start, iso3, sector, title text)."""
        iso3 = sector = title = None
        cursor = start
        changed = True
        while changed and cursor > 0:
            changed = False
            for t_start, (t_end, t_sector, t_text) in titles.items():
                if t_end == cursor and t_start < cursor:
                    sector, title = sector or t_sector, title or t_text
                    cursor, changed = t_start, True
                    break
            if changed:
                continue
            prev = doc[cursor - 1]
            if prev.text in {"'s", "’s"} and cursor - 2 >= 0 and (cursor - 2) in labels_at:
                kind, payload, l_start = labels_at[cursor - 2]
                if kind in {"STATE", "SEAT", "CAPITAL"}:
                    iso3 = iso3 or payload[:3]
                    cursor, changed = l_start, True
                    continue
            if (cursor - 1) in labels_at and labels_at[cursor - 1][0] in {"DEMONYM", "STATE"}:
                kind, payload, l_start = labels_at[cursor - 1]
                iso3 = iso3 or payload
                cursor, changed = l_start, True
            elif title and (cursor - 1) in labels_at and labels_at[cursor - 1][0] == "PARTY":
                kind, payload, l_start = labels_at[cursor - 1]  # "Tory leader Michael Howard"
                iso3 = iso3 or payload[:3]
                cursor, changed = l_start, True
        return cursor, iso3, sector, title

    def _context_appositive(self, doc: Doc, end: int, labels_at: dict, titles: dict
                            ) -> tuple[str | None, str | None, str | None]:
        """", Russia's foreign minister," after a name."""
        if end >= len(doc) or doc[end].text != ",":
            return None, None, None
        cursor = end + 1
        if cursor < len(doc) and doc[cursor].lower_ in {"the", "a"}:
            cursor += 1
        iso3 = None
        # labels_at is keyed by a match's last token; look for a match starting here.
        for _last, (kind, payload, l_start) in labels_at.items():
            if l_start == cursor and kind in {"STATE", "DEMONYM"}:
                iso3 = payload
                cursor = _last + 1
                if cursor < len(doc) and doc[cursor].text in {"'s", "’s"}:
                    cursor += 1
                break
        if cursor in titles:
            t_end, sector, text = titles[cursor]
            return iso3, sector, text
        return None, None, None

    # -- the sentence ------------------------------------------------------------------------
    def read_sentence(self, sentence_index: int, paragraph_index: int, doc: Doc,
                      char_offset: int) -> list[ActorMention]:
        lx = self.lx
        labels = _labels(doc, lx)
        labels_at = {end - 1: (kind, payload, start) for kind, payload, start, end in labels}
        titles = _titles(doc, lx)
        quotes = _quote_ranges(doc.text)
        consumed: set[int] = set()
        found: list[ActorMention] = []

        def mention(start: int, end: int, actor: Actor | None, resolution: str, **extra
                    ) -> ActorMention:
            span = doc[start:end]
            in_quote = any(q0 <= span.start_char < q1 for q0, q1 in quotes)
            result = ActorMention(sentence_index, start, end, char_offset + span.start_char,
                                  char_offset + span.end_char, span.text, actor, resolution,
                                  CONFIDENCE[resolution], in_quote=in_quote,
                                  is_subject=span.root.dep_ in {"nsubj", "nsubjpass"}, **extra)
            found.append(result)
            consumed.update(range(start, end))
            return result

        # Persons: dictionary office holders and PERSON entities.
        person_spans: list[tuple[int, int]] = [(s, e) for k, _p, s, e in labels if k == "HOLDER"]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not any(s < ent.end and ent.start < e
                                                  for _k, _p, s, e in labels) \
                    and not is_place_name(ent.text):
                person_spans.append((ent.start, ent.end))
        for start, end in sorted(person_spans):
            name = doc[start:end].text
            left, iso3, sector, title = self._context_left(doc, start, labels_at, titles)
            if not title:
                iso3, sector, title = self._context_appositive(doc, end, labels_at, titles)
            office = self._office(name)
            if office:
                holder, code = office
                actor = self._person(holder, code, title)
                resolution = "office"
            elif title and (iso3 or sector):
                code = f"{iso3 or '---'}{sector or ''}"
                actor = self._person(name, code, title)
                resolution = "title" if iso3 else "title_no_country"
            elif name in self.persons or name.split()[-1] in self.persons:
                actor = self.persons.get(name) or self.persons[name.split()[-1]]
                resolution = "coreference"
            else:
                mention(start, end, None, "unresolved")
                continue
            consumed.update(range(left, start))
            mention(start, end, actor, resolution, title=title)

        # Surnames of persons met earlier that the parser did not tag this time ("Keller said").
        for token in doc:
            if token.i not in consumed and token.pos_ == "PROPN" and token.text in self.persons \
                    and not any(s <= token.i < e for _k, _p, s, e in labels):
                known = self.persons[token.text]
                mention(token.i, token.i + 1, known, "coreference", antecedent_text=known.name)

        # Dictionary names that are not part of a person's designation.
        for kind, payload, start, end in labels:
            if consumed.intersection(range(start, end)) or kind == "HOLDER":
                continue
            following = titles.get(end)
            attributive = kind == "DEMONYM" or (
                kind == "STATE" and doc[end - 1].dep_ in {"compound", "nmod", "amod"})
            if attributive and following:
                t_end, sector, text = following
                if t_end < len(doc) and doc[t_end].pos_ == "PROPN":
                    continue  # "Russian newswire Tass": designates the name that follows
                # "Kenyan riot police", "US commander", "a Russian diplomat": the country's
                # sector acts (a person named after it is resolved with the title)
                mention(start, t_end, state_actor(payload, sector), "dictionary", title=text)
                continue
            if kind in {"STATE", "DEMONYM"}:
                if doc[start].ent_type_ == "NORP" and kind == "DEMONYM" and end < len(doc) \
                        and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in {"ORG"}:
                    continue  # "Russian newswire Tass", "Chinese firm Huawei": not the state
                mention(start, end, state_actor(payload), "dictionary")
            elif kind == "CAPITAL":
                if start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
                    continue
                mention(start, end, state_actor(payload, "GOV"), "metonym")
            elif kind == "SEAT":
                iso3, sector = _code_parts(payload)
                mention(start, end, state_actor(iso3, sector), "metonym")
            elif kind == "ORG":
                mention(start, end, Actor(payload, lx.org_names.get(payload, doc[start:end].text),
                                          payload, None, None, "organization"), "dictionary")
            elif kind == "PARTY":
                if start == 0 and end == 1 and doc[0].dep_ == "compound" and end not in titles:
                    continue  # "Labour costs rose": a capital only because the sentence opens
                iso3, name = payload.split("|", 1)
                mention(start, end, Actor(f"party:{_slug(name)}", name, f"{iso3}PTY", iso3, "PTY",
                                          "organization"), "dictionary")
            elif kind == "PORG":
                code, name = lx.petrarch_orgs[int(payload)]
                mention(start, end, petrarch_org_actor(code, name), "dictionary")
            elif kind == "MEDIA":
                mention(start, end, media_actor(doc[start:end].text, payload), "dictionary")

        # Collective actors without a nationality in front of them ("police", "the military").
        for start, (end, sector, text) in titles.items():
            if consumed.intersection(range(start, end)):
                continue
            if text in _COLLECTIVES or doc[end - 1].tag_ == "NNS":
                if end < len(doc) and doc[end].pos_ == "PROPN":
                    continue  # a title before an unrecognized name
                if doc[end - 1].dep_ in {"amod", "compound"} or doc[end - 1].pos_ == "ADJ":
                    continue  # "military activity": a modifier, not an actor
                if start > 0 and labels_at.get(start - 1, ("",))[0] in {"ORG", "PORG", "PARTY"}:
                    continue  # "Hamas fighters", "UN troops", "Labour MPs": the organization acts
                iso3 = None
                owner = labels_at.get(start - 2) if start >= 2 else None
                if owner and doc[start - 1].text in {"'s", "’s"} and owner[0] in {
                        "STATE", "SEAT", "CAPITAL"}:
                    iso3 = owner[1][:3]
                    consumed.update(range(owner[2], start))
                elif end + 1 < len(doc) and doc[end].lower_ in {"from", "in", "of"}:
                    # "dissidents from Myanmar", "ministers from the Georgian government"
                    first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
                    starts = {lab[2] for lab in labels}
                    while first < min(end + 5, len(doc)) and first not in starts and doc[
                            first].dep_ in {"amod", "compound", "npadvmod", "punct", "advmod"}:
                        first += 1  # "from military-ruled Myanmar"
                    origin = next((lab for lab in labels if lab[2] == first
                                   and lab[0] in {"STATE", "DEMONYM"}), None)
                    if origin:  # "dissidents from Myanmar", "a court in Guyana"
                        iso3 = origin[1][:3]
                actor = state_actor(iso3, sector) if iso3 else Actor(
                    f"---{sector}", f"unspecified ({sector})", f"---{sector}", None, sector, "group")
                mention(start, end, actor, "title" if iso3 else "title_no_country", title=text)
            elif start > 0 and doc[start - 1].lower_ == "the":
                antecedent = self._latest_person_with_title(found, text)
                if antecedent:
                    mention(start - 1, end, antecedent.actor, "coreference", title=text,
                            antecedent_text=antecedent.text)

        self._pronouns(doc, sentence_index, quotes, found, consumed, mention)
        found.sort(key=lambda m: m.token_start)
        self._attribute_quotes(doc, paragraph_index, found)
        self.mentions.extend(found)
        persons = [m for m in found if m.actor and m.actor.actor_type == "person"]
        if persons:
            self._last_persons = persons
        return found

    def _latest_person_with_title(self, current: list[ActorMention], title: str
                                  ) -> ActorMention | None:
        head = title.split()[-1]
        for m in reversed(self.mentions + current):
            if m.actor and m.actor.actor_type == "person" and head in (
                    self.person_titles.get(m.actor.actor_id) or ""):
                return m
        return None

    def _pronouns(self, doc, sentence_index, quotes, found, consumed, mention) -> None:
        for token in doc:
            if token.i in consumed:
                continue
            lower = token.lower_
            if lower in self.lx.person_pronouns and token.pos_ == "PRON" or lower == "his":
                antecedent = self._pronoun_antecedent(
                    [f for f in found if f.token_start < token.i], sentence_index)
                if antecedent:
                    mention(token.i, token.i + 1, antecedent.actor, "coreference",
                            antecedent_text=antecedent.text)
            elif lower in self.lx.group_pronouns and any(
                    q0 <= token.idx < q1 for q0, q1 in quotes):
                # Resolved once the quote's speaker is known.
                m = mention(token.i, token.i + 1, None, "unresolved")
                m.resolution = "quote_pending"
        lowered = doc.text.lower()
        if "the two " not in lowered and "both " not in lowered:
            return  # no pair phrase ("the two countries", "both sides"): skip the windows
        pairs = [(n, n + width) for width in (3, 2) for n in range(len(doc) - width + 1)]
        for n, end in pairs:
            span = doc[n:end]
            if _PAIR_PHRASES.match(span.text) and not consumed.intersection(range(n, end)):
                # The two most-mentioned states among those of this and the previous sentence.
                recent = {m.actor for m in self.mentions + found if m.actor
                          and m.actor.actor_type == "state"
                          and m.sentence_index >= sentence_index - 1}
                counts = {a: sum(1 for m in self.mentions + found if m.actor == a) for a in recent}
                states = sorted(recent, key=lambda a: -counts[a])[:2]
                if len(states) == 2:
                    mention(n, end, states[0], "coreference", extra_actors=[states[1]],
                            antecedent_text=f"{states[0].name}; {states[1].name}")

    def _pronoun_antecedent(self, earlier_here: list[ActorMention], sentence_index: int
                            ) -> ActorMention | None:
        """The person a pronoun points to: in this sentence the latest person before it; else,
        in the latest sentence with a person, its subject, or its first person."""
        here = [m for m in earlier_here if m.actor and m.actor.actor_type == "person"]
        if here:
            return here[-1]
        last_sentence = self._last_persons
        if not last_sentence:
            return None
        subjects = [m for m in last_sentence if m.is_subject]
        return (subjects or last_sentence)[0]

    def _attribute_quotes(self, doc: Doc, paragraph_index: int, found: list[ActorMention]) -> None:
        speaker = None
        for token in doc:
            if token.lemma_ not in _SPEECH_VERBS:
                continue
            for child in token.children:
                role = child.dep_
                if token.lemma_ == "quote" and role in {"dobj", "nsubjpass"} or (
                        token.lemma_ != "quote" and role == "nsubj"):
                    candidates = [m for m in found if m.token_start <= child.i < m.token_end
                                  and m.actor and m.actor.actor_type != "media"]
                    if candidates:
                        speaker = candidates[0].actor
        if speaker:
            self.paragraph_speaker[paragraph_index] = speaker
        speaker = speaker or self.paragraph_speaker.get(paragraph_index)
        for m in found:
            if m.resolution == "quote_pending":
                if speaker is None:
                    m.resolution, m.confidence = "unresolved", 0.0
                    continue
                actor = speaker
                if speaker.actor_type == "person" and speaker.country_iso3:
                    actor = state_actor(speaker.country_iso3)
                m.actor, m.resolution, m.confidence = actor, "coreference", CONFIDENCE["coreference"]
                m.antecedent_text = speaker.name

    def finish(self) -> list[ActorMention]:
        """Resolve pending quotes that found no speaker in their paragraph."""
        for m in self.mentions:
            if m.resolution == "quote_pending":
                m.resolution, m.confidence = "unresolved", 0.0
        return self.mentions
