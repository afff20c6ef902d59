"""Where a place the gazetteer does not list lies: inside a place its own name names ("Eastern
Aleppo", "Kabul River"), or, for a street, a building or a park, inside the place the sentence
puts it in ("Barclays Center in Brooklyn"), the place its name opens with ("Colchester General
Hospital"), or the town the article is about ("Moi Avenue" in an article placed in Nairobi).

Such a mention is placed at its container with resolution `container`: the map shows it at
the container's precision (a town, a region), never finer than the text supports.
"""

from collections import Counter

from pipelines.gazetteer import Place

# Words before a place's name that make a part of it: "Eastern Aleppo", "Old Town Zurich".
_PART_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "central", "northeast", "northwest", "southeast", "southwest", "upper", "lower",
               "greater", "inner", "outer", "downtown", "old", "town"}
# Words after a place's name that make a feature in or beside it: "Kabul River", "Nairobi
# Township", "Mombasa County".
_FEATURE_WORDS = {"city", "township", "borough", "county", "district", "hills", "heights",
                  "valley", "river", "delta", "lake", "bay", "harbour", "harbor", "mountains",
                  "area", "region", "suburbs", "outskirts", "metro", "capitol", "complex"}
# Last words of a street, a building or a grounds inside a town.
_IN_TOWN_WORDS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "boulevard",
                  "blvd", "lane", "drive", "way", "square", "plaza", "place", "park", "gardens",
                  "airport", "station", "terminal", "stadium", "arena", "centre", "center",
                  "hall", "hospital", "school", "college", "university", "mall", "market",
                  "bridge", "chapel", "church", "cathedral", "mosque", "temple", "palace",
                  "prison", "court", "courthouse", "library", "museum", "hotel", "tower",
                  "castle", "theatre", "theater", "infirmary", "clinic", "academy", "abbey",
                  "armory", "armoury", "barracks", "embassy", "consulate", "jail", "gallery",
                  "cemetery", "club"}
# Last words of a street or a way: often named after a town elsewhere ("London Road").
_STREET_WORDS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "boulevard",
                 "blvd", "lane", "drive", "way"}
# Words of a building's name that say what kind it is, not which: "the High Court", "the
# National Theatre" are no name the sentence gives a place by.
_GENERIC_WORDS = {"high", "supreme", "crown", "district", "central", "general", "state",
                  "national", "royal", "federal", "county", "city", "town", "community",
                  "memorial", "international", "magistrates", "appeal", "appeals", "old", "new",
                  "main", "grand", "public", "private", "regional", "municipal", "civic",
                  "the", "of", "and", "st", "st.", "saint"}


def own_container(name: str) -> str | None:
    """The place name inside a name that is a part or a feature of it, if any: "Eastern
    Aleppo" -> "Aleppo", "Kabul River" -> "Kabul", "Old Town Zurich" -> "Zurich"; None when
    no part or feature word frames a shorter name."""
    words = name.split()
    start, end = 0, len(words)
    while start < end - 1 and words[start].lower() in _PART_WORDS:
        start += 1
    while end > start + 1 and words[end - 1].lower() in _FEATURE_WORDS:
        end -= 1
    if (start, end) == (0, len(words)):
        return None
    return " ".join(words[start:end])


def in_town(name: str) -> bool:
    """A street, a building or grounds: a feature inside a town ("Collins Avenue")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _IN_TOWN_WORDS


def street(name: str) -> bool:
    """A street or a way by its name: "Hampton Avenue", "London Road"."""
    return in_town(name) and name.split()[-1].lower() in _STREET_WORDS


def facility_word(word: str) -> bool:
    """A capitalized word for a building, grounds or street: "Chapel", "Castle", "Avenue"."""
    return word[:1].isupper() and word.lower() in _IN_TOWN_WORDS


def facility(words: list[str]) -> bool:
    """A building, grounds or street known by a proper name: capitalized words, the last a
    word for such a place, and one before it more than a kind ("Colchester General Hospital",
    "Princes Theatre", "Windsor Castle"; not "the High Court")."""
    if len(words) < 2 or words[-1].lower() not in _IN_TOWN_WORDS:
        return False
    named = [w for w in words[:-1] if w[:1].isalnum() and w.lower() not in _GENERIC_WORDS]
    return bool(named) and all(w[:1].isupper() for w in named)


def article_town(places: list[Place]) -> Place | None:
    """The town the article is about: the city it names most often, the first named of equals;
    None when it names no city."""
    towns = Counter(p for p in places if p.feature_type == "city")
    if not towns:
        return None
    most = max(towns.values())
    return next(p for p in places if towns.get(p) == most)
