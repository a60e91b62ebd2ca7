"""One batch job from corpus to output folder: partition, skip what is done, run, report."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.batch.corpus import Columns, SourcePolicy, longest_first, partitions, read_corpus
from desktop.batch.engines import run_dask, run_local
from desktop.batch.layout import is_done
from desktop.batch.manifest import build_manifest, prepare_output
from desktop.batch.progress import ProgressBar
from desktop.batch.report import PartitionReport
from desktop.core.model import Settings
from desktop.export.atomic import atomic_write_text


@dataclass(frozen=True, slots=True)
class BatchOptions:
    engine: str = "local"
    processes: int = 1
    scheduler: str | None = None
    partition_size: int = 25
    resume: bool = False
    overwrite: bool = False  # remove a previous run's files (and only those) before starting
    progress: bool = True
    columns: Columns = field(default_factory=Columns)
    sources: SourcePolicy = field(default_factory=SourcePolicy)


@dataclass(frozen=True, slots=True)
class BatchReport:
    clusters: int
    skipped: int
    articles: int
    failures: tuple[tuple[str, str, str], ...]
    seconds: float

    def lines(self) -> list[str]:
        out = [
            f"{self.clusters} clusters compared ({self.skipped} already done), {self.articles} articles, "
            f"{len(self.failures)} failures, {self.seconds:.1f} s"
        ]
        for cluster, article, reason in self.failures[:20]:
            out.append(f"  cluster {cluster}" + (f", article {article}" if article else "") + f": {reason}")
        if len(self.failures) > 20:
            out.append(f"  … and {len(self.failures) - 20} more (see failures/*.parquet)")
        return out


def run_batch(corpus: str | Path, out_dir: str | Path, settings: Settings, options: BatchOptions) -> BatchReport:
    started = time.perf_counter()
    out = Path(out_dir)
    clusters = read_corpus(corpus, options.columns, options.sources)
    manifest = build_manifest(corpus, clusters, settings, options.partition_size, options.columns, options.sources)
    prepare_output(out, manifest, resume=options.resume, overwrite=options.overwrite)
    work = partitions(clusters, options.partition_size)
    todo = longest_first([(n, c) for n, c in work if not (options.resume and is_done(out, n))])
    skipped = sum(len(c) for n, c in work) - sum(len(c) for n, c in todo)
    bar = ProgressBar(sum(len(c) for _, c in todo), enabled=options.progress)
    reports: Iterator[PartitionReport]
    if options.engine == "dask":
        reports = run_dask(todo, settings, out, scheduler=options.scheduler, workers=options.processes)
    else:
        reports = run_local(todo, settings, out, options.processes)
    articles = 0
    failures: list[tuple[str, str, str]] = []
    for report in reports:
        bar.advance(report.clusters)
        articles += report.articles
        failures += report.failures
    bar.close()
    result = BatchReport(len(clusters), skipped, articles, tuple(sorted(failures)), time.perf_counter() - started)
    atomic_write_text(
        out / "_report.json",
        json.dumps(
            {
                "clusters": result.clusters,
                "skipped": result.skipped,
                "articles": result.articles,
                "failures": [list(f) for f in result.failures],
                "seconds": round(result.seconds, 3),
            },
            indent=1,
            ensure_ascii=False,
        ),
    )
    return result
