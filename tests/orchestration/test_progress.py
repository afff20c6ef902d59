"""`casus run` shows its progress: a bar under a terminal, plain lines into a pipe, no Dagster
banners, and a summary with the time at the end."""

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.progress import Progress
from tests.conftest import SHARED


class _Pipe:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass

    def isatty(self):
        return False


def test_plain_lines_count_articles_rate_and_time_left():
    out = _Pipe()
    progress = Progress(4, "reading", stream=out)
    for _ in range(4):
        progress.advance()
    assert out.text.strip().splitlines()[-1].startswith("reading: 4/4 articles, ")
    assert "/s, about 0 s left" in out.text


def _bbc_seeds(folder: Path, count: int) -> None:
    corpus = SHARED / "corpus" / "bbc"
    assert corpus.is_dir(), "the shared BBC corpus is missing"
    sections = sorted(p for p in corpus.iterdir() if p.is_dir())
    files = [p for group in zip(*(sorted(s.glob("*.txt")) for s in sections), strict=False)
             for p in group][:count]
    for path in files:
        target = folder / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)


@pytest.mark.slow
def test_casus_run_under_a_terminal_shows_a_progress_bar_and_no_dagster_banner(tmp_path):
    seeds = tmp_path / "seeds"
    _bbc_seeds(seeds, 300)
    casus = Path(sys.executable).with_name("casus")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "fresh_home"), "COLUMNS": "100"}
    (tmp_path / "fresh_home").mkdir()
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([str(casus), "run", "--seeds", str(seeds), "--warehouse",
                             str(tmp_path / "w.duckdb")], stdin=secondary, stdout=secondary,
                            stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    chunks, deadline = [], time.monotonic() + 900
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 1.0)
        if ready:
            try:
                data = os.read(primary, 65536)
            except OSError:  # the terminal closed: the run ended
                break
            if not data:
                break
            chunks.append(data.decode("utf-8", "replace"))
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(primary)
    screen = "".join(chunks)
    assert proc.returncode == 0, screen[-3000:]
    bars = [part for part in screen.split("\r") if "articles" in part and "it/s" not in part
            and "/300" in part]
    assert len(bars) >= 3, screen[-3000:]  # the bar moved while the articles were read
    assert "casus run: 300 articles" in screen
    assert "telemetry" not in screen.lower() and "welcome to dagster" not in screen.lower()
