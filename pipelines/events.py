"""The event coder: who did what to whom, read off each sentence's dependency parse.

A trigger is a verb (or an event noun) listed in `data/event_patterns.yaml`; its CAMEO code is
refined by its object ("call for talks" 026, "call for aid" 023). Sources come from the subject
(or the "by" phrase of a passive, or a noun's possessor), targets from the object and from
"with/to/against/on/between" phrases; conjoined actors stay lists. The clause around the trigger
sets modality (negated, intended, threatened, conditional): only an asserted, non-negated event
is a fact, the rest is kept and flagged. Dates come from the time expressions of the trigger's
clause, places from the place mentions attached to it.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from pipelines import datafiles
from pipelines.actors import Actor, ActorMention, state_actor
from pipelines.places import PlaceMention
from pipelines.timex import resolve

_TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "between",
                 "upon", "over"}
_NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "appos", "npadvmod", "cc",
            "punct", "prep", "pobj"}
_CONTEXT_VERB_DEPS = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp"}
_VISIT_CODES = {"042", "043", "044"}
_LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "off", "over", "across"}
# Nouns a place name may hang from and still place the clause: "the island of Jeju".
_PLACE_CLASSIFIERS = {"island", "city", "town", "village", "region", "province", "state", "coast",
                      "waters", "border", "capital", "port", "area", "district", "outskirts",
                      "east", "west", "north", "south", "part", "centre", "center", "heart"}


@dataclass
class Event:
    sentence_index: int
    trigger_start: int  # character offsets in the body
    trigger_end: int
    trigger_text: str
    trigger_lemma: str
    cameo_code: str
    sources: list[Actor]
    targets: list[Actor]
    modality: str = "asserted"  # asserted, intended, threatened, conditional
    is_negated: bool = False
    event_date: date | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    place: PlaceMention | None = None
    confidence: float = 0.7
    mention_count: int = 1
    merged_sentences: list[int] = field(default_factory=list)

    @property
    def is_fact(self) -> bool:
        return self.modality == "asserted" and not self.is_negated


@dataclass(frozen=True)
class _Patterns:
    verbs: dict
    nouns: dict
    intent_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    intent_codes: dict[str, str]
    negated_codes: dict[str, str]
    non_agents: frozenset[str]
    instruments: tuple[tuple[frozenset[str], str], ...]
    demand_verbs: frozenset[str]
    asking_verbs: frozenset[str]  # appeal and demand verbs: their complement is what is asked
    threat_codes: dict[str, str]
    verb_forms: dict[str, str]  # inflected form -> the verb entry's lemma


@cache
def patterns() -> _Patterns:
    raw = datafiles.load("event_patterns.yaml").model_dump(exclude_unset=True)
    raw["verbs"] = petrarch_refinements(raw["verbs"])
    return _Patterns(raw["verbs"], raw["nouns"], frozenset(raw["intent_verbs"]),
                     frozenset(raw["threat_verbs"]), frozenset(raw["appeal_verbs"]),
                     raw["intent_codes"], raw["negated_codes"], frozenset(raw["non_agents"]),
                     tuple((frozenset(i["lemmas"]), i["code"]) for i in raw["instruments"]),
                     frozenset(raw["demand_verbs"]),
                     frozenset(raw["appeal_verbs"]) | frozenset(raw["demand_verbs"]),
                     raw["threat_codes"],
                     {form: lemma for lemma, entry in raw["verbs"].items()
                      for form in entry.get("forms", [])})


# Roots of material conflict whose doer must be someone: a flood or a fire is no assault.
_VIOLENT_ROOTS = {"17", "18", "19", "20"}


def petrarch_refinements(overlay: dict[str, dict]) -> dict[str, dict]:
    """The overlay's verbs with the object words the PETRARCH2 CAMEO verb dictionary gives them
    ("kill" + demonstrator -> 175), where the overlay has none for that word.

    Only verbs the dictionary files once are read (a verb filed in several blocks needs its
    patterns read in context), and no verb of the dictionary becomes a trigger of its own: taken
    with their block's default code, they tripled the events on BBC articles and about half of a
    sample had the wrong type. That waits for a pattern engine that reads the whole patterns.
    Statements (root 01) are left out."""
    rows = datafiles.load("petrarch_verbs.csv")
    filed = Counter(row.verb for row in rows)
    merged = dict(overlay)
    for row in rows:
        entry = overlay.get(row.verb)
        if entry is None or filed[row.verb] > 1:
            continue
        extra = {w: c for w, c in row.object_codes().items() if c[:2] != "01"}
        if extra:
            merged[row.verb] = {**entry, "objects": {**extra, **(entry.get("objects") or {})}}
    return merged


def _np_tokens(head: Token) -> set[int]:
    """A noun phrase's tokens: modifiers and conjuncts, not clauses."""
    tokens = {head.i}
    for child in head.children:
        is_modifier = child.dep_ in _NP_DEPS and not (child.dep_ == "prep" and child.lower_ != "of")
        if is_modifier or child.dep_ == "conj":
            tokens |= _np_tokens(child)
    return tokens


