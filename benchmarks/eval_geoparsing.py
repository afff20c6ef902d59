"""Geoparsing evaluation on GeoWebNews (../shared/eval/dev/GWN.xml), through `casus run`.

Each GWN article becomes a .json seed in a temporary folder; `casus run` loads them into a
temporary warehouse; the place mentions it found are then compared with the gold toponyms:

- found: a gold toponym whose surface text casus marked as a place in the same article;
- within 161 km: found, resolved, and placed within 161 km (100 miles) of the gold coordinates;
- median error: over the found toponyms that both sides placed.

Shares are over all gold toponyms, and again over those with a GeoNames id.

    .venv/bin/python benchmarks/eval_geoparsing.py [--gold ../shared/eval/dev/GWN.xml]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.gazetteer import distance_km  # noqa: E402
from warehouse.query import run_query  # noqa: E402


def read_gold(path: Path) -> tuple[list[dict], list[dict]]:
    articles, toponyms = [], []
    for article in ET.parse(path).getroot().iter("article"):
        article_id = f"gwn-{article.get('file')}"
        articles.append({"id": article_id, "title": article.findtext("title") or "",
                         "url": article.findtext("link") or "",
                         "text": article.findtext("text") or ""})
        for top in article.iter("toponym"):
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            toponyms.append({
                "article_id": article_id, "name": top.findtext("extractedName") or "",
                "type": top.findtext("type") or "", "geonames_id": top.findtext("geonamesID"),
                "lat": float(lat) if lat else None, "lon": float(lon) if lon else None})
    return articles, toponyms


def run_casus(articles: list[dict], workdir: Path) -> Path:
    seeds = workdir / "seeds"
    seeds.mkdir()
    for article in articles:
        (seeds / f"{article['id']}.json").write_text(json.dumps(article), encoding="utf-8")
    warehouse = workdir / "gwn.duckdb"
    casus = Path(sys.executable).with_name("casus")
    proc = subprocess.run([str(casus), "run", "--seeds", str(seeds), "--warehouse", str(warehouse)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"casus run failed:\n{proc.stderr[-3000:]}")
    print(proc.stdout.strip().splitlines()[-1])
    return warehouse


def score(toponyms: list[dict], predicted: dict[tuple[str, str], tuple | None]) -> dict:
    found = placed = 0
    errors = []
    for gold in toponyms:
        key = (gold["article_id"], gold["name"])
        if key not in predicted:
            continue
        found += 1
        where = predicted[key]
        if where is None or gold["lat"] is None:
            continue
        error = distance_km(gold["lat"], gold["lon"], *where)
        errors.append(error)
        placed += error <= 161
    total = len(toponyms)
    return {"gold": total, "found": found / total, "within_161km": placed / total,
            "median_error_km": statistics.median(errors) if errors else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "dev" / "GWN.xml")
    args = parser.parse_args()
    articles, toponyms = read_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = run_casus(articles, Path(tmp))
        rows = run_query(warehouse, """
            select m.article_id, m.mention_text, l.latitude, l.longitude
            from fct_location_mentions m left join dim_locations l using (location_id)""")
    predicted: dict[tuple[str, str], tuple | None] = {}
    for row in rows.itertuples(index=False):
        key = (row.article_id, row.mention_text)
        where = None if row.latitude != row.latitude or row.latitude is None else (
            row.latitude, row.longitude)
        if predicted.get(key) is None:
            predicted[key] = where
    with_coordinates = [t for t in toponyms if t["lat"] is not None]
    with_geonames = [t for t in toponyms if t["geonames_id"]]
    for label, subset in (("all gold toponyms", toponyms),
                          ("with coordinates", with_coordinates),
                          ("with a GeoNames id", with_geonames)):
        s = score(subset, predicted)
        print(f"{label:22s} n={s['gold']:5d}  found {s['found']:.3f}  "
              f"within 161 km {s['within_161km']:.3f}  median error {s['median_error_km']:.0f} km")
    missed = Counter(t["type"] for t in toponyms if (t["article_id"], t["name"]) not in predicted)
    print("missed by gold type:", dict(missed.most_common()))


if __name__ == "__main__":
    main()
