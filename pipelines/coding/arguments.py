"""Arguments of a trigger read off the dependency parse: subjects, passive agents, objects,
prepositional phrases and the actors and places inside them."""

from datetime import date

from spacy.tokens import Doc, Token

from pipelines.coding.dictionaries import patterns
from pipelines.coding.records import Actor, ActorMention
from pipelines.places import PlaceMention

_TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "between",
                 "upon", "over", "about"}
_NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "appos", "npadvmod", "cc",
            "punct", "prep", "pobj"}

# Nouns a place name may hang from and still place the clause ("the island of Jeju"), and that
# name where an act happens, not what it acts on ("arrested protesters in the city").
PLACE_NOUNS = {"island", "city", "town", "village", "region", "province", "state", "coast",
               "waters", "border", "capital", "port", "area", "district", "outskirts",
               "east", "west", "north", "south", "part", "centre", "center", "heart"}


def _locative(token: Token) -> bool:
    """A place, or a noun that names one ("the city"): where something happens."""
    return token.lemma_.lower() in PLACE_NOUNS or token.ent_type_ in {"GPE", "LOC", "FAC"}


# Prepositions whose gerund shares the clause's subject.
_TIME_PREPS = {"after", "before", "while", "since", "without", "upon", "when"}


def np_tokens(head: Token) -> set[int]:
    """A noun phrase's tokens: modifiers and conjuncts, not clauses."""
    tokens = {head.i}
    for child in head.children:
        is_modifier = child.dep_ in _NP_DEPS and not (child.dep_ == "prep" and child.lower_ != "of")
        if is_modifier or child.dep_ == "conj":
            tokens |= np_tokens(child)
    return tokens


_CLAUSES = {"acl", "relcl", "advcl", "ccomp", "parataxis"}
# Verbs whose object does not do what their "to" clause says: "promised him to return".
_SUBJECT_CONTROL = {"promise", "pledge", "vow"}
# Verbs whose object noun's "to" clause is their subject's act: "Egypt made a bid to broker a
# truce", "Shell announced plans to cut jobs" (not "Iran rejected a proposal to hold talks").
# ("had a duty to investigate", "has the right to criticise": no act, whoever has it)
_LIGHT_VERBS = {"make", "launch", "announce", "unveil", "submit", "present", "issue", "renew",
                "repeat", "table", "lodge", "outline", "step"}
# What someone issues, writes or gives that can itself urge, condemn or accuse: "issued a
# statement condemning X" is the issuer's condemnation.
_UTTERANCES = {"statement", "speech", "letter", "report", "communique", "declaration", "message",
               "resolution", "motion", "note", "article", "interview", "address", "petition",
               "billboard", "advert", "advertisement", "campaign", "leaflet", "broadcast"}


# Nouns for people defined by whom they stand against: "critics of the government", "BT's
# rivals" are not the government or BT.
_COUNTERPARTS = {"critic", "opponent", "rival", "competitor", "enemy", "foe", "detractor",
                 "adversary", "challenger"}


