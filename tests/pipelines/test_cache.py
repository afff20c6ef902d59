import pickle

import pytest

from pipelines import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_process_loads_what_the_first_built(folder):
    built = []

    def build():
        built.append(1)
        return {"kent": ["GBR", "USA"]}

    assert cache.cached("places", build) == {"kent": ["GBR", "USA"]}
    assert cache.cached("places", lambda: pytest.fail("built again")) == {"kent": ["GBR", "USA"]}
    assert built == [1] and len(list(folder.glob("places-*.pickle"))) == 1


def test_another_package_version_builds_again_and_drops_the_old_entry(folder, monkeypatch):
    cache.cached("places", lambda: "old", packages=("spacy",))
    monkeypatch.setattr(cache.metadata, "version", lambda name: "99.0")
    assert cache.cached("places", lambda: "new", packages=("spacy",)) == "new"
    assert len(list(folder.glob("places-*.pickle"))) == 1


def test_a_corrupt_entry_is_rebuilt_not_an_error(folder):
    cache.cached("places", lambda: "first")
    (entry,) = folder.glob("places-*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert cache.cached("places", lambda: "rebuilt") == "rebuilt"
    assert pickle.loads(entry.read_bytes()) == "rebuilt"


def test_an_unwritable_folder_still_gives_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CASUS_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("places", lambda: 42) == 42
