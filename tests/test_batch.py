"""Batch mode: corpus reading, Parquet output, resume, failures, and Dask equal to the local engine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pandas as pd
import pytest

from desktop.batch.corpus import Cluster, Columns, CorpusArticle, CorpusError, longest_first, read_corpus
from desktop.batch.layout import TABLES
from desktop.batch.output import read_table
from desktop.batch.runner import BatchOptions, run_batch
from desktop.batch.synthetic import generate_rows, write_jsonl
from desktop.cli import main
from desktop.core.model import Settings

QUIET = BatchOptions(progress=False, partition_size=10)


def _frame(out, table):
    frame = read_table(out, table).to_pandas()
    keys = [c for c in ("cluster", "article", "index", "group", "sentence", "start", "article_id") if c in frame]
    return frame.sort_values(keys).reset_index(drop=True)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, generate_rows(30))
    return path


def test_every_cluster_lands_in_every_table(corpus, tmp_path):
    report = run_batch(corpus, tmp_path / "out", Settings(), QUIET)
    assert report.clusters == 30 and not report.failures
    summary = _frame(tmp_path / "out", "summary")
    assert summary["cluster"].nunique() == 30
    assert len(summary) == report.articles
    sentences = _frame(tmp_path / "out", "sentences")
    assert set(sentences["status"]) >= {"identical", "reworded"}
    assert sentences["commentary"].any()
    comparisons = _frame(tmp_path / "out", "comparisons")
    assert json.loads(comparisons["comparison"][0])["schema"] == "parallax/comparison-v1"


def test_bad_article_is_reported_and_its_cluster_still_compared(tmp_path):
    rows = generate_rows(6)
    sizes = {}
    for row in rows:
        sizes[row["cluster_id"]] = sizes.get(row["cluster_id"], 0) + 1
    big = next(cid for cid, n in sizes.items() if n >= 3)
    rows.sort(key=lambda row: row["cluster_id"] != big)
    rows[0]["text"] = ""
    rows.append({"cluster_id": "lonely", "article_id": "x", "source": "s", "title": "t", "text": "Only one."})
    write_jsonl(tmp_path / "c.jsonl", rows)
    report = run_batch(tmp_path / "c.jsonl", tmp_path / "out", Settings(), QUIET)
    reasons = {(c, a): r for c, a, r in report.failures}
    assert (rows[0]["cluster_id"], rows[0]["article_id"]) in reasons
    assert "nothing to compare" in reasons[("lonely", "")]
    summary = _frame(tmp_path / "out", "summary")
    compared = summary[summary["cluster"] == rows[0]["cluster_id"]]
    assert rows[0]["article_id"] not in set(compared["article_id"])
    assert len(compared) >= 1
    assert len(_frame(tmp_path / "out", "failures")) == len(report.failures)


def test_resume_skips_finished_partitions(corpus, tmp_path):
    out = tmp_path / "out"
    run_batch(corpus, out, Settings(), QUIET)
    marker = out / "_done" / "part-00000"
    before = marker.stat().st_mtime_ns
    report = run_batch(corpus, out, Settings(), BatchOptions(progress=False, partition_size=10, resume=True))
    assert report.skipped == 30
    assert marker.stat().st_mtime_ns == before
    assert _frame(out, "summary")["cluster"].nunique() == 30


def test_csv_and_parquet_corpora_read_like_jsonl(tmp_path):
    rows = generate_rows(5)
    write_jsonl(tmp_path / "c.jsonl", rows)
    renamed = pd.DataFrame(rows).rename(columns={"cluster_id": "event"})
    renamed.to_csv(tmp_path / "c.csv", index=False)
    renamed.to_parquet(tmp_path / "c.parquet")
    expected = read_corpus(tmp_path / "c.jsonl")
    assert read_corpus(tmp_path / "c.csv", Columns(cluster="event")) == expected
    assert read_corpus(tmp_path / "c.parquet", Columns(cluster="event")) == expected


def test_missing_cluster_column_names_the_flag(tmp_path):
    write_jsonl(tmp_path / "c.jsonl", [{"event": "1", "text": "x"}])
    with pytest.raises(CorpusError, match="--cluster-col"):
        read_corpus(tmp_path / "c.jsonl")


def test_cli_batch_without_dask_says_how_to_install(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(["batch", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask", "--no-progress"])
    assert code == 2
    assert "pip install 'parallax[batch]'" in capsys.readouterr().err


@pytest.fixture
def dask_cluster():
    """A cluster for one test, closed after it: a session-wide one kept its event-loop and process-watching
    threads running through every later test (the Qt ones too), where a cyclic collection tripped in such a
    thread can destroy a Qt object away from the GUI thread; a full run crashed once in a Qt event loop with
    them alive."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster
    cluster.close()


def test_dask_output_equals_local_output_row_for_row(dask_cluster, tmp_path):
    write_jsonl(tmp_path / "c.jsonl", generate_rows(200, seed=3))
    run_batch(tmp_path / "c.jsonl", tmp_path / "local", Settings(), BatchOptions(progress=False, partition_size=20))
    dask = BatchOptions(engine="dask", scheduler=dask_cluster.scheduler_address, progress=False, partition_size=20)
    run_batch(tmp_path / "c.jsonl", tmp_path / "dask", Settings(), dask)
    for table in TABLES:
        pd.testing.assert_frame_equal(_frame(tmp_path / "local", table), _frame(tmp_path / "dask", table))


