"""The library store raises only its own error type: a locked, damaged or closed database is a ``LibraryError`` naming
the file, never an ``sqlite3`` exception, so the app and the command line catch one type."""

from __future__ import annotations

import inspect
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from library_samples import engine_comparison, rich_comparison

from desktop.core.model import Article
from desktop.library import LibraryArticles, LibraryError, LibraryNotes, LibraryStore, open_library

ROOT = Path(__file__).resolve().parents[1]

# Every public method of the store and of its parts (``store.notes``, ``store.articles``), called as a front end would
# (comparison 1 exists).
CALLS: dict[str, Callable[[LibraryStore], Any]] = {
    "articles.add": lambda s: s.articles.add(Article("A", "new.txt", "A new text.")),
    "articles.get": lambda s: s.articles.get(1),
    "comparison_settings": lambda s: s.comparison_settings(1),
    "counts": lambda s: s.counts(),
    "delete": lambda s: s.delete(1),
    "duplicate": lambda s: s.duplicate(1),
    "engine_version": lambda s: s.engine_version(1),
    "info": lambda s: s.info(1),
    "list": lambda s: s.list(),
    "articles.list": lambda s: s.articles.list(),
    "load": lambda s: s.load(1),
    "notes.of": lambda s: s.notes.of(1),
    "realign_reason": lambda s: s.realign_reason(1),
    "rename": lambda s: s.rename(1, "renamed"),
    "repair_search_index": lambda s: s.repair_search_index(),
    "same_articles": lambda s: s.same_articles(rich_comparison()),
    "save": lambda s: s.save(rich_comparison(), "another"),
    "search": lambda s: s.search("bridge"),
    "articles.search": lambda s: s.articles.search("bridge"),
    "search_index_problem": lambda s: s.search_index_problem(),
    "notes.set": lambda s: s.notes.set(1, "checked"),
    "update": lambda s: s.update(1, rich_comparison()),
}
# Neither touches the database once the store is made.
NO_DATABASE = {"close", "location"}
# The parts' steps of the store's own writes, run inside the transaction the store holds.
INSIDE_THE_STORES_WRITES = {"notes.write", "notes.delete_all", "articles.file"}


def test_every_public_method_of_the_store_is_in_these_tests():
    def public(cls: type, prefix: str = "") -> set[str]:
        return {prefix + name for name, _ in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")}

    methods = public(LibraryStore) | public(LibraryNotes, "notes.") | public(LibraryArticles, "articles.")
    assert methods - NO_DATABASE - INSIDE_THE_STORES_WRITES == set(CALLS)


def _journal_store(path: Path) -> LibraryStore:
    """A store in the default rollback-journal mode, where another connection's exclusive lock blocks reading too
    (in WAL mode readers never wait); 50 ms instead of 30 s before giving up."""
    store = LibraryStore(sqlite_utils.Database(sqlite3.connect(path, timeout=0.05)))
    store.save(rich_comparison(), "bridge")
    return store


@pytest.mark.parametrize("name", sorted(set(CALLS) - {"search_index_problem"}))  # skips the check when locked
def test_a_library_locked_by_another_process_is_a_library_error_naming_the_file(tmp_path, name):
    path = tmp_path / "library.sqlite3"
    store = _journal_store(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryError, match=r"could not (read|save to) the library: database is locked") as caught:
            CALLS[name](store)
        assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_closed_library_is_a_library_error_not_an_sqlite3_error(tmp_path, name):
    path = tmp_path / "library.sqlite3"
    store = open_library(path)
    store.save(rich_comparison(), "bridge")
    store.close()
    with pytest.raises(LibraryError, match=re.escape(f"{path}: could not")):
        CALLS[name](store)


def test_a_damaged_page_is_a_library_error_on_reading_and_the_rest_still_reads(tmp_path):
    path = tmp_path / "library.sqlite3"
    store = open_library(path)
    cid = store.save(engine_comparison(), "Elbe bridge")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    page = sqlite3.connect(path).execute("SELECT rootpage FROM sqlite_master WHERE name = 'sentences'").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 : page * 4096] = b"\xff" * 4096  # a bad sector under the sentences
    path.write_bytes(bytes(data))
    damaged = LibraryStore(sqlite_utils.Database(sqlite3.connect(path)))  # past open_library's check, as if later
    with pytest.raises(LibraryError, match=re.escape(f"{path}: could not read the library: database disk image")):
        damaged.load(cid)
    assert [info.name for info in damaged.list()] == ["Elbe bridge"]


def test_a_library_that_cannot_be_set_up_is_a_library_error_naming_the_file(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.touch()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # the tables cannot be created
    with pytest.raises(LibraryError, match=re.escape(f"{path}: cannot use the library: attempt to write a readonly")):
        LibraryStore(sqlite_utils.Database(read_only))


def test_same_articles_finds_the_newest_entry_of_these_texts_in_this_order(tmp_path):
    store = open_library(tmp_path / "library.sqlite3")
    comparison = rich_comparison()
    store.save(comparison, "first")
    newer = store.save(comparison, "second")
    assert store.same_articles(comparison) == newer
    swapped = comparison.__class__(**{**vars_of(comparison), "articles": comparison.articles[::-1]})
    assert store.same_articles(swapped) is None


def vars_of(value: Any) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__dataclass_fields__}


def test_nothing_outside_the_library_touches_sqlite3_but_the_vector_cache():
    """The store translates every SQLite failure, so no caller needs (or may write) ``except sqlite3.Error``; the
    sentence-vector cache keeps its own SQLite file and handles it itself."""
    own_sqlite = {ROOT / "desktop/core/align/vector_cache.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if "library" not in path.relative_to(ROOT / "desktop").parts
        and path not in own_sqlite
        and re.search(r"^\s*(import sqlite3|from sqlite3 )|sqlite3\.\w*Error", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
