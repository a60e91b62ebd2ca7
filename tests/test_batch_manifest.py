"""Issue 16 item 2: a batch output folder remembers what it was computed from.

``--resume`` after a change of ``--partition-size`` reported the job done with rows missing, and a folder
reused for another corpus mixed the old corpus's clusters into the new results. The manifest refuses both
with one line; ``--overwrite`` starts again and removes only the previous run's files.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from desktop.batch.manifest import MANIFEST
from desktop.batch.output import read_table
from desktop.batch.synthetic import generate_rows, write_jsonl
from desktop.cli import main

pytest.importorskip("pyarrow")


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    write_jsonl(path, generate_rows(12))
    return path


@pytest.fixture
def other_corpus(tmp_path):
    path = tmp_path / "other.jsonl"
    write_jsonl(path, generate_rows(4, seed=3))
    return path


def _batch(corpus, out, *flags: str) -> int:
    return main(["batch", str(corpus), "--out", str(out), "--no-progress", *flags])


def _clusters(out) -> set[str]:
    return set(read_table(out, "summary").to_pandas()["cluster"])


def _corpus_clusters(path) -> set[str]:
    return {json.loads(line)["cluster_id"] for line in path.read_text("utf-8").splitlines() if line.strip()}


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("parallax: error: ")
    return lines[0]


def test_resume_with_another_partition_size_is_refused_instead_of_reporting_missing_rows_done(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _batch(corpus, out, "--partition-size", "3") == 0
    for number in (2, 3):  # an interrupted run: the last two partitions never finished
        (out / "_done" / f"part-{number:05d}").unlink()
    capsys.readouterr()
    assert _batch(corpus, out, "--partition-size", "6", "--resume") == 2
    line = _one_error_line(capsys)
    assert "--partition-size 3 (now 6)" in line and "--overwrite" in line
    assert _batch(corpus, out, "--partition-size", "3", "--resume") == 0
    assert _clusters(out) == _corpus_clusters(corpus)


def test_another_corpus_into_the_same_folder_is_refused_and_overwrite_leaves_no_stale_clusters(
    corpus, other_corpus, tmp_path, capsys
):
    out = tmp_path / "out"
    assert _batch(corpus, out, "--partition-size", "2") == 0
    capsys.readouterr()
    assert _batch(other_corpus, out, "--partition-size", "2") == 2
    assert "another corpus" in _one_error_line(capsys)
    assert _clusters(out) == _corpus_clusters(corpus)  # the refused run touched nothing
    (out / "notes.txt").write_text("mine", "utf-8")
    assert _batch(other_corpus, out, "--partition-size", "2", "--overwrite") == 0
    assert _clusters(out) == _corpus_clusters(other_corpus)
    assert len(list((out / "summary").glob("*.parquet"))) == 2  # the old run's six partitions are gone
    assert (out / "notes.txt").read_text("utf-8") == "mine"
    assert json.loads((out / MANIFEST).read_text("utf-8"))["corpus"]["clusters"] == 4


def test_resume_with_other_settings_is_refused(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _batch(corpus, out) == 0
    capsys.readouterr()
    assert _batch(corpus, out, "--resume", "--threshold", "0.7") == 2
    assert "other comparison settings (threshold)" in _one_error_line(capsys)


def test_the_same_corpus_in_another_format_resumes(corpus, tmp_path):
    out = tmp_path / "out"
    assert _batch(corpus, out, "--partition-size", "4") == 0
    as_csv = tmp_path / "corpus.csv"
    pd.read_json(corpus, lines=True, dtype=False).astype(str).to_csv(as_csv, index=False)
    assert _batch(as_csv, out, "--partition-size", "4", "--resume") == 0
    assert json.loads((out / "_report.json").read_text("utf-8"))["skipped"] == 12


def test_batch_output_without_a_manifest_is_refused_unless_overwrite(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _batch(corpus, out) == 0
    (out / MANIFEST).unlink()
    capsys.readouterr()
    assert _batch(corpus, out, "--resume") == 2
    assert "without a manifest" in _one_error_line(capsys)
    assert _batch(corpus, out, "--overwrite") == 0
    assert (out / MANIFEST).exists()


def test_a_damaged_manifest_is_refused(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text("[42]", "utf-8")
    assert _batch(corpus, out) == 2
    assert "damaged" in _one_error_line(capsys)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--resume", "--overwrite"], "--resume and --overwrite contradict each other"),
        (["--threshold", "nan"], "--threshold must be a number between 0 and 1, not nan"),
        (["--partition-size", "0"], "--partition-size must be at least 1, not 0"),
        (["--workers", "-1"], "--workers must be at least 1, not -1"),
        (["--reference", "b"], "--reference 'b' is not an article id"),
    ],
)
def test_bad_flags_are_one_line_and_nothing_is_written(corpus, tmp_path, capsys, flags, message):
    out = tmp_path / "out"
    assert _batch(corpus, out, *flags) == 2
    assert message in _one_error_line(capsys)
    assert not out.exists()


def test_out_naming_the_corpus_is_refused_and_the_corpus_kept(corpus, capsys):
    before = corpus.read_bytes()
    assert _batch(corpus, corpus) == 2
    assert "--out would overwrite the corpus" in _one_error_line(capsys)
    assert corpus.read_bytes() == before


def test_a_corpus_inside_the_tables_overwrite_would_remove_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "summary").mkdir(parents=True)
    inside = out / "summary" / "corpus.jsonl"
    write_jsonl(inside, generate_rows(3))
    assert _batch(inside, out, "--overwrite") == 2
    assert "lies inside the output's summary" in _one_error_line(capsys)
    assert inside.exists()


def test_out_that_is_a_file_is_one_line(corpus, tmp_path, capsys):
    target = tmp_path / "results"
    target.write_text("not a folder", "utf-8")
    assert _batch(corpus, target) == 2
    assert _one_error_line(capsys) == f"parallax: error: {target}: --out is a file, not a folder"


def test_load_into_a_library_that_is_a_batch_file_is_refused(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert _batch(corpus, out) == 0
    before = (out / "_report.json").read_bytes()
    capsys.readouterr()
    assert main(["load", str(out), "--db", str(out / "_report.json")]) == 2
    assert "batch output's _report.json" in _one_error_line(capsys)
    assert (out / "_report.json").read_bytes() == before
