"""One dynamic partition per article (or per unreadable seed record), keyed by its seed key."""

import dagster as dg

article_partitions = dg.DynamicPartitionsDefinition(name="articles")
