"""The event coder: who did what to whom, read off each sentence's dependency parse.

A trigger is a verb (or an event noun) listed in `data/event_patterns.yaml`; its CAMEO code is
refined by its object ("call for talks" 026, "call for aid" 023). Sources come from the subject
(or the "by" phrase of a passive, or a noun's possessor), targets from the object and from
"with/to/against/on/between" phrases; conjoined actors stay lists. The clause around the trigger
sets modality (negated, intended, threatened, conditional): only an asserted, non-negated event
is a fact, the rest is kept and flagged. Dates come from the time expressions of the trigger's
clause, places from the place mentions attached to it.
"""

from spacy.tokens import Token

from pipelines.coding.anchoring import AnchoringReader
from pipelines.coding.arguments import (
    _TARGET_PREPS,
    countered_actors_tokens,
    countered_tokens,
    np_tokens,
    phrase_tokens,
    zero_relative,
)
from pipelines.coding.dictionaries import _VIOLENT_ROOTS
from pipelines.coding.modality import ModalityReader
from pipelines.coding.reading import unspecified
from pipelines.coding.records import Actor, Event, state_actor
from pipelines.lexicon import lexicon
from pipelines.places import PlaceMention

_HARM_ROOTS = _VIOLENT_ROOTS - {"17"}  # assault, fight, mass violence: harm to people
# Sectors that bear arms: a clash or a fight one of them takes part in is an armed one.
_ARMED = {"MIL", "COP", "REB", "INS", "UAF", "SEP", "SPY", "CRM"}
_VISIT_CODES = {"042", "043", "044"}
# What is fought that makes any fight an armed one, whoever fights it.
_WARS = {"war", "insurgency", "firefight", "gunfight", "gunbattle"}


# Verbs that only carry an event noun: their subject is the noun's doer ("began talks with").
# (Verbs that end or halt the act, "broke off talks", change what happened: not listed.)
_LIGHT_VERBS = {"start", "begin", "open", "resume", "launch", "conduct", "hold", "attend",
                "continue", "restart", "stage", "carry", "join", "enter", "make", "have"}


_APPARATUS = {"GOV", "MIL", "COP", "SPY"}
# Institutions a noun can be said to belong to by a bare modifier: "government plans", "the
# police response", "army positions". The group's own mention needs a head noun; as the
# modifier of what is acted on, it is whose thing is criticised, backed or shelled.
_MODIFIER_INSTITUTIONS = {"government", "administration", "ministry", "cabinet", "police",
                          "military", "army", "navy", "opposition", "parliament", "congress",
                          "senate", "court", "junta", "regime", "troops", "rebel", "militant",
                          "insurgent", "guerrilla", "separatist", "militia", "union"}
# Prepositions whose noun event is the clause subject's own: "said during a visit to X",
# "spoke after talks with Y", "resigned in protest over Z", "took part in talks".
_CIRCUMSTANCE_PREPS = {"during", "after", "before", "following", "ahead", "in"}


def _for_clause(token: Token) -> bool:
    """A clause opened by "for": "called for Iran to resume talks" (the parser's advcl)."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for"
                                         for c in token.children)


def _personal(noun: Token) -> bool:
    """A word that stands for persons though it names no actor: a personal pronoun ("release
    me"), a number ("release the four"), a people ("Britons", NER's nationalities), a name."""
    return (noun.tag_ == "PRP" and noun.lower_ not in {"it", "itself"}) or noun.tag_ in {
        "CD", "NNPS"} or noun.ent_type_ in {"NORP", "PERSON"}


def _asked(token: Token) -> bool:
    """Whether a verb is the complement an appeal or demand asks for."""
    return token.dep_ in {"xcomp", "ccomp"} or _for_clause(token)


def _mandative(clause: Token) -> bool:
    """Whether a complement says what must be done ("insisted that Washington halt the deal",
    "... should halt"), not what is so ("insisted his plans were affordable")."""
    if clause.dep_ != "ccomp":
        return True
    auxes = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"should", "must", "shall", "to"}:  # "called for Hain to make a statement"
        return True
    # a bare verb after a singular subject is a subjunctive ("that Washington halt"); the
    # indicative would be "halts"
    singular = any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"NN", "NNP"}
                   for c in clause.children)
    return not auxes and (clause.tag_ == "VB" or (clause.tag_ == "VBP" and singular))


