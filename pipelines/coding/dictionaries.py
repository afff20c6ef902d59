"""The event coder's dictionaries: the overlay (data/event_patterns.yaml) with the PETRARCH2
verb dictionary's object words merged in, loaded once and validated."""

from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

from pipelines import datafiles
from schemas.taxonomy import cameo_codes


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
    # Verbs of the PETRARCH2 dictionary the overlay lacks: an event only with one of their object
    # words and with both a source and a target; read after the overlay's verbs.
    dictionary_verbs: dict = field(default_factory=dict)
    claim_verbs: frozenset[str] = frozenset()
    # "refused to sign": the act is refused, not done; "denied attacking": denied, not done;
    # "accused X of attacking": alleged, not done
    refusal_verbs: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    prevention_verbs: frozenset[str] = frozenset()
    # "failed to reach a deal", "its refusal to sign": an act that did not happen
    failure_verbs: frozenset[str] = frozenset()
    failure_nouns: frozenset[str] = frozenset()
    # "its threat to attack", "an offer to mediate": noun -> the verb whose role it plays
    verb_nouns: dict[str, str] = field(default_factory=dict)

    @cached_property
    def weapons(self) -> frozenset[str]:
        """Words that name a weapon alone ("bomb", "missile"; not the "gas" of "tear gas")."""
        return frozenset().union(*(lemmas for lemmas, _code in self.instruments
                                   if len(lemmas) == 1))


@cache
def patterns() -> _Patterns:
    raw = datafiles.load("event_patterns.yaml").model_dump(exclude_unset=True)
    filed_once = _filed_once(datafiles.load("petrarch_verbs.csv"))
    raw["verbs"] = petrarch_refinements(raw["verbs"], filed_once)
    for lemma, entry in list(raw["verbs"].items()):  # "apologised", "recognised", "analysed"
        if lemma.endswith(("ize", "yze")):
            raw["verbs"].setdefault(lemma[:-2] + "se", entry)
    return _Patterns(raw["verbs"], raw["nouns"], frozenset(raw["intent_verbs"]),
                     frozenset(raw["threat_verbs"]), frozenset(raw["appeal_verbs"]),
                     raw["intent_codes"], raw["negated_codes"], frozenset(raw["non_agents"]),
                     tuple((frozenset(i["lemmas"]), i["code"]) for i in raw["instruments"]),
                     frozenset(raw["demand_verbs"]),
                     frozenset(raw["appeal_verbs"]) | frozenset(raw["demand_verbs"]),
                     raw["threat_codes"],
                     {form: lemma for lemma, entry in raw["verbs"].items()
                      for form in entry.get("forms", [])},
                     dictionary_verbs(filed_once, set(raw["verbs"]) | set(raw["appeal_verbs"])
                                      | set(raw["demand_verbs"]) | set(raw["intent_verbs"])
                                      | set(raw["threat_verbs"]) | set(raw["claim_verbs"])),
                     frozenset(raw["claim_verbs"]),
                     refusal_verbs=frozenset(raw["refusal_verbs"]),
                     denial_verbs=frozenset(raw["denial_verbs"]),
                     allegation_verbs=frozenset(raw["allegation_verbs"]),
                     prevention_verbs=frozenset(raw["prevention_verbs"]),
                     failure_verbs=frozenset(raw["failure_verbs"]),
                     failure_nouns=frozenset(raw["failure_nouns"]),
                     verb_nouns=raw.get("verb_nouns", {}))


# Roots of material conflict whose doer must be someone: a flood or a fire is no assault.
_VIOLENT_ROOTS = {"17", "18", "19", "20"}


def _filed_once(rows: list) -> list:
    """The verbs of the PETRARCH2 verb dictionary filed in one block only: a verb filed in several
    blocks needs its patterns read in context."""
    filed = Counter(row.verb for row in rows)
    return [row for row in rows if filed[row.verb] == 1]


def _usable(object_codes: dict[str, str]) -> dict[str, str]:
    """Object words whose code casus can publish: no statements (root 01), and none of the codes
    CAMEO 2.0 added that the taxonomy casus publishes lacks ("hack" + computer -> 176)."""
    known = cameo_codes()  # cached
    return {w: c for w, c in object_codes.items() if c[:2] != "01" and c in known}


def petrarch_refinements(overlay: dict[str, dict], rows: list) -> dict[str, dict]:
    """The overlay's verbs with the object words the PETRARCH2 CAMEO verb dictionary gives them
    ("kill" + demonstrator -> 175), where the overlay has none for that word.

    Only verbs the dictionary files once are read (a verb filed in several blocks needs its
    patterns read in context), and no verb of the dictionary becomes a trigger of its own: taken
    with their block's default code, they tripled the events on BBC articles and about half of a
    sample had the wrong type. That waits for a pattern engine that reads the whole patterns.
    Statements (root 01) are left out. `rows`: the verbs the dictionary files once."""
    merged = dict(overlay)
    for row in rows:
        entry = overlay.get(row.verb)
        if entry is None:
            continue
        extra = _usable(row.object_codes())
        if extra:
            merged[row.verb] = {**entry, "objects": {**extra, **(entry.get("objects") or {})}}
    return merged


def dictionary_verbs(rows: list, overlay: set[str]) -> dict[str, dict]:
    """Verbs of the PETRARCH2 CAMEO verb dictionary that the overlay lacks (as a trigger, or as an
    appeal, demand, intent or threat verb, whose complement the overlay's rules read), with
    their object words ("present" + evidence -> 1124, "claim" + responsibility -> 015) and no
    code of their own: the verb alone is no event. `rows`: the verbs the dictionary files once;
    statements (root 01) are left out.

    Their blocks' default codes were tried as events and dropped: on BBC articles about 3 in 25
    were the right type ("argued" 110, "wanted" 030)."""
    found: dict[str, dict] = {}
    for row in rows:
        if row.verb in overlay:
            continue
        objects = _usable(row.object_codes())
        if objects:
            found[row.verb] = {"code": None, "objects": objects, "dyadic": True}
            if (row.code or "").startswith("01"):
                # a verb of saying ("say", "announce", "declare") is refined by what it
                # states outright ("declared war"), not by a word of its setting or its
                # report ("said in his budget message", "said advocates for reform ...")
                found[row.verb]["direct_objects_only"] = True
    return found

