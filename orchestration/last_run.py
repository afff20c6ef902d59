"""What the last `casus run` left, so that a run with nothing to do returns at once.

After a successful run the CLI writes a small record beside the warehouse
(`casus.last_run.json` for `casus.duckdb`): the seeds folder, a digest of it by name, size and
modification time (no file is read), a fingerprint of the code and SQL that build the
warehouse, the published snapshot's modification time, and the counts the run published. The
next run compares before it imports Dagster or spaCy: when all of it is equal, nothing can
have changed, and the run reports the last counts instead of starting. Any difference (a seed
touched, a model edited, another run published, `--full-refresh`) runs the pipeline as always.
Standard library only: this is the path that has to be fast.
"""

import json
import os
from pathlib import Path

from orchestration.settings import PROJECT_ROOT
from pipelines.seed_files import listing_digest
from pipelines.version import fingerprint

# Everything that decides what a run writes: extraction, schemas, SQL models, Dagster assets,
# warehouse code.
_CODE_FOLDERS = ("pipelines", "schemas", "dbt_like_sql", "orchestration", "warehouse")
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".sql", ".csv", ".json"}


def record_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.stem}.last_run.json")


def code_fingerprint() -> str:
    return fingerprint((PROJECT_ROOT / folder for folder in _CODE_FOLDERS), _CODE_SUFFIXES)


def _state(seeds: Path, warehouse: Path) -> dict | None:
    """What a run depends on, now; None when there is no published snapshot to stand on."""
    snapshot = warehouse.with_name(f"{warehouse.stem}.read{warehouse.suffix}")
    try:
        published = os.stat(snapshot).st_mtime_ns
        written = os.stat(warehouse).st_mtime_ns
    except OSError:
        return None
    return {"seeds": str(seeds), "listing": listing_digest(seeds), "code": code_fingerprint(),
            "snapshot_mtime_ns": published, "warehouse_mtime_ns": written}


def unchanged_counts(seeds: Path, warehouse: Path) -> dict[str, int] | None:
    """The counts the last run published, if nothing it depended on has changed since."""
    try:
        last = json.loads(record_path(warehouse).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    now = _state(seeds, warehouse)
    if now is None or not isinstance(last, dict) or last.get("state") != now:
        return None
    counts = last.get("counts")
    return counts if isinstance(counts, dict) else None


def record(seeds: Path, warehouse: Path, counts: dict[str, int]) -> None:
    """Remember a successful run (whole or not at all: written aside, then renamed)."""
    state = _state(seeds, warehouse)
    if state is None:
        return
    path = record_path(warehouse)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps({"state": state, "counts": counts}, indent=1), encoding="utf-8")
    os.replace(partial, path)
