"""The unit of batch work as the submitting command names it: ``compare_partition``.

A task travels by reference (module and name), so the command that submits it imports only this module; the engine
behind it (``worker``) is imported where the task runs, on the first call in each worker process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.batch.report import PartitionReport

if TYPE_CHECKING:
    from desktop.batch.corpus import Cluster
    from desktop.core.model import Settings


def compare_partition(partition: int, clusters: list[Cluster], settings: Settings, out_dir: str) -> PartitionReport:
    """Compare each cluster of one partition and write its Parquet files (``worker.compare_partition``)."""
    from desktop.batch import worker

    return worker.compare_partition(partition, clusters, settings, out_dir)
