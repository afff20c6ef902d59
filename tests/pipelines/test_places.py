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


def _article_places(text: str) -> dict[str, tuple[str, str | None]]:
    """(feature type, country) of each place an article names, through extraction."""
    from pipelines.extract import extract_article, parse_batch
    from pipelines.ingest import ingest_record
    from pipelines.seeds import SeedRecord

    record = SeedRecord("t1", "t1.json", "json", "c" * 64, encoding="utf-8",
                        fields={"id": "t1", "text": text, "published": "2024-03-01"})
    result = ingest_record(record)
    _actors, places, _events = extract_article(result, parse_batch([result])["t1"])
    return {p.text: (p.place.feature_type, p.place.country_iso3) for p in places if p.place}


def test_a_british_article_places_its_towns_and_counties_in_britain():
    found = _article_places(
        "British police in Essex and Kent arrested two men after a stabbing in Woolwich. The "
        "Home Office said members at Holyrood would debate the case, and a court in Leeds "
        "will hear it.")
    for name in ("Essex", "Kent", "Woolwich", "Holyrood", "Leeds"):
        assert found[name][1] == "GBR", name
    assert found["Essex"][0] == "admin2" and found["Holyrood"][0] == "landmark"


def test_an_indian_article_places_its_state_and_city_in_india():
    found = _article_places("Farmers in Karnataka marched on Monday, and Indian police in Pune "
                            "detained 40 people.")
    assert found["Karnataka"] == ("admin1", "IND") and found["Pune"][1] == "IND"


def test_a_canadian_article_places_kingston_in_canada():
    found = _article_places("Wildfires spread across Alberta, Canadian officials said, and "
                            "residents of Kingston sent help.")
    assert found["Alberta"] == ("admin1", "CAN") and found["Kingston"][1] == "CAN"


def test_perth_and_newcastle_follow_the_article_s_country():
    australian = _article_places("Storms hit Perth and Newcastle on Tuesday, the Australian "
                                 "weather bureau said.")
    british = _article_places("Storms hit Perth and Newcastle on Tuesday, British forecasters "
                              "said, and trains to Edinburgh were cancelled.")
    assert australian["Perth"][1] == australian["Newcastle"][1] == "AUS"
    assert british["Perth"][1] == british["Newcastle"][1] == "GBR"


def test_a_gazetteer_name_needs_a_place_context_the_parser_did_not_give():
    found = _article_places("The Leeds-based firm hired Bingo Smith, and Madonna sang in Reading.")
    assert "Leeds" in found and "Reading" in found
    assert "Bingo" not in found and "Madonna" not in found


def test_a_dateline_names_the_article_s_first_places():
    from pipelines.places import dateline_places

    body = "DURBAN, South Africa (CNN) - The court sat. MOSCOW, Oct. 19 - no."
    found = dateline_places(body, "DURBAN, South Africa (CNN) -", 0)
    assert [(m.text, m.qualifier, body[m.char_start:m.char_end]) for m in found] == [
        ("DURBAN", "South Africa", "DURBAN"), ("South Africa", None, "South Africa")]
    assert [m.text for m in dateline_places(body, "MOSCOW, Oct. 19 -", 0)] == ["MOSCOW"]


def test_a_possessive_is_not_part_of_the_place_and_an_org_label_does_not_hide_a_city():
    found = _article_places("South Africa's former president appeared in a Durban court, and "
                            "Harare Mayor Tendai Moyo spoke.")
    assert found["South Africa"] == ("country", "ZAF")
    assert found["Durban"] == ("city", "ZAF") and found["Harare"] == ("city", "ZWE")


def test_a_town_in_the_region_the_article_names_beats_its_namesakes():
    from pipelines.extract import extract_article, parse_batch
    from pipelines.ingest import ingest_record
    from pipelines.seeds import SeedRecord

    text = "Officials in New Jersey said a fire in Allendale closed roads."
    record = SeedRecord("t1", "t1.json", "json", "c" * 64, encoding="utf-8",
                        fields={"id": "t1", "text": text, "published": "2024-03-01"})
    result = ingest_record(record)
    _actors, places, _events = extract_article(result, parse_batch([result])["t1"])
    (allendale,) = [p.place for p in places if p.text == "Allendale"]
    assert (allendale.country_iso3, allendale.admin1) == ("USA", "NJ")


def test_ap_state_abbreviations_qualify_towns_and_all_caps_datelines_are_places():
    found = _places("The company moved to Springfield, Ill., last year.")
    assert found["Springfield"].place.admin1 == "IL" and found["Ill."].place.admin1 == "IL"
    found = _places("OKLAHOMA CITY - The governor spoke on Monday.")
    assert found["OKLAHOMA CITY"].place.country_iso3 == "USA"
    assert "THE END" not in _places("THE END of the story came on Monday.")


