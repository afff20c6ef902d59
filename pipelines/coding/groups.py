"""Groups and organizations of one sentence: organizations designated by a noun ("oil firm
Yukos"), organizations the parser found that no dictionary lists, and collectives ("police",
"MPs", "the premier") with the country an "of"/"from" phrase or a possessive gives them."""


from pipelines.coding.coreference import one_person
from pipelines.coding.named_after import dominant_place, named_institution, place_country
from pipelines.coding.reading import SentenceReading, nationality_before, plural, unspecified
from pipelines.coding.records import Actor, ActorMention, slug, state_actor
from pipelines.gazetteer import is_place_name, is_prominent_place_name, place_index
from pipelines.lexicon import Lexicon

# Titles that name an institution or a collective (an actor even without a person's name).
COLLECTIVES = {"police", "military", "army", "navy", "air force", "government", "administration",
               "opposition", "parliament", "congress", "senate", "court", "supreme court",
               "ministry", "foreign ministry", "defense ministry", "defence ministry", "cabinet",
               "authorities", "intelligence", "security forces", "armed forces", "coast guard",
               "delegation", "troops", "forces", "crowd", "people", "junta", "regime"}
# Agent nouns that also name a building: "a school" torched is a place, not an actor.
# Where a one-word organization name stands when it acts or is acted on.
_ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"}
# Capitalized institution words no dictionary resolved: no organization's name on their own.
_GENERIC_INSTITUTIONS = {"house", "office", "bank", "budget", "cabinet", "finance", "radio",
                         "mail", "independent", "home", "treasury", "parliament", "congress",
                         "government", "court", "senate", "police", "army", "commons", "lords",
                         "assembly", "council", "ministry", "department", "committee", "board",
                         "executive", "opposition", "party", "union", "federal", "state"}
BUILDINGS = {"school", "church", "mosque", "synagogue", "temple", "hospital", "clinic",
             "university", "college", "embassy", "consulate", "prison", "jail", "station",
             "office", "headquarters", "base", "camp", "factory", "plant", "mine"}
# Nouns that designate an organization: a name after them is never a person's.
ORGANIZATION_NOUNS = {"firm", "company", "group", "airline", "carrier", "bank", "giant", "maker",
                      "manufacturer", "retailer", "operator", "producer", "supplier", "agency",
                      "newspaper", "broadcaster", "channel", "network", "union", "conglomerate",
                      "insurer", "lender", "brewer", "chain", "subsidiary", "charity",
                      "organisation", "organization", "party", "movement", "club", "fund"}

_POSSESSIVES = {"his", "her", "its", "their"}
# Definite descriptions of an organization the article named before ("the firm", "the party"):
# the kind of organization each may point back to (a sector; None: any but a party).
_ORGANIZATION_ANAPHORS = {"firm": "BUS", "company": "BUS", "airline": "BUS", "carrier": "BUS",
                          "bank": "BUS", "lender": "BUS", "insurer": "BUS", "retailer": "BUS",
                          "giant": "BUS", "group": None, "party": "PTY", "union": "LAB"}


def _force_named_after_region(doc, start: int, end: int) -> tuple[str, int] | None:
    """(country, end) of a force named after its region or country ("Police Scotland"): a
    capitalized collective title right before the name of a country, or of admin-1 regions
    all in one country."""
    if not doc[start].is_title:
        return None
    last = end
    while last < len(doc) and doc[last].pos_ == "PROPN" and last - end < 3:
        last += 1
    regions = [p for p in place_index().get(doc[end:last].text.lower(), [])
               if p.feature_type in {"country", "admin1"}]
    countries = {p.country_iso3 for p in regions}
    if len(countries) != 1 or None in countries:
        return None
    return countries.pop(), last


def _possessive_mark(doc, start: int) -> int | None:
    """The index of the "'s" before a title, across at most two modifiers of it ("Britain's
    most senior judge", "the UK's top diplomat", "Libya's oil minister"), or None."""
    cursor = start - 1
    while cursor >= 0 and start - cursor <= 3 and doc[cursor].dep_ in {
            "amod", "advmod", "compound"} and doc[cursor].pos_ in {"ADJ", "ADV", "NOUN"}:
        cursor -= 1  # "Libya's oil minister", "the UK's top judge"
    return cursor if cursor >= 0 and doc[cursor].text in {"'s", "’s"} else None


