"""Time and place anchoring: the date and the place of the clause a trigger belongs to."""

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from pipelines.coding.arguments import PLACE_NOUNS, ClauseReader
from pipelines.coding.reading import unspecified
from pipelines.coding.records import CONFIDENCE, ActorMention, state_actor
from pipelines.places import PlaceMention
from pipelines.timex import latest_publication, resolve

_CONTEXT_VERB_DEPS = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp"}
_LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "off", "over", "across"}


class AnchoringReader(ClauseReader):
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
                if (attached == node or ent.root.head == node) \
                        and (resolved := self._resolve(ent.text)):
                    return resolved[0], resolved[1], ent.text
            if node != trigger and node.dep_ not in _CONTEXT_VERB_DEPS | {"ROOT"}:
                break
        for ent, _attached in dates:  # "In September, ...": an opening adverbial scopes over all
            if ent.start <= 1 and (resolved := self._resolve(ent.text)):
                return resolved[0], resolved[1], ent.text
        return self.published, self.precision, None

    def _resolve(self, expression: str) -> tuple[date, str] | None:
        """The date an expression gives, unless it is after the article was published: "will
        hold its 2006 conference" is said when the article is, and dated so (CAMEO codes the
        statement of a plan on the day it is reported)."""
        resolved = resolve(expression, self.published, self.precision)
        latest = latest_publication(self.published, self.precision)
        if resolved and latest is not None and resolved[0] > latest:
            return None
        return resolved

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
            if ancestor.pos_ in {"NOUN", "PROPN"} and ancestor.lemma_ not in PLACE_NOUNS:
                return None
        return None


def placed_agents(mentions: list[ActorMention], places: list[PlaceMention],
                  docs: dict[int, Doc]) -> None:
    """A group named by its sector alone and placed by its own phrase ("police in Lagos",
    "protesters in Bangkok", "the parliament in New Delhi") is that sector of the place's
    country, and so is every mention that points back to it. A named person or organization
    is not: the person or the firm's office in Moscow may be anyone's."""
    placed = {(p.sentence_index, i): p.place.country_iso3 for p in places
              if p.place and p.place.country_iso3 for i in range(p.token_start, p.token_end)}
    for m in mentions:
        actor = m.actor
        if m.resolution != "title_no_country" or actor is None or m.extra_actors \
                or actor.actor_id != unspecified(actor.sector or "").actor_id:
            continue  # a named organization or a person: its place need not be its country
        head = docs[m.sentence_index][m.token_start:m.token_end].root
        countries = {placed.get((m.sentence_index, t.i)) for prep in head.children
                     if prep.dep_ == "prep" and prep.lower_ == "in"
                     for obj in prep.children if obj.dep_ == "pobj" for t in obj.subtree}
        countries.discard(None)
        if len(countries) != 1:
            continue
        country = state_actor(countries.pop(), actor.sector)
        country = replace(country, actor_type=actor.actor_type)
        for other in mentions:
            if other.actor is actor:
                other.actor = country
                if other.resolution == "title_no_country":
                    other.resolution, other.confidence = "title_placed", CONFIDENCE["title_placed"]
