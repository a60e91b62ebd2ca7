"""Batch throughput: clusters per second for the local engine (1 and 2 processes) and Dask (2 workers).

The baseline, run in the same process on the same generated corpus, is a plain loop calling
``compare`` on each cluster without writing anything: the ratios show what partitioning, Parquet output and
the engines cost or gain.  Run: ``.venv/bin/python -m benchmarks.bench_batch [--clusters 400]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop.batch.corpus import read_corpus
from desktop.batch.runner import BatchOptions, run_batch
from desktop.batch.synthetic import generate_rows, write_jsonl
from desktop.batch.worker import _load
from desktop.core.model import Settings
from desktop.core.pipeline import compare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=400)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="parallax-bench-batch-"))
    corpus = work / "corpus.jsonl"
    write_jsonl(corpus, generate_rows(args.clusters, seed=11))

    started = time.perf_counter()
    for cluster in read_corpus(corpus):
        articles, *_ = _load(cluster)
        compare(articles, Settings())
    baseline = time.perf_counter() - started
    print(
        f"{args.clusters} clusters; baseline (serial compare loop, no output): {baseline:.2f} s, "
        f"{args.clusters / baseline:.1f} clusters/s"
    )

    runs = [
        ("local, 1 process", BatchOptions(processes=1, progress=False)),
        ("local, 2 processes", BatchOptions(processes=2, progress=False)),
        ("dask LocalCluster, 2 workers", BatchOptions(engine="dask", processes=2, progress=False)),
    ]
    print(f"{'engine':<30} {'seconds':>8} {'clusters/s':>11} {'time vs baseline':>17}")
    for name, options in runs:
        started = time.perf_counter()
        report = run_batch(corpus, work / name.replace(" ", "_").replace(",", ""), Settings(), options)
        seconds = time.perf_counter() - started
        assert report.clusters == args.clusters
        print(f"{name:<30} {seconds:8.2f} {args.clusters / seconds:11.1f} {seconds / baseline:16.2f}×")


if __name__ == "__main__":
    main()
