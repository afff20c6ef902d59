"""Within-article coreference: pronouns and definite descriptions to the persons they name,
"the two countries" to the two states most mentioned, a quoted "we" to the speaker's country."""

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipelines.coding.records import CONFIDENCE, Actor, ActorMention, state_actor
from pipelines.lexicon import Lexicon

_PAIR_PHRASES = re.compile(r"^(the two|both) (countries|nations|states|sides|neighbors|neighbours|"
                           r"governments|allies|capitals)$", re.IGNORECASE)
_SPEECH_VERBS = {"say", "tell", "quote", "add", "state", "note", "insist", "warn", "write",
                 "declare", "announce", "stress", "claim", "argue", "accuse", "urge", "ask"}


# A quoted first person singular is the quote's speaker; both kinds wait for the speaker.
_SPEAKER_PRONOUNS = frozenset({"i", "me"})

# What a name's honorific or a holder's title says of whom "he" or "she" may point back to.
_GENDER_WORDS = {
    "m": {"mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
          "businessman", "sultan", "emir"},
    "f": {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "baroness", "queen", "princess",
          "spokeswoman", "chairwoman", "congresswoman", "businesswoman"}}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


def mention_gender(m: ActorMention, doc: Doc) -> str | None:
    """"m" or "f" when the mention's honorific ("Ms Short") or title ("the spokeswoman") says."""
    words = [doc[m.token_start - 1].lower_] if m.token_start > 0 else []
    words += [doc[m.token_start].lower_] + (m.title or "").lower().split()
    return next((g for g, known in _GENDER_WORDS.items() if known.intersection(words)), None)
_PENDING, _PENDING_SELF = "quote_pending", "quote_pending_self"

# Verbs whose "it" is usually no actor: "it seems", "it takes", "it emerged".
_EXPLETIVE_HEADS = {"be", "seem", "appear", "take", "remain", "become", "emerge", "matter",
                    "happen", "follow", "mean", "make", "look", "cost"}


def one_person(m: ActorMention, doc: Doc) -> bool:
    """Whether a mention names one person a "he" or "she" may point back to: a person by name,
    or one holder of a country's title ("the French foreign minister", "Iran's envoy"); not a
    plural ("ministers"), a state, or a title of no country ("a burglar", "the union leader"),
    which too often is not whom the article goes on about."""
    if m.actor is None:
        return False
    if m.actor.actor_type == "person":
        return True
    return bool(m.title) and m.actor.actor_type != "state" and bool(m.actor.country_iso3) \
        and doc[m.token_end - 1].tag_ == "NN"


