"""Batch throughput and scaling: clusters per second of each engine, every run a fresh command.

Run: ``.venv/bin/python -m benchmarks.bench_batch [--clusters 600] [--sizes 5,25,100] [--repeat 2] [--quick]``.

Every configuration runs ``main.py batch`` as its own process on the same generated corpus
(``desktop.batch.synthetic``: 2–4 outlets a cluster, ~6 sentences an article, default settings), with a fresh
vector cache file per run, so each run encodes its sentences as a new corpus would. The baseline, run in the same
session, is the local engine with one process (``--workers 1``); every other figure is printed as its speed-up
over it (clusters/s ÷ baseline clusters/s, higher is better). Configurations:

- local, 2 processes (``ProcessPoolExecutor``);
- Dask on an existing cluster, as on a real one: ``dask scheduler`` and one or two ``dask worker
  tcp://127.0.0.1:PORT --nworkers 1 --nthreads 1`` started as separate commands before the job (their start-up
  is not part of the job, their first task's imports are), at several partition sizes;
- Dask ``LocalCluster`` with one and two workers (``--engine dask --workers N``; its start-up is part of the job).

Two clocks: **job**, the seconds ``run_batch`` reports (corpus read to last partition written), and **command**, the
process from start to exit (imports included). Runs are interleaved and repeated; the best of the repeats is
printed with the machine's load average before and after, as other jobs on a shared machine slow runs down
unevenly. Numbers go to docs/batch.md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.batch.synthetic import generate_rows, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    args: tuple[str, ...]
    size: int = 25
    external_workers: int = 0  # >0: a separately started scheduler with this many worker commands
    preload: bool = False  # the workers are started with --preload desktop.batch.preload


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(cache: Path) -> dict[str, str]:
    env = dict(os.environ, PARALLAX_VECTOR_CACHE=str(cache), PYTHONPATH=str(ROOT))
    return env


def tree_cpu(pids: list[int]) -> float:
    """CPU seconds so far of these processes and all their descendants (a ``dask worker`` runs its worker in a
    child process)."""
    import psutil  # installed with distributed

    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for process in [root, *root.children(recursive=True)]:
                times = process.cpu_times()
                total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


@contextmanager
def external_cluster(workers: int, cache: Path, preload: bool) -> Iterator[tuple[str, list[int]]]:
    """``dask scheduler`` and ``workers`` × ``dask worker`` as separate commands on loopback; stopped after."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = _environment(cache)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": ROOT}
    scheduler = subprocess.Popen(
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet
    )
    started = [
        subprocess.Popen(
            [
                *(str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"),
                *(("--preload", "desktop.batch.preload") if preload else ()),
            ],
            **quiet,
        )
        for _ in range(workers)
    ]
    try:
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(workers, timeout=60)
        yield address, [p.pid for p in [scheduler, *started]]
    finally:
        for process in [*started, scheduler]:
            process.send_signal(signal.SIGTERM)
        for process in [*started, scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@dataclass(frozen=True, slots=True)
class Figures:
    job: float  # seconds run_batch reports
    command: float  # seconds from process start to exit
    cpu: float  # CPU seconds of the command, its children and (external cluster) the scheduler and workers


def batch_command(corpus: Path, out: Path, run: Run, cache: Path, scheduler: str | None, cluster: list[int]) -> Figures:
    command = [sys.executable, "main.py", "batch", str(corpus), "--out", str(out), "--no-progress"]
    command += ["--partition-size", str(run.size), *run.args]
    if scheduler:
        command += ["--engine", "dask", "--scheduler", scheduler]
    cluster_before = tree_cpu(cluster)
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=_environment(cache), stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)  # includes the children it waited for (LocalCluster workers)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{run.name}: batch command failed")
    cpu = usage.ru_utime + usage.ru_stime + tree_cpu(cluster) - cluster_before
    job = json.loads((out / "_report.json").read_text("utf-8"))["seconds"]
    return Figures(float(job), wall, cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=600)
    parser.add_argument("--sizes", default="5,25,100", help="partition sizes for the 2-worker Dask cluster")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="baseline, local 2, Dask 2 external and LocalCluster")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parallax-bench-batch-") as folder:
        measure(args, Path(folder))


def measure(args: argparse.Namespace, work: Path) -> None:
    corpus = work / "corpus.jsonl"
    write_jsonl(corpus, generate_rows(args.clusters, seed=11))
    sizes = [int(s) for s in args.sizes.split(",")]

    runs = [Run("local, 1 process (baseline)", ("--workers", "1")), Run("local, 2 processes", ("--workers", "2"))]
    runs += [Run("dask scheduler + 1 worker", (), 25, 1)] if not args.quick else []
    for size in sizes if not args.quick else [25]:
        runs.append(Run(f"dask scheduler + 2 workers, partitions of {size}", (), size, 2))
    runs.append(Run("dask scheduler + 2 workers --preload, of 25", (), 25, 2, preload=True))
    runs += [Run("dask LocalCluster, 1 worker", ("--engine", "dask", "--workers", "1"))] if not args.quick else []
    runs += [Run("dask LocalCluster, 2 workers", ("--engine", "dask", "--workers", "2"))]

    load_before = os.getloadavg()
    results: dict[str, list[Figures]] = {run.name: [] for run in runs}
    for repeat in range(args.repeat):
        for number, run in enumerate(runs):
            out = work / f"out-{repeat}-{number}"
            cache = work / f"vectors-{repeat}-{number}.sqlite3"
            if run.external_workers:
                with external_cluster(run.external_workers, cache, run.preload) as (address, pids):
                    results[run.name].append(batch_command(corpus, out, run, cache, address, pids))
            else:
                results[run.name].append(batch_command(corpus, out, run, cache, None, []))
    load_after = os.getloadavg()

    print(
        f"{args.clusters} clusters, best of {args.repeat}; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after ({os.cpu_count()} cores)"
    )
    base = results[runs[0].name]
    base_job, base_wall, base_cpu = (min(getattr(f, k) for f in base) for k in ("job", "command", "cpu"))
    print(
        f"{'configuration':<46} {'job s':>6} {'clusters/s':>10} {'speed-up':>8} {'command s':>9} {'speed-up':>8} "
        f"{'CPU s':>6} {'CPU x':>6}"
    )
    for run in runs:
        job, wall, cpu = (min(getattr(f, k) for f in results[run.name]) for k in ("job", "command", "cpu"))
        print(
            f"{run.name:<46} {job:6.2f} {args.clusters / job:10.1f} {base_job / job:7.2f}x {wall:9.2f} "
            f"{base_wall / wall:7.2f}x {cpu:6.1f} {cpu / base_cpu:5.2f}x"
        )
    print("speed-up: baseline seconds / these seconds; CPU x: CPU seconds of all processes / the baseline's")


if __name__ == "__main__":
    main()
