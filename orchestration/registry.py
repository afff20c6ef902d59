"""Which article partitions a run covers: registering new ones, tagging the range."""

import dagster as dg

from orchestration.defs.partitions import article_partitions
from orchestration.metadata import range_tags


def plan_run(instance: dg.DagsterInstance, keys: list[str]) -> tuple[list[str], dict[str, str]]:
    """Partitions to add, and the range tags of one run covering every key."""
    existing = instance.get_dynamic_partitions(article_partitions.name)
    known = set(existing)
    new = list(dict.fromkeys(k for k in keys if k not in known))
    return new, range_tags([*existing, *new], set(keys))
