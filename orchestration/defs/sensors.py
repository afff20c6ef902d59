"""The seeds sensor: new or changed seed files become partitions and one run for all of them."""

import hashlib
import json

import dagster as dg

from orchestration.defs.jobs import casus_job
from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.registry import changed_keys, plan_run, seen_hashes
from pipelines.seeds import scan_seeds


@dg.sensor(
    job=casus_job,
    minimum_interval_seconds=15,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Registers new or changed seeds (by content hash) and requests one run for them.",
)
def seeds_sensor(context: dg.SensorEvaluationContext, casus: CasusPaths):
    """Compare the seeds folder with the hashes in the cursor; one run covers all changes."""
    if not casus.seeds_path.is_dir():
        return dg.SkipReason(f"no seeds folder at {casus.seeds_dir}")
    records = scan_seeds(casus.seeds_path)
    current = {r.key: r.content_hash for r in records}
    seen = seen_hashes(context.cursor)
    changed = changed_keys(records, seen)
    removed = sorted(set(seen) - set(current))
    if removed and not changed and current:
        # A run over any one seed retracts the articles of every seed that is gone.
        changed = [min(current)]
    if not changed:
        return dg.SensorResult(skip_reason=dg.SkipReason("no new or changed seeds"),
                               cursor=json.dumps(current, sort_keys=True))
    new, tags = plan_run(context.instance, changed)
    run_key = hashlib.sha256(
        json.dumps({k: current[k] for k in changed}, sort_keys=True).encode()).hexdigest()[:16]
    context.log.info(f"{len(changed)} new or changed seeds ({len(new)} new partitions), "
                     f"{len(removed)} gone")
    requests = [article_partitions.build_add_request(new)] if new else []
    if removed:
        requests.append(article_partitions.build_delete_request(removed))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=run_key, tags=tags)],
        dynamic_partitions_requests=requests,
        cursor=json.dumps(current, sort_keys=True),
    )
