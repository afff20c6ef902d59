"""Institutions named after their place: "the Delhi High Court" is India's judiciary, "Lagos
State Government" Nigeria's, where the place's country is clear."""

from pipelines.coding.reading import SentenceReading
from pipelines.gazetteer import DESIGNATOR_WORDS, Place, is_place_name, place_index, prominent


def dominant_place(places: list[Place]) -> Place | None:
    """The most populous of a name's places, if it has a country and is ten times as populous
    as any namesake in another country; None when no reading dominates."""
    places = sorted(places, key=lambda p: -p.population)
    if not places or places[0].country_iso3 is None:
        return None
    others = [p for p in places if p.country_iso3 != places[0].country_iso3]
    if others and others[0].population * 10 > places[0].population:
        return None
    return places[0]


def place_country(name: str) -> str | None:
    """The country of a place a name says, when it is clear: its likeliest reading a country,
    a region, a county or a city of 100,000, and ten times as populous as any reading elsewhere
    ("Delhi", "Lagos State"; not "Georgia", nor "English", a town in Indiana). A designator
    after the name may be left off ("Lagos State")."""
    words = name.split()
    places = place_index().get(name.lower()) or (
        place_index().get(" ".join(words[:-1]).lower(), [])
        if len(words) > 1 and words[-1].lower() in DESIGNATOR_WORDS | {"city"} else [])
    top = dominant_place(places)
    return top.country_iso3 if top is not None and prominent(top, counties=True) else None


def named_institution(s: SentenceReading, start: int, end: int) -> tuple[int, str, str] | None:
    """(title start, country, sector) of an institution named after its place: the place's
    name, then a title ending the name ("Delhi High Court" INDJUD, "Lagos State Government"
    NGAGOV, "Manchester City Council" GBRGOV), or None."""
    doc = s.doc
    if doc[start].lower_ == "the":
        start += 1
    for t_start in range(start + 1, end):
        title = s.titles.get(t_start)
        if title is None or title[0] != end:
            continue
        while t_start - 1 > start and doc[t_start - 1].lower_ in DESIGNATOR_WORDS | {"city"} \
                and not is_place_name(doc[start:t_start].text):
            t_start -= 1  # "Lagos State Government": the state's name holds "State"
        name = doc[start:t_start].text
        if all(t.text[:1].isupper() for t in doc[start:t_start]) and (
                iso3 := place_country(name)):
            return t_start, iso3, title[1]
        return None
    return None
