"""Benchmark: the share of extraction time spent finding and resolving places, on BBC.

Extracts --articles BBC articles (the five sections alternating, in file order) --repeat times
in this process, timing the place steps (finding place mentions in each
sentence, dateline places, resolving them against the gazetteer) inside the whole extraction
(parse + actors + places + events). Prints the median of each and their ratio, and the ratio
with the gazetteer's one-time load (paid once per process) added to the place steps.

    .venv/bin/python benchmarks/place_resolution_cost.py [--articles 300] [--repeat 3]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BBC = ROOT.parent / "shared" / "corpus" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from pipelines import extract
    from pipelines.gazetteer import alternate_index, place_index
    from pipelines.ingest import ingest_record
    from pipelines.seeds import read_seed_file

    started = time.perf_counter()
    place_index(), alternate_index()
    load_s = time.perf_counter() - started

    spent = [0.0]

    def timed(function):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[0] += time.perf_counter() - t0
        return wrapper

    for name in ("find_place_mentions", "dateline_places", "resolve_places"):
        setattr(extract, name, timed(getattr(extract, name)))

    sections = sorted(p for p in BBC.iterdir() if p.is_dir())
    files = [sorted(s.glob("*.txt")) for s in sections]
    paths = [p for group in zip(*files, strict=False) for p in group][:args.articles]
    records = [r for p in paths for r in read_seed_file(p, BBC)]
    totals, places = [], []
    for _ in range(args.repeat):
        results = [ingest_record(r) for r in records]
        spent[0] = 0.0
        t0 = time.perf_counter()
        extract.extract_batch(results)
        totals.append(time.perf_counter() - t0)
        places.append(spent[0])
    total, place = statistics.median(totals), statistics.median(places)
    print(f"articles {len(records)}  repeats {args.repeat}  gazetteer load {load_s:.1f} s (once)")
    print(f"extraction {total:.2f} s  place steps {place:.2f} s  share {place / total:.3f}  "
          f"with the gazetteer load {(place + load_s) / (total + load_s):.3f}")


if __name__ == "__main__":
    main()
