"""Seeds to the validated staging tables: one partition per article, many articles per run."""

import time

import dagster as dg
import pandas as pd

from orchestration.defs.partitions import article_partitions
from orchestration.defs.resources import CasusPaths
from orchestration.metadata import markdown_preview, pandera_column_schema
from orchestration.progress import progress_for
from pipelines.ingest import ingest_record_safely
from pipelines.parallel import extract_batches
from pipelines.seeds import scan_seeds
from pipelines.validate import validate_batch
from pipelines.version import PIPELINE_VERSION
from schemas import Articles, RejectedRows, Sentences
from warehouse.connection import write_connection
from warehouse.tables import (
    INGEST_TABLES as ARTICLE_TABLES,
)
from warehouse.tables import (
    REJECTED_TABLE,
    ensure_tables,
    ingest_state,
    quarantined_keys,
    rejected_frame,
    replace_articles,
    retract_missing,
)

# Articles per transaction: each one whole, and few enough that a crash loses little work.
BATCH_SIZE = 250

INGEST = dg.AssetKey("ingest_articles")
# The tables the ingest asset writes, each article's rows of all of them in one transaction.
# They are one asset rather than three because Dagster records every partition of every asset
# of a run: with one asset a bulk load of N articles costs 2N events instead of 6N.
INGEST_TABLES = {**ARTICLE_TABLES, REJECTED_TABLE: RejectedRows}


class IngestConfig(dg.Config):
    full_refresh: bool = False
    """Re-ingest articles whose seed and pipeline are unchanged since their last ingestion."""
    keep_missing: bool = False
    """Keep the rows of articles whose seed is no longer in the seeds folder (default: retract)."""


def _rejected_frame(rejections, run_id: str) -> pd.DataFrame:
    return rejected_frame(
        [(r.table_name, r.key, r.reason, r.detail, r.seed_path) for r in rejections], run_id)


def _stored_check(conn, table: str, model, keys: list[str], check_name: str,
                  rejected: int) -> dg.AssetCheckResult:
    """Re-validate what is stored for this run's articles: what landed must hold to the model."""
    conn.register("_run_keys", pd.DataFrame({"key": keys}))
    stored = conn.execute(
        f"select * from {table} where article_id in (select key from _run_keys)").df()
    conn.unregister("_run_keys")
    try:
        model.validate(stored, lazy=True)
        failures = None
    except Exception as errors:  # pandera.errors.SchemaErrors, reported not raised
        failures = getattr(errors, "failure_cases", pd.DataFrame({"error": [str(errors)]}))
    metadata = {"rows_checked": len(stored), "rejected_in_run": rejected}
    if failures is not None:
        metadata["failure_cases"] = markdown_preview(failures, rows=10)
    return dg.AssetCheckResult(asset_key=INGEST, check_name=check_name,
                               passed=failures is None, metadata=metadata)


