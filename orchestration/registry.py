"""Which seeds need a run: comparing a scan with what was seen, registering article partitions."""

import json

import dagster as dg

from orchestration.defs.partitions import article_partitions
from orchestration.metadata import range_tags
from pipelines.seeds import SeedRecord


def seen_hashes(cursor: str | None) -> dict[str, str]:
    return json.loads(cursor) if cursor else {}


def changed_keys(records: list[SeedRecord], seen: dict[str, str]) -> list[str]:
    """Keys whose seed content is new or different from what was seen."""
    return [r.key for r in records if seen.get(r.key) != r.content_hash]


def plan_run(instance: dg.DagsterInstance, keys: list[str]) -> tuple[list[str], dict[str, str]]:
    """Partitions to add, and the range tags of one run covering every key."""
    existing = instance.get_dynamic_partitions(article_partitions.name)
    known = set(existing)
    new = list(dict.fromkeys(k for k in keys if k not in known))
    return new, range_tags([*existing, *new], set(keys))
