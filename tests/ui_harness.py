"""Driving a real `casus ui` from outside, as a user's browser would: start it on a free port,
ask its GraphQL API, wait for what it does, stop it and every process it launched. Shared by
the end-to-end UI test and benchmarks/new_article_latency.py."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.connection import snapshot_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", method="POST",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.loads(response.read())
    if "errors" in body:
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    return body["data"]


def wait(predicate: Callable, timeout: float, what: str, every: float = 2.0):
    """The predicate's first true value, asked every `every` seconds for up to `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def article_count(warehouse: Path) -> int:
    """Articles in the published snapshot (0 before the first publish)."""
    snapshot = snapshot_path(warehouse)
    if not snapshot.exists():
        return 0
    try:
        with duckdb.connect(str(snapshot), read_only=True) as conn:
            return conn.execute("select count(*) from dim_articles").fetchone()[0]
    except duckdb.Error:
        return 0


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5):
            return True
    except OSError:
        return False


def _processes_of(home: Path) -> list[int]:
    found = subprocess.run(["pgrep", "-f", str(home)], capture_output=True, text=True).stdout
    return [int(pid) for pid in found.split()]


@contextmanager
def running_ui(seeds: Path, warehouse: Path, home: Path, log_path: Path) -> Iterator[int]:
    """`casus ui` over these folders until the block ends; yields its port."""
    port = free_port()
    casus = Path(sys.executable).with_name("casus")
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(casus), "ui", "--port", str(port), "--seeds", str(seeds), "--warehouse",
             str(warehouse), "--dagster-home", str(home)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env={k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"})
        try:
            wait(lambda: _answers(port), 180, "the Dagster UI to answer")
            yield port
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            # Run workers the daemon launched may run on in sessions of their own: stop them.
            for pid in _processes_of(home):
                os.kill(pid, signal.SIGKILL)
            wait(lambda: not _processes_of(home), 30, "every process of the instance to stop", 1)
