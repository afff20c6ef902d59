"""Extraction on every core: a batch of articles split among worker processes.

The workers are forked after the language model, the lexicon and the gazetteer are loaded, so
they start at once and share those pages with the parent; each parses and codes whole articles
(nothing an article's reading needs crosses articles), and the filled-in articles come back in
their order. Results are those of one process (tested). Where fork is unavailable, or the batch
is small enough that starting workers would cost more than it saves, the batch is extracted here.
"""

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipelines.extract import extract_batch
from pipelines.ingest import IngestedArticle

# Articles a worker takes at a time: small enough to keep both cores busy to the end of a batch,
# large enough that spaCy's batching pays.
CHUNK = 10
# Fewer articles than this are extracted in this process.
MIN_ARTICLES = 40


def default_workers() -> int:
    """`CASUS_WORKERS` if set (1: one process), else the cores this process may use."""
    if configured := os.environ.get("CASUS_WORKERS", "").strip():
        try:
            return max(1, int(configured))
        except ValueError:
            raise ValueError(f"CASUS_WORKERS must be a whole number, not {configured!r}") from None
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _extract_chunk(chunk: list[IngestedArticle]) -> list[IngestedArticle]:
    extract_batch(chunk)
    return chunk


def extract_in_processes(results: list[IngestedArticle], workers: int | None = None,
                         on_done: Callable[[int], None] | None = None) -> None:
    """Fill each article's mention and event rows (as `extract_batch` does) on `workers`
    processes; `on_done(n)` is told as articles complete."""
    workers = default_workers() if workers is None else workers
    if workers < 2 or len(results) < MIN_ARTICLES \
            or "fork" not in multiprocessing.get_all_start_methods():
        extract_batch(results, on_done)
        return
    # The first articles here: that loads the model, the lexicon, the gazetteer and every other
    # cache before the fork, so no worker loads them again.
    extract_batch(results[:CHUNK])
    if on_done is not None:
        on_done(CHUNK)
    starts = range(CHUNK, len(results), CHUNK)
    pending = set(starts)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            chunks = pool.map(_extract_chunk, [results[i:i + CHUNK] for i in starts])
            for start, done in zip(starts, chunks, strict=True):
                results[start:start + len(done)] = done
                pending.discard(start)
                if on_done is not None:
                    on_done(len(done))
    except BrokenProcessPool:
        # A worker died (killed, out of memory): what it and the others had not returned is
        # extracted here, so the batch lands whole or with its failures as rejected rows.
        for start in sorted(pending):
            chunk = results[start:start + CHUNK]
            extract_batch(chunk)
            if on_done is not None:
                on_done(len(chunk))