@dg.asset(
    key=INGEST,
    description=("Per article: its row in raw.articles, its sentences, actor and location "
                 "mentions, and its rejected_rows: read from the seed, extracted, validated with "
                 "pandera, replaced in one transaction."),
    group_name="ingest",
    kinds={"duckdb", "python"},
    metadata={
        "tables": ", ".join(INGEST_TABLES),
        **{f"columns: {table}": dg.MetadataValue.table_schema(pandera_column_schema(model))
           for table, model in INGEST_TABLES.items()},
    },
    check_specs=[
        dg.AssetCheckSpec("pandera_articles", asset=INGEST, blocking=True,
                          description="Stored raw.articles rows of this run validate against Articles."),
        dg.AssetCheckSpec("pandera_sentences", asset=INGEST, blocking=True,
                          description="Stored raw.sentences rows of this run validate against Sentences."),
        dg.AssetCheckSpec("no_rejections", asset=INGEST,
                          description="Warns when this run rejected any record (see rejected_rows)."),
    ],
    partitions_def=article_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def ingest_articles(context: dg.AssetExecutionContext, config: IngestConfig, casus: CasusPaths):
    """Read the partitions' seeds, validate with pandera, replace their rows article by article."""
    keys = set(context.partition_keys)
    scanned = scan_seeds(casus.seeds_path)
    records = [r for r in scanned if r.key in keys]
    missing = sorted(keys - {r.key for r in records})
    if missing:
        context.log.warning(f"{len(missing)} partitions have no seed in {casus.seeds_dir} "
                            f"(first: {missing[:3]})")
    run_id = context.run.run_id
    landed = rejected = skipped = 0
    previews: list[pd.DataFrame] = []
    started = time.monotonic()

    # The warehouse is this run's from its first write to its publish (the run lock), but
    # the file lock and connection are held only while reading state and writing a batch:
    # parsing, the long part, holds neither.
    def warehouse():
        return write_connection(casus.warehouse_path, run_id, on_wait=context.log.info)

    with warehouse() as conn:
        ensure_tables(conn)
        retracted = [] if config.keep_missing else retract_missing(conn, {r.key for r in scanned})
        if retracted:
            context.log.info(f"retracted {len(retracted)} articles whose seed is gone "
                             f"(first: {retracted[:3]})")
        state = ingest_state(conn)
        retry = quarantined_keys(conn)  # a data test moved them out: a fixed model may take them
        todo = [r for r in records if config.full_refresh or r.key in retry
                or state.get(r.key) != (r.content_hash, PIPELINE_VERSION)]
        skipped = len(records) - len(todo)
        context.log.info(f"reading and extracting {len(todo)} articles "
                         f"({skipped} unchanged since their last run)")
    progress = progress_for(len(todo), "casus run: reading and extracting")
    # Read lazily: each batch is read when the workers are about to need it.
    read = ([ingest_record_safely(r) for r in todo[offset : offset + BATCH_SIZE]]
            for offset in range(0, len(todo), BATCH_SIZE))
    done = 0
    for results in extract_batches(read, len(todo),
                                   on_done=progress.advance if progress else None):
        batch = todo[done : done + len(results)]
        validated = validate_batch(results)
        landed_keys = set(validated.articles["article_id"])
        state_frame = pd.DataFrame([
            {"key": r.key, "content_hash": r.content_hash, "pipeline_version": PIPELINE_VERSION,
             "outcome": "landed" if r.key in landed_keys else "rejected"} for r in batch])
        with warehouse() as conn:
            replace_articles(conn, validated.keys, validated.frames(),
                             _rejected_frame(validated.rejections, run_id), state_frame)
        for rejection in validated.rejections:
            # Shown on the article's partition in the UI: which failed, and why.
            context.log_event(dg.AssetObservation(
                asset_key=INGEST, partition=rejection.key,
                metadata={"rejected_table": rejection.table_name,
                          "reason": rejection.reason, "detail": rejection.detail[:500]}))
        landed += len(landed_keys)
        rejected += len(validated.rejections)
        if len(previews) < 1:
            previews.append(validated.articles)
        done += len(batch)
        rate = done / max(time.monotonic() - started, 1e-9)
        context.log.info(f"ingested {done}/{len(todo)} articles ({rate:.0f}/s), "
                         f"{rejected} rejected rows so far")
    if progress:
        progress.close()
    run_keys = sorted(keys)
    with warehouse() as conn:
        checks = [
            _stored_check(conn, "raw.articles", Articles, run_keys, "pandera_articles", rejected),
            _stored_check(conn, "raw.sentences", Sentences, run_keys, "pandera_sentences",
                          rejected),
        ]
        totals = {table: conn.execute(f"select count(*) from {table}").fetchone()[0]
                  for table in INGEST_TABLES}
        run_rejections = conn.execute(
            f"select article_id, reason, detail from {REJECTED_TABLE} where run_id = ?", [run_id]
        ).df()
    summary = {"articles_landed": landed, "articles_skipped_unchanged": skipped,
               "rejected_rows": rejected, "seeds_missing": len(missing),
               "articles_retracted": len(retracted)}
    preview = previews[0] if previews else pd.DataFrame()
    yield dg.MaterializeResult(asset_key=INGEST, metadata={
        **summary,
        **{f"rows: {table}": count for table, count in totals.items()},
        "dagster/row_count": totals["raw.articles"],
        "preview": markdown_preview(preview[["article_id", "title", "source_name",
                                             "published_date", "date_precision"]]
                                    if not preview.empty else preview),
        "rejections": markdown_preview(run_rejections, rows=10, width=120)})
    yield from checks
    yield dg.AssetCheckResult(
        asset_key=INGEST, check_name="no_rejections", passed=rejected == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected_in_run": rejected,
                  "rejections": markdown_preview(run_rejections, rows=10, width=120)})
