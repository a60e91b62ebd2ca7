"""Run partitions of clusters on an engine: local processes, or Dask (an existing cluster or a LocalCluster)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from desktop.batch.corpus import Cluster
from desktop.batch.report import PartitionReport
from desktop.batch.task import compare_partition
from desktop.core.model import Settings

PRELOAD = "desktop.batch.preload"  # for workers of a cluster you start: dask worker ADDRESS --preload …
# A worker's diagnostics that wake its event loop many times a second: the statistical profiler (every 10 ms) and
# the event-loop latency check (every 20 ms); see _pause_diagnostics.
_DIAGNOSTICS = ("profile", "profile-cycle", "tick", "ticks")
DASK_MISSING = "the dask engine needs Dask: pip install 'parallax[batch]' (or: pip install 'dask[distributed]')"
Work = list[tuple[int, list[Cluster]]]


class EngineError(Exception):
    """An engine that cannot start (missing package, unreachable scheduler); the message says how to fix it."""


Task = Callable[[int, list[Cluster], Settings, str], PartitionReport]
WORKER_DIED = "a worker process died while comparing this partition (killed or out of memory)"


def run_local(
    work: Work, settings: Settings, out_dir: Path, processes: int, *, task: Task = compare_partition
) -> Iterator[PartitionReport]:
    """A worker process that dies (killed, out of memory) breaks the whole pool and every partition it held.
    Those partitions then run again, each in a pool of its own, so the one that kills its worker again is
    reported as failed (no marker: ``--resume`` tries it again) and all the others finish."""
    if processes <= 1:
        for number, clusters in work:
            yield task(number, clusters, settings, str(out_dir))
        return
    pending = dict(work)
    try:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            futures = {pool.submit(task, n, c, settings, str(out_dir)): n for n, c in pending.items()}
            for future in as_completed(futures):
                report = future.result()
                del pending[futures[future]]
                yield report
    except BrokenProcessPool:
        yield from _one_pool_each(pending, settings, out_dir, processes, task)


def _one_pool_each(
    pending: dict[int, list[Cluster]], settings: Settings, out_dir: Path, processes: int, task: Task
) -> Iterator[PartitionReport]:
    queue = list(pending.items())
    running: dict[Future[PartitionReport], tuple[int, list[Cluster], ProcessPoolExecutor]] = {}
    try:
        while queue or running:
            while queue and len(running) < processes:
                number, clusters = queue.pop(0)
                pool = ProcessPoolExecutor(max_workers=1)
                running[pool.submit(task, number, clusters, settings, str(out_dir))] = (number, clusters, pool)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                number, clusters, pool = running.pop(future)
                pool.shutdown()
                try:
                    yield future.result()
                except BrokenProcessPool:
                    failures = tuple((c.cluster_id, "", WORKER_DIED) for c in clusters)
                    yield PartitionReport(number, len(clusters), 0, failures)
    finally:
        for _, _, pool in running.values():
            pool.shutdown(cancel_futures=True)


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
    import dask

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            # Workers readied at start-up (``preload``), without the profiler, the latency check once a second
            # instead of fifty times (see _pause_diagnostics).
            quiet = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s"}
            with dask.config.set(quiet):
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    preload=[PRELOAD],
                )
            client = Client(cluster)
    except (OSError, ValueError, TypeError) as error:  # unreachable, or not an address (ValueError)
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    paused: list[str] = []
    try:
        if on_client is not None:
            on_client(client)
        if scheduler:
            with contextlib.suppress(Exception):  # a speed-up only: a worker that cannot be asked runs as it is
                paused = [address for address, was in client.run(_pause_diagnostics).items() if was]
        futures = [
            client.submit(compare_partition, n, c, settings, str(out_dir), key=f"parallax-part-{n}", pure=False)
            for n, c in work
        ]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        if paused:
            with contextlib.suppress(Exception):  # a worker that went away has nothing to resume
                client.run(_resume_diagnostics, workers=paused)
        client.close()
        if cluster is not None:
            cluster.close()


def _pause_diagnostics(dask_worker: Any) -> bool:
    """Stop a worker's frequent diagnostics for the job; True when any was running.

    Measured on two cores with the same thread settings: a worker's task thread used the CPU of a plain process,
    the worker process ~9 % more; the profiler (sampling the task's stack every 10 ms, taking the GIL from it) was
    4 points of that and the latency check (every 20 ms) 3. Batch tasks are one function, so the profile says
    nothing new; the heartbeat and the memory monitor, which guard the worker, keep running.
    """
    running = [
        callback
        for name in _DIAGNOSTICS
        if (callback := dask_worker.periodic_callbacks.get(name)) is not None and callback.is_running()
    ]
    for callback in running:
        callback.stop()
    return bool(running)


def _resume_diagnostics(dask_worker: Any) -> None:
    for name in _DIAGNOSTICS:
        callback = dask_worker.periodic_callbacks.get(name)
        if callback is not None and not callback.is_running():
            callback.start()
