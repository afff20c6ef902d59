"""The clause around a trigger: negation, intent, threat and condition, and what a threat of an
act is coded as."""

from spacy.tokens import Token

from pipelines.coding.arguments import ClauseReader

# Verbs that declare what their subject will do: "said it would send aid" is an intent (033).
_DECLARING_VERBS = {"say", "announce", "declare", "state", "tell", "add", "insist", "confirm"}


class ModalityReader(ClauseReader):
    def _noun_verb(self, trigger: Token) -> str | None:
        """The verb a noun governing the trigger's "to" clause acts as ("threat" threaten,
        "offer", "demand"): "its threat to attack Guam", "a demand for Turkey to recognise
        Cyprus" (whose clause the parser may hang elsewhere), or None."""
        clause = trigger
        while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
            clause = clause.head
        to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is None:
            return None
        noun = clause.head if clause.dep_ in {"acl", "relcl"} else None
        before = trigger.doc[to.i - 1] if to.i > 0 else None
        if before is not None and before.dep_ == "pobj" and before.head.lower_ == "for":
            noun = before.head.head  # "a call for Israel to withdraw"
        if noun is None or noun.pos_ != "NOUN":
            return None
        return self.p.verb_nouns.get(noun.lemma_.lower())

    def _modality(self, trigger: Token) -> tuple[str, bool]:
        negated = any(c.dep_ == "neg" for c in trigger.children)
        modality = "asserted"
        node = trigger
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children):
            modality = "conditional"
        if (verb := self._noun_verb(trigger)) in self.p.threat_verbs:
            return "threatened", negated
        if verb in self.p.intent_verbs:
            return "intended", negated
        while node.dep_ in {"xcomp", "ccomp"} and node.head.pos_ in {"VERB", "AUX"}:
            governor = node.head
            negated = negated or any(c.dep_ == "neg" for c in governor.children)
            if governor.lemma_ in self.p.refusal_verbs and node.dep_ == "xcomp":
                negated = not negated  # "refused to sign": not signed; "never refused to"
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
        """Whether the act is one someone intends: under "want/plan/pledge to", or declared in
        the future ("said they would attack"), which CAMEO codes as intent (03) or threat (13)."""
        if trigger.dep_ == "xcomp" and trigger.head.lemma_ in self.p.intent_verbs or \
                self._noun_verb(trigger) in self.p.intent_verbs:
            return True
        return trigger.dep_ == "ccomp" and trigger.head.lemma_ in _DECLARING_VERBS and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"}
            for c in trigger.children)

    def _threat_of(self, code: str) -> str:
        """The threat of an act: CAMEO codes "threatened to cut aid" (162) as 1311."""
        for length in (4, 3, 2):
            if code[:length] in self.p.threat_codes:
                return self.p.threat_codes[code[:length]]
        return "130"