class SentenceCoder:
    """Codes the events of one parsed sentence, given its actor and place mentions."""

    def __init__(self, doc: Doc, sentence_index: int, char_offset: int,
                 actors: list[ActorMention], places: list[PlaceMention],
                 published: date | None, precision: str):
        self.doc, self.index, self.offset = doc, sentence_index, char_offset
        self.actors = [m for m in actors if m.actors and not (
            m.actor and m.actor.actor_type == "media")]
        self.places = places
        self.published, self.precision = published, precision
        self.p = patterns()

    # -- arguments ---------------------------------------------------------------------------
    def _actors_in(self, tokens: set[int]) -> list[Actor]:
        found: list[Actor] = []
        for m in self.actors:
            if tokens.intersection(range(m.token_start, m.token_end)):
                for actor in m.actors:
                    if actor not in found:
                        found.append(actor)
        return found

    def _places_in(self, tokens: set[int]) -> list[PlaceMention]:
        return [p for p in self.places if p.place and tokens.intersection(
            range(p.token_start, p.token_end))]

    def _subject(self, verb: Token) -> list[Actor]:
        node = verb
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "expl"}]
            if subjects:
                return self._actors_in(set().union(*(_np_tokens(s) for s in subjects)))
            if node.dep_ in {"xcomp", "conj", "advcl"} and node.head.pos_ in {"VERB", "AUX"}:
                node = node.head
                continue
            if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
                return self._actors_in(_np_tokens(node.head))
            break
        return []

    def _agent(self, verb: Token) -> list[Actor]:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                return self._actors_in(set().union(set(), *(_np_tokens(o) for o in objects)))
        return []

    def _prep_objects(self, head: Token, preps: set[str]) -> list[Token]:
        found = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found.extend(g for g in child.children if g.dep_ == "pobj")
                # "on Russia for its war in Ukraine and on North Korea": the second "on" is
                # often parsed as a conjunct of a nearer preposition.
                for other in child.head.subtree:
                    if other.dep_ == "conj" and other.lower_ == child.lower_ \
                            and other.head.dep_ == "prep":
                        found.extend(g for g in other.children if g.dep_ == "pobj")
        return found

    def _object_lemmas(self, trigger: Token, preps: list[str] | None) -> list[str]:
        """Object nouns that refine the code, nearest first ("pledges of assistance")."""
        heads = [c for c in trigger.children if c.dep_ in {"dobj", "obj", "attr", "nsubjpass",
                                                          "oprd", "dative"}]
        heads += self._prep_objects(trigger, set(preps or []) | {"for", "of", "on", "in"})
        if trigger.dep_ == "acl":
            heads.append(trigger.head)
        lemmas = [h.lemma_.lower() for h in heads]
        for h in heads:
            lemmas += [t.lemma_.lower() for t in self._prep_objects(h, {"of", "for"})]
            lemmas += [c.lemma_.lower() for c in h.children if c.dep_ in {"compound", "amod"}]
        return lemmas

    def _code(self, entry: dict, lemmas: list[str]) -> str | None:
        objects = entry.get("objects") or {}
        for lemma in lemmas:
            if lemma in objects:
                return objects[lemma]
        return entry.get("code")

    # -- clause context ----------------------------------------------------------------------
    def _modality(self, trigger: Token) -> tuple[str, bool]:
        negated = any(c.dep_ == "neg" for c in trigger.children)
        modality = "asserted"
        node = trigger
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children):
            modality = "conditional"
        while node.dep_ in {"xcomp", "ccomp"} and node.head.pos_ in {"VERB", "AUX"}:
            governor = node.head
            negated = negated or any(c.dep_ == "neg" for c in governor.children)
            if governor.lemma_ in self.p.threat_verbs:
                return "threatened", negated
            if governor.lemma_ in self.p.intent_verbs and node.dep_ == "xcomp":
                return "intended", negated
            node = governor
        if any(c.lower_ in {"will", "would", "could", "might", "may", "should"} and c.dep_ == "aux"
               for c in trigger.children) and modality == "asserted":
            modality = "intended"
        return modality, negated

    def _intent_verb(self, trigger: Token) -> bool:
        return trigger.dep_ == "xcomp" and trigger.head.lemma_ in self.p.intent_verbs

    def _appeal(self, trigger: Token) -> Event | None:
        """"A wants B to attack C": A appeals to B; the embedded act is B's, only wished."""
        governor = trigger.head
        if trigger.dep_ not in {"xcomp", "ccomp"} or governor.lemma_ not in self.p.appeal_verbs:
            return None
        addressees = [c for c in governor.children if c.dep_ in {"dobj", "obj"}] + [
            c for c in trigger.children if c.dep_ == "nsubj"]
        targets = self._actors_in(set().union(set(), *(_np_tokens(a) for a in addressees)))
        sources = self._subject(governor)
        if not targets or not sources:
            return None
        return self._event(governor, "020", sources, targets)

    def _verbal_ancestors(self, token: Token) -> list[Token]:
        chain = [token]
        for ancestor in token.ancestors:
            chain.append(ancestor)
        return chain

    def _attached_to(self, token: Token) -> Token | None:
        """The nearest verb above a token: the clause it belongs to."""
        for ancestor in token.ancestors:
            if ancestor.pos_ in {"VERB", "AUX"} or ancestor.lemma_ in self.p.nouns:
                return ancestor
        return None

    def _date(self, trigger: Token) -> tuple[date | None, str, str | None]:
        dates = [(ent, self._attached_to(ent.root)) for ent in self.doc.ents if ent.label_ == "DATE"]
        for node in self._verbal_ancestors(trigger):
            for ent, attached in dates:
                if attached == node or ent.root.head == node:
                    resolved = resolve(ent.text, self.published, self.precision)
                    if resolved:
                        return resolved[0], resolved[1], ent.text
            if node != trigger and node.dep_ not in _CONTEXT_VERB_DEPS | {"ROOT"}:
                break
        for ent, _attached in dates:  # "In September, ...": an opening adverbial scopes over all
            if ent.start <= 1:
                resolved = resolve(ent.text, self.published, self.precision)
                if resolved:
                    return resolved[0], resolved[1], ent.text
        return self.published, self.precision, None

    def _place(self, trigger: Token) -> PlaceMention | None:
        nodes = self._verbal_ancestors(trigger)[:3]
        best = None
        for p in self.places:
            if not p.place:
                continue
            if any(p.token_start <= n.i < p.token_end for n in nodes[1:]):
                return p  # the clause hangs off the place: "in Russia, where he held ..."
            attached = self._place_clause(self.doc[p.token_end - 1])
            locative = p.preposition in _LOCATIVE_PREPOSITIONS or (
                p.preposition or "").endswith(" of")
            if attached in nodes and locative and (best is None or nodes.index(attached) < nodes.index(
                    self._place_clause(self.doc[best.token_end - 1]))):
                best = p
        return best

    def _place_clause(self, token: Token) -> Token | None:
        """The verb a place phrase modifies, unless the phrase belongs to another noun first
        ("war in Ukraine" places the war, not the clause)."""
        for ancestor in token.ancestors:
            if ancestor.pos_ in {"VERB", "AUX"} or ancestor.lemma_ in self.p.nouns:
                return ancestor
            if ancestor.pos_ in {"NOUN", "PROPN"} and ancestor.lemma_ not in _PLACE_CLASSIFIERS:
                return None
        return None

    # -- triggers ----------------------------------------------------------------------------
    def _event(self, trigger: Token, code: str, sources: list[Actor], targets: list[Actor],
               symmetric: bool = False, place_targets: list[PlaceMention] | None = None
               ) -> Event | None:
        mutual = symmetric and len(sources) > 1 and (not targets or set(targets) == set(sources))
        if not targets and place_targets and code in _VISIT_CODES:
            targets = [state_actor(p.place.country_iso3) for p in place_targets
                       if p.place.country_iso3]
        source_countries = {a.country_iso3 for a in sources if a.country_iso3}
        if mutual:  # "A and B met": each party is the other's counterpart
            targets = list(sources)
        else:
            targets = [t for t in targets if t not in sources and not (
                not symmetric and t.actor_type == "state" and t.country_iso3 in source_countries)]
        sources, targets = list(dict.fromkeys(sources)), list(dict.fromkeys(targets))
        modality, negated = self._modality(trigger)
        if modality == "threatened":
            code = self._threat_of(code)
        elif modality == "intended" and self._intent_verb(trigger):
            # "wants to help Israel" is an intent to give aid (033); "wants to attack" a threat.
            code = self.p.intent_codes.get(code[:2], code)
            if code[:2] == "13":
                modality = "threatened"
        if negated and code[:2] in self.p.negated_codes:
            code, negated = self.p.negated_codes[code[:2]], False  # a refusal did happen
        if sources and not targets and place_targets is not None and code[:2] in {"14", "15",
                                                                                   "18", "19"}:
            # protest, force shown or used in a country targets it ("exercises in Alaska")
            where = self._place(trigger)
            if where and where.place.country_iso3 and where.place.country_iso3 not in \
                    source_countries:
                targets = [state_actor(where.place.country_iso3)]
        event_date, precision, date_text = self._date(trigger)
        place = self._place(trigger)
        if place is None and place_targets and code in _VISIT_CODES:
            place = place_targets[0]
        confidence = 0.6 + (0.15 if sources else 0) + (0.15 if targets else 0)
        return Event(self.index, self.offset + trigger.idx,
                     self.offset + trigger.idx + len(trigger.text), trigger.text,
                     trigger.lemma_.lower(), code, sources, targets, modality, negated,
                     event_date, precision, date_text, place, round(confidence, 2))

    def _agent_lemmas(self, trigger: Token, passive: bool) -> set[str]:
        """Lemmas of the doer's noun phrase: the subject, or a passive's by-phrase."""
        if passive:
            heads = self._prep_objects(trigger, {"by"})
        else:
            heads = [c for c in trigger.children if c.dep_ == "nsubj"]
        lemmas: set[str] = set()
        for head in heads:
            lemmas |= {self.doc[i].lemma_.lower() for i in _np_tokens(head)}
            lemmas |= {t.lemma_.lower() for t in self._prep_objects(head, {"at", "in", "of"})}
        return lemmas

    def _with_lemmas(self, trigger: Token) -> set[str]:
        """Lemmas of instruments: "with a car bomb", "using drones"."""
        heads = self._prep_objects(trigger, {"with"})
        return {self.doc[i].lemma_.lower() for h in heads for i in _np_tokens(h)}

    def _instrument_code(self, code: str, lemmas: set[str]) -> str:
        """A violent act refined by what it was done with (a suicide bomb: 1831, aircraft: 195);
        the first rule whose lemmas all occur decides."""
        for needed, refined in self.p.instruments:
            if needed <= lemmas:
                return refined
        return code

    def _threat_of(self, code: str) -> str:
        """The threat of an act: CAMEO codes "threatened to cut aid" (162) as 1311."""
        for length in (4, 3, 2):
            if code[:length] in self.p.threat_codes:
                return self.p.threat_codes[code[:length]]
        return "130"

    def _verb_event(self, trigger: Token, entry: dict) -> Event | None:
        governor = trigger.head.lemma_.lower()
        if trigger.dep_ in {"xcomp", "ccomp"} and governor in self.p.asking_verbs \
                and governor in self.p.verbs:
            return None  # "urged Iran to release ...": the appeal is the event, coded at "urge"
        appeal = self._appeal(trigger)
        if appeal:
            return appeal
        if trigger.lemma_ in self.p.threat_verbs | self.p.intent_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in self.p.verbs for c in trigger.children):
            return None  # "threatened to attack": the complement is the event, threatened
        if entry.get("prep") and not any(
                c.dep_ in {"prep", "prt"} and c.lower_ in entry["prep"] for c in trigger.children):
            return None
        requires = entry.get("requires")
        if requires and not any(t.lemma_.lower() in requires for t in trigger.subtree):
            return None
        object_lemmas = self._object_lemmas(trigger, entry.get("prep"))
        asking = trigger.lemma_.lower() in self.p.asking_verbs
        if asking:
            # what is asked refines the appeal or demand: "urged Iran to release ..." (025)
            object_lemmas += [c.lemma_.lower() for c in trigger.children
                              if c.dep_ in {"xcomp", "ccomp"}]
        code = self._code(entry, object_lemmas)
        if not code:
            return None
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children)
        if code[:2] in _VIOLENT_ROOTS:
            agent = self._agent_lemmas(trigger, passive)
            if agent & self.p.non_agents:
                return None  # "a flood killed 20 people": a disaster, not an act of force
            if code[:2] in {"18", "19"}:
                code = self._instrument_code(
                    code, agent | set(object_lemmas) | self._with_lemmas(trigger))
        sources = self._agent(trigger) if passive else self._subject(trigger)
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "obj", "dative"}]
        if passive:
            objects += [c for c in trigger.children if c.dep_ == "nsubjpass"]
        target_tokens: set[int] = set()
        for o in objects:
            target_tokens |= _np_tokens(o)
        required = set(entry.get("prep") or []) - {"for", "on", "upon"}
        prep_objects = self._prep_objects(trigger, _TARGET_PREPS | required)
        # "called for talks between A and B", "held a summit with C", "lift sanctions on D"
        for head in objects + self._prep_objects(trigger, set(entry.get("prep") or [])):
            prep_objects += self._prep_objects(head, {"with", "between", "to", "against", "on",
                                                      "for"})
        for o in prep_objects:
            target_tokens |= _np_tokens(o)
        targets = self._actors_in(target_tokens)
        if not targets and asking:
            # "insisted that Washington halt the deal": the one asked to act is the target
            for clause in [c for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}]:
                subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
                targets = self._actors_in(set().union(set(), *(_np_tokens(x) for x in subjects)))
                if targets:
                    break
        if not targets and code[:2] in {"11", "12", "13"}:  # "what he called a policy of X"
            for o in [c for c in trigger.children if c.dep_ not in {"nsubj", "nsubjpass", "aux",
                                                                   "neg", "punct", "advmod"}]:
                targets = self._actors_in({t.i for t in o.subtree})
                if targets:
                    break
        hosting = any(lemma in (entry.get("host_objects") or []) for lemma in object_lemmas[:1])
        if entry.get("inverse") and not hosting:
            froms = self._prep_objects(trigger, {"from"})
            for head in objects:  # "received weapons from the government"
                froms += self._prep_objects(head, {"from"})
            givers = self._actors_in(set().union(set(), *(_np_tokens(o) for o in froms)))
            sources, targets = givers, sources
            if not sources:
                where = self._place(trigger)
                if where and where.place.feature_type == "country":
                    sources = [state_actor(where.place.country_iso3)]
        places = self._places_in(target_tokens)
        if entry.get("needs_target") and not targets:
            return None  # "insisted the plan was sound" is no demand; "insisted that X halt" is
        return self._event(trigger, code, sources, targets, entry.get("symmetric", False),
                           places or [])

    def _noun_event(self, trigger: Token, entry: dict) -> Event | None:
        modifiers = entry.get("requires_modifier")
        if modifiers and not any(c.lemma_.lower() in modifiers for c in trigger.children):
            return None
        code = entry["code"]
        for lemma in [t.lemma_.lower() for t in self._prep_objects(trigger, {"of"})]:
            code = (entry.get("objects") or {}).get(lemma, code)
        source_tokens = {c.i for c in trigger.children if c.dep_ == "poss"}
        for o in self._prep_objects(trigger, {"by"}):
            source_tokens |= _np_tokens(o)
        if entry["code"][:2] != "16":  # "Russian sanctions" may be on or by Russia
            source_tokens |= {c.i for c in trigger.children if c.dep_ in {"compound", "amod"}}
        sources = self._actors_in(source_tokens)
        clause = self._attached_to(trigger)
        if not sources and clause is not None and not any(
                c.dep_ == "auxpass" for c in clause.children):
            # "the drill ... by the US", with "by" parsed onto the clause's verb
            sources = self._actors_in(set().union(set(), *(
                _np_tokens(o) for o in self._prep_objects(clause, {"by"}))))
        target_tokens: set[int] = set()
        for o in self._prep_objects(trigger, _TARGET_PREPS):
            target_tokens |= _np_tokens(o)
        targets = self._actors_in(target_tokens)
        places = self._places_in(target_tokens)
        if entry.get("needs_target") and not (targets or places):
            return None
        if entry.get("symmetric") and not sources and len(targets) > 1:
            sources = list(targets)
        return self._event(trigger, code, sources, targets, entry.get("symmetric", False), places)

    def code(self) -> list[Event]:
        events: list[Event] = []
        objects_of_events: set[int] = set()
        for token in self.doc:
            lemma = self.p.verb_forms.get(token.lower_, token.lemma_.lower())
            entry = self.p.verbs.get(lemma)
            if entry and token.pos_ in {"VERB", "AUX"}:
                event = self._verb_event(token, entry)
                if event:
                    events.append(event)
                    heads = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass",
                                                                      "attr"}]
                    heads += self._prep_objects(token, set(entry.get("prep") or []))
                    objects_of_events |= {h.i for h in heads}
        for token in self.doc:
            entry = self.p.nouns.get(token.lemma_.lower())
            if entry and token.pos_ == "NOUN" and token.i not in objects_of_events:
                event = self._noun_event(token, entry)
                if event:
                    event.confidence = round(event.confidence - 0.1, 2)
                    events.append(event)
        return events


