"""A fingerprint of the extraction code and dictionaries: when it changes, every article is redone."""

import hashlib
from pathlib import Path

_ROOTS = (Path(__file__).parent, Path(__file__).parent.parent / "schemas")


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for root in _ROOTS:
        for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".yaml", ".csv"}):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PIPELINE_VERSION = _fingerprint()