def test_a_place_and_its_region_are_two_places_even_when_the_parser_joins_them():
    for text, town in (("Fixtures: 12 May: Thruxton, Hampshire. 20 June: Croft.", "Thruxton"),
                       ("The plant in Basingstoke, Hampshire, closed.", "Basingstoke")):
        found = _places(text)
        assert found[town].place.country_iso3 == "GBR", text
        assert found[town].qualifier == "Hampshire", text
        assert found["Hampshire"].place.feature_type == "admin2", text


def test_a_dateline_in_capitals_the_anatomy_left_in_the_text():
    assert _places("ST. LOUIS – Police arrested two people.")["ST. LOUIS"].place.country_iso3 \
        == "USA"
    both = _places("KANSAS CITY & ST. LOUIS, March 2 -- Teachers walked out.")
    assert {"KANSAS CITY", "ST. LOUIS"} <= set(both)
    assert _places("OKLAHOMA CITY The Latest on teachers rallying for pay.")[
        "OKLAHOMA CITY"].place.name == "Oklahoma City"


def test_a_headline_in_capitals_is_no_dateline_unless_every_part_is_a_place():
    assert _places("NATO SUMMIT: Leaders met on Monday.") == {}
    assert "BREAKING" not in _places("BREAKING NEWS - Markets fell.")


def test_an_organization_known_by_its_seat_is_a_place_where_the_sentence_puts_it():
    found = _article_places("Passengers will change trains at Brussels for two more years.")
    assert found["Brussels"][1] == "BEL"
    assert "Brussels" not in _article_places("Brussels warned Italy over its budget.")


def test_a_place_an_organization_is_named_after_is_a_place_the_article_mentions():
    found = _article_places("The Harare City Council said water would be cut in Zimbabwe's "
                            "capital, and the Walker County Sheriff's Office in Alabama agreed.")
    assert found["Harare"] == ("city", "ZWE")
    assert found["Walker County"] == ("admin2", "USA")
    assert _article_places("The University of Mississippi raised fees in the US.")[
        "Mississippi"] == ("admin1", "USA")


def test_a_namesake_in_an_organization_s_name_is_no_place_without_the_article_s_country():
    found = _article_places("Delta Air Lines cancelled 300 flights from Atlanta on Monday.")
    assert "Delta" not in found and found["Atlanta"][1] == "USA"


def test_a_name_written_without_its_diacritics_is_the_same_place():
    found = _places("Thousands rallied in Koszeg, and police in Gyor arrested two men.")
    assert (found["Koszeg"].place.name, found["Koszeg"].place.country_iso3) == ("Kőszeg", "HUN")
    assert found["Gyor"].place.country_iso3 == "HUN"


def test_a_small_country_s_region_does_not_outweigh_a_great_city_of_its_name():
    from pipelines.gazetteer import place_index

    southampton = max(place_index()["southampton"], key=lambda p: p.population)
    assert (southampton.feature_type, southampton.country_iso3) == ("city", "GBR")
    found = _places("Ferries left Southampton on Tuesday.")
    assert found["Southampton"].place.country_iso3 == "GBR"


def test_a_region_keeps_its_designator_and_a_list_after_in_is_places():
    places = _article_places("Gunmen attacked a village in Borno state on Monday. The Slovak "
                             "chain sold its stores in Zilina, Nitra, Presov and Kosice.")
    assert places["Borno state"] == ("admin1", "NGA")
    assert {name: places.get(name) for name in ("Zilina", "Nitra", "Presov", "Kosice")} == {
        name: ("city", "SVK") for name in ("Zilina", "Nitra", "Presov", "Kosice")}


def test_a_province_is_known_without_its_official_designator():
    places = _article_places("Floods hit Anhui and Sichuan on Monday. He lives in Sichuan "
                             "province.")
    assert places["Anhui"] == places["Sichuan"] == places["Sichuan province"] == ("admin1", "CHN")



def test_a_county_split_by_the_compass_is_still_a_county():
    places = _article_places("Police in Sussex arrested two men. Floods hit Cheshire and "
                             "Northamptonshire on Monday.")
    assert places["Sussex"] == places["Cheshire"] == places["Northamptonshire"] == (
        "admin2", "GBR")
    # its point lies between its parts: West Sussex and East Sussex
    (sussex,) = [p for p in _places("They live in Sussex.", {"GBR"}).values()]
    assert distance_km(sussex.place.latitude, sussex.place.longitude, 50.95, -0.25) < 40


def test_a_city_called_x_city_is_also_x_unless_x_is_a_country():
    places = _places("She moved to New York and then to Mexico.", {"USA"})
    assert (places["New York"].place.feature_type, places["New York"].place.name) == (
        "city", "New York City")
    assert places["Mexico"].place.feature_type == "country"


