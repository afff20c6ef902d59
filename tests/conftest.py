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


@pytest.fixture
def bbc_dir() -> Path:
    folder = SHARED / "corpus" / "bbc"
    if not folder.is_dir():
        pytest.skip("the shared BBC corpus is not on this machine")
    return folder
