"""Issue 16 item 10 (the CLI parts): names reach the terminal escaped, --db must be a regular file, and a
Parquet binary text column is read as text."""

from __future__ import annotations

import os

import pytest

from desktop.batch.output import read_table
from desktop.cli import main
from desktop.export.output_guard import printable

ESC_NAME = "evil\x1b[31mRED\nline\u202e.txt"


def test_printable_escapes_controls_bidi_and_undecodable_bytes():
    assert printable("a\x1b[2Jb\nc\u202ed\udcff") == "a\\x1b[2Jb\\nc\\u202ed\\udcff"
    assert printable("Überblick – 東京 ✓") == "Überblick – 東京 ✓"


def test_an_escape_sequence_in_a_file_name_is_shown_not_obeyed(tmp_path, capsys):
    bad = tmp_path / ESC_NAME
    bad.write_text("", "utf-8")
    good = tmp_path / "b.txt"
    good.write_text("The bridge opened on Monday.\n", "utf-8")
    assert main(["compare", str(bad), str(good), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    first, second = err.strip().split("\n")
    assert "evil\\x1b[31mRED\\nline\\u202e.txt: the file is empty" in first
    assert second == "parallax: error: 1 readable article(s); a comparison needs two"


def test_the_summary_escapes_names_too(tmp_path, capsys):
    a = tmp_path / ESC_NAME
    a.write_text("The bridge opened on Monday. It cost 4 million.\n", "utf-8")
    b = tmp_path / "b.txt"
    b.write_text("The bridge opened on Monday. It cost 5 million.\n", "utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out


def test_batch_report_lines_are_escaped(tmp_path, capsys):
    pytest.importorskip("pyarrow")
    import json

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"cluster_id": "x\x1b[2J", "article_id": "1", "text": "Alone."}) + "\n", "utf-8")
    assert main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "cluster x\\x1b[2J" in out


def test_db_that_is_a_device_is_refused_with_one_line(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The bridge opened on Monday.\n", "utf-8")
    b.write_text("The bridge opened on Tuesday.\n", "utf-8")
    journal_before = os.path.exists(f"{os.devnull}-journal")
    assert main(["compare", str(a), str(b), "--save", "x", "--db", os.devnull, "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    reason = "not a regular file; a library must be one (SQLite keeps its journal beside it)"
    assert err == f"parallax: error: {os.devnull}: {reason}"
    assert os.path.exists(f"{os.devnull}-journal") == journal_before


def test_parquet_binary_text_is_read_as_text_and_non_utf8_bytes_are_refused(tmp_path, capsys):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    texts = ["The bridge opened on Monday. It cost 4 million.", "The bridge opened on Monday. It cost 5 million."]
    table = pa.table(
        {
            "cluster_id": ["e1", "e1"],
            "article_id": ["a", "b"],
            "text": pa.array([t.encode() for t in texts], pa.binary()),
        }
    )
    corpus = tmp_path / "c.parquet"
    pq.write_table(table, corpus)
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    sentences = list(read_table(out, "sentences").to_pandas()["text"])
    assert "The bridge opened on Monday." in sentences
    assert not any(s.startswith("b'") for s in sentences)

    bad = pa.table({"cluster_id": ["e1"], "text": pa.array([b"\xff\xfe\x00bad"], pa.binary())})
    pq.write_table(bad, tmp_path / "bad.parquet")
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "bad.parquet"), "--out", str(tmp_path / "o2"), "--no-progress"]) == 2
    assert capsys.readouterr().err.strip().endswith("row 1 holds bytes that are not UTF-8 text")