def test_a_place_name_the_parser_split_is_one_place():
    """The small parser splits "Baja California" (two GPEs) and "Boa Vista" (GPE + ORG):
    the longest name the gazetteer knows is the place, not its first word."""
    found = _places("Work on the river in Baja California will start in ten days.")
    assert found["Baja California"].place.country_iso3 == "MEX"
    assert "Baja" not in found and "California" not in found
    found = _places("Thousands are living in Boa Vista, the state capital.")
    assert found["Boa Vista"].place.country_iso3 == "BRA"


def test_a_city_and_its_state_the_parser_took_for_one_name():
    found = _places("Soldiers paraded in Maiduguri Borno State on Sunday.")
    assert found["Maiduguri"].place.country_iso3 == "NGA"
    assert found["Borno State"].place.feature_type == "admin1"


def test_a_town_before_the_region_that_holds_it_is_a_place_without_a_preposition():
    """"15/16 September: Silverstone, Northamptonshire.": the untagged town is placed by the
    county after it; a name no region follows stays no place."""
    found = _places("15/16 September: Silverstone, Northamptonshire.")
    assert found["Silverstone"].place.country_iso3 == "GBR"
    assert "Reading" not in _places("Reading, he said, is a pleasure.")


def test_a_place_followed_by_its_own_abbreviation_is_one_place():
    """"Washington, D.C." is one mention of Washington; "Paris, France" stays a city and the
    country that qualifies it."""
    found = _places("The rally took place in Washington, D.C., on Saturday.")
    assert found["Washington, D.C."].place.country_iso3 == "USA"
    assert "D.C." not in found
    found = _places("He flew from Paris, France on Monday.")
    assert found["Paris"].place.country_iso3 == "FRA" and "France" in found


def _resolved(*names: str, context: set[str] | None = None) -> list[PlaceMention]:
    mentions = [PlaceMention(0, i, i + 1, 10 * i, 10 * i + len(n), n, preposition="in")
                for i, n in enumerate(names)]
    resolve_places(mentions, context or set())
    return mentions


def test_a_city_and_its_district_written_as_one_name_are_that_city():
    """"Washington, D.C." as one mention: the comma's second part is the region it lies in,
    so the capital, not the state of Washington or another town of that name."""
    (washington,) = _resolved("Washington, D.C.", context={"USA"})
    assert (washington.place.feature_type, washington.place.admin1) == ("city", "DC")
    assert washington.resolution == "context"


def test_a_part_or_a_feature_of_a_named_place_is_placed_at_that_place():
    kabul_river, east_aleppo, township = _resolved(
        "Kabul River", "Eastern Aleppo", "Nairobi Township")
    for mention, country, lat, lon in ((kabul_river, "AFG", 34.53, 69.17),
                                       (east_aleppo, "SYR", 36.20, 37.16),
                                       (township, "KEN", -1.28, 36.82)):
        assert mention.place.country_iso3 == country, mention.text
        assert distance_km(mention.place.latitude, mention.place.longitude, lat, lon) < 50
        assert (mention.resolution, mention.confidence) == ("container", 0.5)


def test_a_street_or_building_is_placed_in_the_town_the_article_names_most():
    mentions = _resolved("Mombasa", "Nairobi", "Moi Avenue", "Nairobi", "Zqxl Stadium")
    avenue, stadium = mentions[2], mentions[4]
    assert avenue.place == stadium.place == mentions[1].place  # Nairobi, named twice
    assert avenue.resolution == "container"


def test_a_street_stays_unplaced_without_a_town_and_a_name_without_a_container_too():
    avenue, lake = _resolved("Moi Avenue", "Lake Zqxl", context={"KEN"})
    kenya_only = _resolved("Kenya", "Moi Avenue")
    assert avenue.place is None and avenue.resolution == "unresolved"
    assert lake.place is None  # no place of its own name, no town: nothing to guess
    assert kenya_only[1].place is None  # a country is no town a street lies in


def test_an_unlisted_name_inside_an_organization_is_not_placed_by_its_town():
    """Names inside organizations' names wait for the context and are never containers'."""
    inside = PlaceMention(0, 0, 2, 0, 12, "Zqxl Stadium", in_name=True)
    town = PlaceMention(0, 4, 5, 20, 27, "Nairobi", preposition="in")
    mentions = [inside, town]
    resolve_places(mentions, set())
    assert mentions == [town]


def test_a_foreign_spelling_that_is_an_english_word_or_a_name_is_no_country_alias():
    from pipelines.gazetteer import countries

    c = countries()
    assert "Island" not in c["ISL"].aliases and "Mann" not in c["IMN"].aliases
    assert "Holland" in c["NLD"].aliases  # the others stay


