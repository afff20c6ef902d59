"""Extraction on several processes gives what one process gives, in the same order."""

import os
import uuid

import pytest

from pipelines import parallel
from pipelines.extract import EXTRACTION_INPUTS, extract_batch
from pipelines.ingest import ingest_record
from pipelines.nlp import tagging_memory
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


def _batches(results, size):
    return [results[i:i + size] for i in range(0, len(results), size)]


def _small_pool(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 1)


def test_two_processes_give_what_one_gives(monkeypatch):
    _small_pool(monkeypatch)
    one, two = _articles(14), _articles(14)
    extract_batch(one)
    done = []
    out = list(parallel.extract_batches(_batches(two, 5), 14, workers=2, on_done=done.append))
    assert [r.key for batch in out for r in batch] == [r.key for r in one]
    assert _rows([r for batch in out for r in batch]) == _rows(one)
    assert sum(done) == 14 and len(done) > 2  # told as chunks completed
    assert any(r.events for batch in out for r in batch)


_EXTRACT_CHUNK = parallel._extract_chunk


def _extract_noting_the_process(chunk):
    with open(os.environ["CASUS_TEST_PIDS"], "a") as pids:
        pids.write(f"{os.getpid()}\n")
    return _EXTRACT_CHUNK(chunk)


def _worker_pids(monkeypatch, tmp_path, batches_per_fork: int):
    _small_pool(monkeypatch)
    monkeypatch.setattr(parallel, "BATCHES_PER_FORK", batches_per_fork)
    monkeypatch.setenv("CASUS_TEST_PIDS", str(tmp_path / "pids"))
    monkeypatch.setattr(parallel, "_extract_chunk", _extract_noting_the_process)
    one, two = _articles(21), _articles(21)
    extract_batch(one)
    out = list(parallel.extract_batches(_batches(two, 7), 21, workers=2))
    assert len(out) == 3 and _rows([r for batch in out for r in batch]) == _rows(one)
    pids = set((tmp_path / "pids").read_text().split())
    assert str(os.getpid()) not in pids
    return pids


def test_the_workers_live_for_several_batches(monkeypatch, tmp_path):
    """Workers kept over batches keep their caches; one pool per batch would fork anew."""
    assert 1 <= len(_worker_pids(monkeypatch, tmp_path, batches_per_fork=4)) <= 2


def test_fresh_workers_take_over_after_their_share_of_batches(monkeypatch, tmp_path):
    """A long run does not let two workers grow into copies of the parent: they are replaced,
    and the rows are still those of one process."""
    assert len(_worker_pids(monkeypatch, tmp_path, batches_per_fork=1)) > 2


def test_what_the_workers_learn_reaches_the_parent(monkeypatch):
    """Words only the workers tagged are in the parent's memory afterwards, so the workers
    forked next need not learn them again."""
    _small_pool(monkeypatch)
    made_up = [f"Quorvex{uuid.uuid4().hex[:8]}" for _ in range(6)]
    texts = [f"{word} said the {word.lower()}s would arrive." for word in made_up]
    records = [SeedRecord(f"m{i}", f"m{i}.json", "json", f"{i:064d}", encoding="utf-8",
                          fields={"id": f"m{i}", "text": text, "published": "2024-05-02"})
               for i, text in enumerate(texts)]
    memory = tagging_memory()
    orths = {memory.vocab.strings.add(word) for word in made_up}
    list(parallel.extract_batches([[ingest_record(r) for r in records]], 6, workers=2))
    known = {orth for orth, _tag, _dep in memory.attributes}
    # The first chunk (3 articles) is extracted here; the other three only by the workers.
    assert orths <= known


def test_the_next_batch_is_extracting_while_this_one_is_written(monkeypatch):
    _small_pool(monkeypatch)
    read = []

    def batches():
        for i, batch in enumerate(_batches(_articles(12), 4)):
            read.append(i)
            yield batch

    seen_when_yielded = [list(read) for _ in parallel.extract_batches(batches(), 12, workers=2)]
    assert seen_when_yielded == [[0, 1], [0, 1, 2], [0, 1, 2]]


