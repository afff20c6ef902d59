"""The thin Dagster layer: definitions, assets, checks, partitions, sensors, schedules, the CLI."""
