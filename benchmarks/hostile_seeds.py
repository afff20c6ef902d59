"""Benchmark: the work each hostile seed makes, against an ordinary article.

For every seed of the hostile corpus (tests/hostile.py) and a set of ordinary articles, alone in
a seeds folder: read, ingest, extract and validate it in this process (the per-article work of a
run, without the warehouse): seconds as the median of --repeat untraced tries, peak memory from
one more try under tracemalloc; and the ratio of each to the median ordinary article.

    .venv/bin/python benchmarks/hostile_seeds.py [--repeat 3]
"""

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.extract import extract_batch  # noqa: E402
from pipelines.ingest import ingest_record  # noqa: E402
from pipelines.nlp import load_nlp  # noqa: E402
from pipelines.seeds import scan_seeds  # noqa: E402
from pipelines.validate import validate_batch  # noqa: E402
from tests.hostile import GOOD, write_hostile_seeds  # noqa: E402


def per_article_work(seeds: Path, trace: bool) -> tuple[float, float, str]:
    """Seconds, peak traced MiB (when `trace`, which slows the work) and outcome of reading
    everything in `seeds`."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    results = [ingest_record(r) for r in scan_seeds(seeds)]
    extract_batch(results)
    validated = validate_batch(results)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
    if trace:
        tracemalloc.stop()
    reasons = sorted({r.reason for r in validated.rejections})
    outcome = "lands" if len(validated.articles) else "rejected"
    return elapsed, peak, outcome + (f" ({', '.join(reasons)})" if reasons else "")


def peak_rss_mib(seeds: Path) -> float:
    """Peak resident memory of a fresh process that loads the model and reads `seeds` once."""
    out = subprocess.run([sys.executable, __file__, "--one", str(seeds)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    load_nlp()  # the model loads once, as in a run
    if args.one:
        per_article_work(args.one, trace=False)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus, outside = Path(tmp) / "corpus", Path(tmp) / "outside"
        corpus.mkdir()
        outside.mkdir()
        expect = write_hostile_seeds(corpus, outside)
        figures: dict[str, tuple[float, float, str]] = {}
        rss: dict[str, float] = {}
        for name in sorted(expect):
            alone = Path(tmp) / "alone"
            shutil.rmtree(alone, ignore_errors=True)
            alone.mkdir()
            source = corpus / name
            if source.is_symlink():
                (alone / name).symlink_to(source.readlink() if not source.readlink().is_absolute()
                                          else source.readlink())
                if not source.readlink().is_absolute():  # the loop needs its partner
                    partner = source.readlink().name
                    (alone / partner).symlink_to(name)
            elif source.is_dir():
                (alone / name).mkdir()
            elif source.is_fifo():
                import os

                os.mkfifo(alone / name)
            else:
                shutil.copy(source, alone / name)
            tries = [per_article_work(alone, trace=False) for _ in range(args.repeat)]
            traced = per_article_work(alone, trace=True)
            figures[name] = (statistics.median(t[0] for t in tries), traced[1], tries[0][2])
            rss[name] = peak_rss_mib(alone)
    normal_s = statistics.median(figures[n][0] for n in GOOD)
    normal_mib = statistics.median(figures[n][1] for n in GOOD)
    normal_rss = statistics.median(rss[n] for n in GOOD)
    print(f"ordinary article: median {normal_s * 1000:.1f} ms, {normal_mib:.1f} MiB traced peak, "
          f"{normal_rss:.0f} MiB process peak ({len(GOOD)} articles, {args.repeat} tries each)")
    print(f"{'seed':<22} {'ms':>9} {'x time':>7} {'traced':>7} {'x':>6} {'RSS':>6} {'x':>5}  outcome")
    for name, (seconds, mib, outcome) in sorted(figures.items(), key=lambda kv: -kv[1][0]):
        print(f"{name:<22} {seconds * 1000:9.1f} {seconds / normal_s:7.2f} {mib:7.1f} "
              f"{mib / normal_mib:6.2f} {rss[name]:6.0f} {rss[name] / normal_rss:5.2f}  {outcome}")
    hostile = [n for n in figures if n not in GOOD]
    print(f"worst hostile seed: {max(figures[n][0] for n in hostile) / normal_s:.2f}x an ordinary "
          f"article's time, {max(rss[n] for n in hostile) / normal_rss:.2f}x its process peak")


if __name__ == "__main__":
    main()
