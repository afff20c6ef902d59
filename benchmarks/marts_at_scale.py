"""Benchmark: every SQL model rebuilt over a warehouse of about a million events.

Grows a copy of a real warehouse (one `casus run` wrote, e.g. over BBC) to --events events by
replicating its raw tables: copy k gets every article, sentence, mention and event again with
`~k` appended to their ids, so the grain, the code and country distributions and the ratios
between tables stay those of real news. Then rebuilds every model of `dbt_like_sql/` in build
order, --repeat times, and prints the median seconds (total and the slowest models), the row
counts, the process's peak memory (RSS), and what reading the marts that are views costs: an
analyst's query over each (median of --repeat), since a view is computed when read.

    .venv/bin/python benchmarks/marts_at_scale.py --base data/casus.duckdb [--events 1000000]

Run it by hand, not in CI: building the grown warehouse writes a few GB to a temporary folder.
"""

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orchestration.settings import SQL_ROOT  # noqa: E402
from warehouse.sql_models import build_model, load_models  # noqa: E402

# Columns holding ids of rows a copy must not share with the original; everything else (actor,
# location and code ids: the dimensions) is the same actor, place or code in every copy.
_COPIED_IDS = {"article_id", "event_id", "mention_id", "sentence_id", "key"}
# An analyst's query over each mart that is a view: what reading it costs instead of building it.
_VIEW_QUERIES = {
    "dim_articles": "select source_name, count(*), sum(sentence_count) from dim_articles group by 1",
    "fct_actor_mentions": "select actor_id, count(*) from fct_actor_mentions group by 1 "
                          "order by 2 desc limit 10",
    "fct_location_mentions": "select is_event_place, count(*) from fct_location_mentions group by 1",
    "fct_event_dyads": "select source_actor_code, target_actor_code, count(*) from fct_event_dyads "
                       "group by 1, 2 order by 3 desc limit 10",
}
# Raw tables with a row per article, sentence, mention or event; the rest are copied once.
_GROWN = ("articles", "sentences", "events", "event_actors", "actor_mentions",
          "location_mentions", "ingest_state", "rejected_rows")


def _grow(conn: duckdb.DuckDBPyConnection, target_events: int) -> int:
    base_events = conn.execute("select count(*) from raw.events").fetchone()[0]
    if not base_events:
        sys.exit("the base warehouse has no events")
    copies = -(-target_events // base_events)
    tables = {t for (t,) in conn.execute(
        "select table_name from information_schema.tables where table_schema = 'raw'").fetchall()}
    for table in (t for t in _GROWN if t in tables):
        columns = [c for (c,) in conn.execute(
            "select column_name from information_schema.columns where table_schema = 'raw' "
            "and table_name = ? order by ordinal_position", [table]).fetchall()]
        conn.execute(f"create temp table base_{table} as select * from raw.{table}")
        select = ", ".join(
            f"{c} || '~' || k" if c in _COPIED_IDS
            else f"regexp_replace({c}, '([^,; ]+)', '\\1~' || k, 'g')" if c == "repeated_in"
            else c for c in columns)
        conn.execute(f"insert into raw.{table} select {select} from base_{table}, "
                     f"range(1, {copies}) as copy(k)")
        conn.execute(f"drop table base_{table}")
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True,
                        help="a warehouse `casus run` wrote (it is copied, not changed)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    models = load_models(SQL_ROOT)
    with tempfile.TemporaryDirectory(prefix="casus-marts-") as tmp:
        warehouse = Path(tmp) / "grown.duckdb"
        shutil.copy(args.base, warehouse)
        conn = duckdb.connect(str(warehouse))
        started = time.perf_counter()
        copies = _grow(conn, args.events)
        conn.execute("checkpoint")
        grown_s = time.perf_counter() - started
        sizes = {t: conn.execute(f"select count(*) from raw.{t}").fetchone()[0]
                 for t in ("articles", "sentences", "events", "event_actors", "actor_mentions")}
        print(f"grown to {copies} copies of {args.base.name} in {grown_s:.0f} s: "
              + ", ".join(f"raw.{t} {n:,}" for t, n in sizes.items()))
        totals, per_model = [], {m.name: [] for m in models}
        for _ in range(args.repeat):
            run_started = time.perf_counter()
            for model in models:
                model_started = time.perf_counter()
                build_model(conn, model)
                per_model[model.name].append(time.perf_counter() - model_started)
            totals.append(time.perf_counter() - run_started)
        rows = {m.name: conn.execute(f"select count(*) from {m.name}").fetchone()[0]
                for m in models if m.layer == "marts"}
        reads: dict[str, float] = {}
        for m in models:
            if m.layer == "marts" and m.materialization == "view" and m.name in _VIEW_QUERIES:
                times = []
                for _ in range(args.repeat):
                    query_started = time.perf_counter()
                    conn.execute(_VIEW_QUERIES[m.name]).fetchall()
                    times.append(time.perf_counter() - query_started)
                reads[m.name] = statistics.median(times)
        conn.close()
    slowest = sorted(per_model, key=lambda n: -statistics.median(per_model[n]))[:5]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"every model rebuilt ({len(models)}): median {statistics.median(totals):.1f} s "
          f"over {args.repeat} rebuilds (each: {', '.join(f'{t:.1f}' for t in totals)} s); "
          f"peak memory {peak_mib:.0f} MiB")
    print("slowest: " + ", ".join(f"{n} {statistics.median(per_model[n]):.2f} s" for n in slowest))
    print("rows: " + ", ".join(f"{n} {c:,}" for n, c in rows.items()))
    print("an analyst's query over each view (median): "
          + ", ".join(f"{n} {t:.2f} s" for n, t in reads.items()))


if __name__ == "__main__":
    main()
