"""A disk cache for structures that take seconds to build from the data files (the gazetteer's
name indexes), so that every new process (a run the UI launches, a test worker) does not build
them again.

An entry is keyed by the pipeline fingerprint (every module and data file of `pipelines/` and
`schemas/`) and the versions of the packages the structure reads, so it is rebuilt exactly when
what it was built from changes; it is built only from data files that validated on load. The
folder is `$CASUS_CACHE_DIR`, else `$XDG_CACHE_HOME/casus`, else `~/.cache/casus`; deleting it is
always safe. An entry that cannot be read or written is rebuilt, never an error.
"""

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from pipelines.version import PIPELINE_VERSION

T = TypeVar("T")


def cache_dir() -> Path:
    if configured := os.environ.get("CASUS_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "casus"


def _key(packages: tuple[str, ...]) -> str:
    versions = [f"{name}=={metadata.version(name)}" for name in packages]
    return hashlib.sha256(":".join([PIPELINE_VERSION, *versions]).encode()).hexdigest()[:16]


def cached(name: str, build: Callable[[], T], packages: tuple[str, ...] = ()) -> T:
    """`build()`, or what an earlier process built under the same key."""
    folder = cache_dir()
    path = folder / f"{name}-{_key(packages)}.pickle"
    try:
        with path.open("rb") as handle:
            gc.disable()  # unpickling many small objects: the collector would only slow it down
            try:
                return pickle.load(handle)
            finally:
                gc.enable()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):  # what older pipelines built
            old.unlink(missing_ok=True)
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
            dir=folder, prefix=f".{name}-", delete=False)
    except OSError:
        return value
    try:
        with handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # whole or not at all, for a process reading beside us
    except OSError:
        Path(handle.name).unlink(missing_ok=True)
    return value
