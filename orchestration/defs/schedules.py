"""The hourly catch-up: every seed registered, every article considered, the marts rebuilt.

Unchanged articles are skipped by the ingest step, so a catch-up costs little when nothing is
new; it repairs what the sensor could not do (it was stopped, or a run failed).
"""

import dagster as dg

from orchestration.defs.jobs import casus_job
from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.registry import plan_run
from pipelines.seeds import scan_seeds


@dg.schedule(
    job=casus_job,
    cron_schedule="17 * * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Hourly catch-up over every seed; unchanged articles are skipped.",
)
def hourly_catch_up(context: dg.ScheduleEvaluationContext, casus: CasusPaths):
    keys = [r.key for r in scan_seeds(casus.seeds_path)] if casus.seeds_path.is_dir() else []
    if not keys:
        return dg.SkipReason(f"no seeds in {casus.seeds_dir}")
    new, tags = plan_run(context.instance, keys)
    if new:
        context.instance.add_dynamic_partitions(article_partitions.name, new)
    return dg.RunRequest(tags=tags)
