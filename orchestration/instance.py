"""The Dagster instance of a `casus run` that no UI will look at (no `DAGSTER_HOME`).

Dagster's ephemeral instance keeps every event of a run in an in-memory SQLite event log, which
ends with the process. For a run over many article partitions most of those events are two per
article: the materialization planned at the start and the materialization at the end. Storing
them cost about 8 s of a cold run over BBC's 2,225 articles, done by the parent process while
the worker processes wait for their first batch or after they have finished, and nothing reads
them: the run's result carries its own list of events, and the instance is gone when the run
ends. This instance stores every event except those per-partition ones. A run with
`DAGSTER_HOME` set (so it shows in the UI) uses the instance configured there, which stores all.
"""

import dagster as dg
from dagster._core.events import DagsterEventType
from dagster._core.instance import InstanceType
from dagster._core.launcher.sync_in_memory_run_launcher import SyncInMemoryRunLauncher
from dagster._core.run_coordinator import DefaultRunCoordinator
from dagster._core.storage.event_log import InMemoryEventLogStorage
from dagster._core.storage.noop_compute_log_manager import NoOpComputeLogManager
from dagster._core.storage.root import TemporaryLocalArtifactStorage
from dagster._core.storage.runs import InMemoryRunStorage

UNSTORED_PER_PARTITION = frozenset({DagsterEventType.ASSET_MATERIALIZATION_PLANNED,
                                    DagsterEventType.ASSET_MATERIALIZATION})


class UnpartitionedEventLog(InMemoryEventLogStorage):
    """An in-memory event log that leaves out the per-partition planned and done
    materializations, and stores everything else (run, step, log, check and unpartitioned asset
    events) as Dagster's own does."""

    def store_event(self, event) -> None:
        dagster_event = event.dagster_event
        if (dagster_event is not None and dagster_event.event_type in UNSTORED_PER_PARTITION
                and dagster_event.partition is not None):
            return
        super().store_event(event)


def cli_instance() -> dg.DagsterInstance:
    """An ephemeral instance (as `DagsterInstance.ephemeral()` builds one) whose event log is a
    `UnpartitionedEventLog`."""
    return dg.DagsterInstance(
        instance_type=InstanceType.EPHEMERAL,
        local_artifact_storage=TemporaryLocalArtifactStorage(),
        run_storage=InMemoryRunStorage(),
        event_storage=UnpartitionedEventLog(),
        compute_log_manager=NoOpComputeLogManager(),
        run_coordinator=DefaultRunCoordinator(),
        run_launcher=SyncInMemoryRunLauncher(),
    )
