"""Issue 16 item 9 (batch and library parts): one clear line instead of a traceback, and a dead local worker
process no longer ends the job."""

from __future__ import annotations

import os
import signal

import pytest

from desktop.batch import engines
from desktop.batch.corpus import partitions, read_corpus
from desktop.batch.layout import is_done
from desktop.batch.output import read_table
from desktop.batch.synthetic import generate_rows, write_jsonl
from desktop.batch.worker import compare_partition
from desktop.cli import main
from desktop.core.model import Settings

pytest.importorskip("pyarrow")


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("parallax: error: ")
    return lines[0]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, generate_rows(6))
    return path


@pytest.mark.parametrize(
    ("line", "kind"),
    [("42", "a number"), ("null", "null"), ('"text"', "a string"), ("[1, 2]", "a list"), ("true", "true or false")],
)
def test_a_corpus_line_that_is_not_an_object_is_one_line(tmp_path, capsys, line, kind):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"cluster_id": "e1", "text": "One."}\n' + line + "\n", "utf-8")
    assert main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 2
    assert _one_error_line(capsys) == f"parallax: error: {corpus}: line 2 is {kind}, not an object with columns"


def test_a_deeply_nested_corpus_line_is_one_line(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    assert main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 2
    assert "line 1 is nested too deeply" in _one_error_line(capsys)


def test_load_with_a_finished_partition_missing_is_one_line(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--partition-size", "2", "--no-progress"]) == 0
    (out / "comparisons" / "part-00001.parquet").unlink()
    capsys.readouterr()
    assert main(["load", str(out), "--db", str(tmp_path / "lib.sqlite")]) == 2
    line = _one_error_line(capsys)
    assert "part-00001.parquet: missing" in line and "--resume" in line


def test_load_with_a_damaged_partition_is_one_line(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--partition-size", "2", "--no-progress"]) == 0
    (out / "comparisons" / "part-00000.parquet").write_bytes(b"garbage")
    capsys.readouterr()
    assert main(["load", str(out), "--db", str(tmp_path / "lib.sqlite")]) == 2
    assert "part-00000.parquet: cannot be read" in _one_error_line(capsys)


def test_resume_recomputes_a_marked_partition_whose_file_is_gone(corpus, tmp_path):
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--partition-size", "2", "--no-progress"]) == 0
    (out / "facts" / "part-00001.parquet").unlink()
    assert not is_done(out, 1)
    assert main(["batch", str(corpus), "--out", str(out), "--partition-size", "2", "--resume", "--no-progress"]) == 0
    assert (out / "facts" / "part-00001.parquet").is_file()


def test_a_scheduler_that_is_not_an_address_is_one_line(corpus, tmp_path, capsys):
    pytest.importorskip("distributed")
    args = ["batch", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask", "--scheduler", "notaurl"]
    assert main([*args, "--no-progress"]) == 2
    assert "cannot reach the Dask scheduler notaurl" in _one_error_line(capsys)


@pytest.mark.parametrize("wanted", ["99999999999999999999", "0"])
def test_library_show_of_an_impossible_id_is_one_line(tmp_path, capsys, wanted):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The bridge opened on Monday. It cost 4 million.\n", "utf-8")
    b.write_text("The bridge opened on Monday. It cost 5 million.\n", "utf-8")
    db = tmp_path / "lib.sqlite"
    assert main(["compare", str(a), str(b), "--save", "x", "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["library", "show", wanted, "--db", str(db)]) == 2
    assert _one_error_line(capsys) == f"parallax: error: no comparison with id {wanted} in the library"


def _dies_once_on_partition_one(number, clusters, settings, out_dir):
    """Kill the worker process the first time it gets partition 1, like the OOM killer would."""
    flag = os.path.join(out_dir, "killed-once")
    if number == 1 and not os.path.exists(flag):
        open(flag, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return compare_partition(number, clusters, settings, out_dir)


def _always_dies_on_partition_one(number, clusters, settings, out_dir):
    if number == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return compare_partition(number, clusters, settings, out_dir)


def test_a_killed_local_worker_process_is_retried_and_the_job_finishes(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    work = partitions(read_corpus(corpus), 2)
    reports = list(engines.run_local(work, Settings(), out, 2, task=_dies_once_on_partition_one))
    assert sorted(r.partition for r in reports) == [0, 1, 2]
    assert not any(r.failures for r in reports)
    assert read_table(out, "summary").to_pandas()["cluster"].nunique() == 6


def test_a_partition_that_always_kills_its_worker_is_reported_and_the_rest_finish(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    work = partitions(read_corpus(corpus), 2)
    reports = list(engines.run_local(work, Settings(), out, 2, task=_always_dies_on_partition_one))
    assert sorted(r.partition for r in reports) == [0, 1, 2]
    [dead] = [r for r in reports if r.partition == 1]
    assert len(dead.failures) == 2 and "worker process died" in dead.failures[0][2]
    assert is_done(out, 0) and is_done(out, 2) and not is_done(out, 1)
