"""The one resource: where the seeds are and where the warehouse is."""

from pathlib import Path

import dagster as dg

from orchestration.settings import default_seeds_dir, default_warehouse


class CasusPaths(dg.ConfigurableResource):
    """The seeds folder to read and the DuckDB warehouse file to write."""

    seeds_dir: str
    warehouse: str

    @property
    def seeds_path(self) -> Path:
        return Path(self.seeds_dir)

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse)


def default_paths() -> CasusPaths:
    return CasusPaths(seeds_dir=str(default_seeds_dir()), warehouse=str(default_warehouse()))


defs = dg.Definitions(resources={"casus": default_paths()})
