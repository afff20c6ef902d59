"""Shared fixtures: the seed article, the shared corpus, temporary seeds folders."""

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_a96da92cb1034342.txt"


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


BBC_CORPUS = SHARED / "corpus" / "bbc"
# What an analyst would write beside the BBC files: the articles are from 2004-2005.
BBC_CORPUS_YAML = "publisher: BBC News\npublished: \"2005\"\n"


def _require_bbc() -> None:
    """A missing corpus fails the tests that read it: a skip would pass them unseen."""
    if not BBC_CORPUS.is_dir():
        pytest.fail(f"the shared BBC corpus is not at {BBC_CORPUS}: these tests read it "
                    "(the project expects ../shared beside it)", pytrace=False)


@pytest.fixture
def bbc_dir() -> Path:
    _require_bbc()
    return BBC_CORPUS


@pytest.fixture(scope="session")
def bbc_warehouse(tmp_path_factory) -> Path:
    """The whole BBC corpus with a corpus.yaml giving its publisher and year, run once for the
    session (several minutes): the warehouse file; its snapshot is beside it."""
    import shutil

    import dagster as dg

    from orchestration.cli import run_pipeline

    _require_bbc()
    seeds = tmp_path_factory.mktemp("bbc") / "seeds"
    shutil.copytree(BBC_CORPUS, seeds)  # a link out of the seeds folder would not be read
    (seeds / "corpus.yaml").write_text(BBC_CORPUS_YAML, encoding="utf-8")
    warehouse = seeds.parent / "bbc.duckdb"
    # An in-memory instance, as `casus run` uses without DAGSTER_HOME: it records the 2,225
    # partitions several times faster than a SQLite-backed one.
    assert run_pipeline(seeds, warehouse, instance=dg.DagsterInstance.ephemeral()).success
    return warehouse
