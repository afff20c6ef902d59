"""Where casus reads and writes by default, and how the environment overrides it."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_ROOT = PROJECT_ROOT / "dbt_like_sql"
INSTANCE_CONFIG = PROJECT_ROOT / "dagster.yaml"
WORKSPACE = PROJECT_ROOT / "orchestration" / "workspace.yaml"


def default_seeds_dir() -> Path:
    """`CASUS_SEEDS_DIR`, else the project's `seeds/`."""
    return Path(os.environ.get("CASUS_SEEDS_DIR") or PROJECT_ROOT / "seeds").resolve()


def default_warehouse() -> Path:
    """`CASUS_WAREHOUSE`, else `data/casus.duckdb` in the project."""
    return Path(os.environ.get("CASUS_WAREHOUSE") or PROJECT_ROOT / "data" / "casus.duckdb").resolve()


def default_dagster_home() -> Path:
    """`DAGSTER_HOME`, else `.dagster_home/` in the project."""
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").resolve()
