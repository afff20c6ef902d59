"""How long a new article takes to become queryable with the UI running, and where the time goes.

Starts `casus ui` on a fresh instance over a seeds folder holding one article, waits for the
sensor's first run to publish it, then drops new articles one at a time and measures, for each,
the seconds from the file landing to the published snapshot answering with it. Each latency is
split by the run's own timestamps (from the UI's GraphQL API) into: the sensor noticing the file
(drop -> run created), the run launching (created -> started: a new process loading the code),
the run itself (started -> ended, with its slowest steps), and the snapshot becoming readable.

    PYTHONPATH=. .venv/bin/python benchmarks/new_article_latency.py [--articles 3]

Run it by hand, not in CI: the figures depend on the machine and its load.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ui_harness import article_count, graphql, running_ui, wait  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds"
_TOPICS = [("Norway", "Sweden", "Oslo"), ("Kenya", "Uganda", "Nairobi"),
           ("Chile", "Peru", "Santiago"), ("Japan", "Vietnam", "Tokyo"),
           ("Egypt", "Jordan", "Cairo"), ("Poland", "Lithuania", "Warsaw")]


_LATEST_RUN = """{ runsOrError(limit: 1) { ... on Runs { results {
    runId status creationTime startTime endTime
    stepStats { stepKey startTime endTime }
    eventConnection { events { __typename ... on MessageEvent { timestamp } } } } } } }"""


# Run events whose times split the launch: queued, taken off the queue, process started.
_MARKS = ("RunEnqueuedEvent", "RunDequeuedEvent", "RunStartingEvent", "RunStartEvent")


def _latest_run(port: int) -> dict | None:
    runs = graphql(port, _LATEST_RUN)["runsOrError"]["results"]
    return runs[0] if runs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3, help="new articles to drop, one by one")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="casus-latency-"))
    seeds, warehouse = tmp / "seeds", tmp / "w.duckdb"
    seeds.mkdir()
    for seed in sorted(SEED.iterdir()):
        shutil.copy(seed, seeds / seed.name)
    rows = []
    started = time.monotonic()
    with running_ui(seeds, warehouse, tmp / "home", tmp / "ui.log") as port:
        print(f"UI answering after {time.monotonic() - started:.1f} s", flush=True)
        wait(lambda: article_count(warehouse) >= 1, 600, "the first run", every=0.25)
        print(f"seed article published after {time.monotonic() - started:.1f} s", flush=True)
        for n, (country, other, city) in enumerate(_TOPICS[:args.articles], start=1):
            time.sleep(3)  # let the sensor settle after the previous run
            before = article_count(warehouse)
            dropped = time.time()
            (seeds / f"latency_{n}.txt").write_text(
                f"{country} and {other} hold talks\n\n{country}'s foreign minister met his "
                f"{other} counterpart in {city} on Monday and signed a trade agreement.",
                encoding="utf-8")
            wait(lambda before=before: article_count(warehouse) > before, 600, "the new article",
                 every=0.25)
            seen = time.time()
            # The snapshot is published by the run's last step, before the run records its end.
            run = wait(lambda: (r := _latest_run(port)) and r["endTime"] and r, 120, "run end",
                       every=0.25)
            steps = sorted(((s["endTime"] or 0) - (s["startTime"] or 0), s["stepKey"])
                           for s in run["stepStats"])
            first_step = min(s["startTime"] for s in run["stepStats"])
            marks = {e["__typename"]: float(e["timestamp"]) / 1000 for e in
                     run["eventConnection"]["events"] if e["__typename"] in _MARKS}
            row = {"total": seen - dropped, "detect": run["creationTime"] - dropped,
                   "launch": run["startTime"] - run["creationTime"],
                   "code load": first_step - run["startTime"],
                   "steps": seen - first_step}
            rows.append(row)
            print(f"article {n}: " + ", ".join(f"{k} {v:.1f} s" for k, v in row.items())
                  + "; after creation: " + ", ".join(
                      f"{k} {v - run['creationTime']:.1f}" for k, v in marks.items())
                  + "; slowest steps: " + ", ".join(f"{k} {s:.1f} s" for s, k in steps[-3:]),
                  flush=True)
    if rows:
        print(f"median over {len(rows)} articles: " + ", ".join(
            f"{k} {statistics.median(r[k] for r in rows):.1f} s" for k in rows[0]))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
