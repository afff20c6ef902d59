"""Benchmark: `casus run` over Reuters-21578 (22 SGML files, 21,578 documents) end to end.

Copies the corpus's `reut2-*.sgm` files into a temporary seeds folder (the seeds scanner reads
no link that leaves its folder, and the corpus folder also holds the collection's word lists),
runs `casus run` cold into a temporary warehouse and once more with nothing changed, each in a
fresh process, and prints wall seconds, articles per second, peak memory (PSS summed over the
process tree, as `bbc_ingest.py` measures it), and what landed: articles, events, rejected rows.
The cold run's own progress lines (stderr) are kept, so the phases can be read off their times.

    .venv/bin/python benchmarks/reuters_end_to_end.py [--files 22] [--workers N] [--log PATH]
        [--dagster-home]

Run it by hand, not in CI: it takes tens of minutes and the figures depend on the machine.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bbc_ingest import _measured  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578"


def _landed(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return {table: conn.execute(f"select count(*) from {table}").fetchone()[0]
                for table in ("dim_articles", "fct_events", "rejected_rows")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--files", type=int, default=22, help="the first N reut2-*.sgm files")
    parser.add_argument("--workers", type=int,
                        help="processes extraction may use (CASUS_WORKERS); default: every core")
    parser.add_argument("--log", type=Path, help="where to keep the cold run's stderr")
    parser.add_argument("--dagster-home", action="store_true",
                        help="record the runs in a fresh DAGSTER_HOME (SQLite), as when the user "
                             "sets it so runs show in the UI; default: as `casus run` runs by "
                             "default, with an in-memory Dagster instance")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("reut2-*.sgm"))[:args.files]
    if not files:
        sys.exit(f"no reut2-*.sgm files in {args.corpus}")
    casus = Path(sys.executable).with_name("casus")
    env = {"CASUS_WORKERS": str(args.workers)} if args.workers else {}
    with tempfile.TemporaryDirectory(prefix="casus-reuters-") as tmp:
        seeds, warehouse = Path(tmp) / "seeds", Path(tmp) / "reuters.duckdb"
        seeds.mkdir()
        for path in files:
            shutil.copy(path, seeds / path.name)
        if args.dagster_home:
            env["DAGSTER_HOME"] = str(Path(tmp) / "dagster_home")
        command = [str(casus), "run", "--seeds", str(seeds), "--warehouse", str(warehouse)]
        started = time.strftime("%H:%M:%S")
        cold, cold_mib, stderr = _measured(command, env, keep_stderr=True)
        if args.log:
            args.log.write_text(stderr, encoding="utf-8")
        counts = _landed(warehouse)
        rerun, rerun_mib, _ = _measured(command, env, keep_stderr=True)
    articles = counts["dim_articles"]
    instance = "a fresh DAGSTER_HOME (SQLite)" if args.dagster_home else "no DAGSTER_HOME (in memory)"
    print(f"Reuters-21578, {len(files)} files, Dagster instance: {instance}; cold run started "
          f"{started}")
    print(f"casus run, cold                   {cold:7.1f} s  {articles / cold:6.1f} articles/s  "
          f"peak {cold_mib:6.0f} MiB")
    print(f"casus run again, nothing changed  {rerun:7.1f} s  peak {rerun_mib:6.0f} MiB")
    print("landed: " + ", ".join(f"{table} {n:,}" for table, n in counts.items()))


if __name__ == "__main__":
    main()
