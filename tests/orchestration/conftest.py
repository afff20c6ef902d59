"""Real Dagster runs over temporary seeds and a temporary DuckDB file."""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import SEED_ARTICLE


@pytest.fixture
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


@pytest.fixture
def seeded(seeds_dir: Path) -> Path:
    """The seed article, a JSONL with a good and a bad line, and a corrupt file."""
    shutil.copy(SEED_ARTICLE, seeds_dir / SEED_ARTICLE.name)
    (seeds_dir / "wire.jsonl").write_text(
        '{"id": "wire-1", "text": "Leaders met in Geneva. They agreed to talk again.", '
        '"published": "2024-05-02", "source": "Wire"}\n{"id": "wire-2", "text": \n',
        encoding="utf-8")
    (seeds_dir / "corrupt.txt").write_bytes(b"\x00\x01\x02garbage")
    return seeds_dir