class SentenceCoder(ModalityReader, AnchoringReader):
    """Codes the events of one parsed sentence, given its actor and place mentions."""

    def _code(self, entry: dict, lemmas: list[str]) -> str | None:
        objects = entry.get("objects") or {}
        for lemma in lemmas:
            if lemma in objects:
                return objects[lemma]
        return entry.get("code")
    def _appeal(self, trigger: Token) -> Event | None:
        """"A wants B to attack C": A appeals to B; the embedded act is B's, only wished."""
        governor = trigger.head
        if trigger.dep_ not in {"xcomp", "ccomp"} or governor.lemma_ not in self.p.appeal_verbs:
            return None
        passive = any(c.dep_ == "auxpass" for c in governor.children)
        # "Sudan was urged by the AU to accept ...": the passive's subject is the one asked
        addressees = [c for c in governor.children if c.dep_ in {"dobj", "obj"}
                      or (passive and c.dep_ == "nsubjpass")] + [
            c for c in trigger.children if c.dep_ == "nsubj"]
        targets = self._actors_in(set().union(set(), *(np_tokens(a) for a in addressees)))
        sources = self._agent(governor) if passive else self._subject(governor)
        if not targets or not sources:
            return None
        return self._event(governor, "020", sources, targets)
    # -- triggers ----------------------------------------------------------------------------
    def _event(self, trigger: Token, code: str, sources: list[Actor], targets: list[Actor],
               symmetric: bool = False, place_targets: list[PlaceMention] | None = None
               ) -> Event | None:
        if symmetric and not sources and len(targets) > 1:
            sources = list(targets)  # "fighting between Sudanese troops and rebels": each side
        mutual = symmetric and len(sources) > 1 and (not targets or set(targets) == set(sources))
        if not targets and place_targets and (code in _VISIT_CODES or code[:2] == "09"):
            # a visit, or an investigation, of a place targets its country
            targets = [state_actor(p.place.country_iso3) for p in place_targets
                       if p.place.country_iso3]
        source_countries = {a.country_iso3 for a in sources if a.country_iso3}
        if mutual:  # "A and B met": each party is the other's counterpart
            targets = list(sources)
        else:
            targets = [t for t in targets if t not in sources and not (
                not symmetric and t.actor_type == "state" and t.country_iso3 in source_countries)]
        if not symmetric and any(t.country_iso3 and t.country_iso3 not in source_countries
                                 for t in targets):
            # "Peru withdrew its ambassador from Mexico": the source's own state apparatus is
            # what it acts with, the other country what it acts on
            targets = [t for t in targets if not (
                t.country_iso3 in source_countries | {None} and t.actor_type != "person"
                and t.sector in _APPARATUS)]
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
    def _instrument_code(self, code: str, lemmas: set[str]) -> str:
        """A violent act refined by what it was done with (a suicide bomb: 1831, aircraft: 195);
        the first rule whose lemmas all occur decides."""
        for needed, refined in self.p.instruments:
            if needed <= lemmas:
                return refined
        return code
    def _verb_event(self, trigger: Token, entry: dict) -> Event | None:
        clause = trigger
        while clause.dep_ == "conj" and clause.pos_ == "VERB":
            clause = clause.head  # "asking him to apologise and withdraw": both are asked
        governor = clause.head.lemma_.lower()
        if _asked(clause) and governor in self.p.asking_verbs and governor in self.p.verbs:
            return None  # "urged Iran to release ...": the appeal is the event, coded at "urge"
        if self._not_done(clause) or self._asked_whether(clause):
            return None
        if self._noun_verb(trigger) in self.p.asking_verbs:
            return None  # "a call for Israel to withdraw": asked for, not done
        if trigger.tag_ == "VBN" and trigger.i > 0 and trigger.nbor(-1).lower_ == "as":
            return None  # "as opposed to 5%", "as promised": a comparison or an aside
        appeal = self._appeal(trigger)
        if appeal:
            return appeal
        if trigger.lemma_.lower() in self.p.appeal_verbs and any(
                c.dep_ == "oprd" for c in trigger.children):
            return None  # "called Labour a machine for talking": a name given, no appeal
        if entry.get("needs_complement") and not any(c.dep_ == "xcomp" for c in trigger.children):
            return None
        if trigger.lemma_ in self.p.intent_verbs and (entry.get("code") or "")[:2] == "02" and any(
                c.dep_ == "xcomp" for c in trigger.children):
            return None  # "seeking to improve ties" intends the act; "seeking help" asks
        if trigger.lemma_ in self.p.threat_verbs | self.p.intent_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in self.p.verbs for c in trigger.children):
            return None  # "threatened to attack": the complement is the event, threatened
        if entry.get("prep") and not any(
                (c.dep_ in {"prep", "prt"} and c.lower_ in entry["prep"] and not self._when(c))
                or ("for" in entry["prep"] and _for_clause(c)) for c in trigger.children) and not (
                entry.get("objects_without_prep") and set(self._object_lemmas(trigger, None))
                & set(entry.get("objects") or {})):
            return None  # "called for talks"; not "called him a liar on Saturday"
        requires = entry.get("requires")
        if requires and not any(t.lemma_.lower() in requires for t in trigger.subtree):
            return None
        object_lemmas = self._object_lemmas(trigger, entry.get("prep"))
        if entry.get("direct_objects_only"):  # "a state of emergency" is an emergency
            direct = [c for c in trigger.children if c.dep_ in {"dobj", "obj"}]
            object_lemmas = [c.lemma_.lower() for c in direct] + [
                g.lemma_.lower() for c in direct if c.lemma_.lower() == "state"
                for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        asking = trigger.lemma_.lower() in self.p.asking_verbs
        if asking and self._question(trigger):
            return None  # "asked whether he would stand", "asked about the plan": a question
        if asking:
            # what is asked refines the appeal or demand: "urged Iran to release ..." (025)
            clauses = [c for c in trigger.children if _asked(c)]
            object_lemmas += [c.lemma_.lower() for c in clauses]
            # "called on Israel to hold talks": what the asked act is done to (026)
            object_lemmas += [o.lemma_.lower() for c in clauses for o in c.children
                              if o.dep_ in {"dobj", "obj"}]
        if trigger.lemma_.lower() in self.p.refusal_verbs:  # "declined to comment" (011)
            object_lemmas += [c.lemma_.lower() for c in trigger.children if c.dep_ == "xcomp"]
        code = self._code(entry, object_lemmas)
        if any(h.lemma_.lower() in (entry.get("objects") or {}) and entry["objects"][
                h.lemma_.lower()] is None for h in self._prep_objects(trigger, {"with"})):
            return None  # "met with criticism": a word that is no event, after "with" too
        if asking and entry.get("code") and code and code[:2] != entry["code"][:2]:
            # what is asked refines an appeal or a demand, never turns it into that act
            # ("pressured Sudan to accept peacekeepers" is no peacekeeping)
            code = self._code(entry, self._object_lemmas(trigger, entry.get("prep")))
        preps = entry.get("prep_codes") or {}
        by_prep = next((c.lower_ for c in trigger.children
                        if c.dep_ in {"prep", "prt", "advmod"} and c.lower_ in preps), None)
        code = preps[by_prep] if by_prep else code
        if not code and entry.get("actor_object") and any(
                a.actor_type != "person" for a in self._actors_in(
                    {c.i for c in trigger.children if c.dep_ in {"dobj", "obj"}})):
            # "recognised Kosovo"; not "recognised the risk", nor a face ("recognised Kennedy")
            code = entry["actor_object"]
        if not code:
            return None
        if self._consequence(trigger, code):
            return None  # "shelled the town, killing eight people": the shelling's harm
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children) or (
            trigger.dep_ == "conj" and trigger.tag_ == "VBN" and not any(
                c.dep_ in {"nsubj", "aux"} for c in trigger.children) and any(
                c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.head.children))
        # ("were detained and released by police": "released" shares the passive)
        # "journalists detained by police", "soldiers killed in Ukraine": a participle on a
        # noun is a passive whose subject is that noun
        # (not "a report that it had held": a clause with its own subject)
        reduced = trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "aux", "mark"} for c in trigger.children)
        # "Ebbers is on trial, accused of fraud": a bare participle clause is a passive whose
        # subject is the main clause's
        # ("could face 85 years if convicted": after "if", "when", "once" too)
        clausal = trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} or (
                c.dep_ == "mark" and c.lower_ not in {"if", "when", "once", "unless", "until",
                                                      "after", "while", "though", "although"})
            for c in trigger.children)
        passive = passive or reduced or clausal or (  # "..., helped by X": with an agent
            trigger.tag_ == "VBN" and any(c.dep_ == "agent" for c in trigger.children))
        # "killed in an Israeli air strike": the violent act the harm came in
        harm_in = self._harm_in(trigger)
        if not passive and {h.lemma_.lower() for h in self._doer_heads(trigger, False)} & \
                self.p.non_agents and not self._agent_lemmas(trigger, False) & self.p.weapons:
            return None  # "Irish equities offer growth", "the economy would help": no actor
        if code[:2] in _VIOLENT_ROOTS | {"14"}:
            agent = self._agent_lemmas(trigger, passive)
            if agent & self.p.non_agents and not agent & self.p.weapons:
                # "a flood killed 20 people", "an explosion at a chemical plant killed 12": a
                # disaster, not an act of force ("a bomb blast" is one); "shares rallied": a
                # market, not a protest
                return None
            if passive and not agent and self._disaster_cause(trigger):
                return None  # "were killed following an earthquake": no one killed them
            if code[:2] in {"18", "19"}:
                code = self._instrument_code(
                    code, agent | set(object_lemmas) | self._with_lemmas(trigger)
                    | {t.lemma_.lower() for n in harm_in for t in n.subtree})
        sources = self._agent(trigger) if passive else self._subject(trigger)
        if entry.get("symmetric") and self._prep_objects(trigger, {"between"}) and not any(
                c.dep_ == "nsubj" for c in trigger.children):
            sources = []  # "... ahead of the cup clash between the clubs": the two sides
        if passive and not sources and "01" <= code[:2] <= "08" and self._thing_agent(trigger):
            return None  # "exports were helped by a weak dollar": no one cooperated
        if passive and not sources and code[:2] in _VIOLENT_ROOTS:
            # "were killed in an Israeli air strike": whose strike it was
            sources = self._actors_in({c.i for n in harm_in for c in n.children
                                       if c.dep_ in {"amod", "compound", "poss"}})
            # "... in an air strike by government forces", "in a raid by Kenyan police"
            sources = sources or self._actors_in(set().union(set(), *(
                np_tokens(o) for n in harm_in for o in self._prep_objects(n, {"by"}))))
        if passive and not sources:  # "were captured and killed by the Taliban": both by them
            for conj in [c for c in trigger.children if c.dep_ == "conj" and c.tag_ == "VBN"
                         and not any(g.dep_ in {"aux", "auxpass"} for g in c.children)]:
                sources = sources or self._agent(conj)
        # "Holmes, whom he met": the relative pronoun stands for the noun the clause describes
        objects = [trigger.head if c.tag_ in {"WP", "WDT"} and trigger.dep_ == "relcl" else c
                   for c in trigger.children if c.dep_ in {"dobj", "obj", "dative"}]
        if not objects and not passive and not entry.get("intransitive"):
            # "arrested and deported two activists": verbs joined by "and" share the object
            objects = [o for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                       and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                       for o in c.children if o.dep_ in {"dobj", "obj"}][:1]
        if not objects:
            # "will help the firm develop snacks": a bare infinitive's subject is the object
            objects = [s for c in trigger.children if c.dep_ == "ccomp" and c.tag_ == "VB"
                       and not any(g.dep_ in {"mark", "aux"} for g in c.children)
                       for s in c.children if s.dep_ == "nsubj"]
        if passive:
            objects += [c for c in trigger.children if c.dep_ == "nsubjpass"]
            objects += [trigger.head] if reduced else []
            objects += [c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                        ] if clausal else []
            if trigger.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in
                                                  trigger.children):
                # "The men were detained and later released by police": the shared subject
                objects += [c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not objects and not passive and zero_relative(trigger):
            objects = [trigger.head]  # "a target he has met", "the men the army freed"
        if entry.get("needs_object") and not passive and not objects and not by_prep:
            return None  # ("to strike over pay": the preposition makes the event)
        if entry.get("patient_is_actor") and objects and not any(
                self._actors_in({o.i} | {t.i for c in o.children if c.dep_ in {
                    "conj", "appos"} or (c.dep_ == "poss" and c.tag_ != "PRP$") or (
                    # "fined the firm 500 pounds", parsed as one noun phrase: the amount's
                    # modifier is who was fined
                    c.dep_ == "nmod" and any(n.like_num for n in o.subtree))
                    for t in c.subtree})
                or _personal(o) or o.lemma_.lower() in (entry.get("objects") or {})
                for o in objects):
            # "a report released by officials" frees no one, nor "Bank of England lending
            # figures released on Tuesday": someone (or someone's, "blamed Boeing's
            # management") must undergo it, not a name modifying a thing
            return None
        if entry.get("intransitive") and (objects or any(
                c.dep_ in {"ccomp", "xcomp"} for c in trigger.children)):
            return None  # "crowds demonstrated" protest; "figures demonstrated that" show
        if entry.get("object_is_actor") and not passive and objects and not any(
                self._actors_in(np_tokens(o)) for o in objects if o.dep_ in {"dobj", "obj"}):
            return None  # "met Wall Street's projections", "met its deadline": no meeting
        target_tokens: set[int] = set()
        for o in objects:  # "met critics of Israel" meets no Israeli
            target_tokens |= np_tokens(o) - countered_tokens(o)
        required = set(entry.get("prep") or []) - {"for", "on", "upon"}
        prep_objects = self._prep_objects(trigger, _TARGET_PREPS | required)
        # "called for talks between A and B", "held a summit with C", "lift sanctions on D",
        # "condemned the attack by the rebels", "rejected an offer from E", "expressed concern
        # about F"
        for head in objects + self._prep_objects(trigger, set(entry.get("prep") or [])):
            prep_objects += self._prep_objects(head, {"with", "between", "to", "against", "on",
                                                      "for", "by", "from", "about", "over"})
        if code[:2] == "04":  # "will meet at Gleneagles", "talks at the Foreign Office": where
            prep_objects = [o for o in prep_objects if o.head.lower_ != "at"]
        for o in prep_objects:  # "talks with Deutsche Boerse's rival" are not with it
            target_tokens |= np_tokens(o) - countered_tokens(o)
        targets = self._actors_in(target_tokens) or self._institution_of(objects)
        if code == "192":  # "retook Ramadi from Islamic State": whom the ground was taken from
            targets = self._actors_in(set().union(set(), *(
                np_tokens(o) for o in self._prep_objects(trigger, {"from"})))) or targets
        if entry.get("actor_object") and objects and self._actors_in({o.i for o in objects}):
            code = entry["actor_object"]  # "welcomed Putin" hosts him; "welcomed the move" is praise
        if not targets and asking and trigger.dep_ == "advcl":
            # "has written to the minister asking for answers": whom the letter went to
            targets = self._actors_in(set().union(set(), *(
                np_tokens(o) for o in self._prep_objects(trigger.head, {"to"}))))
        if not targets and asking and any(c.dep_ == "xcomp" for c in trigger.children):
            # "called for the board to hold a meeting": the one asked to act
            targets = self._actors_in(set().union(set(), *(
                np_tokens(o) for o in self._prep_objects(trigger, {"for"}))))
        if not targets and asking:
            # "insisted that Washington halt the deal": the one asked to act is the target
            for clause in [c for c in trigger.children if _asked(c) and _mandative(c)]:
                subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
                targets = self._actors_in(set().union(set(), *(np_tokens(x) for x in subjects)))
                if targets:
                    break
        if not targets and code == "015":
            # "claimed responsibility for an attack on a mall in Kenya": whom the act was against
            acts = self._prep_objects(trigger, {"for"})
            for head in objects:
                acts += self._prep_objects(head, {"for"})
            span = {t.i for act in acts for t in act.subtree}
            targets = self._actors_in(span) or [
                state_actor(p.place.country_iso3) for p in self._places_in(span)[:1]
                if p.place.country_iso3]
        if not targets and trigger.lemma_.lower() in self.p.denial_verbs:
            # "denied attacking Georgia": whom the denied act was done to
            acts = [c for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}]
            done_to = [o for a in acts for o in a.children if o.dep_ in {"dobj", "obj"}]
            done_to += [o for a in acts for o in self._prep_objects(a, _TARGET_PREPS)]
            targets = [a for a in self._actors_in(set().union(set(), *(
                np_tokens(o) for o in done_to))) if a not in sources]
        if not targets and not entry.get("symmetric"):
            # "Opponents of the Senate protested", "BT's rivals accused it": whom they oppose
            targets = [a for a in self._actors_in(countered_actors_tokens(trigger))
                       if a not in sources]
        alleging = trigger.lemma_.lower() in self.p.allegation_verbs
        if not targets and code[:2] in {"11", "12", "13"}:  # "what he called a policy of X"
            for o in [c for c in trigger.children if c.dep_ not in {
                    "nsubj", "nsubjpass", "agent", "aux", "neg", "punct", "advmod", "advcl",
                    "conj", "cc", "parataxis"}  # not another clause: "..., as Kigali said"
                    and not (alleging and c.lower_ in {"of", "for", "with"})]:
                # (nor what is alleged: "accused of al-Qaeda links" does not accuse al-Qaeda)
                targets = self._actors_in(phrase_tokens(o))
                if targets:
                    break
        if not targets and code[:2] in _HARM_ROOTS:  # "shelled the town, killing eight people"
            harmed = [o for c in trigger.children if self._consequence(c, code)
                      for o in c.children if o.dep_ in {"dobj", "obj"}]
            targets = self._actors_in(set().union(set(), *(np_tokens(o) for o in harmed)))
        nearest = [w for w in object_lemmas if " " not in w][:1]  # the head, not "border talk"
        # "India and China held talks": an object that is a symmetric event makes the verb one
        symmetric = entry.get("symmetric", False) or not asking and any(
            (self.p.nouns.get(lemma) or {}).get("symmetric") and (
                entry.get("objects") or {}).get(lemma) == code for lemma in nearest)
        # (not "called for talks": the caller asks the others to meet)
        if len(sources) > 1 and any(o.lower_ in {"other", "another"} and any(
                c.lower_ in {"each", "one"} for c in o.children) for o in objects + prep_objects):
            targets, symmetric = [], True  # "Airbus and Boeing accuse each other": mutual
        hosting = any(lemma in (entry.get("host_objects") or []) for lemma in nearest)
        if entry.get("inverse") and not hosting:
            froms = self._prep_objects(trigger, {"from"})
            for head in objects:  # "received weapons from the government"
                froms += self._prep_objects(head, {"from"})
            givers = self._actors_in(set().union(set(), *(np_tokens(o) for o in froms)))
            sources, targets = givers, sources
            if not sources:
                where = self._place(trigger)
                if where and where.place.feature_type == "country":
                    sources = [state_actor(where.place.country_iso3)]
        # "attend a summit in Switzerland", "inspect the refineries in Iran": where the object is
        where_tokens = {i for o in objects for p in self._prep_objects(o, {"in", "at"})
                        for i in np_tokens(p)}
        places = self._places_in(target_tokens | where_tokens)
        if entry.get("dyadic") and not (sources and targets):
            return None
        if entry.get("needs_target") and not (set(targets) - set(sources) or places):
            return None  # "insisted the plan was sound" is no demand; "insisted that X halt" is
        if entry.get("unarmed_code") and code == entry.get("code") and (sources or targets) \
                and not any(a.sector in _ARMED for a in sources + targets) \
                and not set(object_lemmas) & _WARS:  # "Iran and Iraq fought a war": force
            code = entry["unarmed_code"]  # "clashed with his leaders over fees": a quarrel
        return self._claimed(trigger, self._event(trigger, code, sources, targets, symmetric,
                                                  places or []))

    def _institution_of(self, objects: list[Token]) -> list[Actor]:
        """The institution an object noun belongs to by a bare modifier ("backed government
        plans"): that sector, its country unknown, as a lone "the government" is coded."""
        found = []
        for head in objects:
            for child in head.children:
                word = child.lower_
                if child.dep_ == "compound" and word in _MODIFIER_INSTITUTIONS and not (
                        child.i + 1 < len(self.doc) and self.doc[child.i + 1].text == "-"):
                    actor = unspecified(lexicon().sector_of_title[word])
                    if actor not in found:
                        found.append(actor)
        return found

    def _consequence(self, verb: Token, code: str) -> bool:
        """Whether a violent participle is the harm of the violent act it follows ("shelled
        the town, killing eight people"; "bombed the base, wounding two"): one act, coded at
        the act, whose target the harmed are when the act's object is no actor."""
        if code[:2] not in _HARM_ROOTS or verb.dep_ != "advcl" or verb.tag_ != "VBG" \
                or any(c.dep_ in {"nsubj", "mark"} for c in verb.children):
            return False
        head = self.p.verbs.get(verb.head.lemma_.lower())
        return bool(head) and (head.get("code") or "")[:2] in _HARM_ROOTS

    def _thing_agent(self, verb: Token) -> bool:
        """Whether a passive's "by" phrase names a thing (common nouns, no name, no person
        word the lexicon knows): "helped by a 7.5% rise in exports"."""
        agents = self._agent_phrases(verb)
        return bool(agents) and all(a.pos_ == "NOUN" and not any(
            t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            for t in a.subtree) for a in agents)

    def _disaster_cause(self, verb: Token) -> bool:
        """Whether an agentless harm came from a disaster: "killed in the earthquake",
        "following a cyclone", "when a fire swept through the factory" (and no weapon)."""
        causes = self._prep_objects(verb, {"in", "following", "after", "during", "amid", "from"})
        causes += [c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "after", "as"}
            for m in c.children)]
        if any((self.p.nouns.get(c.lemma_.lower()) or {}).get("code", "")[:2] in _VIOLENT_ROOTS
               for c in causes):
            return False  # "killed in a fire fight", "in clashes after the storm"
        lemmas: set[str] = set()
        weapons: set[str] = set()
        for cause in causes:
            heads = [c for c in cause.children if c.dep_ == "nsubj"] if cause.pos_ in {
                "VERB", "AUX"} else [cause]
            lemmas |= {h.lemma_.lower() for h in heads}  # "a fire fight" is a fight
            weapons |= {self.doc[i].lemma_.lower() for h in heads for i in np_tokens(h)}
        return bool(lemmas & self.p.non_agents) and not weapons & self.p.weapons

    def _harm_in(self, verb: Token) -> list[Token]:
        """The violent acts a harm came in: "killed in an Israeli air strike"."""
        return [n for n in self._prep_objects(verb, {"in"}) if (self.p.nouns.get(
            n.lemma_.lower()) or {}).get("code", "")[:2] in _VIOLENT_ROOTS]

    @staticmethod
    def _asked_whether(clause: Token) -> bool:
        """An act a question is about: "whether Iraq would veto", "asked if Germany would send
        troops"."""
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        return "whether" in marks or ("if" in marks and clause.head.lemma_.lower() in {
            "ask", "wonder", "question", "inquire", "enquire", "query"})

    def _not_done(self, clause: Token) -> bool:
        """An act someone denies ("denied attacking", "denied that its troops attacked") or
        alleges ("accused Iran of arming", "blamed Hamas for attacking"): the denial or the
        accusation is the event, the act is not asserted."""
        head = clause.head
        if clause.dep_ in {"ccomp", "xcomp"} and head.lemma_.lower() in self.p.denial_verbs:
            return True
        if clause.dep_ == "xcomp" and head.lemma_.lower() in self.p.failure_verbs or (
                clause.dep_ == "acl" and head.lemma_.lower() in self.p.failure_nouns):
            return True  # "failed to reach a deal", "its refusal to sign": not done
        if clause.dep_ == "pcomp" and head.lower_ == "without":
            return True  # "cut crime without asking people to pay more": not asked
        if clause.dep_ not in {"pcomp", "pobj"} or head.dep_ != "prep":
            return False
        governor = head.head.lemma_.lower()
        # "banned from suing", "refrained from attacking": prevented, not done
        return (head.lower_ in {"of", "for", "with"} and governor in self.p.allegation_verbs) or (
            head.lower_ == "from" and governor in self.p.prevention_verbs)

    @staticmethod
    def _when(prep: Token) -> bool:
        """Whether a preposition only dates the clause: "on Saturday", "on 3 May"."""
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)

    @staticmethod
    def _question(trigger: Token) -> bool:
        """Whether an asking verb asks a question rather than for something: its complement
        opens with if, whether or a wh-word, or it asks "about" something."""
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ == "about":
                return True
            if child.dep_ in {"ccomp", "xcomp", "advcl"} and any(
                    c.lower_ in {"if", "whether"} or c.tag_ in {"WRB", "WP", "WDT"}
                    for c in child.children if c.i < child.i):
                return True
        return False

    def _claimed(self, trigger: Token, event: Event | None) -> Event | None:
        """Force that someone claims was used: "A claimed that B attacked C" is A accusing B
        (112); "A claimed that its fighters attacked C" A claiming responsibility (015)."""
        governor = trigger.head
        if event is None or event.cameo_code[:2] not in _VIOLENT_ROOTS - {"17"} \
                or trigger.dep_ != "ccomp" or governor.lemma_.lower() not in self.p.claim_verbs:
            return event
        claimants = self._subject(governor)
        if not claimants:
            return event
        doer = [c for c in trigger.children if c.dep_ in {"nsubj", "agent", "nsubjpass"}]
        # "they", "its fighters": the claimant's own, unless the parse names someone else
        countries = {a.country_iso3 for a in claimants}
        own = any(t.pos_ == "PRON" for d in doer for t in d.subtree) and all(
            a.country_iso3 is None or a.country_iso3 in countries for a in event.sources)
        if own or (event.sources and set(event.sources) <= set(claimants)):
            return self._event(governor, "015", claimants, event.targets)
        if event.sources:
            return self._event(governor, "112", claimants, event.sources)
        return event

    def _noun_event(self, trigger: Token, entry: dict) -> Event | None:
        modifiers = entry.get("requires_modifier")
        if modifiers and not any(c.lemma_.lower() in modifiers for c in trigger.children):
            return None
        verb = trigger.head
        if trigger.dep_ in {"dobj", "obj"} and _asked(verb) \
                and verb.head.lemma_.lower() in self.p.asking_verbs:
            return None  # "urged Uganda to open talks": the talks are asked for, not held
        code = entry["code"]
        for lemma in [t.lemma_.lower() for t in self._prep_objects(trigger, {"of"})]:
            code = (entry.get("objects") or {}).get(lemma, code)
        possessors = {c.i for c in trigger.children if c.dep_ == "poss"}
        # "his arrest": the one arrested; "Russia's arrest of X", "Russia's attack": the doer
        patient = possessors if entry.get("possessor_is_target") and not self._prep_objects(
            trigger, {"of"}) else set()
        source_tokens = possessors - patient
        for o in self._prep_objects(trigger, {"by"}):
            source_tokens |= np_tokens(o)
        if entry["code"][:2] != "16":  # "Russian sanctions" may be on or by Russia
            source_tokens |= {c.i for c in trigger.children if c.dep_ in {"compound", "amod"}}
        sources = self._actors_in(source_tokens)
        clause = self._attached_to(trigger)
        if not sources and clause is not None and not any(
                c.dep_ == "auxpass" for c in clause.children):
            # "the drill ... by the US", with "by" parsed onto the clause's verb
            sources = self._actors_in(set().union(set(), *(
                np_tokens(o) for o in self._prep_objects(clause, {"by"}))))
        if not sources and trigger.dep_ in {"dobj", "obj"} and trigger.head.lemma_.lower() in \
                _LIGHT_VERBS and not any(c.dep_ == "auxpass" for c in trigger.head.children):
            sources = self._subject(trigger.head)  # "Iran resumed talks with the EU"
        if not sources and trigger.dep_ == "pobj" and trigger.head.lower_ in _CIRCUMSTANCE_PREPS \
                and code[:2] not in _VIOLENT_ROOTS and trigger.head.head.pos_ in {"VERB", "AUX"} \
                and not any(
                    c.dep_ == "auxpass" for c in trigger.head.head.children):
            # "said during a visit to Britain"; not "rates rose after the attacks"
            sources = self._subject(trigger.head.head)
        target_tokens: set[int] = set(patient)
        preps = _TARGET_PREPS | ({"of"} if entry.get("possessor_is_target") else set())
        for o in self._prep_objects(trigger, preps):  # "the arrest of X" arrests X
            target_tokens |= np_tokens(o)
            if not sources:  # "an attack on the embassy by militants", "by" parsed on its object
                sources = [a for a in self._actors_in(set().union(set(), *(
                    np_tokens(b) for b in self._prep_objects(o, {"by"})))) if a]
        targets = self._actors_in(target_tokens)
        places = self._places_in(target_tokens)
        if entry.get("needs_target") and not (set(targets) - set(sources) or places):
            return None
        if entry.get("unarmed_code") and (sources or targets) and not any(
                a.sector in _ARMED for a in sources + targets):
            code = entry["unarmed_code"]  # "clashes between the two ministers": a quarrel
        return self._event(trigger, code, sources, targets, entry.get("symmetric", False), places)

    def code(self) -> list[Event]:
        events: list[Event] = []
        objects_of_events: set[int] = set()
        weapon_clauses: set[int] = set()
        by_trigger: dict[int, Event] = {}
        for token in self.doc:
            lemma = self.p.verb_forms.get(token.lower_, token.lemma_.lower())
            entry = self.p.verbs.get(lemma) or self.p.dictionary_verbs.get(lemma)
            if entry and token.pos_ in {"VERB", "AUX"}:
                event = self._verb_event(token, entry)
                if event:
                    events.append(event)
                    by_trigger[token.i] = event
                    heads = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass",
                                                                      "attr"}]
                    heads += self._prep_objects(token, set(entry.get("prep") or []))
                    if event.cameo_code[:2] in _VIOLENT_ROOTS:  # "killed in an air strike": one act
                        heads += self._harm_in(token)
                    objects_of_events |= {h.i for h in heads}
                    # "killed by a rocket fired by rebels": the firing is the killing's act
                    weapon_clauses |= {c.i for h in self._agent_phrases(token)
                                       if h.lemma_.lower() in self.p.weapons
                                       for c in h.children if c.dep_ in {"acl", "relcl"}}
        for token in self.doc:
            entry = self.p.nouns.get(token.lemma_.lower())
            if entry and token.pos_ == "NOUN" and token.i not in objects_of_events:
                event = self._noun_event(token, entry)
                if event:
                    event.confidence = round(event.confidence - 0.1, 2)
                    events.append(event)
        # "refused to sign the accord" is coded at "sign" as the refusal (CAMEO 12, refined by
        # what was refused); the bare refusal at "refused" would count it twice
        counted = {id(e) for i, e in by_trigger.items()
                   if self.doc[i].lemma_ in self.p.refusal_verbs and any(
                       c.dep_ == "xcomp" and c.i in by_trigger and not by_trigger[c.i].is_negated
                       for c in self.doc[i].children)}
        counted |= {id(e) for i, e in by_trigger.items() if i in weapon_clauses}
        return [e for e in events if id(e) not in counted]
