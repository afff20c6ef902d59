"""Asset metadata helpers: previews, column schemas and partition-range tags."""

from collections.abc import Sequence

import dagster as dg
import pandas as pd
import pandera.pandas as pa

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def markdown_preview(frame: pd.DataFrame, rows: int = 5, width: int = 60) -> dg.MetadataValue:
    """The first rows as a Markdown table, long cells cut."""
    head = frame.head(rows)
    cells = [[str(v)[:width].replace("|", "\\|").replace("\n", " ") for v in row]
             for row in head.itertuples(index=False)]
    lines = ["| " + " | ".join(map(str, head.columns)) + " |",
             "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return dg.MetadataValue.md("\n".join(lines))


def pandera_column_schema(model: type[pa.DataFrameModel]) -> dg.TableSchema:
    """The UI's column schema for a table defined by a pandera model."""
    schema = model.to_schema()
    return dg.TableSchema(columns=[
        dg.TableColumn(name, str(column.dtype), description=column.description,
                       constraints=dg.TableColumnConstraints(nullable=column.nullable,
                                                            unique=column.unique))
        for name, column in schema.columns.items()
    ])


def range_tags(ordered_keys: Sequence[str], wanted: set[str]) -> dict[str, str]:
    """Tags for one run covering `wanted`: the smallest contiguous range of the ordered keys."""
    positions = [i for i, key in enumerate(ordered_keys) if key in wanted]
    return {RANGE_START: ordered_keys[positions[0]], RANGE_END: ordered_keys[positions[-1]]}