def _subject_verb(pronoun: Token) -> Token:
    """The verb whose subject an object pronoun's clause has: its own verb ("accused it"), or
    the first of verbs joined by "and" ("met X and praised him")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return verb


class CoreferenceReader:
    """What an article's reader keeps to resolve references, and how it resolves them."""

    lx: Lexicon
    mentions: list[ActorMention]
    _last_persons: list[ActorMention]
    _last_collective: ActorMention | None
    person_titles: dict[str, str]
    paragraph_speaker: dict[int, Actor]
    persons: dict[str, Actor]
    genders: dict[str, str]  # actor_id -> "m" or "f", from honorifics and titles seen

    def _latest_person_with_title(self, current: list[ActorMention], title: str
                                  ) -> ActorMention | None:
        head = title.split()[-1]
        for m in reversed(self.mentions + current):
            if m.actor and m.actor.actor_type == "person" and head in (
                    self.person_titles.get(m.actor.actor_id) or ""):
                return m
        return None

    def _pronouns(self, doc, sentence_index, quotes, found, consumed, mention) -> None:
        for m in found:
            if m.actor and (gender := mention_gender(m, doc)):
                self.genders.setdefault(m.actor.actor_id, gender)
        for token in doc:
            if token.i in consumed:
                continue
            lower = token.lower_
            if lower in self.lx.person_pronouns and token.pos_ == "PRON" or lower == "his":
                # "Mr Blair met Ms Short. She said ...": not a person known to be the other
                other = {"m": "f", "f": "m"}.get(_PRONOUN_GENDER.get(lower, ""))
                mismatched = {m.actor for m in found + self._last_persons if m.actor
                              and self.genders.get(m.actor.actor_id) == other}
                antecedent = self._pronoun_antecedent(
                    [f for f in found if f.token_start < token.i and one_person(f, doc)],
                    self._clause_subject(token, found) | mismatched)
                if antecedent:
                    mention(token.i, token.i + 1, antecedent.actor, "coreference",
                            antecedent_text=antecedent.text)
            elif lower in self.lx.group_pronouns | _SPEAKER_PRONOUNS and any(
                    q0 <= token.idx < q1 for q0, q1 in quotes):
                # Resolved once the quote's speaker is known: a quoted "we" is the speaker's
                # country, a quoted "I" the speaker.
                m = mention(token.i, token.i + 1, None, "unresolved")
                m.resolution = _PENDING_SELF if lower in _SPEAKER_PRONOUNS else _PENDING
            elif lower == "it" and token.dep_ in {"dobj", "pobj"}:
                # "BT's rivals accused it of ...", "quit the party and accused it of ...": the
                # latest organization or party named before it that its verb's subject is not
                subject = self._subject_heads(token, found)
                named = [m for m in found if m.token_start < token.i and m.actor
                         and m.actor.actor_type == "organization" and m.actor not in subject]
                if named:
                    mention(token.i, token.i + 1, named[-1].actor, "coreference",
                            antecedent_text=named[-1].text)
            elif lower == "them" and token.dep_ in {"dobj", "pobj", "dative"}:
                # "arrested ten protesters and beat them", "the army had attacked them, the
                # rebels said": the latest group named in the sentence that its verb's subject
                # is not; else the last sentence's subject, if a group
                subject = self._subject_heads(token, found) | self._controllers(token, found)
                named = [m for m in found if m.token_start < token.i and m.actor
                         and not subject.intersection(m.actors) and (len(m.actors) > 1 or (
                             m.actor.actor_type in {"group", "organization"}
                             and doc[m.token_end - 1].tag_ in {"NNS", "NNPS"}))]
                group = named[-1] if named else None
                if group is None and self._last_collective and not subject and \
                        self._last_collective.actor.actor_type == "group":
                    group = self._last_collective
                if group:
                    mention(token.i, token.i + 1, group.actors[0], "coreference",
                            extra_actors=group.actors[1:], antecedent_text=group.text)
            elif lower in {"they", "we", "it"} and token.dep_ == "nsubj":
                speakers = self._speaker_of_complement(token, found)
                if lower == "it" and any(a.actor_type == "person" for a in speakers):
                    speakers = []  # "it" is no person: "Iran said it would ..." is Iran
                opening = token.i <= 1 or (token.head.dep_ == "ROOT" and not any(
                    m.token_start < token.i for m in found))  # "Earlier this month it sued"
                if not speakers and lower == "it" and opening and self._last_collective \
                        and token.head.pos_ == "VERB" and token.head.lemma_ not in _EXPLETIVE_HEADS:
                    # "The firm rejected the offer. It said ...": the last sentence's subject
                    speakers = [self._last_collective.actor]
                elif not speakers and lower == "they" and token.head.pos_ == "VERB":
                    speakers = self._they(token, found, opening)
                elif not speakers and lower == "it" and not opening:
                    # "Shares in Barclays rose after a report that it had held talks": the
                    # latest organization named before it in the sentence (never a person;
                    # a state's "it" is its speech's, above)
                    named = [m for m in found if m.token_start < token.i and m.actor
                             and m.actor.actor_type == "organization"]
                    speakers = [named[-1].actor] if named else []
                if speakers:  # "Russia and China said they would veto it": the speakers
                    mention(token.i, token.i + 1, speakers[0], "coreference",
                            extra_actors=speakers[1:],
                            antecedent_text="; ".join(a.name for a in speakers))
        lowered = doc.text.lower()
        if "the two " not in lowered and "both " not in lowered:
            return  # no pair phrase ("the two countries", "both sides"): skip the windows
        pairs = [(n, n + width) for width in (3, 2) for n in range(len(doc) - width + 1)]
        for n, end in pairs:
            span = doc[n:end]
            if _PAIR_PHRASES.match(span.text) and not consumed.intersection(range(n, end)):
                # The two most-mentioned states among those of this and the previous sentence;
                # of two mentioned as often, the one named first (not a set's order, which
                # changes from one process to the next).
                recent = list(dict.fromkeys(
                    m.actor for m in self.mentions + found if m.actor
                    and m.actor.actor_type == "state" and m.sentence_index >= sentence_index - 1))
                counts = {a: sum(1 for m in self.mentions + found if m.actor == a) for a in recent}
                states = sorted(recent, key=lambda a: -counts[a])[:2]
                if len(states) == 2:
                    mention(n, end, states[0], "coreference", extra_actors=[states[1]],
                            antecedent_text=f"{states[0].name}; {states[1].name}")

    def _reported_sectors(self, doc: Doc, found: list[ActorMention]) -> None:
        """A group of no country that a speaker of its kind reports on is the speaker's: "the
        Pakistani army said troops had killed ..." (PAKMIL), "Kenyan police said officers ..."."""
        for m in found:
            if m.resolution != "title_no_country" or m.actor is None or not m.actor.sector:
                continue
            root = doc[m.token_start:m.token_end].root
            if root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            countries = {a.country_iso3 for a in self._speaker_of_complement(root, found)
                         if a.sector == m.actor.sector and a.country_iso3}
            if len(countries) == 1:
                m.actor = state_actor(countries.pop(), m.actor.sector)
                m.resolution, m.confidence = "coreference", CONFIDENCE["coreference"]

    def _appositions(self, doc: Doc, found: list[ActorMention]) -> None:
        """A person in apposition to a titled actor is that actor: "The US commander in Iraq,
        General David Petraeus," is one person, coded USAMIL when the name alone says less."""
        for person in [m for m in found if m.actor and m.actor.actor_type == "person"]:
            root = doc[person.token_start:person.token_end].root
            if root.dep_ != "appos":
                continue
            titled = next((m for m in found if m is not person and m.actor
                           and m.actor.actor_type != "person"
                           and m.token_start <= root.head.i < m.token_end), None)
            if titled is None or not titled.actor.sector:
                continue
            actor = person.actor
            if not actor.country_iso3 and (titled.actor.country_iso3 or not actor.actor_code):
                actor = replace(actor, actor_code=titled.actor.actor_code,
                                country_iso3=titled.actor.country_iso3,
                                sector=titled.actor.sector)
                for key, known in list(self.persons.items()):
                    if known == person.actor:
                        self.persons[key] = actor
                for m in found:
                    if m.actor == person.actor:
                        m.actor = actor
                person.resolution = "title" if actor.country_iso3 else "title_no_country"
                person.confidence = CONFIDENCE[person.resolution]
            titled.actor, titled.resolution = actor, "coreference"
            titled.confidence, titled.antecedent_text = CONFIDENCE["coreference"], person.text

    def _they(self, token, found: list[ActorMention], opening: bool) -> list[Actor]:
        """A subject "they" with no speech verb to lean on: the latest plural group that is a
        subject before it in the sentence ("Opposition parties want ... but they accuse ministers");
        opening a sentence, the last sentence's subject if a group or an organization
        ("Shareholders United ... . They have opposed any takeover"); never one state."""
        doc = token.doc
        named = [m for m in found if m.token_start < token.i and m.actor and m.is_subject
                 and m.actor.actor_type in {"group", "organization"}
                 and doc[m.token_end - 1].tag_ == "NNS"]
        if named:
            return list(named[-1].actors)
        if opening and self._last_collective and \
                self._last_collective.actor.actor_type in {"group", "organization"}:
            return [self._last_collective.actor]
        return []

    @staticmethod
    def _speaker_of_complement(token, found: list[ActorMention]) -> list[Actor]:
        """The actors of the subject of the speech verb whose complement a pronoun opens."""
        clause = token.head
        while clause.dep_ == "conj":
            clause = clause.head
        governor = clause.head
        if clause.dep_ != "ccomp" or governor.lemma_ not in _SPEECH_VERBS or token.i < governor.i:
            return []  # "They shelled it, officials said": "they" were named before
        subjects = {t.i for c in governor.children if c.dep_ == "nsubj" for t in c.subtree}
        actors: list[Actor] = []
        for m in found:
            if subjects.intersection(range(m.token_start, m.token_end)):
                actors += [a for a in m.actors if a not in actors]
        return actors

    @staticmethod
    def _controllers(token, found: list[ActorMention]) -> set[Actor]:
        """The subjects of the clauses that hold an object pronoun's verb without a speech
        verb between ("the authorities felt the need to detain them": not the authorities;
        "the rebels said the army attacked them" may be the rebels)."""
        verb, heads = _subject_verb(token), set()
        while verb.dep_ in {"xcomp", "acl", "advcl", "conj", "pcomp", "pobj", "prep", "dobj"} \
                and verb.head is not verb:
            verb = verb.head
            heads |= {c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
        return {a for m in found if heads.intersection(range(m.token_start, m.token_end))
                for a in m.actors}

    @staticmethod
    def _subject_heads(token, found: list[ActorMention]) -> set[Actor]:
        """The actors whose mention holds the head of the subject of a pronoun's verb (not a
        possessor in it: "BT's rivals accused it" leaves BT free)."""
        heads = {c.i for c in _subject_verb(token).children if c.dep_ in {"nsubj", "nsubjpass"}}
        return {a for m in found if heads.intersection(range(m.token_start, m.token_end))
                for a in m.actors}

    @staticmethod
    def _clause_subject(token, found: list[ActorMention]) -> set[Actor]:
        """For an object pronoun ("accused him", "spoke to her"), the actors of its verb's
        subject, which the pronoun cannot be: a reflexive would have been used."""
        if token.lower_ not in {"him", "her", "them"} or token.tag_ == "PRP$":
            return set()
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in {"dobj", "dative", "pobj"} or governor.pos_ not in {"VERB", "AUX"}:
            return set()
        subject = {t.i for c in _subject_verb(token).children if c.dep_ == "nsubj"
                   for t in c.subtree}
        return {a for m in found if subject.intersection(range(m.token_start, m.token_end))
                for a in m.actors}

    def _pronoun_antecedent(self, earlier_here: list[ActorMention],
                            excluded: set[Actor] = frozenset()) -> ActorMention | None:
        """The person a pronoun points to: in this sentence the latest person before it; else,
        in the latest sentence with a person, its subject, or its first person. Persons are
        named or titled (`one_person`); `earlier_here` holds this sentence's, before the
        pronoun. `excluded` actors (an object pronoun's own subject) are never the antecedent."""
        here = [m for m in earlier_here if m.actor not in excluded]
        if here:
            return here[-1]
        last_sentence = [m for m in self._last_persons if m.actor not in excluded]
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
                    # the subject phrase's actor ("said the Iraqi minister Ali Hassan")
                    candidates = [m for m in found if m.token_start <= child.right_edge.i
                                  and child.left_edge.i < m.token_end
                                  and m.actor and m.actor.actor_type != "media"]
                    if candidates:
                        speaker = candidates[0].actor
        if speaker:
            self.paragraph_speaker[paragraph_index] = speaker
        speaker = speaker or self.paragraph_speaker.get(paragraph_index)
        for m in found:
            if m.resolution in {_PENDING, _PENDING_SELF}:
                if speaker is None:
                    m.resolution, m.confidence = "unresolved", 0.0
                    continue
                actor = speaker
                if m.resolution == _PENDING and speaker.actor_type == "person" \
                        and speaker.country_iso3:
                    actor = state_actor(speaker.country_iso3)
                m.actor, m.resolution, m.confidence = actor, "coreference", CONFIDENCE["coreference"]
                m.antecedent_text = speaker.name

    def finish(self) -> list[ActorMention]:
        """Resolve pending quotes that found no speaker in their paragraph."""
        for m in self.mentions:
            if m.resolution in {_PENDING, _PENDING_SELF}:
                m.resolution, m.confidence = "unresolved", 0.0
        return self.mentions
