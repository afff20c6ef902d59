"""The seeds folder as paths, before any file is opened: what is a seed or looks like one, and a
digest of it all by name, size and modification time. Standard library only, so that a `casus
run` with nothing to do can tell so before it imports anything heavy.
"""

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import SeedError

SUFFIX_FORMATS = {".txt": "txt", ".json": "json", ".jsonl": "jsonl", ".html": "html", ".htm": "html",
                  ".sgm": "sgm"}


@dataclass(frozen=True)
class SeedEntry:
    """A path below the seeds folder that is a seed, or looks like one and cannot be read."""

    path: Path
    problem: SeedError | None = None


def walk_seeds(seeds_dir: Path) -> list[SeedEntry]:
    """Walk the folder without following links; classify what is not a plain file."""
    root = seeds_dir.resolve()
    found: list[SeedEntry] = []
    stack = [seeds_dir]
    while stack:
        folder = stack.pop()
        try:
            children = list(os.scandir(folder))
        except OSError as exc:
            found.append(SeedEntry(Path(folder), SeedError("unreadable", f"cannot list: {exc}")))
            continue
        for child in children:
            path = Path(child.path)
            if child.name.startswith("."):
                continue
            try:
                mode = os.lstat(path).st_mode
            except OSError as exc:
                found.append(SeedEntry(path, SeedError("unreadable", str(exc))))
                continue
            suffix_is_seed = path.suffix.lower() in SUFFIX_FORMATS
            if stat.S_ISDIR(mode):
                stack.append(path)
                if suffix_is_seed:
                    found.append(SeedEntry(path, SeedError(
                        "not_a_file", "a folder named like a seed file; its files are read")))
            elif stat.S_ISLNK(mode):
                found.append(_link_entry(path, root))
            elif stat.S_ISREG(mode):
                found.append(SeedEntry(path))
            else:
                found.append(SeedEntry(path, SeedError(
                    "not_a_file", "a FIFO, socket or device, not a file: never opened")))
    return found


def _link_entry(path: Path, root: Path) -> SeedEntry:
    """A link is read only when it ends at a plain file inside the seeds folder."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return SeedEntry(path, SeedError("unreadable", f"a broken or looping link: {exc}"))
    if not target.is_relative_to(root):
        return SeedEntry(path, SeedError(
            "outside_seeds", f"a link to {target}, outside the seeds folder: not read"))
    if not target.is_file():
        return SeedEntry(path, SeedError("not_a_file", f"a link to {target}, which is not a file"))
    return SeedEntry(path)


def listing_digest(seeds_dir: Path) -> str:
    """A digest of every path below the folder by name, size and modification time, corpus
    files included; no file is opened. Equal digests: no seed was added, changed or removed."""
    digest = hashlib.sha256()
    for entry in sorted(walk_seeds(seeds_dir), key=lambda e: e.path.as_posix()):
        try:
            info = entry.path.stat()  # a link counts by the file it ends at
            digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{entry.path}\0unreadable\n".encode())
    return digest.hexdigest()