def test_a_small_run_stays_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for two articles")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_pool)
    results = _articles(2)
    out = list(parallel.extract_batches([results], 2, workers=2))
    assert out == [results] and results[0].events


def test_casus_workers_sets_the_processes(monkeypatch):
    monkeypatch.setenv("CASUS_WORKERS", "1")
    assert parallel.default_workers() == 1
    monkeypatch.setenv("CASUS_WORKERS", "two")
    with pytest.raises(ValueError, match="CASUS_WORKERS"):
        parallel.default_workers()


def _dies_on_a06(chunk):
    """A worker's task that dies, as a worker killed for memory would, on one chunk."""
    if any(r.key == "a06" for r in chunk):
        os._exit(9)
    return _EXTRACT_CHUNK(chunk)


def test_a_worker_that_dies_loses_no_article(monkeypatch):
    _small_pool(monkeypatch)
    monkeypatch.setattr(parallel, "_extract_chunk", _dies_on_a06)
    one, two = _articles(14), _articles(14)
    extract_batch(one)
    done = []
    out = list(parallel.extract_batches(_batches(two, 5), 14, workers=2, on_done=done.append))
    assert _rows([r for batch in out for r in batch]) == _rows(one) and sum(done) == 14


def _counting_extractions(monkeypatch) -> list[str]:
    """The keys of the articles handed to `extract_batch` (in this process)."""
    handed: list[str] = []
    real = parallel.extract_batch

    def counting(results, on_parsed=None):
        handed.extend(r.key for r in results)
        return real(results, on_parsed)

    monkeypatch.setattr(parallel, "extract_batch", counting)
    return handed


@pytest.mark.parametrize("window", [1000, 0])
def test_an_article_repeated_in_a_run_is_extracted_once(monkeypatch, window):
    """Repeats get the first one's rows under their own keys; with no rows kept (window 0)
    each is extracted itself, and the rows are the same either way."""
    monkeypatch.setattr(parallel._Repeats, "WINDOW", window)
    handed = _counting_extractions(monkeypatch)
    one, two = _articles(14), _articles(14)  # 7 texts, each twice
    extract_batch(one)
    done = []
    out = list(parallel.extract_batches(_batches(two, 5), 14, workers=1, on_done=done.append))
    assert _rows([r for batch in out for r in batch]) == _rows(one)
    assert sum(done) == 14
    # Six texts extracted once; the empty one did not land, so both of it are handed on.
    assert len(handed) == (8 if window else 14)
    repeat = next(r for batch in out for r in batch if r.key == "a08")  # the text of a01
    assert repeat.events and all(e["event_id"].startswith("a08#") for e in repeat.events)
    assert {a["article_id"] for a in repeat.event_actors} == {"a08"}


def test_a_repeat_with_another_date_is_extracted_itself(monkeypatch):
    handed = _counting_extractions(monkeypatch)
    articles = _articles(2)
    later = SeedRecord("b00", "b00.json", "json", "1" * 64, encoding="utf-8",
                       fields={"id": "b00", "text": TEXTS[0], "published": "2025-01-09"})
    batch = [articles[0], ingest_record(later)]
    out = list(parallel.extract_batches([batch], 2, workers=1))
    assert handed == ["a00", "b00"]
    assert {e["event_date"] for e in out[0][1].events} != {e["event_date"]
                                                          for e in out[0][0].events}


class _OnlyInputs(dict):
    """An article that fails on any field extraction does not declare it reads."""

    @staticmethod
    def _declared(name):
        if name not in EXTRACTION_INPUTS:
            raise KeyError(f"extraction read {name!r}, not in EXTRACTION_INPUTS")

    def __getitem__(self, name):
        self._declared(name)
        return super().__getitem__(name)

    def get(self, name, default=None):
        self._declared(name)
        return super().get(name, default)


def test_extraction_reads_only_what_its_digest_covers():
    """Repeats are told apart by EXTRACTION_INPUTS: extraction must read nothing else."""
    result = _articles(3)[2]
    result.article = _OnlyInputs(result.article)
    extract_batch([result])
    assert not result.rejections and result.events
