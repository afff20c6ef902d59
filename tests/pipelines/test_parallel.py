"""Extraction on several processes gives what one process gives, in the same order."""

from pipelines import parallel
from pipelines.extract import extract_batch
from pipelines.ingest import ingest_record
from pipelines.seeds import SeedRecord

TEXTS = [
    "Russia's foreign minister met his Chinese counterpart in Beijing on Monday.",
    "Police arrested 12 protesters in Nairobi. The government condemned the violence.",
    "The French president said he would visit Algeria. Algeria welcomed the visit.",
    "Turkish troops detained dozens of Syrians near the border.",
    "Japan and South Korea signed a trade agreement in Tokyo.",
    "",  # an article with no text: rejected the same way in both
    "Rebels attacked a convoy outside Goma, killing five soldiers.",
]


def _articles(n: int):
    records = [SeedRecord(f"a{i:02d}", f"a{i:02d}.json", "json", f"{i:064d}", encoding="utf-8",
                          fields={"id": f"a{i:02d}", "text": TEXTS[i % len(TEXTS)] or " ",
                                  "published": "2024-05-02"})
               for i in range(n)]
    return [ingest_record(r) for r in records]


def _rows(results):
    return [(r.key, r.actor_mentions, r.location_mentions, r.events, r.event_actors,
             [(x.reason, x.table_name) for x in r.rejections]) for r in results]


def test_two_processes_give_what_one_gives(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 1)
    one, two = _articles(14), _articles(14)
    extract_batch(one)
    done = []
    parallel.extract_in_processes(two, workers=2, on_done=done.append)
    assert _rows(two) == _rows(one)
    assert sum(done) == 14 and len(done) > 2  # told as chunks completed
    assert any(r.events for r in two)


def test_a_small_batch_stays_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for two articles")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_pool)
    results = _articles(2)
    parallel.extract_in_processes(results, workers=2)
    assert results[0].events


def test_casus_workers_sets_the_processes(monkeypatch):
    import pytest

    monkeypatch.setenv("CASUS_WORKERS", "1")
    assert parallel.default_workers() == 1
    monkeypatch.setenv("CASUS_WORKERS", "two")
    with pytest.raises(ValueError, match="CASUS_WORKERS"):
        parallel.default_workers()


def _dies_on_a06(chunk):
    """A worker's task that dies, as a worker killed for memory would, on one chunk."""
    import os

    if any(r.key == "a06" for r in chunk):
        os._exit(9)
    extract_batch(chunk)
    return chunk


def test_a_worker_that_dies_loses_no_article(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 1)
    monkeypatch.setattr(parallel, "_extract_chunk", _dies_on_a06)
    one, two = _articles(14), _articles(14)
    extract_batch(one)
    done = []
    parallel.extract_in_processes(two, workers=2, on_done=done.append)
    assert _rows(two) == _rows(one) and sum(done) == 14
