"""The CAMEO event taxonomy casus codes in (`schemas/data/cameo_event_types.csv`, with PLOVER)."""

import csv
from functools import cache
from pathlib import Path

import pandera.pandas as pa
from pandera.typing import Series

from schemas.fields import CAMEO_LEVELS, QUAD_CLASSES, StagingModel

TAXONOMY_CSV = Path(__file__).parent / "data" / "cameo_event_types.csv"


@cache
def cameo_codes() -> frozenset[str]:
    with TAXONOMY_CSV.open(encoding="utf-8") as handle:
        return frozenset(row["cameo_code"] for row in csv.DictReader(handle))


class CameoEventTypes(StagingModel):
    """One row per CAMEO code: name, root, level, Goldstein, QuadClass, PLOVER type and mode."""

    cameo_code: Series[str] = pa.Field(unique=True, str_matches=r"^\d{2,4}$")
    name: Series[str]
    root_code: Series[str] = pa.Field(str_matches=r"^\d{2}$")
    level: Series[pa.Int64] = pa.Field(isin=CAMEO_LEVELS)
    goldstein: Series[float] = pa.Field(ge=-10, le=10)
    quad_class: Series[pa.Int64] = pa.Field(isin=QUAD_CLASSES)
    plover_type: Series[str] = pa.Field(nullable=True)
    plover_mode: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check
    def code_starts_with_root(cls, df) -> Series[bool]:
        """Every code lies under its root."""
        return df.apply(lambda row: row["cameo_code"].startswith(row["root_code"]), axis=1)
