"""Run partitions of clusters on an engine: local processes, or Dask (an existing cluster or a LocalCluster)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from desktop.batch.corpus import Cluster
from desktop.batch.worker import PartitionReport, compare_partition
from desktop.core.model import Settings

DASK_MISSING = "the dask engine needs Dask: pip install 'parallax[batch]' (or: pip install 'dask[distributed]')"
Work = list[tuple[int, list[Cluster]]]


class EngineError(Exception):
    """An engine that cannot start (missing package, unreachable scheduler); the message says how to fix it."""


def run_local(work: Work, settings: Settings, out_dir: Path, processes: int) -> Iterator[PartitionReport]:
    if processes <= 1:
        for number, clusters in work:
            yield compare_partition(number, clusters, settings, str(out_dir))
        return
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = [pool.submit(compare_partition, n, c, settings, str(out_dir)) for n, c in work]
        for future in as_completed(futures):
            yield future.result()


def run_dask(
    work: Work,
    settings: Settings,
    out_dir: Path,
    *,
    scheduler: str | None,
    workers: int,
    on_client: Callable[[object], None] | None = None,
) -> Iterator[PartitionReport]:
    """Submit one task per partition; Dask reschedules a task whose worker died, and the atomic
    per-partition files make the retry replace, not duplicate, what the dead worker wrote."""
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise EngineError(DASK_MISSING) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as error:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    try:
        if on_client is not None:
            on_client(client)
        futures = [
            client.submit(compare_partition, n, c, settings, str(out_dir), key=f"parallax-part-{n}", pure=False)
            for n, c in work
        ]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
