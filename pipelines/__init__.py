"""Pure Python: seed files to records. Reading, normalizing, sentences; no Dagster here."""
