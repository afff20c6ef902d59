"""Progress of a long `casus run` for the person waiting on it: articles done, articles per
second and the time left, as a bar on a terminal and as a plain line every few seconds when the
output goes to a file or a pipe. Only `casus run` turns it on (CASUS_PROGRESS=1); runs the UI
launches report through Dagster's log instead.
"""

import os
import sys
import time
from typing import TextIO

from tqdm import tqdm

ENV = "CASUS_PROGRESS"
_PLAIN_EVERY_S = 10.0


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.started = self.last_line = time.monotonic()
        self.bar = tqdm(total=total, desc=label, unit=" articles", file=self.stream,
                        dynamic_ncols=True, leave=False) if self.stream.isatty() else None

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count)
            return
        now = time.monotonic()
        if now - self.last_line >= _PLAIN_EVERY_S or self.done == self.total:
            self.last_line = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else float("nan")
        return (f"{self.label}: {self.done}/{self.total} articles, {rate:.1f}/s, "
                f"about {left:.0f} s left")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def progress_for(total: int, label: str) -> Progress | None:
    """A progress display when `casus run` asked for one and there is work to show."""
    return Progress(total, label) if os.environ.get(ENV) == "1" and total else None