def _determiner(doc, start: int, end: int, names: set[int]) -> int | None:
    """The article before a title, past adjectives and nouns describing it ("a senior judge",
    "the former minister", "the jailed opposition leader", "the Glasgow Kelvin MP"), if there is one. A
    dictionary name before the title is an actor of its own ("the Labour MP")."""
    i = start - 1
    while i > 0 and (doc[i].pos_, doc[i].dep_) in {("ADJ", "amod"), ("NOUN", "compound"),
                                                   ("PROPN", "compound"), ("VERB", "amod")} \
            and doc[i].head.i in range(i + 1, end) and i not in names:
        i -= 1
    return i if i >= 0 and doc[i].lower_ in {"the", "a", "an"} else None


class GroupReader:
    """Mixin of `ArticleActors`: the group and organization phases of reading a sentence."""

    lx: Lexicon  # and `_latest_person_with_title`, from CoreferenceReader
    organizations: dict[str, Actor]  # name -> organization designated or named earlier
    mentions: list[ActorMention]  # the article's mentions before this sentence
    _last_persons: list[ActorMention]  # the persons "he" or "she" may point back to

    def _known_organizations(self, s: SentenceReading) -> None:
        """Organizations an earlier sentence designated or named, met again by name alone:
        "Russian oil firm Yukos has sued ... Yukos has asked the court" (the parser may tag
        the bare name a person's). A longer proper name around it is another name."""
        doc = s.doc
        if not self.organizations:
            return
        taken = {i for _k, _p, b, e in s.labels for i in range(b, e)} | s.consumed
        texts = [t.text_with_ws for t in doc]
        for token in doc:
            known = self.organizations.get(token.text)
            if known is None and token.i + 1 < len(doc):
                known = self.organizations.get(texts[token.i] + doc[token.i + 1].text)
            if known is None or token.i in taken:
                continue
            end = token.i + len(known.name.split())
            if doc[token.i:end].text != known.name or taken.intersection(range(token.i, end)) \
                    or (token.i > 0 and doc[token.i - 1].pos_ == "PROPN"
                        and doc[token.i - 1].text[:1].isupper()) \
                    or (end < len(doc) and doc[end].pos_ == "PROPN"):
                continue
            s.mention(token.i, end, known, "coreference", antecedent_text=known.name)
            taken.update(range(token.i, end))

    def _remember_organization(self, actor: Actor) -> None:
        if len(actor.name.split()) <= 2:  # what `_known_organizations` looks for
            self.organizations.setdefault(actor.name, actor)

    def _designated(self, s: SentenceReading) -> None:
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
            if text.split()[-1] not in ORGANIZATION_NOUNS:
                continue  # "minister Ann Smith" is a person; "oil firm Yukos" never is
            if text in COLLECTIVES or plural(doc[t_end - 1]):
                continue  # "police Scotland": no designation
            owner = nationality_before(doc, t_start, labels_at, 3)  # "Russian oil firm Yukos"
            iso3, left = owner if owner else (None, t_start)
            name = doc[t_end:end].text
            actor = Actor(f"org:{slug(name)}", name, f"{iso3 or '---'}{sector}", iso3, sector,
                          "media" if sector == "MED" else "organization")
            s.consumed.update(range(left, t_end))
            s.mention(t_end, end, actor, "title" if iso3 else "title_no_country", title=text)
            self._remember_organization(actor)

    def _possessor_country(self, s: SentenceReading, index: int) -> str | None:
        """The country of what a possessive pronoun points back to: "his", "her" the latest
        person (named, or one titled holder) with a country in this sentence or the last;
        "its", "their" the latest state or organization with one in this sentence."""
        persons = s.doc[index].lower_ in {"his", "her"}
        here = [m for m in s.found if m.token_start < index and m.actor and m.actor.country_iso3
                and (one_person(m, s.doc) if persons
                     else m.actor.actor_type in {"state", "organization"})]
        earlier = [m for m in self._last_persons if m.actor and m.actor.country_iso3] \
            if persons else []
        found = here[-1:] or earlier[:1]
        return found[0].actor.country_iso3 if found else None

    def _definite_organizations(self, s: SentenceReading) -> None:
        """"the firm", "the group", "the party" after the article named one: the latest
        organization of that kind ("Parmalat has sued 45 banks ... the firm said"). Not "the
        group of", "the firm Yukos", "the party leader", nor a description before any name."""
        doc = s.doc
        for token in doc:
            if token.tag_ == "NNS" and token.lemma_.lower() in _ORGANIZATION_ANAPHORS:
                self._organization_pair(s, token)
                continue
            if token.lower_ not in _ORGANIZATION_ANAPHORS or token.i == 0 \
                    or doc[token.i - 1].lower_ != "the" or token.tag_ != "NN" \
                    or token.dep_ in {"compound", "amod"} \
                    or s.consumed.intersection({token.i - 1, token.i}) \
                    or (token.i + 1 < len(doc) and (doc[token.i + 1].lower_ == "of"
                                                    or doc[token.i + 1].pos_ == "PROPN")):
                continue
            fitting = self._fitting_organizations(s, token.i, _ORGANIZATION_ANAPHORS[token.lower_])
            if not fitting:
                continue
            # in the latest sentence naming one, its subject, else the first named there
            latest = [m for m in fitting if m.sentence_index == fitting[-1].sentence_index]
            m = next((m for m in latest if m.is_subject), latest[0])
            s.mention(token.i - 1, token.i + 1, m.actor, "coreference", title=token.lower_,
                      antecedent_text=m.text)

    def _fitting_organizations(self, s: SentenceReading, index: int, sector: str | None
                               ) -> list[ActorMention]:
        """The article's organization mentions before token `index` that a description of
        that sector may point back to."""
        return [m for m in self.mentions + [f for f in s.found if f.token_start < index]
                if m.actor is not None and m.actor.actor_type == "organization" and (
                    m.actor.sector == sector if sector in {"PTY", "LAB"} else
                    m.actor.sector in ({sector, None} if sector else {None, "BUS"}))]

    def _organization_pair(self, s: SentenceReading, token) -> None:
        """"the two banks", "both firms": the two organizations of that kind the article named
        last ("Barclays ... Wells Fargo ... The two banks held talks")."""
        doc = s.doc
        if token.i >= 2 and doc[token.i - 1].lower_ == "two" and doc[token.i - 2].lower_ == "the":
            start = token.i - 2
        elif token.i >= 1 and doc[token.i - 1].lower_ == "both":
            start = token.i - 1
        else:
            return
        if s.consumed.intersection(range(start, token.i + 1)):
            return
        latest: list = []
        for m in reversed(self._fitting_organizations(s, start, _ORGANIZATION_ANAPHORS[
                token.lemma_.lower()])):
            if m.actor not in latest:
                latest.append(m.actor)
        if len(latest) >= 2:
            s.mention(start, token.i + 1, latest[1], "coreference", extra_actors=[latest[0]],
                      title=token.lemma_.lower(),
                      antecedent_text=f"{latest[1].name}; {latest[0].name}")

    def _shared_titles(self, s: SentenceReading) -> None:
        """"Chinese and Indian troops": a nationality joined by "and" to one that opens a
        titled group shares its title (CHNMIL beside INDMIL), instead of naming a bare state."""
        doc = s.doc
        for group in [m for m in s.found if m.actor and m.actor.sector and m.actor.country_iso3
                      and m.title]:
            first = doc[group.token_start]
            if first.dep_ != "conj":
                continue
            for m in s.found:
                if m is not group and m.actor and m.actor.actor_type == "state" and \
                        m.token_start <= first.head.i < m.token_end:
                    m.actor = state_actor(m.actor.country_iso3, group.actor.sector)
                    m.title = group.title

    def _collectives(self, s: SentenceReading) -> None:
        """Collective actors without a nationality in front of them ("police", "the military")."""
        doc, labels_at, titles = s.doc, s.labels_at, s.titles
        consumed, found, mention = s.consumed, s.found, s.mention
        label_tokens = {i for _k, _p, b, e in s.labels for i in range(b, e)}
        for start, (end, sector, text) in titles.items():
            if consumed.intersection(range(start, end)):
                continue
            mark = _possessive_mark(doc, start)  # "Mexico's [most senior] judge"
            owner = labels_at.get(mark - 1) if mark is not None and mark >= 1 else None
            if owner and owner[0] in {
                    "STATE", "SEAT", "CAPITAL"} and doc[end - 1].dep_ not in {
                    "amod", "compound"} and not (end < len(doc) and doc[end].pos_ == "PROPN"):
                # "Mexico's president said", "Russia's police": the country's sector, one actor
                s.found[:] = [m for m in found if not (m.token_start == owner[2] and m.actor
                                                       and m.actor.actor_type == "state")]
                mention(owner[2], end, state_actor(owner[1][:3], sector), "title", title=text)
                continue
            if start > 0 and doc[start - 1].lower_ in _POSSESSIVES and doc[
                    end - 1].dep_ not in {"compound", "amod"} and not (
                    end < len(doc) and doc[end].pos_ == "PROPN") and (
                    iso3 := self._possessor_country(s, start - 1)):
                # "Mr Blair praised his chancellor", "its ministers": of the owner's country
                mention(start - 1, end, state_actor(iso3, sector), "title", title=text)
                continue
            if text in COLLECTIVES or plural(doc[end - 1]):
                if end < len(doc) and doc[end].pos_ == "PROPN":
                    if (named := _force_named_after_region(doc, start, end)) is not None:
                        # "Police Scotland": the force of the region it is named after
                        iso3, name_end = named
                        mention(start, name_end, state_actor(iso3, sector), "title", title=text)
                    continue  # a title before an unrecognized name
                if doc[end - 1].dep_ in {"amod", "compound"} or doc[end - 1].pos_ == "ADJ" or (
                        end + 1 < len(doc) and doc[end].text == "-"):
                    continue  # "military activity", "government-held": a modifier, not an actor
                if start > 0 and labels_at.get(start - 1, ("",))[0] in {"ORG", "PORG", "PARTY"}:
                    continue  # "Hamas fighters", "UN troops", "Labour MPs": the organization acts
                if self._leaders_of_states(s, start, end, sector, text):
                    continue  # "the leaders of Russia and China": RUSGOV and CHNGOV
                # "dissidents from Myanmar", "ministers from the Georgian government"
                iso3 = self._origin(s, end, {"from", "in", "of"},
                                    absorb=end < len(doc) and doc[end].lower_ == "of")
                actor = state_actor(iso3, sector) if iso3 else unspecified(sector)
                mention(start, end, actor, "title" if iso3 else "title_no_country", title=text)
            elif (iso3 := self._origin(s, end, {"of"}, absorb=True)) is not None:
                # "the mayor of Nablus", "the president of Brazil": that country's sector
                mention(start, end, state_actor(iso3, sector), "title", title=text)
            elif (det := _determiner(doc, start, end, label_tokens)) is not None and doc[
                    end - 1].dep_ not in {"compound", "amod", "poss"} and not (
                    end < len(doc) and (doc[end].pos_ == "PROPN" or (
                        doc[end].lower_ == "of" and doc[end].head.i == end - 1))):
                antecedent = self._latest_person_with_title(found, text) \
                    if doc[det].lower_ == "the" else None
                if antecedent:
                    mention(det, end, antecedent.actor, "coreference", title=text,
                            antecedent_text=antecedent.text)
                elif start > det + 1 and all(t.text[:1].isupper() for t in doc[det + 1:start]) \
                        and (iso3 := place_country(doc[det + 1:start].text)):
                    # "the Delhi High Court": the court of the place it is named after
                    mention(det, end, state_actor(iso3, sector), "title", title=text)
                elif text.split()[-1] not in BUILDINGS:
                    # "the premier insisted", "a senior judge ruled": the sector, country unknown
                    mention(det, end, unspecified(sector), "title_no_country", title=text)

    def _named_organizations(self, s: SentenceReading) -> None:
        """Organizations the parser found and no dictionary lists, known by name only ("the
        NAO", "Care International"): actors with no code. A single word needs to be an
        acronym; a place's name is never one."""
        doc = s.doc
        for ent in doc.ents:
            if ent.label_ != "ORG" or s.consumed.intersection(range(ent.start, ent.end)):
                continue
            words = [t for t in ent if t.is_alpha and t.lower_ not in {"the", "of", "for", "and"}]
            start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            title = s.titles.get(start)
            if not words or not all(t.text[:1].isupper() for t in words) or (title and (
                    title[0] >= ent.end or (start == ent.start and is_prominent_place_name(
                        doc[title[0]:ent.end].text)))):
                continue  # "the Supreme Court", "Police Scotland": a collective; not "the
                # Trade Unions Congress" nor "the Police Federation", names that open with a
                # title (a force named after its place takes no article)
            if len(words) == 1:
                word = words[0]
                acronym = word.text.isupper() and 2 <= len(word.text) <= 6
                # a firm acting or acted on ("Shell signed", "sued Rosneft"); not a generic
                # word the parser capitalized ("the House", "the Budget") nor a place
                acting = word.pos_ == "PROPN" and word.dep_ in _ACTING_DEPS \
                    and word.lower_ not in _GENERIC_INSTITUTIONS \
                    and not is_prominent_place_name(word.text)
                if not (acronym or acting):
                    continue
            elif is_place_name(ent.text):
                continue
            name = doc[start:ent.end].text
            if (named := named_institution(s, start, ent.end)) is not None:
                # "Manchester City Council": the place's government, court or police
                s.mention(start, ent.end, state_actor(named[1], named[2]), "title",
                          title=doc[named[0]:ent.end].text.lower())
                continue
            actor = Actor(f"org:{slug(name)}", name, "", None, None, "organization")
            s.mention(start, ent.end, actor, "name")
            self._remember_organization(actor)

    def _leaders_of_states(self, s: SentenceReading, start: int, end: int, sector: str,
                           text: str) -> bool:
        """"the foreign ministers of France, Germany and Italy": one group, the sector of each
        state (the states' own mentions are absorbed); False unless two or more are named."""
        doc = s.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return False
        by_start = {lab[2]: lab for lab in s.labels if lab[0] == "STATE"}
        cursor = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        states: list[tuple[str, int]] = []
        while cursor in by_start:
            _kind, payload, first, last = by_start[cursor]
            states.append((payload[:3], first))
            if last < len(doc) and doc[last].lower_ in {",", "and"}:
                cursor = last + 1 + (last + 1 < len(doc) and doc[last + 1].lower_ == "and")
            else:
                break
        if len(states) < 2:
            return False
        firsts = {first for _iso3, first in states}
        s.found[:] = [m for m in s.found if not (
            m.token_start in firsts and m.actor and m.actor.actor_type == "state")]
        actors = [state_actor(iso3, sector) for iso3, _first in states]
        s.mention(start, end, actors[0], "title", title=text, extra_actors=actors[1:])
        s.consumed.update(firsts)
        return True

    def _origin(self, s: SentenceReading, end: int, prepositions: set[str], absorb: bool = False
                ) -> str | None:
        """The country of "from / in / of [the] [modifiers] X" after a title: X a state or a
        nationality, or (not after "in") a capital or a place whose most populous namesake in
        the gazetteer is ten times any namesake in another country. With `absorb`, a state
        mention X is dropped: the titled actor stands for it."""
        doc = s.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in prepositions or any(
                c.dep_ == "poss" for c in doc[end - 1].children):
            return None  # "withdrew its troops from Georgia": "its" says whose troops
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
        # no candidate dominating: the place's country is not known
        top = dominant_place(place_index().get(doc[first:last + 1].text.lower(), []))
        return top.country_iso3 if top is not None else None
