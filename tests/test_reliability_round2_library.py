"""Issue 16 item 9 (the library part): a damaged full-text index gave a traceback on ``library search``, and
saves went on writing into it (PRAGMA quick_check cannot see inside FTS5). Opening now runs FTS5's integrity
check; a damaged index is one line naming ``parallax library repair``, which rebuilds it from the tables."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from library_samples import rich_comparison

from desktop.cli import main
from desktop.library import LibraryError, SearchIndexDamaged, open_library


def _library(tmp_path: Path) -> Path:
    db = tmp_path / "lib.sqlite"
    store = open_library(db)
    store.save(rich_comparison(), "bridge")
    store.db.close()
    return db


def _damage(db: Path, how: str) -> None:
    conn = sqlite3.connect(db)
    statements = {
        # index pages overwritten with zeros (a bad sector, a copy cut short)
        "zeroed pages": "UPDATE articles_fts_data SET block = zeroblob(length(block)) WHERE id > 100",
        # the structure record garbled: FTS5 cannot even open the index
        "garbled structure": "UPDATE articles_fts_data SET block = x'ffffffffff' WHERE id = 10",
        "pages gone": "DELETE FROM articles_fts_data WHERE id > 100",
        "sizes gone": "DELETE FROM articles_fts_docsize",
        "a shadow table gone": "DROP TABLE comparisons_fts_config",
        # a trigger dropped: later saves never reach the index, which drifts from the tables
        "a trigger gone": "DROP TRIGGER articles_ai",
    }
    conn.execute(statements[how])
    if how == "a trigger gone":
        conn.execute(
            "INSERT INTO articles (content_hash, path, title, text, imported_at) "
            "VALUES ('x', 'p', 'Harbour', 'The harbour flooded.', 'now')"
        )
    conn.commit()
    conn.close()


DAMAGE = ["zeroed pages", "garbled structure", "pages gone", "sizes gone", "a shadow table gone", "a trigger gone"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_search_index_is_one_line_naming_repair_and_repair_rebuilds_it(tmp_path, capsys, how):
    db = _library(tmp_path)
    _damage(db, how)
    assert main(["library", "search", "Northwood", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "search index is damaged" in err and f"parallax library repair --db {db}" in err

    assert main(["library", "repair", "--db", str(db)]) == 0
    assert "rebuilt the damaged search index" in capsys.readouterr().out
    assert main(["library", "search", "Northwood", "--db", str(db)]) == 0
    assert "bridge" in capsys.readouterr().out
    store = open_library(db)  # the check on open passes again
    assert store.search_index_problem() == ""
    if how == "a trigger gone":
        assert [a.title for a in store.articles.search("harbour")] == ["Harbour"]


def test_no_save_goes_into_a_damaged_index(tmp_path, capsys):
    db = _library(tmp_path)
    _damage(db, "zeroed pages")
    article = tmp_path / "a.txt"
    article.write_text("The bridge over the Elbe was opened on 12 March by Mayor Jane Northwood.\n", "utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Mayor Jane Northwood opened the Elbe bridge on 12 March.\n", "utf-8")
    code = main(["compare", str(article), str(other), "--save", "second", "--db", str(db), "--quiet"])
    assert code == 2
    assert "library repair" in capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM comparisons").fetchone()[0] == 1


def test_repair_of_an_intact_library_says_so_and_changes_no_result(tmp_path, capsys):
    db = _library(tmp_path)
    before = open_library(db).load(1)
    assert main(["library", "repair", "--db", str(db)]) == 0
    assert "the search index was intact" in capsys.readouterr().out
    assert open_library(db).load(1) == before


def test_the_search_index_damaged_after_opening_is_a_library_error_not_a_traceback(tmp_path):
    db = _library(tmp_path)
    store = open_library(db)
    _damage(db, "pages gone")
    with pytest.raises(SearchIndexDamaged):
        store.search("Northwood")


def test_a_save_that_meets_a_corrupt_page_is_a_library_error_and_rolled_back(tmp_path, monkeypatch):
    db = _library(tmp_path)
    store = open_library(db)

    def corrupt(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")  # what a trigger writing to it raises

    monkeypatch.setattr(store, "_write_results", corrupt)
    with pytest.raises(LibraryError, match="could not save to the library: database disk image is malformed; "):
        store.save(rich_comparison(), "again")
    assert [info.name for info in store.list()] == ["bridge"]


def test_open_refuses_and_repair_opens_without_the_check(tmp_path):
    db = _library(tmp_path)
    _damage(db, "garbled structure")
    with pytest.raises(SearchIndexDamaged, match="vtable constructor failed"):
        open_library(db)
    store = open_library(db, check_search_index=False)
    store.repair_search_index()
    assert store.search_index_problem() == ""


def test_the_check_on_open_does_not_wait_for_another_writer(tmp_path):
    db = _library(tmp_path)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a save
    try:
        started = time.perf_counter()
        store = open_library(db)
        assert time.perf_counter() - started < 5  # not the 30 s busy timeout
        assert [info.name for info in store.list()] == ["bridge"]
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000  # saves still queue on the lock
    finally:
        writer.execute("ROLLBACK")
        writer.close()
