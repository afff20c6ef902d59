"""Actor mentions of one article: states, capitals and seats of power acting as governments,
persons with their titles, organizations, parties, media and groups. Coreference (surnames,
pronouns, "the minister", "the two countries", a quoted "we") is in `coreference`.

Every mention records how it was resolved and a confidence. A person known by name only ("Mr
Letwin", a first name and surname the parser tagged a person) is an actor with no code: who
acted is known, whom they act for is not guessed. Any other capitalized name with no clue stays
an unresolved mention (no actor).
"""

from datetime import date

from spacy.tokens import Doc

from pipelines.coding.coreference import CoreferenceReader
from pipelines.coding.names import labels, quote_ranges, titles
from pipelines.coding.records import (
    CONFIDENCE,
    Actor,
    ActorMention,
    code_parts,
    media_actor,
    petrarch_org_actor,
    slug,
    state_actor,
)
from pipelines.gazetteer import is_place_name, place_index
from pipelines.lexicon import Lexicon, lexicon

# Words before a capital that make it a place, not a government acting.
_PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "into", "via", "outside", "inside",
                       "visit", "visited", "visiting", "visits", "toward", "towards", "across"}
# Titles that name an institution or a collective (an actor even without a person's name).
_COLLECTIVES = {"police", "military", "army", "navy", "air force", "government", "administration",
                "opposition", "parliament", "congress", "senate", "court", "supreme court",
                "ministry", "foreign ministry", "defense ministry", "defence ministry", "cabinet",
                "authorities", "intelligence", "security forces", "armed forces", "coast guard",
                "delegation", "troops", "forces", "crowd", "people", "junta", "regime"}


_IT_TYPES = {"state", "organization", "group"}
# Agent nouns that also name a building: "a school" torched is a place, not an actor.
_BUILDINGS = {"school", "church", "mosque", "synagogue", "temple", "hospital", "clinic",
              "university", "college", "embassy", "consulate", "prison", "jail", "station",
              "office", "headquarters", "base", "camp", "factory", "plant", "mine"}
# Nouns that designate an organization: a name after them is never a person's.
_ORGANIZATION_NOUNS = {"firm", "company", "group", "airline", "carrier", "bank", "giant", "maker",
                       "manufacturer", "retailer", "operator", "producer", "supplier", "agency",
                       "newspaper", "broadcaster", "channel", "network", "union", "conglomerate",
                       "insurer", "lender", "brewer", "chain", "subsidiary", "charity",
                       "organisation", "organization", "party", "movement", "club", "fund"}


def _nationality_before(doc: Doc, index: int, labels_at: dict[int, tuple], most: int
                        ) -> tuple[str, int] | None:
    """(country, start) of a nationality or state ending before `index`, across at most
    `most` modifiers ("Iraqi interim leader", "Russian oil firm")."""
    left = index
    while left > 0 and left - 1 not in labels_at and index - left < most and doc[
            left - 1].dep_ in {"compound", "amod"} and doc[left - 1].pos_ in {"NOUN", "ADJ"}:
        left -= 1
    owner = labels_at.get(left - 1)
    if not owner or owner[0] not in {"DEMONYM", "STATE"}:
        return None
    return owner[1][:3], owner[2]


def _plural(token) -> bool:
    """A plural noun, including acronyms the tagger calls proper nouns ("MPs", "MEPs")."""
    return token.tag_ in {"NNS", "NNPS"} or (
        len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper())


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "baroness",
               "mr.", "mrs.", "ms.", "dr."}


def _named_person(doc: Doc, start: int, end: int) -> bool:
    """A person by name, affiliation unknown: an honorific before it ("Mr Letwin") or a first
    name and a surname the parser tagged a person ("Vincent Cable"). A single word without an
    honorific may be a company or a place and stays unresolved."""
    if start > 0 and doc[start - 1].lower_ in _HONORIFICS:
        return True
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)


def _inside_longer_name(s: "_Sentence", start: int, end: int) -> bool:
    """A match with an unlisted proper noun joined to it on either side."""
    doc, taken = s.doc, {i for _k, _p, b, e in s.labels for i in range(b, e)}
    before = start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken and (
        doc[start - 1].head.i in range(start, end))
    after = end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken and (
        end not in s.titles and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end)
    return before or after


def _unspecified(sector: str) -> Actor:
    """A sector acting with no country known ("police", "a judge"): PETRARCH's ---SECTOR."""
    return Actor(f"---{sector}", f"unspecified ({sector})", f"---{sector}", None, sector, "group")