def code_article(sentences: list[tuple[int, Doc, int]], actor_mentions: list[ActorMention],
                 place_mentions: list[PlaceMention], published: date | None, precision: str,
                 repeats: dict[int, int]) -> list[Event]:
    """Events of an article: coded sentence by sentence, then merged.

    `sentences` are (index, parse, char offset); `repeats` maps a repeated sentence to the one it
    repeats, whose events are then reported once more (mention_count).
    """
    events: list[Event] = []
    # Mentions indexed by sentence once, so the work grows with the article, not its square.
    actors_in: dict[int, list[ActorMention]] = {}
    for m in actor_mentions:
        if m.token_end > 0:
            actors_in.setdefault(m.sentence_index, []).append(m)
    places_in: dict[int, list[PlaceMention]] = {}
    for p in place_mentions:
        places_in.setdefault(p.sentence_index, []).append(p)
    for index, doc, offset in sentences:
        actors, places = actors_in.get(index, []), places_in.get(index, [])
        for event in SentenceCoder(doc, index, offset, actors, places, published,
                                   precision).code():
            if not event.sources and not event.targets:
                _attach_to_earlier(event, events)
                continue
            events.append(event)
    merged = _merge_repeats(events)
    by_sentence: dict[int, list[Event]] = {}
    for event in merged:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    for repeated, original in repeats.items():
        for event in by_sentence.get(original, []):
            event.mention_count += 1
            event.merged_sentences.append(repeated)
    return merged


def _attach_to_earlier(event: Event, events: list[Event]) -> None:
    """An event with no actors ("the drill was held south of Jeju") restates an earlier one."""
    for earlier in reversed(events):
        if earlier.sentence_index < event.sentence_index - 2:
            break
        if earlier.cameo_code[:2] == event.cameo_code[:2]:
            earlier.place = earlier.place or event.place
            if event.date_text and not earlier.date_text:
                earlier.event_date, earlier.date_precision = event.event_date, event.date_precision
                earlier.date_text = event.date_text
            return


def _merge_repeats(events: list[Event]) -> list[Event]:
    """The same event stated twice in an article (same code, actors and date) is one event."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = (event.cameo_code, tuple(sorted(a.actor_id for a in event.sources)),
               tuple(sorted(a.actor_id for a in event.targets)), event.event_date,
               event.modality, event.is_negated)
        if key in kept:
            kept[key].mention_count += 1
            kept[key].merged_sentences.append(event.sentence_index)
        else:
            kept[key] = event
    return list(kept.values())
