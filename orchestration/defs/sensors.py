"""The seeds sensor: new, changed or removed seeds become partitions and one run for all of them.

A tick that finds the folder as the last tick left it (every path's name, size and modification
time) reads no file. Otherwise the seeds are hashed (HTML pages are not extracted, nothing is
parsed by the language pipeline) and compared with what the last published run ingested, read
from the snapshot: the sensor keeps no per-seed memory, so its cursor stays the same size for
ten articles or a hundred thousand, and an article whose run did not land is asked for again
the next time the folder changes (the hourly catch-up retries it otherwise).
"""

import hashlib
import json

import dagster as dg

from orchestration.defs.jobs import casus_job
from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.registry import plan_run
from pipelines.seed_files import listing_digest
from pipelines.seeds import scan_seeds
from pipelines.version import PIPELINE_VERSION
from warehouse.tables import published_state


def _cursor(listing: str) -> str:
    return json.dumps({"listing": listing, "pipeline": PIPELINE_VERSION})


@dg.sensor(
    job=casus_job,
    minimum_interval_seconds=1,  # the daemon evaluates sensors every 5 s at most
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=("Registers new or changed seeds and requests one run for them. A tick reads "
                 "no file unless a seed's name, size or modification time changed."),
)
def seeds_sensor(context: dg.SensorEvaluationContext, casus: CasusPaths):
    """Compare the seeds folder with the last published run; one run covers all changes."""
    if not casus.seeds_path.is_dir():
        return dg.SkipReason(f"no seeds folder at {casus.seeds_dir}")
    cursor = _cursor(listing_digest(casus.seeds_path))
    if cursor == context.cursor:
        return dg.SensorResult(skip_reason=dg.SkipReason(
            "no seed added, changed or removed since the last tick"), cursor=cursor)
    records = scan_seeds(casus.seeds_path, keys_only=True)
    current = {r.key: r.content_hash for r in records}
    landed = published_state(casus.warehouse_path)
    changed = sorted(k for k, digest in current.items()
                     if landed.get(k) != (digest, PIPELINE_VERSION))
    removed = sorted(set(landed) - set(current))
    if removed and not changed and current:
        # A run over any one seed retracts the articles of every seed that is gone.
        changed = [min(current)]
    if not changed:
        return dg.SensorResult(skip_reason=dg.SkipReason("every seed is in the warehouse as it is"),
                               cursor=cursor)
    new, tags = plan_run(context.instance, changed)
    gone = sorted(set(context.instance.get_dynamic_partitions(article_partitions.name))
                  - set(current))
    # The same changes ask for one run, however many ticks see them before it publishes.
    run_key = hashlib.sha256(json.dumps(
        {"changed": {k: current[k] for k in changed}, "removed": removed,
         "pipeline": PIPELINE_VERSION}, sort_keys=True).encode()).hexdigest()[:16]
    context.log.info(f"{len(changed)} new or changed seeds ({len(new)} new partitions), "
                     f"{len(removed)} gone")
    requests = [article_partitions.build_add_request(new)] if new else []
    if gone:
        requests.append(article_partitions.build_delete_request(gone))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=run_key, tags=tags)],
        dynamic_partitions_requests=requests,
        cursor=cursor,
    )
