"""Extraction on every core: a run's articles split among forked worker processes.

The workers are forked after the language model, the lexicon and the gazetteer are loaded (by
extracting the run's first articles here), so they start at once, share those pages with the
parent and keep their own memories (tags, lemmas) warm over several batches; what a worker's
memory learns comes back with its articles, so the workers forked next know it too. Each worker
parses and codes whole articles (nothing an article's reading needs crosses articles), and the
filled-in articles come back in their order. While the caller validates and writes one batch,
the workers are already extracting the next. Results are those of one process (tested). Where
fork is unavailable, or the run is small enough that starting workers would cost more than it
saves, the articles are extracted here.
"""

import gc
import multiprocessing
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipelines.extract import (
    copy_extraction,
    extract_batch,
    extracted_rows,
    extraction_digest,
)
from pipelines.ingest import IngestedArticle
from pipelines.nlp import tagging_memory

# Articles a worker takes at a time: small enough to keep both cores busy to the end of a run,
# large enough that spaCy's batching pays.
CHUNK = 10
# A run of fewer articles than this is extracted in this process.
MIN_ARTICLES = 40
# Batches a set of workers extracts before fresh ones are forked for the next: a forked worker
# slowly makes private copies of the pages it shares with the parent (every object it touches
# has its reference count written) and its vocabulary and memories grow, so a long run would
# hold two nearly whole copies of the parent.
BATCHES_PER_FORK = 4


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


def _extract_chunk(chunk: list[IngestedArticle]) -> tuple[list[IngestedArticle], tuple]:
    extract_batch(chunk)
    return chunk, tagging_memory().learned()


def _serial(on_done: Callable[[int], None] | None) -> Callable[[int], None]:
    """`on_done` made safe to call from the pool's result thread and from this one."""
    lock = threading.Lock()

    def told(count: int) -> None:
        if on_done is not None:
            with lock:
                on_done(count)
    return told


class _Pool:
    """Forked workers for one run, started when the first batch is handed to them."""

    def __init__(self, workers: int, told: Callable[[int], None]):
        self.workers, self.told = workers, told
        self.executor: ProcessPoolExecutor | None = None
        self.batches = 0  # handed to the present workers
        self.broken = False

    def _here(self, chunk: list[IngestedArticle]) -> None:
        extract_batch(chunk)
        self.told(len(chunk))

    def submit(self, batch: list[IngestedArticle]) -> list[tuple[int, Future | None]]:
        """The batch's chunks handed to the workers, by where each starts in the batch; a
        chunk with no future was extracted here."""
        chunks: list[tuple[int, Future | None]] = []
        start = 0
        if self.executor is None:
            # This loads the model, the lexicon, the gazetteer and every other cache before
            # the fork, so no worker loads them again; what is loaded is frozen out of the
            # collector, whose passes would otherwise copy the shared pages into each worker.
            self._here(batch[:CHUNK])
            chunks.append((0, None))
            start = CHUNK
            self._fork()
        elif self.batches >= BATCHES_PER_FORK and not self.broken:
            # The old workers finish what they hold first (their results stay in their
            # futures): forking beside their threads could copy a lock one of them holds.
            self.executor.shutdown(wait=True)
            self._fork()
        self.batches += 1
        for at in range(start, len(batch), CHUNK):
            future = None
            if not self.broken:
                try:
                    future = self.executor.submit(_extract_chunk, batch[at:at + CHUNK])
                    future.add_done_callback(self._told_of)
                except BrokenProcessPool:
                    self.broken = True
            if future is None:
                self._here(batch[at:at + CHUNK])
            chunks.append((at, future))
        return chunks

    def _fork(self) -> None:
        gc.freeze()
        self.executor = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("fork"))
        self.batches = 0

    def _told_of(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.told(len(future.result()[0]))

    def collect(self, batch: list[IngestedArticle],
                chunks: list[tuple[int, Future | None]]) -> list[IngestedArticle]:
        """The batch with every chunk's extracted articles in their places."""
        for at, future in chunks:
            if future is None:
                continue
            try:
                done, learned = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): what it and the others had not
                # returned is extracted here, so the batch lands whole or with its failures
                # as rejected rows, and the rest of the run stays here.
                self.broken = True
                self._here(batch[at:at + CHUNK])
                continue
            batch[at:at + len(done)] = done
            tagging_memory().take(learned)
        return batch

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)
            gc.unfreeze()