class _Sentence:
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


class ArticleActors(CoreferenceReader):
    """Resolves the actor mentions of one article, sentence by sentence, in reading order."""

    def __init__(self, published: date | None):
        self.lx = lexicon()
        self.published = published
        self.mentions: list[ActorMention] = []
        # Persons of the latest sentence that had any: what a pronoun in a later sentence may
        # point to, kept as sentences are read so no pronoun rescans the article.
        self._last_persons: list[ActorMention] = []
        self._last_collective: ActorMention | None = None
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
        iso3, sector = code_parts(code) if code else (None, None)
        if code and code.startswith(("IGO", "NGO")):
            sector = None
        actor = Actor(f"person:{slug(name)}", name, code or "", iso3, sector, "person")
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
            if (cursor - 1) in labels_at and labels_at[cursor - 1][0] in {
                    "DEMONYM", "STATE", "CAPITAL"}:
                kind, payload, l_start = labels_at[cursor - 1]
                iso3 = iso3 or payload
                cursor, changed = l_start, True
            elif title and (cursor - 1) in labels_at and labels_at[cursor - 1][0] == "PARTY":
                kind, payload, l_start = labels_at[cursor - 1]  # "Tory leader Michael Howard"
                iso3 = iso3 or payload[:3]
                cursor, changed = l_start, True
            elif title and not iso3 and (owner := _nationality_before(doc, cursor, labels_at, 2)):
                iso3, cursor, changed = owner[0], owner[1], True  # "Iraqi interim leader"
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
    # -- the sentence ------------------------------------------------------------------------
    def read_sentence(self, sentence_index: int, paragraph_index: int, doc: Doc,
                      char_offset: int) -> list[ActorMention]:
        sentence = _Sentence(doc, sentence_index, char_offset, self.lx)
        self._designated(sentence)
        self._persons(sentence)
        self._surnames(sentence)
        self._names(sentence)
        self._named_organizations(sentence)
        self._collectives(sentence)
        found = sentence.found
        self._pronouns(doc, sentence_index, sentence.quotes, found, sentence.consumed,
                       sentence.mention)
        found.sort(key=lambda m: m.token_start)
        self._attribute_quotes(doc, paragraph_index, found)
        self.mentions.extend(found)
        persons = [m for m in found if m.actor and m.actor.actor_type == "person"]
        if persons:
            self._last_persons = persons
        # The subject of this sentence when it is a state, organization or group: what "it" in
        # the next sentence may point to ("The company ... . It said ...").
        self._last_collective = next((m for m in found if m.is_subject and m.actor and
                                      m.actor.actor_type in _IT_TYPES), None)
        return found

    def _persons(self, s: _Sentence) -> None:
        """Persons: dictionary office holders and PERSON entities, with their titles."""
        doc, labels, labels_at, titles = s.doc, s.labels, s.labels_at, s.titles
        consumed, mention = s.consumed, s.mention
        person_spans: list[tuple[int, int]] = [(s, e) for k, _p, s, e in labels if k == "HOLDER"]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not any(s < ent.end and ent.start < e
                                                  for _k, _p, s, e in labels) \
                    and not is_place_name(ent.text):
                person_spans.append((ent.start, ent.end))
        for token in doc[1:]:  # "Mr Pellworth" whatever the parser tagged it
            if doc[token.i - 1].lower_ in _HONORIFICS and token.pos_ == "PROPN" \
                    and token.text[:1].isupper() and not any(
                        s <= token.i < e for s, e in person_spans) and not any(
                        s <= token.i < e for _k, _p, s, e in labels):
                end = token.i + 1
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                    end += 1
                person_spans.append((token.i, end))
        for start, end in sorted(person_spans):
            if consumed.intersection(range(start, end)):
                continue  # designated as an organization
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
            elif _named_person(doc, start, end):
                actor = self._person(name, None, title)
                resolution = "name"
            else:
                mention(start, end, None, "unresolved")
                continue
            consumed.update(range(left, start))
            mention(start, end, actor, resolution, title=title)

    def _surnames(self, s: _Sentence) -> None:
        """Surnames of persons met earlier that the parser did not tag this time ("Keller said")."""
        doc, labels, consumed, mention = s.doc, s.labels, s.consumed, s.mention
        for token in doc:
            if token.i not in consumed and token.pos_ == "PROPN" and token.text in self.persons \
                    and not any(s <= token.i < e for _k, _p, s, e in labels):
                known = self.persons[token.text]
                mention(token.i, token.i + 1, known, "coreference", antecedent_text=known.name)

    def _designated(self, s: _Sentence) -> None:
        """Organizations nobody listed, designated by an organization noun (and a nationality)
        before their name: "German airline Lufthansa" (DEUBUS), "oil firm Yukos" (---BUS),
        whatever the parser tagged the name."""
        doc, labels_at, titles = s.doc, s.labels_at, s.titles
        label_tokens = {i for _k, _p, start, end in s.labels for i in range(start, end)}
        for t_start, (t_end, sector, text) in titles.items():
            end = t_end
            while end < len(doc) and doc[end].pos_ == "PROPN" and end not in label_tokens:
                end += 1
            if end == t_end or (end < len(doc) and end in label_tokens) \
                    or s.consumed.intersection(range(t_end, end)):
                continue  # no name, part of a known name, or designated by a longer title
            if text.split()[-1] not in _ORGANIZATION_NOUNS:
                continue  # "minister Ann Smith" is a person; "oil firm Yukos" never is
            if text in _COLLECTIVES or _plural(doc[t_end - 1]):
                continue  # "police Scotland": no designation
            owner = _nationality_before(doc, t_start, labels_at, 3)  # "Russian oil firm Yukos"
            iso3, left = owner if owner else (None, t_start)
            name = doc[t_end:end].text
            actor = Actor(f"org:{slug(name)}", name, f"{iso3 or '---'}{sector}", iso3, sector,
                          "media" if sector == "MED" else "organization")
            s.consumed.update(range(left, t_end))
            s.mention(t_end, end, actor, "title" if iso3 else "title_no_country", title=text)

    def _names(self, s: _Sentence) -> None:
        """Dictionary names that are not part of a person's designation."""
        doc, labels, titles = s.doc, s.labels, s.titles
        consumed, mention, lx = s.consumed, s.mention, self.lx
        for kind, payload, start, end in labels:
            if consumed.intersection(range(start, end)) or kind == "HOLDER":
                continue
            following = titles.get(end)
            attributive = kind == "DEMONYM" or (kind in {"STATE", "CAPITAL"} and doc[
                end - 1].dep_ in {"compound", "nmod", "amod"})
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
                if _inside_longer_name(s, start, end):
                    continue  # "Morgan Stanley" is no capital
                mention(start, end, state_actor(payload, "GOV"), "metonym")
            elif kind == "SEAT":
                iso3, sector = code_parts(payload)
                mention(start, end, state_actor(iso3, sector), "metonym")
            elif kind == "ORG":
                mention(start, end, Actor(payload, lx.org_names.get(payload, doc[start:end].text),
                                          payload, None, None, "organization"), "dictionary")
            elif kind == "PARTY":
                if start == 0 and end == 1 and doc[0].dep_ == "compound" and end not in titles:
                    continue  # "Labour costs rose": a capital only because the sentence opens
                iso3, name = payload.split("|", 1)
                mention(start, end, Actor(f"party:{slug(name)}", name, f"{iso3}PTY", iso3, "PTY",
                                          "organization"), "dictionary")
            elif kind == "PORG":
                code, name = lx.petrarch_orgs[int(payload)]
                mention(start, end, petrarch_org_actor(code, name), "dictionary")
            elif kind == "MEDIA":
                mention(start, end, media_actor(doc[start:end].text, payload), "dictionary")

    def _collectives(self, s: _Sentence) -> None:
        """Collective actors without a nationality in front of them ("police", "the military")."""
        doc, labels_at, titles = s.doc, s.labels_at, s.titles
        consumed, found, mention = s.consumed, s.found, s.mention
        for start, (end, sector, text) in titles.items():
            if consumed.intersection(range(start, end)):
                continue
            if text in _COLLECTIVES or _plural(doc[end - 1]):
                if end < len(doc) and doc[end].pos_ == "PROPN":
                    continue  # a title before an unrecognized name
                if doc[end - 1].dep_ in {"amod", "compound"} or doc[end - 1].pos_ == "ADJ" or (
                        end + 1 < len(doc) and doc[end].text == "-"):
                    continue  # "military activity", "government-held": a modifier, not an actor
                if start > 0 and labels_at.get(start - 1, ("",))[0] in {"ORG", "PORG", "PARTY"}:
                    continue  # "Hamas fighters", "UN troops", "Labour MPs": the organization acts
                iso3 = None
                owner = labels_at.get(start - 2) if start >= 2 else None
                if owner and doc[start - 1].text in {"'s", "’s"} and owner[0] in {
                        "STATE", "SEAT", "CAPITAL"}:
                    iso3 = owner[1][:3]
                    consumed.update(range(owner[2], start))
                else:  # "dissidents from Myanmar", "ministers from the Georgian government"
                    iso3 = self._origin(s, end, {"from", "in", "of"})
                actor = state_actor(iso3, sector) if iso3 else _unspecified(sector)
                mention(start, end, actor, "title" if iso3 else "title_no_country", title=text)
            elif (iso3 := self._origin(s, end, {"of"}, absorb=True)) is not None:
                # "the mayor of Nablus", "the president of Brazil": that country's sector
                mention(start, end, state_actor(iso3, sector), "title", title=text)
            elif start > 0 and doc[start - 1].lower_ in {"the", "a", "an"} and doc[
                    end - 1].dep_ not in {"compound", "amod", "poss"} and not (
                    end < len(doc) and (doc[end].pos_ == "PROPN" or (
                        doc[end].lower_ == "of" and doc[end].head.i == end - 1))):
                antecedent = self._latest_person_with_title(found, text) \
                    if doc[start - 1].lower_ == "the" else None
                if antecedent:
                    mention(start - 1, end, antecedent.actor, "coreference", title=text,
                            antecedent_text=antecedent.text)
                elif text.split()[-1] not in _BUILDINGS:
                    # "the premier insisted", "a judge ruled": the sector, country unknown
                    mention(start - 1, end, _unspecified(sector), "title_no_country", title=text)

    @staticmethod
    def _named_organizations(s: _Sentence) -> None:
        """Organizations the parser found and no dictionary lists, known by name only ("the
        NAO", "Care International"): actors with no code. A single word needs to be an
        acronym; a place's name is never one."""
        doc = s.doc
        for ent in doc.ents:
            if ent.label_ != "ORG" or s.consumed.intersection(range(ent.start, ent.end)):
                continue
            words = [t for t in ent if t.is_alpha and t.lower_ not in {"the", "of", "for", "and"}]
            start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            if not words or not all(t.text[:1].isupper() for t in words) or start in s.titles:
                continue  # "the Supreme Court", "Police Scotland": a collective
            if len(words) == 1:
                if not (words[0].text.isupper() and 2 <= len(words[0].text) <= 6):
                    continue
            elif is_place_name(ent.text):
                continue
            name = doc[start:ent.end].text
            s.mention(start, ent.end, Actor(f"org:{slug(name)}", name, "", None, None,
                                            "organization"), "name")

    def _origin(self, s: _Sentence, end: int, prepositions: set[str], absorb: bool = False
                ) -> str | None:
        """The country of "from / in / of [the] [modifiers] X" after a title: X a state or a
        nationality, or (not after "in") a capital or a place whose most populous namesake in
        the gazetteer is ten times any namesake in another country. With `absorb`, a state
        mention X is dropped: the titled actor stands for it."""
        doc = s.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in prepositions:
            return None
        first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        starts = {lab[2] for lab in s.labels}
        while first < min(end + 6, len(doc)) and first not in starts and doc[first].dep_ in {
                "amod", "compound", "npadvmod", "punct", "advmod"} and doc[first].pos_ != "PROPN":
            first += 1  # "from military-ruled Myanmar"
        # "in" a capital or a city says where, not whose: "ministers in Brussels"
        kinds = {"STATE", "DEMONYM"} if doc[end].lower_ == "in" else {"STATE", "DEMONYM", "CAPITAL"}
        label = next((lab for lab in s.labels if lab[2] == first and lab[0] in kinds), None)
        if label:
            if absorb:
                s.found[:] = [m for m in s.found if not (
                    m.token_start == first and m.actor and m.actor.actor_type == "state")]
            return label[1][:3]
        if first >= len(doc) or doc[first].pos_ != "PROPN" or doc[end].lower_ == "in":
            return None
        last = first
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
            last += 1
        places = sorted(place_index().get(doc[first:last + 1].text.lower(), []),
                        key=lambda p: -p.population)
        if not places or places[0].country_iso3 is None:
            return None
        others = [p for p in places if p.country_iso3 != places[0].country_iso3]
        if others and others[0].population * 10 > places[0].population:
            return None  # no candidate dominates: the place's country is not known
        return places[0].country_iso3

