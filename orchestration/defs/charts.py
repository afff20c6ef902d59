"""Pictures for analysts: the cooperation-conflict timeline of the top dyads and a dyad network."""

import base64
import io
import math

import dagster as dg
import matplotlib

matplotlib.use("Agg")  # no display: render to files
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from orchestration.defs.resources import CasusPaths  # noqa: E402
from warehouse.connection import write_connection  # noqa: E402

TOP_DYADS = 6


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def timeline_png(monthly: pd.DataFrame) -> bytes:
    """Total Goldstein per month of the most active directed dyads (above 0: cooperation)."""
    figure, axis = plt.subplots(figsize=(9, 4.5))
    if monthly.empty:
        axis.text(0.5, 0.5, "no dated events yet", ha="center", va="center")
    else:
        monthly = monthly.assign(dyad=monthly["source_country"] + " → " + monthly["target_country"])
        top = monthly.groupby("dyad")["event_count"].sum().nlargest(TOP_DYADS).index
        for dyad in top:
            rows = monthly[monthly["dyad"] == dyad].sort_values("month_start")
            axis.plot(pd.to_datetime(rows["month_start"]), rows["total_goldstein"], marker="o",
                      label=dyad)
        axis.axhline(0, color="grey", linewidth=0.8)
        axis.legend(fontsize=8, loc="best")
    axis.set_title("Cooperation (+) and conflict (−) of the most active dyads, by month")
    axis.set_ylabel("total Goldstein")
    return _png(figure)


def network_png(dyads: pd.DataFrame) -> bytes:
    """Countries on a circle; an arrow per directed dyad, width by events, colour by tone."""
    figure, axis = plt.subplots(figsize=(7, 7))
    axis.set_axis_off()
    countries = sorted(set(dyads["source_country"]) | set(dyads["target_country"]))
    if not countries:
        axis.text(0.5, 0.5, "no dyads yet", ha="center", va="center")
        return _png(figure)
    position = {c: (math.cos(2 * math.pi * i / len(countries)),
                    math.sin(2 * math.pi * i / len(countries))) for i, c in enumerate(countries)}
    cmap = plt.get_cmap("RdYlGn")
    heaviest = max(dyads["event_count"].max(), 1)
    for row in dyads.itertuples(index=False):
        (x0, y0), (x1, y1) = position[row.source_country], position[row.target_country]
        axis.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={
            "arrowstyle": "-|>", "color": cmap((row.mean_goldstein + 10) / 20),
            "lw": 0.8 + 4 * row.event_count / heaviest, "shrinkA": 14, "shrinkB": 14,
            "connectionstyle": "arc3,rad=0.12"})
    for country, (x, y) in position.items():
        axis.scatter([x], [y], s=600, color="#dde4ee", zorder=3)
        axis.text(x, y, country, ha="center", va="center", fontsize=9, zorder=4)
    axis.set_title("Dyad network (arrow width: events; colour: mean Goldstein)")
    axis.set_xlim(-1.3, 1.3)
    axis.set_ylim(-1.3, 1.3)
    return _png(figure)


@dg.asset(
    key="dyad_charts",
    description="The cooperation–conflict timeline of the top dyads and the dyad network, as "
                "PNG files beside the warehouse and as pictures in this asset's metadata.",
    deps=["mart_dyad_monthly"],
    group_name="marts",
    kinds={"duckdb", "python"},
)
def dyad_charts(context: dg.AssetExecutionContext, casus: CasusPaths) -> dg.MaterializeResult:
    with write_connection(casus.warehouse_path, context.run.run_id,
                          on_wait=context.log.info) as conn:
        monthly = conn.execute("select * from mart_dyad_monthly").df()
    totals = (monthly.groupby(["source_country", "target_country"])
              .agg(event_count=("event_count", "sum"), total=("total_goldstein", "sum"))
              .reset_index()) if not monthly.empty else pd.DataFrame(
        columns=["source_country", "target_country", "event_count", "total"])
    totals["mean_goldstein"] = totals["total"] / totals["event_count"].clip(lower=1)
    # one folder per warehouse: two warehouses side by side keep their own charts
    folder = casus.warehouse_path.parent / f"{casus.warehouse_path.stem}_charts"
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {}
    for name, png in (("timeline", timeline_png(monthly)), ("network", network_png(totals))):
        path = folder / f"dyad_{name}.png"
        path.write_bytes(png)
        encoded = base64.b64encode(png).decode()
        metadata[name] = dg.MetadataValue.md(f"![{name}](data:image/png;base64,{encoded})")
        metadata[f"{name}_path"] = dg.MetadataValue.path(str(path))
    metadata["dyads"] = len(totals)
    return dg.MaterializeResult(metadata=metadata)
