"""Issue 16, data loss: no output may be an input, the library (or its journal files) or another output.

Every refusal is one line on stderr, exit 2, and the file it protects is left byte for byte as it was.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.export.output_guard import OutputConflict, check_outputs
from desktop.library import ENV_VAR, open_library

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def articles(tmp_path):
    a = tmp_path / "daily.txt"
    b = tmp_path / "herald.txt"
    a.write_text("Mayor Jane Northwood opened the Elbe bridge on 12 March. It cost 4 million euros.\n", "utf-8")
    b.write_text("The Elbe bridge was opened on 12 March. It cost 4 million euros.\n", "utf-8")
    return a, b


@pytest.fixture
def library(tmp_path, articles):
    db = tmp_path / "lib.sqlite"
    assert main(["compare", *map(str, articles), "--save", "Elbe", "--db", str(db), "--quiet"]) == 0
    gc.collect()  # close the saving connection: the WAL is checkpointed and the file's bytes settle
    return db


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("parallax: error: ")
    return lines[0]


def test_json_onto_an_input_is_refused_and_the_input_is_kept(tmp_path, articles, capsys):
    a, b = articles
    before = a.read_bytes()
    assert main(["compare", str(a), str(b), "--json", str(a), "--quiet"]) == 2
    line = _one_error_line(capsys)
    assert str(a) in line and "input A" in line
    assert a.read_bytes() == before


def test_html_onto_the_second_input_spelled_differently_is_refused(tmp_path, articles, capsys, monkeypatch):
    a, b = articles
    before = b.read_bytes()
    monkeypatch.chdir(tmp_path)
    assert main(["compare", str(a), "herald.txt", "--html", f"../{tmp_path.name}/./herald.txt", "--quiet"]) == 2
    assert "input B" in _one_error_line(capsys)
    assert b.read_bytes() == before


def test_a_hard_link_to_an_input_is_the_same_file(tmp_path, articles, capsys):
    a, b = articles
    link = tmp_path / "out.json"
    os.link(a, link)
    before = a.read_bytes()
    assert main(["compare", str(a), str(b), "--json", str(link), "--quiet"]) == 2
    assert "input A" in _one_error_line(capsys)
    assert a.read_bytes() == before and link.read_bytes() == before


def test_a_symbolic_link_to_an_input_is_the_same_file(tmp_path, articles, capsys):
    a, b = articles
    link = tmp_path / "report.html"
    link.symlink_to(b)
    before = b.read_bytes()
    assert main(["compare", str(a), str(b), "--html", str(link), "--quiet"]) == 2
    assert "input B" in _one_error_line(capsys)
    assert b.read_bytes() == before and link.is_symlink()


def test_json_and_html_to_the_same_file_is_refused_before_anything_is_written(tmp_path, articles, capsys):
    a, b = articles
    out = tmp_path / "out"
    assert main(["compare", str(a), str(b), "--json", str(out), "--html", str(out), "--quiet"]) == 2
    assert "--json and --html name the same file" in _one_error_line(capsys)
    assert not out.exists()


def test_library_export_onto_the_library_is_refused_and_the_library_survives(library, capsys):
    before = library.read_bytes()
    assert main(["library", "export", "1", "--html", str(library), "--db", str(library)]) == 2
    line = _one_error_line(capsys)
    assert "the library" in line and str(library) in line
    assert library.read_bytes() == before
    assert [info.name for info in open_library(library).list()] == ["Elbe"]


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_library_export_onto_a_journal_file_of_the_library_is_refused(library, suffix, capsys):
    store = open_library(library)  # an open library (the app running, say) keeps its -wal and -shm
    store.list()
    target = Path(f"{library}{suffix}")
    before = target.read_bytes() if target.exists() else None
    assert main(["library", "export", "1", "--json", str(target), "--db", str(library)]) == 2
    assert f"{suffix[1:]} file" in _one_error_line(capsys)
    assert (target.read_bytes() if target.exists() else None) == before
    assert [info.name for info in store.list()] == ["Elbe"]


def test_compare_json_onto_the_library_while_saving_is_refused_and_the_library_survives(library, articles, capsys):
    a, b = articles
    before = library.read_bytes()
    args = ["compare", str(a), str(b), "--json", str(library), "--save", "x", "--db", str(library), "--quiet"]
    assert main(args) == 2
    assert "the library" in _one_error_line(capsys)
    assert library.read_bytes() == before
    assert [info.name for info in open_library(library).list()] == ["Elbe"]


def test_the_library_from_the_environment_is_protected_without_save(library, articles, capsys, monkeypatch):
    a, b = articles
    monkeypatch.setenv(ENV_VAR, str(library))
    before = library.read_bytes()
    assert main(["compare", str(a), str(b), "--json", str(library), "--quiet"]) == 2
    assert "the library" in _one_error_line(capsys)
    assert library.read_bytes() == before


def test_saving_the_library_over_an_input_is_refused(tmp_path, articles, capsys):
    a, b = articles
    before = a.read_bytes()
    assert main(["compare", str(a), str(b), "--save", "x", "--db", str(a), "--quiet"]) == 2
    assert "input A" in _one_error_line(capsys)
    assert a.read_bytes() == before


def test_urls_are_not_files_and_distinct_outputs_pass(tmp_path):
    check_outputs(
        [("--json", tmp_path / "o.json"), ("--html", tmp_path / "o.html")],
        inputs=[],
        library=tmp_path / "lib.sqlite",
    )
    with pytest.raises(OutputConflict):
        check_outputs([("--json", tmp_path / "o"), ("--html", tmp_path / "x" / ".." / "o")])


def test_a_normal_compare_still_writes_both_files(tmp_path, articles):
    a, b = articles
    json_out, html_out = tmp_path / "o.json", tmp_path / "o.html"
    assert main(["compare", str(a), str(b), "--json", str(json_out), "--html", str(html_out), "--quiet"]) == 0
    assert (tmp_path / "o.json").stat().st_size and (tmp_path / "o.html").stat().st_size


def test_dev_null_may_take_both_outputs(articles):
    a, b = articles
    assert main(["compare", str(a), str(b), "--json", os.devnull, "--html", os.devnull, "--quiet"]) == 0
