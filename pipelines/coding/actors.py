"""Actor mentions of one article: states, capitals and seats of power acting as governments,
persons with their titles, organizations, parties, media and groups. Groups and unlisted
organizations are read in `groups`; coreference (surnames, pronouns, "the minister", "the two
countries", a quoted "we") in `coreference`.

Every mention records how it was resolved and a confidence. A person known by name only ("Mr
Letwin", a first name and surname the parser tagged a person) is an actor with no code: who
acted is known, whom they act for is not guessed. Any other capitalized name with no clue stays
an unresolved mention (no actor).
"""

from datetime import date

from spacy.tokens import Doc

from pipelines.coding.coreference import CoreferenceReader, one_person
from pipelines.coding.groups import GroupReader
from pipelines.coding.reading import (
    SentenceReading,
    label_before,
    nationality_before,
    region_actor,
)
from pipelines.coding.records import (
    Actor,
    ActorMention,
    code_parts,
    media_actor,
    petrarch_org_actor,
    slug,
    state_actor,
)
from pipelines.gazetteer import is_place_name, place_index
from pipelines.lexicon import Office, lexicon
from schemas.fields import ISO3_CODES

# Words before a capital that make it a place, not a government acting.
_PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "into", "via", "outside", "inside",
                       "visit", "visited", "visiting", "visits", "toward", "towards", "across"}
_IT_TYPES = {"state", "organization", "group"}
# Kinds of place whose name may open with a demonym ("Indian Ocean", "Arabian Peninsula").
_NATURAL_FEATURES = {"water", "region", "peninsula", "island"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "baroness",
               "mr.", "mrs.", "ms.", "dr."}


def _enclosing_place(doc: Doc, start: int, end: int, iso3: str
                     ) -> tuple[int, int, str | None] | None:
    """Where the words around a state's name make a sea, region, peninsula or island the
    gazetteer knows ("Indian Ocean", "Sea of Japan", "South China Sea"), or a place of another
    country ("Northern Ireland", "New Mexico", "Jersey City"): where that name starts and
    ends, and the other country when it is one country's place."""
    for first in range(max(0, start - 3), start + 1):
        for last in range(end, min(len(doc), end + 2) + 1):
            if (first, last) == (start, end):
                continue
            places = place_index().get(doc[first:last].text.lower(), [])
            if any(p.feature_type in _NATURAL_FEATURES for p in places):
                return first, last, None
            others = {p.country_iso3 for p in places
                      if p.feature_type in {"admin1", "admin2", "city"} and p.country_iso3 != iso3}
            if others:
                return first, last, others.pop() if len(others) == 1 else None
    return None


def _named_person(doc: Doc, start: int, end: int) -> bool:
    """A person by name, affiliation unknown: an honorific before it ("Mr Letwin") or a first
    name and a surname the parser tagged a person ("Vincent Cable"). A single word without an
    honorific may be a company or a place and stays unresolved."""
    if start > 0 and doc[start - 1].lower_ in _HONORIFICS:
        return True
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)


def _inside_longer_name(s: SentenceReading, start: int, end: int) -> bool:
    """A match with an unlisted proper noun joined to it on either side."""
    doc, taken = s.doc, {i for _k, _p, b, e in s.labels for i in range(b, e)}
    before = start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken and (
        doc[start - 1].head.i in range(start, end))
    after = end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken and (
        end not in s.titles and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end)
    return before or after


