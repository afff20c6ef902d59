"""The PETRARCH2 importer on a constructed dictionary, and dictionary persons coded by date."""

from datetime import date

from pipelines.import_petrarch import parse_when, read_records, rows
from tests.pipelines.test_events import _events

DICTIONARY = """# a comment line
ARDANIA_  [ARD]
+ARDANIAN_REPUBLIC
JOHN_Q_EXAMPLE_  # CountryInfo.txt
+EXAMPLE_
\t[ARDELI 620101-950101]
\t[ARDGOV >100201]
\t[ARDOPP <611231]
\t[ARDELI]
!PERSON! = MAN, MEN
NO_CODE_AT_ALL_
"""


def test_records_keep_names_roles_dates_and_their_line(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    out = rows(read_records(path))
    assert out == [
        {"names": "Ardania;Ardanian Republic", "default_code": "ARD", "roles": "",
         "source": "Phoenix.Countries.actors.txt:2"},
        {"names": "John Q Example;Example", "default_code": "ARDELI",
         "roles": "ARDELI 1962-01-01..1995-01-02;ARDGOV 2010-02-01..;ARDOPP 1800-01-01..1962-01-01",
         "source": "Phoenix.Countries.actors.txt:4"},
    ]


def test_dates_read_as_the_dictionaries_write_them():
    assert parse_when("18970101-450703") == (date(1897, 1, 1), date(1945, 7, 4))
    assert parse_when(">100201") == (date(2010, 2, 1), None)
    assert parse_when("<911018")[1] == date(1991, 10, 19)


def _source_code(text: str, published: str) -> set[str]:
    return {a.actor_code for e in _events(text, published) for a in e.sources}


def test_a_dictionary_person_is_coded_by_the_role_held_on_the_article_date():
    # Phoenix.Countries.actors.txt: HAMID_KARZAI_ [AFGELI 750101-000101] [AFGGOV >011222]
    assert _source_code("Hamid Karzai criticized Pakistan on Monday.", "2005-03-01") == {"AFGGOV"}
    assert _source_code("Hamid Karzai criticized Pakistan on Monday.", "1990-06-01") == {"AFGELI"}


def test_the_overlay_decides_its_dates_and_the_dictionary_the_others():
    # offices.csv: Chirac president 1995-2007; the dictionary: FRAGOV 860320-880511 (premier),
    # and [FRAELI] as the default role for dates no restriction covers
    assert _source_code("Jacques Chirac criticized Germany on Monday.", "1987-01-12") == {"FRAGOV"}
    assert _source_code("Jacques Chirac criticized Germany on Monday.", "2001-01-15") == {"FRAGOV"}
    assert _source_code("Jacques Chirac criticized Germany on Monday.", "1980-01-14") == {"FRAELI"}


VERBS = """# comment
---  ASSAIL   [111]  ---
ASSAIL
LAMBAST [112]
+SPEAK_OUT
- * DECISION                                          [111]         # ASSAIL
- * (ON SANCTIONS)                                    [163]         # ASSAIL
- * (WITH)                                            [030]         # ASSAIL
- $ * + NOW                                           [113]         # ASSAIL
---  DRIFT   [---]  ---
DRIFT {DRIFTS DRIFTED }
- * TALKS                                             [046]         # DRIFT
---  WANDER   [---]  ---
WANDER
"""

AGENTS = """!PERSON! = MAN, MEN
POLICE!PERSON! [~COP]
FERRYMAN {FERRYMEN} [~BUS]
BUDDHIST_MONK [~BUD]
"""


def test_verb_blocks_give_codes_and_simple_object_patterns(tmp_path):
    from pipelines.import_petrarch import read_verbs

    path = tmp_path / "CAMEO.2.0.txt"
    path.write_text(VERBS, encoding="utf-8")
    assert read_verbs(path) == [
        {"verb": "assail", "code": "111", "objects": "decision=111;on sanction=163;on sanctions=163",
         "source": "CAMEO.2.0.txt:3"},
        {"verb": "lambast", "code": "112", "objects": "decision=111;on sanction=163;on sanctions=163",
         "source": "CAMEO.2.0.txt:4"},
        {"verb": "drift", "code": "", "objects": "talk=046;talks=046", "source": "CAMEO.2.0.txt:11"},
    ]


def test_agents_expand_substitution_sets_and_irregular_plurals(tmp_path):
    from pipelines.import_petrarch import read_agents

    path = tmp_path / "Phoenix.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert [(a["phrase"], a["code"]) for a in read_agents(path)] == [
        ("policeman", "COP"), ("policemen", "COP"), ("ferryman", "BUS"), ("ferrymen", "BUS"),
        ("buddhist monk", "BUD")]


SET_VERBS = """&WEAPON
+GUN
# a comment inside the set
+MISSILES
+SURFACE_TO_AIR
+CASH_

---  SELL   [---]  ---
SELL {SELLS SOLD }
- * &WEAPON                                           [062:062]     # SELL
- * (OF &WEAPON)                                      [072]         # SELL
"""


def test_a_synonym_set_in_a_pattern_stands_for_each_single_word_member(tmp_path):
    from pipelines.import_petrarch import read_verbs

    path = tmp_path / "CAMEO.2.0.txt"
    path.write_text(SET_VERBS, encoding="utf-8")
    (sell,) = read_verbs(path)
    assert sell["objects"] == ("cash=062;gun=062;missile=062;missiles=062;of cash=072;of gun=072;"
                               "of missile=072;of missiles=072")
