"""Place finding and geocoding on constructed sentences."""

from pipelines.gazetteer import distance_km
from pipelines.nlp import load_nlp
from pipelines.places import PlaceMention, find_place_mentions, resolve_places


def _places(text: str, context: set[str] | None = None):
    doc = load_nlp()(text)
    mentions = find_place_mentions(doc, 0, 0, set())
    resolve_places(mentions, context or set())
    return {m.text: m for m in mentions}


def test_city_in_a_country_with_coordinates_and_preposition():
    found = _places("Protesters gathered in Nairobi on Tuesday.")
    nairobi = found["Nairobi"]
    assert nairobi.place.country_iso3 == "KEN"
    assert distance_km(nairobi.place.latitude, nairobi.place.longitude, -1.28, 36.82) < 30
    assert nairobi.preposition == "in"


def test_georgia_is_the_country_by_default_and_the_state_in_us_context():
    assert _places("Troops crossed into Georgia.")["Georgia"].place.feature_type == "country"
    found = _places("Voters in Georgia and Alabama lined up early.", context={"USA"})
    assert found["Georgia"].place.feature_type == "admin1"
    assert found["Georgia"].place.country_iso3 == "USA"


def test_qualifier_picks_the_right_alexandria():
    found = _places("The company moved to Alexandria, Virginia, last year.")
    assert found["Alexandria"].place.country_iso3 == "USA"
    found = _places("Crowds filled the streets of Alexandria.")
    assert found["Alexandria"].place.country_iso3 == "EGY"


def test_regions_and_waters_from_the_supplement():
    found = _places("Warships sailed through the South China Sea toward the Korean Peninsula.")
    assert found["South China Sea"].place.feature_type == "water"
    assert found["Korean Peninsula"].place.feature_type == "peninsula"


def test_demonyms_are_not_places():
    assert "Russian" not in _places("Russian officials met in Geneva.")


def test_unknown_place_stays_unresolved():
    unknown = PlaceMention(0, 3, 4, 12, 21, "Zqxlandia", preposition="in")
    known = PlaceMention(0, 6, 7, 30, 35, "Tokyo", preposition="in")
    resolve_places([unknown, known], set())
    assert (unknown.place, unknown.resolution, unknown.candidate_count) == (None, "unresolved", 0)
    assert known.place.country_iso3 == "JPN"