class _Repeats:
    """Articles alike in all that extraction reads (a wire story filed twice, a corpus's
    duplicates) are extracted once per run: the later ones get the first one's rows under
    their own keys. The first ones' rows are kept, packed, for the last `WINDOW` of them; a
    repeat of one older than that, or of one whose extraction failed, is extracted itself."""

    WINDOW = 2000

    def __init__(self) -> None:
        self.sent: set[str] = set()  # digests of the articles handed on for extraction
        self.first: OrderedDict[str, bytes] = OrderedDict()  # digest -> `extracted_rows`

    def split(self, batch: list[IngestedArticle]) -> tuple[list[int], list[int], list]:
        """Positions of the batch's articles to extract, of its repeats, and every digest."""
        digests = [extraction_digest(r) for r in batch]
        fresh, repeats = [], []
        for i, digest in enumerate(digests):
            if digest is not None and digest in self.sent:
                repeats.append(i)
            else:
                fresh.append(i)
                if digest is not None:
                    self.sent.add(digest)
        return fresh, repeats, digests

    def fill(self, batch: list[IngestedArticle], repeats: list[int], digests: list,
             told: Callable[[int], None]) -> None:
        again = set(repeats)
        for i, result in enumerate(batch):
            if i not in again and digests[i] is not None and result.article is not None:
                self.first[digests[i]] = extracted_rows(result)
                self.first.move_to_end(digests[i])
        while len(self.first) > self.WINDOW:
            self.first.popitem(last=False)
        for i in repeats:
            packed = self.first.get(digests[i])
            if packed is None:
                extract_batch([batch[i]])
            else:
                copy_extraction(packed, batch[i])
        if repeats:
            told(len(repeats))


def extract_batches(batches: Iterable[list[IngestedArticle]], total: int,
                    workers: int | None = None,
                    on_done: Callable[[int], None] | None = None) -> Iterator[list[IngestedArticle]]:
    """Each batch with its articles' mention and event rows filled (as `extract_batch` does),
    in order, extracted on `workers` processes; `total` is how many articles the batches hold.
    The next batch is read and handed to the workers before this one is yielded, so they
    extract it while the caller writes this one. `on_done(n)` is told as articles complete.
    An article alike in all extraction reads to an earlier one of the run is not extracted
    again (`_Repeats`)."""
    told = _serial(on_done)
    repeats = _Repeats()
    split: deque[tuple[list[IngestedArticle], list[int], list[int], list]] = deque()

    def to_extract() -> Iterator[list[IngestedArticle]]:
        for batch in batches:
            fresh, again, digests = repeats.split(batch)
            split.append((batch, fresh, again, digests))
            yield [batch[i] for i in fresh]

    for extracted in _extract_batches(to_extract(), total, workers, told):
        batch, fresh, again, digests = split.popleft()
        for i, result in zip(fresh, extracted, strict=True):
            batch[i] = result
        repeats.fill(batch, again, digests, told)
        yield batch


def _extract_batches(batches: Iterable[list[IngestedArticle]], total: int, workers: int | None,
                     told: Callable[[int], None]) -> Iterator[list[IngestedArticle]]:
    workers = default_workers() if workers is None else workers
    if workers < 2 or total < MIN_ARTICLES \
            or "fork" not in multiprocessing.get_all_start_methods():
        for batch in batches:
            extract_batch(batch, told)
            yield batch
        return
    pool = _Pool(workers, told)
    ahead: deque[tuple[list[IngestedArticle], list]] = deque()
    try:
        for batch in batches:
            ahead.append((batch, pool.submit(batch)))
            if len(ahead) > 1:
                yield pool.collect(*ahead.popleft())
        while ahead:
            yield pool.collect(*ahead.popleft())
    finally:
        pool.close()