@pytest.mark.slow
def test_killed_dask_worker_leaves_complete_duplicate_free_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    write_jsonl(tmp_path / "c.jsonl", generate_rows(300, seed=5))
    from desktop.batch.corpus import partitions
    from desktop.batch.engines import run_dask

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        work = partitions(read_corpus(tmp_path / "c.jsonl"), 5)
        killed = []
        reports = run_dask(work, Settings(), tmp_path / "out", scheduler=cluster.scheduler_address, workers=2)
        for _report in reports:
            if not killed:
                victim = next(iter(cluster.workers.values()))
                os.kill(victim.process.pid, signal.SIGKILL)
                killed.append(victim)
    finally:
        cluster.close()
    summary = _frame(tmp_path / "out", "summary")
    assert summary["cluster"].nunique() == 300
    assert not summary.duplicated(["cluster", "article"]).any()


def test_load_imports_every_cluster_into_the_library_once(corpus, tmp_path):
    run_batch(corpus, tmp_path / "out", Settings(), QUIET)
    db = str(tmp_path / "lib.sqlite")
    assert main(["load", str(tmp_path / "out"), "--db", db, "--prefix", "run1"]) == 0
    assert main(["load", str(tmp_path / "out"), "--db", db, "--prefix", "run1"]) == 0
    from desktop.library import open_library

    store = open_library(db)
    names = [info.name for info in store.list()]
    assert len(names) == len(set(names)) == 30
    rows = store.db.execute(
        "SELECT DISTINCT fa.outlet FROM facts f JOIN fact_absences fa ON fa.fact_id = f.id"
    ).fetchall()
    assert rows, "batch facts with missing_from should be queryable like the app's"


def test_load_refuses_a_folder_that_is_not_batch_output(tmp_path, capsys):
    assert main(["load", str(tmp_path), "--db", str(tmp_path / "lib.sqlite")]) == 2
    assert "not a batch output folder" in capsys.readouterr().err


class _Callback:
    def __init__(self, running: bool) -> None:
        self.running = running

    def is_running(self) -> bool:
        return self.running

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False


def test_worker_diagnostics_are_paused_for_a_job_and_resumed_after_it():
    from desktop.batch.engines import _pause_diagnostics, _resume_diagnostics

    worker = type("Worker", (), {})()
    names = ("profile", "profile-cycle", "tick", "heartbeat")
    worker.periodic_callbacks = {name: _Callback(True) for name in names}
    assert _pause_diagnostics(worker) is True
    assert not any(worker.periodic_callbacks[name].running for name in ("profile", "profile-cycle", "tick"))
    assert worker.periodic_callbacks["heartbeat"].running  # the worker's own bookkeeping is left alone
    _resume_diagnostics(worker)
    assert all(worker.periodic_callbacks[name].running for name in ("profile", "profile-cycle", "tick"))


def test_worker_without_those_diagnostics_reports_nothing_to_resume():
    from desktop.batch.engines import _pause_diagnostics

    worker = type("Worker", (), {})()
    worker.periodic_callbacks = {"heartbeat": _Callback(True)}
    assert _pause_diagnostics(worker) is False


def test_preloaded_worker_has_compared_before_its_first_task():
    from desktop.batch import preload
    from desktop.core.detect import commentary

    preload.dask_setup(worker=None)
    assert "pyarrow" in sys.modules and "pandas" in sys.modules  # pyarrow imports pandas on its first table
    assert commentary.lexicon.cache_info().currsize >= 1  # lexicons read


def test_the_longest_partitions_start_first_and_keep_their_numbers(tmp_path):
    short, long_file = "Short text.", tmp_path / "long.txt"
    long_file.write_text("A much longer text. " * 50, encoding="utf-8")

    def cluster(name, *articles):
        return Cluster(name, tuple(articles))

    work = [
        (0, [cluster("a", CorpusArticle("1", text=short), CorpusArticle("2", text=short))]),
        (1, [cluster("b", CorpusArticle("3", text=short * 20), CorpusArticle("4", text=short * 20))]),
        (2, [cluster("c", CorpusArticle("5", resolved=str(long_file)), CorpusArticle("6", text=short))]),
        (3, [cluster("d", CorpusArticle("7", text=short), CorpusArticle("8", resolved=str(tmp_path / "gone.txt")))]),
    ]
    ordered = longest_first(work)
    assert [number for number, _ in ordered] == [2, 1, 0, 3]  # a file counts by its length, a missing one as empty
    assert sorted(ordered) == sorted(work)  # the same partitions, each with its own number


def test_the_tables_written_are_the_tables_the_layout_names():
    from desktop.batch.tables import SCHEMAS

    assert tuple(SCHEMAS) == TABLES


def test_a_dask_job_is_planned_and_submitted_without_the_engine_or_pyarrow():
    # The submitting command imports the runner and hands tasks over by name; the engine behind a task and the
    # Parquet writer load where the task runs (a fresh interpreter shows what the runner alone imports).
    code = (
        "import sys, desktop.batch.runner, desktop.batch.task; "
        "print(sorted(m for m in ('pyarrow', 'desktop.core.pipeline', 'desktop.batch.worker') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
