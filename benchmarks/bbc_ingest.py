"""Benchmark: `casus run` on the BBC corpus (2,225 articles) into a temporary warehouse.

Prints articles per second and peak memory for a cold run and for a rerun (where every article
is unchanged and skipped), each as the median of --repeat runs in fresh processes.

    .venv/bin/python benchmarks/bbc_ingest.py [--corpus ../shared/corpus/bbc] [--repeat 3]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_run(corpus: Path, warehouse: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one `casus run` in a fresh process."""
    casus = Path(sys.executable).with_name("casus")
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v", str(casus), "run", "--seeds", str(corpus), "--warehouse",
         str(warehouse)], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"casus run failed:\n{proc.stderr[-3000:]}")
    peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return elapsed, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = sum(1 for p in args.corpus.rglob("*.txt") if p.stem.lower() != "readme")
    cold, rerun = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            warehouse = Path(tmp) / "bbc.duckdb"
            cold.append(timed_run(args.corpus, warehouse))
            rerun.append(timed_run(args.corpus, warehouse))
    for label, runs in (("cold run", cold), ("rerun (all unchanged)", rerun)):
        seconds = statistics.median(s for s, _ in runs)
        memory = statistics.median(m for _, m in runs)
        print(f"{label:24s} {articles} articles  median {seconds:6.1f} s  "
              f"{articles / seconds:6.1f} articles/s  peak {memory:6.0f} MiB  (n={len(runs)})")


if __name__ == "__main__":
    main()
