"""``parallax compare … --save`` and ``parallax library …`` through ``desktop.cli.main``."""

import json

import pytest

from desktop.cli import main
from desktop.export import read_json
from desktop.library import ENV_VAR, open_library


@pytest.fixture
def articles(tmp_path):
    a = tmp_path / "daily.txt"
    b = tmp_path / "herald.txt"
    a.write_text("Mayor Jane Northwood opened the Elbe bridge on 12 March. It cost 4 million euros.\n", "utf-8")
    b.write_text("The Elbe bridge was opened on 12 March. It cost 4 million euros.\n", "utf-8")
    return [str(a), str(b)]


@pytest.fixture
def saved(tmp_path, articles):
    """A library with one comparison saved by the CLI, and the JSON the same command wrote."""
    db = tmp_path / "lib.sqlite3"
    out = tmp_path / "out.json"
    assert main(["compare", *articles, "--save", "Elbe bridge", "--db", str(db), "--json", str(out), "--quiet"]) == 0
    return db, out


def test_compare_save_stores_the_same_result_it_writes_as_json(saved):
    db, out = saved
    store = open_library(db)
    [info] = store.list()
    assert info.name == "Elbe bridge"
    assert store.load(info.id) == read_json(out)


def test_compare_save_reports_where_it_saved(tmp_path, articles, capsys):
    db = tmp_path / "lib.sqlite3"
    assert main(["compare", *articles, "--save", "Bridge", "--db", str(db)]) == 0
    assert f"saved as #1 'Bridge' in {db}" in capsys.readouterr().out


def test_library_list_json(saved, capsys):
    db, _ = saved
    capsys.readouterr()
    assert main(["library", "list", "--json", "--db", str(db)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["name"] == "Elbe bridge"
    assert "daily" in row["outlets"][0]  # named by the loaded article's title or path


def test_library_list_table_names_each_comparison(saved, capsys):
    db, _ = saved
    capsys.readouterr()
    assert main(["library", "list", "--db", str(db)]) == 0
    assert "Elbe bridge" in capsys.readouterr().out


def test_library_show_json_carries_comparison_and_notes(saved, capsys):
    db, out = saved
    open_library(db).notes.set(1, "confirmed omission", article="B", sentence=0)
    capsys.readouterr()
    assert main(["library", "show", "1", "--json", "--db", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["notes"] == [{"text": "confirmed omission", "article": "B", "sentence": 0}]
    assert shown["comparison"]["articles"] == json.loads(out.read_text(encoding="utf-8"))["articles"]


def test_library_show_text_lists_articles_and_notes(saved, capsys):
    db, _ = saved
    open_library(db).notes.set(1, "false match", group=0)
    capsys.readouterr()
    assert main(["library", "show", "1", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "#1 Elbe bridge" in text
    assert "note on group 0: false match" in text


def test_library_search_finds_by_article_text(saved, capsys):
    db, _ = saved
    capsys.readouterr()
    assert main(["library", "search", "Northwood", "--json", "--db", str(db)]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [1]
    assert main(["library", "search", "Zanzibar", "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_library_export_json_equals_saved_comparison(saved, tmp_path):
    db, out = saved
    exported = tmp_path / "exported.json"
    assert main(["library", "export", "1", "--json", str(exported), "--db", str(db)]) == 0
    assert read_json(exported) == read_json(out)


def test_library_export_html_includes_the_notes(saved, tmp_path):
    db, _ = saved
    open_library(db).notes.set(1, "checked with the mayor's office")
    page = tmp_path / "report.html"
    assert main(["library", "export", "1", "--html", str(page), "--db", str(db)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "checked with the mayor" in html
    assert "Northwood" in html


def test_library_export_without_a_target_is_an_error(saved, capsys):
    db, _ = saved
    assert main(["library", "export", "1", "--db", str(db)]) == 2
    assert "needs --json OUT and/or --html OUT" in capsys.readouterr().err


def test_library_delete_then_show_reports_unknown_id(saved, capsys):
    db, _ = saved
    assert main(["library", "delete", "1", "--db", str(db)]) == 0
    assert "deleted #1 'Elbe bridge'" in capsys.readouterr().out
    assert main(["library", "show", "1", "--db", str(db)]) == 2
    assert "no comparison with id 1" in capsys.readouterr().err


def test_library_path_comes_from_the_environment_without_db(saved, monkeypatch, capsys):
    db, _ = saved
    monkeypatch.setenv(ENV_VAR, str(db))
    capsys.readouterr()
    assert main(["library", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_non_library_file_gives_one_line_error_and_stays_untouched(tmp_path, articles, capsys):
    bogus = tmp_path / "notes.db"
    bogus.write_text("my own notes, not a database\n", encoding="utf-8")
    assert main(["library", "list", "--db", str(bogus)]) == 2
    assert main(["compare", *articles, "--save", "x", "--db", str(bogus), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"parallax: error: {bogus}: not a Parallax library" in err
    assert "Traceback" not in err
    assert bogus.read_text(encoding="utf-8") == "my own notes, not a database\n"


def test_library_commands_do_not_create_a_library_at_a_mistyped_path(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite3"
    assert main(["library", "list", "--db", str(missing)]) == 2
    assert f"{missing}: no library here yet" in capsys.readouterr().err
    assert not missing.exists()