def countered_tokens(head: Token) -> set[int]:
    """The tokens of whom a counterpart noun stands against: its possessor or "of" phrase."""
    if head.lemma_.lower() not in _COUNTERPARTS:
        return set()
    tokens: set[int] = set()
    for child in head.children:
        if child.dep_ == "poss":
            tokens |= np_tokens(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            tokens |= {t.i for o in child.children if o.dep_ == "pobj" for t in o.subtree}
    return tokens


def countered_actors_tokens(verb: Token) -> set[int]:
    """What the subjects of a verb stand against ("Opponents of the Senate protested")."""
    return set().union(set(), *(countered_tokens(c) for c in verb.children if c.dep_ == "nsubj"))


def phrase_tokens(head: Token) -> set[int]:
    """A phrase's tokens down to, not into, the clauses inside it; a participle describing a
    noun stays in ("its predecessor, led by X")."""
    tokens = {head.i}
    for child in head.children:
        if child.dep_ not in _CLAUSES or (child.dep_ == "acl" and child.tag_ == "VBN"):
            tokens |= phrase_tokens(child)
    return tokens


class ClauseReader:
    """One parsed sentence with its actor and place mentions, read around a trigger."""

    def __init__(self, doc: Doc, sentence_index: int, char_offset: int,
                 actors: list[ActorMention], places: list[PlaceMention],
                 published: date | None, precision: str):
        self.doc, self.index, self.offset = doc, sentence_index, char_offset
        self.actors = [m for m in actors if m.actors and not (
            m.actor and m.actor.actor_type == "media")]
        self.places = places
        self.published, self.precision = published, precision
        self.p = patterns()

    def _actors_in(self, tokens: set[int]) -> list[Actor]:
        found: list[Actor] = []
        for m in self.actors:
            if tokens.intersection(range(m.token_start, m.token_end)):
                for actor in m.actors:
                    if actor not in found:
                        found.append(actor)
        return found

    def _places_in(self, tokens: set[int]) -> list[PlaceMention]:
        """Places named among the tokens, as a verb's object or target: not those placed only
        at a container ("helped Mombasa Township win": a team's name, its town a guess)."""
        return [p for p in self.places if p.place and p.resolution != "container"
                and tokens.intersection(range(p.token_start, p.token_end))]

    def _subject(self, verb: Token) -> list[Actor]:
        node, raised = verb, False
        for _ in range(3):
            # "X is expected to attack", "X was criticised and agreed": a passive governor's
            # subject does it
            deps = {"nsubj", "expl", "nsubjpass"} if raised else {"nsubj", "expl"}
            subjects = [c for c in node.children if c.dep_ in deps]
            if subjects and node.dep_ == "relcl" and all(
                    c.tag_ in {"WDT", "WP"} for c in subjects):
                subjects = [node.head]  # "the party, which accused him": the party accused
            if subjects:
                actors = self._actors_in(set().union(*(np_tokens(s) for s in subjects)))
                against = self._actors_in(set().union(*(countered_tokens(s) for s in subjects)))
                actors = [a for a in actors if a not in against] if against else actors
                if not actors and node is not verb and verb.dep_ == "conj" \
                        and node.dep_ == "ccomp" and node.head.pos_ == "VERB" and not any(
                            t.pos_ == "PROPN" for s in subjects for t in s.subtree):
                    # "X said the image was insensitive but urged people ...": the parser
                    # joins "urged" to the reported clause; the speaker urged
                    node, raised = node.head, False
                    continue
                return actors
            if node.dep_ == "advcl" and node.tag_ == "VBG" and any(
                    c.dep_ == "auxpass" for c in node.head.children) and (
                    agent := self._agent(node.head)):
                # "a complaint was made by the Board, demanding an inquiry": the Board demands
                return agent
            controller = [c for c in node.head.children if c.dep_ in {"dobj", "obj"}] \
                if node.dep_ == "xcomp" and node.head.lemma_ not in _SUBJECT_CONTROL else []
            controllers = self._actors_in(np_tokens(controller[0])) if controller else []
            if controllers:
                # "convinced GM to back away", "forced Yukos to sell": the object does it
                # ("used tear gas to disperse": a thing does nothing; the subject does)
                return controllers
            if node.dep_ in {"xcomp", "conj", "advcl"} and node.head.pos_ in {"VERB", "AUX"}:
                raised = node.dep_ in {"xcomp", "conj"}
                node = node.head
                continue
            if node.dep_ == "xcomp" and node.head.pos_ == "ADJ" and node.head.dep_ == "acomp" \
                    and node.head.head.pos_ in {"VERB", "AUX"}:
                # "Labour was right to reject", "he is due to meet": the copula's subject
                raised, node = True, node.head.head
                continue
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in \
                    _TIME_PREPS and node.head.head.pos_ in {"VERB", "AUX"}:
                # "resigned after criticising the party": who resigned ("jailed him for
                # helping", "accused them of spying": the object did it, not the subject)
                raised = False
                node = node.head.head
                continue
            if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
                return self._actors_in(np_tokens(node.head))
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in _UTTERANCES:
                return self._utterer(node.head)
            if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                          for c in node.children):
                # "Labour's plans to give", "a bid by Glazer to buy the club": the owner acts
                owners = [c for c in node.head.children if c.dep_ == "poss"]
                owners += self._prep_objects(node.head, {"by"})
                found = self._actors_in(set().union(set(), *(np_tokens(o) for o in owners)))
                noun = node.head
                if not found and noun.dep_ in {"dobj", "obj"} and \
                        noun.head.lemma_.lower() in _LIGHT_VERBS:
                    # "Egypt made a bid to broker a truce": who made it
                    node, raised = noun.head, False
                    continue
                return found
            break
        return []

    def _utterer(self, noun: Token) -> list[Actor]:
        """Who issued a statement, gave a speech, put up a billboard: the noun's possessor or
        "by" phrase, else the subject of the verb it is the object of ("opened with a speech",
        "unveiled a billboard")."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        owners += self._prep_objects(noun, {"by", "from"})
        if owners:
            return self._actors_in(set().union(*(np_tokens(o) for o in owners)))
        # "a British National Party leaflet": the party named in front of it
        named = self._actors_in({c.i for c in noun.children if c.dep_ == "compound"})
        if named:
            return named
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in {"dobj", "obj", "pobj"} and verb.pos_ in {"VERB", "AUX"} and not any(
                c.dep_ == "auxpass" for c in verb.children):
            return self._subject(verb)
        return []

    @staticmethod
    def _agent_phrases(verb: Token) -> list[Token]:
        """The objects of a passive's first "by" phrase (the parser's agent, or a "by" prep)."""
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                return [g for g in child.children if g.dep_ == "pobj"]
        return []

    def _agent(self, verb: Token) -> list[Actor]:
        heads = self._agent_phrases(verb)
        found = self._actors_in(set().union(set(), *(np_tokens(o) for o in heads)))
        if found:
            return found
        # "killed by a bomb planted by militants", "shot down by a missile fired by rebels",
        # "hit by rockets that Hamas fired": the weapon's own doer did it
        for head in heads:
            if head.lemma_.lower() not in self.p.weapons:
                continue
            for clause in head.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBN":
                    found = self._agent(clause)
                elif clause.dep_ == "relcl" and clause.pos_ == "VERB":
                    found = self._subject(clause) or self._agent(clause)
                if found:
                    return found
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
                                                          "oprd", "dative", "acomp"}]
        own = set(preps or [])
        heads += self._prep_objects(trigger, own | {"for", "of", "on"})
        # "in" names what is done ("engaged in talks") unless it names where: "arrested
        # protesters in the city" seized no city
        heads += [o for o in self._prep_objects(trigger, {"in"} - own) if not _locative(o)]
        if trigger.dep_ == "acl" or zero_relative(trigger):
            heads.append(trigger.head)  # "a target he has met": what was met
        # a compound first, that a two-word object can undo the head's code ("issued a
        # profit warning" threatens no one)
        lemmas = [f"{c.lemma_.lower()} {h.lemma_.lower()}" for h in heads for c in h.children
                  if c.dep_ == "compound"]
        lemmas += [h.lemma_.lower() for h in heads]
        for h in heads:
            lemmas += [t.lemma_.lower() for t in self._prep_objects(h, {"of", "for"})]
            lemmas += [c.lemma_.lower() for c in h.children if c.dep_ in {"compound", "amod"}]
        # then a dictionary pattern's prepositional object ("meet with leaders"): after the
        # words alone, which the overlay's object words match however they are attached
        lemmas += [f"{h.head.lower_} {h.lemma_.lower()}" for h in self._prep_objects(
            trigger, {c.lower_ for c in trigger.children if c.dep_ == "prep"})]
        return lemmas
    def _agent_lemmas(self, trigger: Token, passive: bool) -> set[str]:
        """Lemmas of the doer's noun phrase: the subject, or a passive's by-phrase."""
        lemmas: set[str] = set()
        for head in self._doer_heads(trigger, passive):
            lemmas |= {self.doc[i].lemma_.lower() for i in np_tokens(head)}
            lemmas |= {t.lemma_.lower() for t in self._prep_objects(head, {"at", "in", "of"})}
        return lemmas

    def _doer_heads(self, trigger: Token, passive: bool) -> list[Token]:
        """The head nouns of the doer: the subject, or a passive's by-phrase."""
        if passive:
            heads = self._agent_phrases(trigger)
        else:
            node = trigger
            heads = [c for c in node.children if c.dep_ == "nsubj"]
            while not heads and (node.dep_ in {"conj", "xcomp"} or (
                    node.dep_ == "pcomp" and node.head.lower_ in _TIME_PREPS)):
                # "lost 25% before rallying", "fell and then rallied": the clause's subject
                node = node.head.head if node.dep_ == "pcomp" else node.head
                heads = [c for c in node.children if c.dep_ == "nsubj"]
            if node.dep_ == "relcl" and any(h.tag_ in {"WDT", "WP"} for h in heads):
                heads = [node.head]  # "the waves which killed 30,000": the waves did
        return heads

    def _with_lemmas(self, trigger: Token) -> set[str]:
        """Lemmas of instruments: "with a car bomb", "using drones"."""
        heads = self._prep_objects(trigger, {"with"})
        return {self.doc[i].lemma_.lower() for h in heads for i in np_tokens(h)}


def zero_relative(verb: Token) -> bool:
    """A relative clause with its own subject and no object word: the noun it describes is
    what the verb is done to ("the target he met"; not "the man who left", "the day he met",
    nor "the plans it has announced:", whose object the colon opens)."""
    return verb.dep_ == "relcl" and verb.head.ent_type_ not in {"DATE", "TIME"} and any(
        c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} and c.lower_ != "that"
        for c in verb.children) and not any(
        c.dep_ in {"dobj", "obj", "ccomp", "xcomp"} or c.tag_ in {"WP", "WDT", "WRB"}
        for c in verb.children) and not (verb.i + 1 < len(verb.doc)
                                         and verb.doc[verb.i + 1].text == ":")
