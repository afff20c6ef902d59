"""Every vocabulary a column keeps to is defined once (`schemas/fields.py`): the pandera models
use the lists, the model YAML names them, and the README's lists of values match them."""

import ast
import re
from pathlib import Path

import pytest

from orchestration.settings import PROJECT_ROOT, SQL_ROOT
from schemas.fields import VOCABULARIES
from warehouse.sql_models import load_models

_CODE_FOLDERS = ("schemas", "warehouse", "orchestration", "pipelines")


def _literal_lists(path: Path):
    """(line, values) of every list, tuple or set literal of two or more constants in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) for e in node.elts):
            yield node.lineno, {e.value for e in node.elts}


def test_no_two_vocabularies_are_the_same_list():
    seen: dict[frozenset, str] = {}
    for name, values in VOCABULARIES.items():
        assert len(set(values)) == len(values), f"{name} repeats a value"
        assert frozenset(values) not in seen, f"{name} and {seen.get(frozenset(values))}"
        seen[frozenset(values)] = name


def test_no_python_file_writes_a_vocabulary_out_again():
    """A literal list with a vocabulary's values anywhere but its definition is a second one."""
    vocabularies = {frozenset(v): name for name, v in VOCABULARIES.items() if len(v) >= 2}
    definitions = PROJECT_ROOT / "schemas" / "fields.py"
    found = []
    for folder in _CODE_FOLDERS:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if path == definitions:
                continue
            for line, values in _literal_lists(path):
                if frozenset(values) in vocabularies:
                    found.append(f"{path.relative_to(PROJECT_ROOT)}:{line} writes out "
                                 f"{vocabularies[frozenset(values)]}")
    assert found == []


def test_pandera_models_take_their_lists_from_the_vocabularies():
    """No `isin=[...]` written in a schema: the list is one of schemas/fields.py."""
    for path in sorted((PROJECT_ROOT / "schemas").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "isin":
                assert not isinstance(node.value, ast.List | ast.Tuple | ast.Set), (
                    f"{path.name}:{node.value.lineno} lists its values")


def test_every_accepted_values_test_of_the_models_is_a_vocabulary():
    tests = [t for m in load_models(SQL_ROOT) for t in m.tests if t.kind == "accepted_values"]
    assert len(tests) >= 10
    for test in tests:
        assert test.params["vocabulary"] in VOCABULARIES
        assert test.params["values"] is VOCABULARIES[test.params["vocabulary"]]


def _readme_lists() -> list[list[str]]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    lists = []
    for match in re.finditer(r"\(([^()]*)\)", text):
        items = [item.strip().strip("`") for item in re.split(r",| or ", match.group(1))]
        lists.append([re.sub(r"^(or|and) ", "", item) for item in items if item])
    return lists


def test_the_readme_lists_each_vocabulary_whole():
    """A README list of a column's values ("actor_type (state, person, ...)") that shares two
    values with a vocabulary is one of the vocabularies, value for value."""
    words = {name: {str(v) for v in values} for name, values in VOCABULARIES.items()}
    checked = 0
    for items in _readme_lists():
        overlapping = [name for name, vocab in words.items() if len(vocab & set(items)) >= 2]
        if overlapping:
            checked += 1
            assert any(set(items) == words[name] for name in overlapping), (items, overlapping)
    assert checked >= 3  # the README does list actor types, resolutions and precisions


@pytest.mark.parametrize("drifted", ["(state, person, organization, group)",
                                     "(dictionary, office, title, guess)"])
def test_the_readme_check_fails_on_a_drifted_list(monkeypatch, drifted):
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: f"x {drifted} y")
    with pytest.raises(AssertionError):
        test_the_readme_lists_each_vocabulary_whole()
