"""A fingerprint of the extraction code and dictionaries: when it changes, every article is redone."""

import hashlib
from collections.abc import Iterable
from pathlib import Path

_ROOTS = (Path(__file__).parent, Path(__file__).parent.parent / "schemas")


def fingerprint(roots: Iterable[Path], suffixes: set[str]) -> str:
    """A digest of every file with one of the suffixes below the roots: names and contents."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.suffix in suffixes):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


PIPELINE_VERSION = fingerprint(_ROOTS, {".py", ".yaml", ".csv"})[:16]
