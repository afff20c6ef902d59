"""The typed records the coder passes on: actors, their mentions in a sentence, and events."""

import re
from dataclasses import dataclass, field
from datetime import date

from pipelines.lexicon import lexicon
from pipelines.places import PlaceMention
from schemas.fields import ISO3_CODES, SECTORS

# Confidence by how a mention was resolved.
CONFIDENCE = {"dictionary": 0.95, "office": 0.95, "title": 0.85, "title_placed": 0.7,
              "title_no_country": 0.6,
              "metonym": 0.8, "coreference": 0.65, "name": 0.5, "unresolved": 0.0}


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    actor_code: str
    country_iso3: str | None
    sector: str | None
    actor_type: str  # state, person, organization, group, media

    def __post_init__(self) -> None:
        # A name read across a line break ("George\nShultz") is one name: whitespace collapsed.
        object.__setattr__(self, "name", " ".join(self.name.split()))


@dataclass
class ActorMention:
    sentence_index: int
    token_start: int  # within the sentence's Doc
    token_end: int
    char_start: int  # within the article body
    char_end: int
    text: str
    actor: Actor | None
    resolution: str
    confidence: float
    title: str | None = None
    antecedent_text: str | None = None
    in_quote: bool = False
    is_subject: bool = False
    extra_actors: list[Actor] = field(default_factory=list)  # "the two countries" -> two actors

    @property
    def actors(self) -> list[Actor]:
        return [a for a in [self.actor, *self.extra_actors] if a is not None]



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



def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def state_actor(iso3: str, sector: str | None = None) -> Actor:
    lx = lexicon()
    country = lx.country_names.get(iso3, iso3)
    if sector:
        return Actor(f"{iso3}{sector}", f"{country} ({sector})", f"{iso3}{sector}", iso3, sector,
                     "group" if sector not in {"GOV"} else "organization")
    return Actor(iso3, country, iso3, iso3, None, "state")


def media_actor(name: str, iso3: str | None) -> Actor:
    """A news outlet: its country's MED code, or ---MED when the outlet is not in the lexicon."""
    return Actor(f"media:{slug(name)}", name, f"{iso3 or '---'}MED", iso3, "MED", "media")


def petrarch_org_actor(code: str, name: str) -> Actor:
    """An organization or armed group of the PETRARCH2 dictionaries: one actor per name (the code
    MNCUSA is shared by thousands of firms), with the country and sector its code carries."""
    iso3, sector = _parts(code)
    if code[:3] in {"IGO", "NGO", "MNC"}:
        kind = "organization"
    elif sector == "MED":
        kind = "media"
    elif sector in {"REB", "CRM"} or code[:3] in {"IMG", "INT"}:
        kind = "group"
    else:
        kind = "organization"
    return Actor(f"org:{slug(name)}", name, code, iso3, sector, kind)


def code_parts(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO-style code; "---" is an unknown country. An IGO's or NGO's
    staff have neither; a firm's or group's code ("MNCIRL", "IMGMUSISI") has its country after
    the prefix, if any. Only a known country and a known sector are returned."""
    if code.startswith(("IGO", "NGO")):
        return None, None
    return _parts(code)


_PREFIXES = {"IGO", "NGO", "MNC", "INT", "IMG", "UIS"}
# CAMEO's religion codes that are also ISO country codes: "IMGMUSISI" is a Muslim group, not
# Mauritius's.
_RELIGIONS_LIKE_COUNTRIES = {"MUS"}


def _parts(code: str) -> tuple[str | None, str | None]:
    """(country, sector) a code carries: the country right after its prefix, if a known
    one, and its first known sector."""
    prefix = code[:3] if code[:3] in _PREFIXES else ""
    body = code[len(prefix):]
    iso3 = body[:3] if body[:3] in ISO3_CODES and not (
        prefix and body[:3] in _RELIGIONS_LIKE_COUNTRIES) else None
    rest = body[3:] if iso3 or body.startswith("---") else body
    sector = next((rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in SECTORS),
                  None)
    return iso3, sector