def test_a_name_qualified_by_a_region_is_a_place_even_untagged_and_unlisted():
    # a list the parser reads as dates: the region after the comma marks both as places
    found = _places("Final round: Glenbrae, Fife.")
    assert found["Fife"].place.country_iso3 == "GBR"
    # a name the gazetteer lacks is placed in the region that qualifies it
    assert found["Glenbrae"].resolution == "container"
    assert found["Glenbrae"].place == found["Fife"].place


def test_a_capital_s_former_name_gets_no_capital_bonus():
    # "Salisbury" was Harare's name until 1982: in an article about Britain and Russia the
    # English city, not Zimbabwe's capital
    found = _places("Police sealed off a street in Salisbury.", context={"GBR", "RUS"})
    assert found["Salisbury"].place.country_iso3 == "GBR"


def test_a_region_after_a_comma_holds_the_town_however_big_its_namesakes():
    found = _places("The plant is in Hamilton, Scotland, near the motorway.")
    assert found["Hamilton"].place.country_iso3 == "GBR"  # not Canada's city of half a million
    assert found["Scotland"].place.country_iso3 == "GBR"
    found = _places("The mill closed in Richmond, Indiana, last year.")
    assert (found["Richmond"].place.country_iso3, found["Richmond"].place.admin1) == ("USA", "IN")
    assert found["Indiana"].place.feature_type == "admin1"


def test_a_town_the_gazetteer_knows_only_abroad_is_placed_in_the_county_that_holds_it():
    # Rockingham is a town of Western Australia in the gazetteer, and a village of England not
    found = _places("The race moves to Rockingham, Northamptonshire, in August.")
    assert found["Rockingham"].place.name == "Northamptonshire"
    assert found["Rockingham"].resolution == "container"


def test_a_list_joined_by_commas_is_no_containment():
    found = _places("Ministers from France, Germany and Italy met.")
    assert [found[n].place.country_iso3 for n in ("France", "Germany", "Italy")] == [
        "FRA", "DEU", "ITA"]
    found = _places("Snow closed roads in Ontario, Alberta and Quebec.")
    assert {found[n].place.name for n in ("Ontario", "Alberta", "Quebec")} == {
        "Ontario", "Alberta", "Quebec"}
    found = _places("The team flew to Saipan, Guam and Hawaii.")
    assert found["Saipan"].place.country_iso3 == "MNP"


def test_the_name_after_a_comma_is_read_as_the_region_holding_the_town():
    found = _places("He grew up in Athens, Georgia, and studied law.")
    assert found["Athens"].place.country_iso3 == "USA"
    assert (found["Georgia"].place.country_iso3, found["Georgia"].place.feature_type) == (
        "USA", "admin1")


def test_countries_only_geonames_lists_are_places_at_their_capital():
    # countryinfo, whose centroids the other countries take, has no Kosovo nor Curacao
    found = _places("Protesters marched in Kosovo, and a storm hit Curacao.")
    assert found["Kosovo"].place.feature_type == "country"
    assert found["Kosovo"].place.country_iso3 == "XKX"
    curacao = found["Curacao"].place
    assert curacao.country_iso3 == "CUW"
    assert distance_km(curacao.latitude, curacao.longitude, 12.12, -68.93) < 60  # Willemstad


def test_a_building_where_the_sentence_puts_something_is_placed_in_its_town():
    found = _places("He was taken to Ipswich General Hospital after the crash.", context={"GBR"})
    hospital = found["Ipswich General Hospital"]
    assert (hospital.place.name, hospital.place.country_iso3) == ("Ipswich", "GBR")
    assert (hospital.resolution, hospital.confidence) == ("container", 0.5)
    # the place the sentence puts it in wins over the town its name opens with
    found = _places("The rally ended at Leeds Town Hall in Bradford.", context={"GBR"})
    assert found["Leeds Town Hall"].place.name == "Bradford"
    # a building inside a building: both in the town the outer one's name opens with
    found = _places("The vows were said in St Mary's Chapel at Dover Castle.", context={"GBR"})
    assert found["St Mary's Chapel"].place.name == found["Dover Castle"].place.name == "Dover"


def test_a_building_that_acts_or_has_no_name_of_its_own_is_no_place():
    assert "Ipswich General Hospital" not in _places(
        "Ipswich General Hospital said it had treated 40 patients.", context={"GBR"})
    assert set(_places("He appeared at the High Court in Leeds.", context={"GBR"})) == {"Leeds"}
    # named after a person, with no place the sentence or the article gives: left unplaced
    found = _places("She was treated at the Zqxl Memorial Clinic.")
    assert found["Zqxl Memorial Clinic"].place is None
