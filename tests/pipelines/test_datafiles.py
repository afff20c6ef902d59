"""Every data file is validated when it loads; YAML words stay words."""

import pytest

from pipelines import datafiles
from pipelines.datafiles import DataFileError, EventPatterns, Office, load_csv, load_yaml
from schemas.yaml_files import read_yaml
from tests.pipelines.test_events import _events, _triples


@pytest.mark.parametrize("name", sorted(datafiles.SCHEMAS))
def test_every_data_file_holds_to_its_schema(name):
    assert datafiles.load(name)


def test_every_data_file_of_the_package_has_a_schema():
    shipped = {p.name for p in datafiles.DATA.iterdir() if p.suffix in {".yaml", ".csv"}}
    assert shipped == set(datafiles.SCHEMAS)


def test_on_and_yes_stay_words_and_true_stays_a_boolean(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("prep: [for, on, off, yes, no, y, n]\nflag: true\n", encoding="utf-8")
    assert read_yaml(path) == {"prep": ["for", "on", "off", "yes", "no", "y", "n"], "flag": True}


PATTERNS = """
verbs:
  fire: {code: "190", prep: [at, on]}
nouns: {}
intent_verbs: [plan]
appeal_verbs: [urge]
threat_verbs: [threaten]
claim_verbs: [claim]
refusal_verbs: [refuse]
denial_verbs: [deny]
allegation_verbs: [accuse]
prevention_verbs: [ban]
failure_verbs: [fail]
failure_nouns: [failure]
negative_adjectives: [reckless]
intent_codes: {"04": "036"}
negated_codes: {"02": "120"}
non_agents: [flood]
instruments: [{lemmas: [suicide], code: "1831"}]
demand_verbs: [demand]
threat_codes: {"16": "131"}
"""


def test_a_valid_pattern_file_loads(tmp_path):
    path = tmp_path / "event_patterns.yaml"
    path.write_text(PATTERNS, encoding="utf-8")
    assert load_yaml(path, EventPatterns).verbs["fire"].prep == ["at", "on"]


@pytest.mark.parametrize("typo, named", [
    ('fire: {code: "190", prep: [at, on]}', None),
    ('fire: {code: "999", prep: [at]}', "verbs.fire.code"),           # no such CAMEO code
    ('fire: {code: 190, prep: [at]}', "verbs.fire.code"),             # a number, not a code
    ('fire: {code: "190", prep: [at, true]}', "verbs.fire.prep.1"),   # a boolean preposition
    ('fire: {code: "190", perp: [at]}', "verbs.fire.perp"),           # a misspelt field
    ('fire: {code: "190", objects: {tank: "1999"}}', "verbs.fire.objects"),
])
def test_a_typo_fails_naming_the_file_and_the_field(tmp_path, typo, named):
    path = tmp_path / "event_patterns.yaml"
    path.write_text(PATTERNS.replace('fire: {code: "190", prep: [at, on]}', typo), encoding="utf-8")
    if named is None:
        load_yaml(path, EventPatterns)
        return
    with pytest.raises(DataFileError, match=r"event_patterns.yaml: .*" + named.replace(".", r"\.")):
        load_yaml(path, EventPatterns)


def test_a_noun_must_act_as_a_verb_the_patterns_give_a_modality(tmp_path):
    path = tmp_path / "event_patterns.yaml"
    path.write_text(PATTERNS + "verb_nouns: {threat: threaten, plan: plan}\n", encoding="utf-8")
    assert load_yaml(path, EventPatterns).verb_nouns == {"threat": "threaten", "plan": "plan"}
    path.write_text(PATTERNS + "verb_nouns: {threat: threatn}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"event_patterns.yaml: .*threat: threatn"):
        load_yaml(path, EventPatterns)


def test_a_bad_csv_row_is_named_by_its_line(tmp_path):
    path = tmp_path / "offices.csv"
    path.write_text("# comment\nholder,aliases,actor_code,office,start,end\n"
                    "A B,,USAGOV,president,2001-01-20,2009-01-20\n"
                    "C D,,usagov,president,2009-01-20,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"offices.csv:4: actor_code"):
        load_csv(path, Office)


def test_prepositions_spelt_on_now_match():
    assert ("EGY",) in {s for s, code, _ in _triples(
        _events("Egypt called on Israel to withdraw its troops from Gaza.")) if code[:2] == "02"}
    assert _triples(_events("Russian troops fired on Ukrainian soldiers near Kharkiv.")) == {
        (("RUSMIL",), "190", ("UKRMIL",))}


def test_every_code_the_coder_can_produce_is_in_the_published_taxonomy():
    from pipelines.coding.dictionaries import patterns
    from schemas.taxonomy import cameo_codes

    known, p = cameo_codes(), patterns()
    codes = set()
    for entries in (p.verbs, p.nouns, p.dictionary_verbs):
        for entry in entries.values():
            codes |= {entry.get("code"), *(entry.get("objects") or {}).values()}
    codes.discard(None)
    assert codes and not codes - known, sorted(codes - known)
