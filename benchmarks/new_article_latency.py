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
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds"
_TOPICS = [("Norway", "Sweden", "Oslo"), ("Kenya", "Uganda", "Nairobi"),
           ("Chile", "Peru", "Santiago"), ("Japan", "Vietnam", "Tokyo"),
           ("Egypt", "Jordan", "Cairo"), ("Poland", "Lithuania", "Warsaw")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", method="POST",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["data"]


def _articles(snapshot: Path) -> int:
    if not snapshot.exists():
        return 0
    try:
        with duckdb.connect(str(snapshot), read_only=True) as conn:
            return conn.execute("select count(*) from dim_articles").fetchone()[0]
    except duckdb.Error:
        return 0


def _up(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5):
            return True
    except OSError:
        return False


def _wait(predicate, timeout: float, what: str, every: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(every)
    raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")


_LATEST_RUN = """{ runsOrError(limit: 1) { ... on Runs { results {
    runId status creationTime startTime endTime
    stepStats { stepKey startTime endTime }
    eventConnection { events { __typename ... on MessageEvent { timestamp } } } } } } }"""


# Run events whose times split the launch: queued, taken off the queue, process started.
_MARKS = ("RunEnqueuedEvent", "RunDequeuedEvent", "RunStartingEvent", "RunStartEvent")


def _latest_run(port: int) -> dict | None:
    runs = _graphql(port, _LATEST_RUN)["runsOrError"]["results"]
    return runs[0] if runs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3, help="new articles to drop, one by one")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="casus-latency-"))
    seeds, warehouse, home = tmp / "seeds", tmp / "w.duckdb", tmp / "home"
    seeds.mkdir()
    for seed in sorted(SEED.iterdir()):
        shutil.copy(seed, seeds / seed.name)
    snapshot = warehouse.with_name("w.read.duckdb")
    port = _free_port()
    casus = Path(sys.executable).with_name("casus")
    log = (tmp / "ui.log").open("w")
    started = time.monotonic()
    process = subprocess.Popen(
        [str(casus), "ui", "--port", str(port), "--seeds", str(seeds), "--warehouse",
         str(warehouse), "--dagster-home", str(home)], stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True, env={k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"})
    rows = []
    try:
        _wait(lambda: _up(port), 300, "the UI")
        print(f"UI answering after {time.monotonic() - started:.1f} s", flush=True)
        _wait(lambda: _articles(snapshot) >= 1, 600, "the first run")
        print(f"seed article published after {time.monotonic() - started:.1f} s", flush=True)
        for n, (country, other, city) in enumerate(_TOPICS[:args.articles], start=1):
            time.sleep(3)  # let the sensor settle after the previous run
            before = _articles(snapshot)
            dropped = time.time()
            (seeds / f"latency_{n}.txt").write_text(
                f"{country} and {other} hold talks\n\n{country}'s foreign minister met his "
                f"{other} counterpart in {city} on Monday and signed a trade agreement.",
                encoding="utf-8")
            _wait(lambda before=before: _articles(snapshot) > before, 600, "the new article")
            seen = time.time()
            # The snapshot is published by the run's last step, before the run records its end.
            run = _wait(lambda: (r := _latest_run(port)) and r["endTime"] and r, 120, "run end")
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
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
        found = subprocess.run(["pgrep", "-f", str(home)], capture_output=True, text=True).stdout
        for pid in found.split():
            os.kill(int(pid), signal.SIGKILL)
    if rows:
        print(f"median over {len(rows)} articles: " + ", ".join(
            f"{k} {statistics.median(r[k] for r in rows):.1f} s" for k in rows[0]))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
