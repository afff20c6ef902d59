import shutil

import dagster as dg

from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.defs.sensors import seeds_sensor
from orchestration.metadata import RANGE_END, RANGE_START
from tests.conftest import SEED_ARTICLE


def _tick(instance, seeds_dir, cursor=None):
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor,
        resources={"casus": CasusPaths(seeds_dir=str(seeds_dir), warehouse="unused.duckdb")})
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
    (seeds_dir / "c.txt").write_text("C\n\nThird.", encoding="utf-8")
    third = _tick(instance, seeds_dir, cursor=second.cursor)
    (run,) = third.run_requests
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("c", "c")


def test_changed_content_triggers_a_run_without_new_partition(seeds_dir, instance):
    path = seeds_dir / "a.txt"
    path.write_text("A\n\nFirst.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    path.write_text("A\n\nFirst, edited.", encoding="utf-8")
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    assert len(second.run_requests) == 1
    assert not second.dynamic_partitions_requests
    assert second.run_requests[0].run_key != first.run_requests[0].run_key


def test_a_removed_seed_requests_a_run_and_drops_its_partition(seeds_dir, instance):
    (seeds_dir / "a.txt").write_text("A\n\nFirst.", encoding="utf-8")
    (seeds_dir / "b.txt").write_text("B\n\nSecond.", encoding="utf-8")
    first = _tick(instance, seeds_dir)
    (seeds_dir / "b.txt").unlink()
    second = _tick(instance, seeds_dir, cursor=first.cursor)
    (run,) = second.run_requests  # the run's ingest retracts b
    assert (run.tags[RANGE_START], run.tags[RANGE_END]) == ("a", "a")
    assert instance.get_dynamic_partitions(article_partitions.name) == ["a"]
