"""Benchmark: `casus run` on the BBC corpus (2,225 articles) into a temporary warehouse.

Prints articles per second and peak memory for a cold run and for a rerun (nothing changed:
the run returns before starting Dagster), each as the median of --repeat runs in fresh
processes. Peak memory is the largest sum, sampled every half second, of the proportional set
size (PSS: shared pages split among their sharers) of `casus run` and the worker processes it
forks; the same measure as RSS for one process, without counting twice what workers share.

    .venv/bin/python benchmarks/bbc_ingest.py [--corpus ../shared/corpus/bbc] [--repeat 3]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def timed_run(corpus: Path, warehouse: Path, workers: int | None) -> tuple[float, float]:
    """Wall seconds and peak MiB (PSS summed over the process tree) of one `casus run`."""
    casus = Path(sys.executable).with_name("casus")
    started = time.perf_counter()
    proc = subprocess.Popen([str(casus), "run", "--seeds", str(corpus), "--warehouse",
                             str(warehouse)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={"PATH": "/usr/bin:/bin", **(
                                {"CASUS_WORKERS": str(workers)} if workers else {})})
    peak = 0
    stderr: list[str] = []
    reader = threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True)
    reader.start()
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kib(pid) for pid in _tree(proc.pid)))
        time.sleep(0.5)
    elapsed = time.perf_counter() - started
    reader.join()
    if proc.returncode != 0:
        sys.exit(f"casus run failed:\n{''.join(stderr)[-3000:]}")
    return elapsed, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int,
                        help="processes extraction may use (CASUS_WORKERS); default: every core")
    args = parser.parse_args()
    articles = sum(1 for p in args.corpus.rglob("*.txt") if p.stem.lower() != "readme")
    cold, rerun = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            warehouse = Path(tmp) / "bbc.duckdb"
            cold.append(timed_run(args.corpus, warehouse, args.workers))
            rerun.append(timed_run(args.corpus, warehouse, args.workers))
    for label, runs in (("cold run", cold), ("rerun (nothing changed)", rerun)):
        seconds = statistics.median(s for s, _ in runs)
        memory = statistics.median(m for _, m in runs)
        print(f"{label:24s} {articles} articles  median {seconds:6.1f} s  "
              f"{articles / seconds:6.1f} articles/s  peak {memory:6.0f} MiB  (n={len(runs)})")


if __name__ == "__main__":
    main()
