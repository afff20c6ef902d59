"""Geoparsing evaluation on GeoWebNews (../shared/eval/dev/GWN.xml), through `casus run`.

Each GWN article becomes a .json seed in a temporary folder; `casus run` loads them into a
temporary warehouse; the place mentions it found are then compared with the gold toponyms:

- found: a gold toponym whose surface text casus marked as a place in the same article;
- within 161 km: found, resolved, and placed within 161 km (100 miles) of the gold coordinates;
- median error: over the found toponyms that both sides placed.

Two readings are scored. `places`: the place mentions only (fct_location_mentions). `places +
actors`: a gold toponym that is no place mention but lies inside an actor mention of the same
article whose actor has a country ("Russian" in "Russian officials", "US" in "US Army") is
found there and placed at that country's point. GeoWebNews counts such demonyms and embedded
names as toponyms; casus keeps them as actors, whose country is where an analyst's map puts them.

Shares are over all gold toponyms, over those with coordinates (the issue's measure) and
those with a GeoNames id; placed-of-found is the share of found toponyms with coordinates that
are placed within 161 km. The articles are split into two fixed halves by the parity of the
SHA-256 of their id (as the event benchmark does): tune on `tune` only. `--show` lists, for the
tune half only, every gold toponym with coordinates that was missed or misplaced, with the
gazetteer's candidates for its name, so the next fix is chosen from evidence.

    .venv/bin/python benchmarks/eval_geoparsing.py [--gold ../shared/eval/dev/GWN.xml] [--show]
"""

import argparse
import hashlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.gazetteer import alternate_index, countries, distance_km, place_index  # noqa: E402
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


HALVES = ("tune", "held-out")


def half_of(article_id: str) -> str:
    """The fixed half an article belongs to: the parity of its id's SHA-256."""
    return HALVES[hashlib.sha256(article_id.encode("utf-8")).digest()[0] % 2]


def score(toponyms: list[dict], predicted: dict[tuple[str, str], tuple | None]) -> dict:
    found = placed = with_point = 0
    errors = []
    for gold in toponyms:
        key = (gold["article_id"], gold["name"])
        if key not in predicted:
            continue
        found += 1
        where = predicted[key]
        if gold["lat"] is None:
            continue
        with_point += 1
        if where is None:
            continue
        error = distance_km(gold["lat"], gold["lon"], *where)
        errors.append(error)
        placed += error <= 161
    total = len(toponyms)
    return {"gold": total, "found": found / total, "within_161km": placed / total,
            "placed_of_found": placed / with_point if with_point else float("nan"),
            "median_error_km": statistics.median(errors) if errors else float("nan")}


def _candidates(name: str) -> str:
    places = place_index().get(name.lower()) or alternate_index().get(name.lower(), [])
    best = sorted(places, key=lambda p: -p.population)[:4]
    return "; ".join(f"{p.name} {p.feature_type} {p.country_iso3} pop {p.population}"
                     for p in best) + (f" (+{len(places) - 4})" if len(places) > 4 else "")


def show_failures(toponyms: list[dict], predicted: dict) -> None:
    """Missed and misplaced gold toponyms with coordinates, tune half only."""
    for gold in toponyms:
        if gold["lat"] is None or half_of(gold["article_id"]) != "tune":
            continue
        key = (gold["article_id"], gold["name"])
        where = predicted.get(key)
        if key in predicted and where is not None and distance_km(
                gold["lat"], gold["lon"], *where) <= 161:
            continue
        status = "missed" if key not in predicted else (
            "unplaced" if where is None else
            f"misplaced {distance_km(gold['lat'], gold['lon'], *where):.0f} km")
        print(f"{gold['article_id']}\t{gold['type']}\t{gold['name']!r}\t{status}\t"
              f"gold ({gold['lat']:.2f}, {gold['lon']:.2f})\tcandidates: "
              f"{_candidates(gold['name']) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "dev" / "GWN.xml")
    parser.add_argument("--show", action="store_true",
                        help="list the tune half's missed and misplaced toponyms")
    args = parser.parse_args()
    articles, toponyms = read_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = run_casus(articles, Path(tmp))
        rows = run_query(warehouse, """
            select m.article_id, m.mention_text, l.latitude, l.longitude
            from fct_location_mentions m left join dim_locations l using (location_id)""")
        actor_rows = run_query(warehouse, """
            select m.article_id, m.mention_text, a.country_iso3
            from fct_actor_mentions m join dim_actors a using (actor_id)
            where a.country_iso3 is not null""")
    predicted: dict[tuple[str, str], tuple | None] = {}
    for row in rows.itertuples(index=False):
        key = (row.article_id, row.mention_text)
        where = None if row.latitude != row.latitude or row.latitude is None else (
            row.latitude, row.longitude)
        if predicted.get(key) is None:
            predicted[key] = where
    with_actors = dict(predicted)
    with_actors.update(actor_countries(toponyms, actor_rows, predicted))
    if args.show:
        show_failures(toponyms, with_actors)
    for reading, found in (("places", predicted), ("places + actors", with_actors)):
        print(f"== {reading}")
        for half in (*HALVES, "both"):
            subset = [t for t in toponyms if half in {"both", half_of(t["article_id"])}]
            print(f"{half}: {len({t['article_id'] for t in subset})} articles")
            with_coordinates = [t for t in subset if t["lat"] is not None]
            with_geonames = [t for t in subset if t["geonames_id"]]
            for label, group in (("all gold toponyms", subset),
                                 ("with coordinates", with_coordinates),
                                 ("with a GeoNames id", with_geonames)):
                s = score(group, found)
                print(f"  {label:20s} n={s['gold']:5d}  found {s['found']:.3f}  "
                      f"within 161 km {s['within_161km']:.3f}  placed of found "
                      f"{s['placed_of_found']:.3f}  median error {s['median_error_km']:.0f} km")
    missed = Counter(t["type"] for t in toponyms if (t["article_id"], t["name"]) not in
                     with_actors and t["lat"] is not None)
    print("places + actors, with coordinates, missed by gold type (both halves):",
          dict(missed.most_common()))


def actor_countries(toponyms: list[dict], actor_rows, places: dict) -> dict:
    """Gold toponyms that are no place mention but a word inside an actor mention of the same
    article whose actor has a country: placed at that country's point."""
    by_article: dict[str, list[tuple[str, str]]] = {}
    for row in actor_rows.itertuples(index=False):
        by_article.setdefault(row.article_id, []).append((row.mention_text, row.country_iso3))
    points = {iso3: (c.place.latitude, c.place.longitude) for iso3, c in countries().items()}
    found: dict[tuple[str, str], tuple | None] = {}
    for gold in toponyms:
        key = (gold["article_id"], gold["name"])
        if key in places or key in found or not gold["name"]:
            continue
        word = re.compile(rf"(?<!\w){re.escape(gold['name'])}(?!\w)")
        for text, iso3 in by_article.get(gold["article_id"], []):
            if word.search(text):
                found[key] = points.get(iso3)
                break
    return found


if __name__ == "__main__":
    main()
