import json
import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.defs.sensors import seeds_sensor
from orchestration.metadata import RANGE_END, RANGE_START
from pipelines.seeds import scan_seeds
from pipelines.version import PIPELINE_VERSION
from tests.conftest import SEED_ARTICLE
from warehouse.connection import snapshot_path
from warehouse.tables import STATE_TABLE, ensure_tables


def _warehouse(seeds_dir: Path) -> Path:
    return seeds_dir.parent / "w.duckdb"


def _publish(seeds_dir: Path, keys: list[str], version: str = PIPELINE_VERSION) -> None:
    """A published snapshot whose ingest state holds these seeds as they are now: what a run
    that landed them leaves behind."""
    hashes = {r.key: r.content_hash for r in scan_seeds(seeds_dir)}
    snapshot = snapshot_path(_warehouse(seeds_dir))
    snapshot.unlink(missing_ok=True)
    with duckdb.connect(str(snapshot)) as conn:
        ensure_tables(conn)
        for key in keys:
            conn.execute(f"insert into {STATE_TABLE} values (?, ?, ?, 'landed')",
                         [key, hashes.get(key, "gone"), version])


def _tick(instance, seeds_dir, cursor=None):
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor,
        resources={"casus": CasusPaths(seeds_dir=str(seeds_dir),
                                       warehouse=str(_warehouse(seeds_dir)))})
    result = seeds_sensor(context)
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.DeleteDynamicPartitionsRequest):
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)
        else:
            instance.add_dynamic_partitions(request.partitions_def_name,
                                            list(request.partition_keys))
    return result


def test_new_seeds_become_partitions_and_one_run(seeds_dir, instance):
    shutil.copy(SEED_ARTICLE, seeds_dir / SEED_ARTICLE.name)
    (seeds_dir / "b.txt").write_text("Headline\n\nBody text.", encoding="utf-8")
    result = _tick(instance, seeds_dir)
    (run,) = result.run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("000_a96da92cb1034342", "b")
    assert instance.get_dynamic_partitions(article_partitions.name) == ["000_a96da92cb1034342", "b"]


def test_unchanged_seeds_are_skipped_and_a_new_one_runs_alone(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    assert second.run_requests == [] or second.run_requests is None
    assert second.skip_reason is not None
    _publish(seeds_dir, ["a"])  # the first run landed a
    (seeds_dir / "c.txt").write_text("C\n\nThird.", encoding="utf-8")
    third = _tick(instance, seeds_dir, cursor=second.cursor)
    (run,) = third.run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("c", "c")


def test_a_tick_over_an_unchanged_folder_reads_no_file(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    os.chmod(seeds_dir / "a.txt", 0)  # any read would now fail (or, as root, still succeed:
    try:                             # so the cursor is checked too)
        second = _tick(instance, seeds_dir, cursor=first.cursor)
    finally:
        os.chmod(seeds_dir / "a.txt", 0o644)
    assert not second.run_requests and "no seed added" in str(second.skip_reason)
    assert second.cursor is None or second.cursor == first.cursor


def test_the_cursor_does_not_grow_with_the_seeds(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    small = _tick(instance, seeds_dir).cursor
    for n in range(300):
        (seeds_dir / f"n{n}.txt").write_text(f"N{n}\n\nBody {n}.", encoding="utf-8")
    large = _tick(instance, seeds_dir, cursor=small).cursor
    assert large != small and len(large) == len(small)
    assert set(json.loads(large)) == {"listing", "pipeline"}


def test_a_seed_touched_but_unchanged_requests_nothing(seeds_dir, instance):
    path = seeds_dir / "a.txt"
    path.write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    _publish(seeds_dir, ["a"])
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    assert not second.run_requests and second.cursor != first.cursor


def test_an_article_whose_run_did_not_land_is_asked_for_again(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    _publish(seeds_dir, [])  # a run published, a's did not land
    (seeds_dir / "b.txt").write_text("B\n\nSecond.", encoding="utf-8")
    (run,) = _tick(instance, seeds_dir, cursor=first.cursor).run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("a", "b")


def test_a_new_pipeline_version_asks_for_every_article(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    (seeds_dir / "b.txt").write_text("B\n\nSecond.", encoding="utf-8")
    _publish(seeds_dir, ["a", "b"], version="an-older-pipeline")
    (run,) = _tick(instance, seeds_dir).run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("a", "b")


def test_changed_content_triggers_a_run_without_new_partition(seeds_dir, instance):
    path = seeds_dir / "a.txt"
    path.write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    _publish(seeds_dir, ["a"])
    path.write_text("A\n\nFirst, edited.", encoding="utf-8")
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    assert len(second.run_requests) == 1
    assert not second.dynamic_partitions_requests
    assert second.run_requests[0].run_key != first.run_requests[0].run_key


def test_a_removed_seed_requests_a_run_and_drops_its_partition(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    (seeds_dir / "b.txt").write_text("B\n\nSecond.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    _publish(seeds_dir, ["a", "b"])
    (seeds_dir / "b.txt").unlink()
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    (run,) = second.run_requests  # the run's ingest retracts b
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("a", "a")
    assert instance.get_dynamic_partitions(article_partitions.name) == ["a"]