class ArticleActors(GroupReader, CoreferenceReader):
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
        self.genders: dict[str, str] = {}
        self.person_titles: dict[str, str] = {}  # actor_id -> title text
        self.paragraph_speaker: dict[int, Actor] = {}
        self.organizations: dict[str, Actor] = {}

    # -- persons -----------------------------------------------------------------------------
    def _office(self, name: str, former: bool = True) -> tuple[str, str] | None:
        """(holder, code) of the role a known person holds on the article's date; with
        `former`, of a role they held before (see `_former`)."""
        offices = self.lx.offices.get(name, [])
        held = [o for o in offices if o.held_on(self.published)]
        if held and (self.published is not None or len({o.actor_code for o in held}) == 1):
            return held[0].holder, held[0].actor_code
        if self.published is not None and offices:
            return self._former(offices) if former else None
        if not offices:
            return None
        # Undated, and no single open role: what every role the person held has in common
        # (all British government posts: GBRGOV; a country alone when the sectors differ).
        codes = {o.actor_code for o in offices}
        if len({c[:3] for c in codes}) != 1 or codes.pop()[:3] in {"IGO", "NGO", "---"}:
            return None
        sectors = {o.actor_code[3:6] for o in offices}
        country = offices[0].actor_code[:3]
        return offices[0].holder, country + (sectors.pop() if len(sectors) == 1 else "")

    def _former(self, offices: list[Office]) -> tuple[str, str] | None:
        """A holder named after every role of theirs ended ("Obama" in 2024): one of their
        last role's country's elite (ELI), as PETRARCH2 codes former officials; named before
        any began, their country alone. Not for international organizations' officials."""
        ended = [o for o in offices if o.end is not None and o.end <= self.published]
        if ended:
            last = max(ended, key=lambda o: o.end)
            code = last.actor_code[:3] + "ELI"
        else:
            last = min(offices, key=lambda o: o.start)
            code = last.actor_code[:3]
        if code[:3] in {"IGO", "NGO", "---"} or code[:3] not in ISO3_CODES:
            return None
        return last.holder, code

    def _known_person(self, name: str) -> Actor | None:
        """The person met earlier that a name refers to: the same name, or a surname alone; a
        full name with another given name is another person ("Cherie Blair" after "Tony
        Blair"), one with the same first word the same ("George W Bush" after "George Bush")."""
        if name in self.persons:
            return self.persons[name]
        words = [w for w in name.split() if w.lower() not in _HONORIFICS] or name.split()
        known = self.persons.get(words[-1])
        if known is None or len(words) == 1:
            return known
        given, known_given = words[0].rstrip("."), known.name.split()[0].rstrip(".")
        if len(known.name.split()) == 1 or given == known_given or (
                len(given) == 1 and known_given.startswith(given)):
            return known
        return None

    def _holder_names(self, alias: str) -> set[str]:
        """The full names of the office holders a dictionary alias ("Bush") stands for."""
        return {alias} | {o.holder for o in self.lx.offices.get(alias, [])}

    def _person(self, name: str, code: str | None, title: str | None) -> Actor:
        known = self._known_person(name)
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
            elif title and not iso3 and (owner := nationality_before(doc, cursor, labels_at, 2)):
                iso3, cursor, changed = owner[0], owner[1], True  # "Iraqi interim leader"
            elif title and not iso3 and (employer := self._employer_before(doc, cursor,
                                                                           labels_at)):
                # "Oxfam senior policy adviser Max Lawson" speaks for Oxfam: its code is his
                return employer[1], employer[0], None, title
        return cursor, iso3, sector, title

    def _employer_before(self, doc: Doc, index: int, labels_at: dict[int, tuple]
                         ) -> tuple[str, int] | None:
        """(code, start) of an organization of the dictionaries named right before a title,
        across at most two modifiers ("Hamas spokesman", "Oxfam senior policy adviser")."""
        label = label_before(doc, index, labels_at, 2)
        if not label or label[0] not in {"ORG", "PORG"}:
            return None
        kind, payload, start = label
        code = self.lx.petrarch_orgs[int(payload)][0] if kind == "PORG" else payload
        return code, start

    def _context_appositive(self, doc: Doc, end: int, labels_at: dict, titles: dict
                            ) -> tuple[str | None, str | None, str | None]:
        """", Russia's foreign minister," after a name."""
        if end >= len(doc) or doc[end].text != ",":
            return None, None, None
        cursor = end + 1
        if cursor < len(doc) and doc[cursor].lower_ in {"the", "a"}:
            cursor += 1
        iso3 = None
        # labels_at is keyed by a match's last token: the states and nationalities by start
        nationals = {l_start: (last, payload) for last, (kind, payload, l_start)
                     in labels_at.items() if kind in {"STATE", "DEMONYM"}}
        if cursor in nationals:
            last, iso3 = nationals[cursor]
            cursor = last + 1
            if cursor < len(doc) and doc[cursor].text in {"'s", "’s"}:
                cursor += 1
        first = cursor
        while cursor not in titles and cursor < len(doc) and cursor - first < 3 and doc[
                cursor].dep_ in {"amod", "compound"} and doc[cursor].pos_ in {"ADJ", "NOUN"}:
            # ", Libya's oil minister,", ", a senior Kenyan diplomat,"
            if not iso3 and cursor in nationals:
                iso3 = nationals[cursor][1]
            cursor += 1
        if cursor in titles:
            t_end, sector, text = titles[cursor]
            return iso3, sector, text
        return None, None, None

    # -- the sentence ------------------------------------------------------------------------
    def read_sentence(self, sentence_index: int, paragraph_index: int, doc: Doc,
                      char_offset: int) -> list[ActorMention]:
        sentence = SentenceReading(doc, sentence_index, char_offset, self.lx)
        self._designated(sentence)
        self._known_organizations(sentence)
        self._persons(sentence)
        self._surnames(sentence)
        self._names(sentence)
        self._named_organizations(sentence)
        self._definite_organizations(sentence)
        self._collectives(sentence)
        self._shared_titles(sentence)
        found = sentence.found
        self._appositions(doc, found)
        self._reported_sectors(doc, found)
        self._pronouns(doc, sentence_index, sentence.quotes, found, sentence.consumed,
                       sentence.mention)
        found.sort(key=lambda m: m.token_start)
        self._attribute_quotes(doc, paragraph_index, found)
        self.mentions.extend(found)
        # What a pronoun in a later sentence may point to: the latest named persons; a titled
        # holder only until a person is named ("Germany's chancellor arrived. He said ...").
        named = [m for m in found if m.actor and m.actor.actor_type == "person"]
        titled_subjects = [m for m in found if m.is_subject and one_person(m, doc)
                           and m.actor.actor_type != "person"]
        if titled_subjects:
            # "The Pakistani president met Tony Blair. He is due to ...": the subject first
            self._last_persons = titled_subjects + named
        elif named:
            self._last_persons = named
        elif not self._last_persons:
            self._last_persons = [m for m in found if one_person(m, doc)]
        # The subject of this sentence when it is a state, organization or group: what "it" in
        # the next sentence may point to ("The company ... . It said ...").
        self._last_collective = next((m for m in found if m.is_subject and m.actor and
                                      m.actor.actor_type in _IT_TYPES), None)
        return found

    def _persons(self, s: SentenceReading) -> None:
        """Persons: dictionary office holders and PERSON entities, with their titles."""
        doc, labels, labels_at, titles = s.doc, s.labels, s.labels_at, s.titles
        consumed, mention = s.consumed, s.mention
        person_spans: list[tuple[int, int]] = []
        others: set[int] = set()  # holder surnames inside another person's name
        for kind, payload, start, end in labels:
            if kind != "HOLDER":
                continue
            before = doc[start - 1] if start else None
            if end - start == 1 and before is not None and before.ent_type_ == "PERSON" \
                    and doc[start].ent_iob_ == "I" and before.pos_ == "PROPN" \
                    and before.lower_ not in _HONORIFICS \
                    and not any(t0 < start <= t1 for t0, (t1, _s, _t) in titles.items()) \
                    and not any(before.text.rstrip(".") in name.replace(".", " ").split()
                                for name in self._holder_names(payload)):
                others.add(start)  # "Cherie Blair" is not Tony Blair
            else:
                person_spans.append((start, end))
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not any(
                    s < ent.end and ent.start < e for _k, _p, s, e in labels if s not in others) \
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
            if end - start > 1 and doc[end - 1].text in {"'s", "’s", "'"}:
                end -= 1  # the parser's span took the possessive: "Gen Musharraf's visit"
            name = " ".join(doc[start:end].text.split())  # one name across a line break
            left, iso3, sector, title = self._context_left(doc, start, labels_at, titles)
            if not title:
                iso3, sector, title = self._context_appositive(doc, end, labels_at, titles)
            if title and not iso3 and (of := self._of_state(s, end)):
                iso3, of_end = of  # "President Musharraf of Pakistan"
                consumed.update(range(end, of_end))
            # a title the text gives ("Commons leader Peter Hain") outweighs a role the
            # dictionaries say had ended by the article's date
            office = self._office(name, former=not title)
            if office and sector == "OPP" and office[1][3:6] == "GOV" and \
                    iso3 in {None, office[1][:3]}:
                # "Kenyan opposition leader Raila Odinga": the text says the government role
                # the dictionary leaves open has ended
                actor = self._person(office[0], office[1][:3] + "OPP", title)
                resolution = "title"
            elif office and (known := self._known_person(office[0])) is not None and \
                    known.actor_code == office[1][:3] + "OPP":
                actor, resolution = known, "coreference"  # "... Odinga said": still in opposition
            elif office:
                holder, code = office
                actor = self._person(holder, code, title)
                resolution = "office"
            elif title and (iso3 or sector):
                code = f"{iso3 or '---'}{sector or ''}"
                actor = self._person(name, code, title)
                resolution = "title" if iso3 else "title_no_country"
            elif known := self._known_person(name):
                actor, resolution = known, "coreference"
            elif _named_person(doc, start, end):
                actor = self._person(name, None, title)
                resolution = "name"
            else:
                mention(start, end, None, "unresolved")
                continue
            consumed.update(range(left, start))
            mention(start, end, actor, resolution, title=title)

    @staticmethod
    def _of_state(s: SentenceReading, end: int) -> tuple[str, int] | None:
        """(country, end) of "of [the] STATE" right after a titled person's name."""
        doc = s.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        label = next((lab for lab in s.labels if lab[2] == first and lab[0] == "STATE"), None)
        if label is None or (label[3] < len(doc) and doc[label[3]].pos_ == "PROPN"):
            return None
        return label[1][:3], label[3]

    def _surnames(self, s: SentenceReading) -> None:
        """Surnames of persons met earlier that the parser did not tag this time ("Keller said")."""
        doc, labels, consumed, mention = s.doc, s.labels, s.consumed, s.mention
        for token in doc:
            if token.i not in consumed and token.pos_ == "PROPN" and token.text in self.persons \
                    and not any(s <= token.i < e for _k, _p, s, e in labels):
                known = self.persons[token.text]
                mention(token.i, token.i + 1, known, "coreference", antecedent_text=known.name)

    def _region(self, s: SentenceReading, payload: str, start: int, end: int,
                following: tuple[int, str, str] | None) -> None:
        """"European leaders": the region's sector; "Europe responded": the region. An
        adjective alone ("European markets") and a region where something is ("in Africa")
        are no actor."""
        code, form = payload.split("|")
        name, doc = self.lx.region_names[code], s.doc
        if form == "adjective":
            t_end = following[0] if following else None
            # a capitalized title is a name's ("the European Court of Human Rights")
            if following and not doc[end].text[:1].isupper() and not (
                    t_end < len(doc) and doc[t_end].pos_ == "PROPN"):
                s.mention(start, t_end, region_actor(code, name, following[1]), "dictionary",
                          title=following[2])
        elif doc[end - 1].dep_ not in {"compound", "amod", "nmod"} and not (
                start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS):
            s.mention(start, end, region_actor(code, name), "dictionary")

    @staticmethod
    def _led_by(s: SentenceReading, iso3: str, start: int, after: int) -> None:
        """"Saudi-led coalition warplanes", "US-led forces": the force a state leads is coded
        as that state's (SAUMIL), as a "US-backed" one is not."""
        doc = s.doc
        cursor = after
        while cursor < min(after + 3, len(doc)):
            if (title := s.titles.get(cursor)) is not None and title[1] in {"MIL", "GOV"}:
                s.mention(start, title[0], state_actor(iso3, title[1]), "title", title=title[2])
                return
            if doc[cursor].lower_ not in {"coalition", "multinational", "international",
                                          "allied", "military"}:
                break
            cursor += 1
        if cursor > after and doc[after].lower_ == "coalition":
            # "the Saudi-led coalition said": a military coalition
            s.mention(start, after + 1, state_actor(iso3, "MIL"), "title", title="coalition")

    def _names(self, s: SentenceReading) -> None:
        """Dictionary names that are not part of a person's designation."""
        doc, labels, titles = s.doc, s.labels, s.titles
        consumed, mention, lx = s.consumed, s.mention, self.lx
        for kind, payload, start, end in labels:
            if consumed.intersection(range(start, end)) or kind in {"HOLDER", "PEOPLE"}:
                continue  # a people's name ("Latin American") holds no state
            if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower:
                if kind in {"STATE", "DEMONYM"} and doc[end + 1].lower_ == "led":
                    self._led_by(s, payload[:3], start, end + 2)
                continue  # "Al Qaeda-linked", "US-backed": describes someone else
            following = titles.get(end)
            enclosing = _enclosing_place(doc, start, end, payload[:3]) \
                if kind in {"STATE", "DEMONYM"} else None
            if enclosing:
                # "the Indian Ocean": no state acts; "Northern Ireland police": the police of
                # the country the place is in (GBRCOP)
                first, last, other = enclosing
                if other and (title := titles.get(last)) and not consumed.intersection(
                        range(first, title[0])):
                    mention(first, title[0], state_actor(other, title[1]), "title",
                            title=title[2])
                continue
            if kind == "REGION":
                self._region(s, payload, start, end, following)
                continue
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
                if attributive:
                    continue  # "the London exchange", "Paris talks": where, not who acts
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
