"""The library never loses or damages data: concurrent writers, a process killed mid-save, bad files at the path."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from library_samples import engine_comparison, rich_comparison

from desktop.export import write_json
from desktop.library import LibraryError, open_library

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


WRITER = """
    import sys, time
    from pathlib import Path
    from desktop.export.jsonio import read_json
    from desktop.library.store import open_library

    db, comparison_json, tag, go = sys.argv[1:5]
    comparison = read_json(comparison_json)
    store = open_library(db)
    while not Path(go).exists():  # both writers start together
        time.sleep(0.01)
    for n in range(12):
        cid = store.save(comparison, f"{tag}-{n}")
        store.notes.set(cid, f"note {tag}-{n}", group=0)
        store.rename(cid, f"{tag}-{n} renamed")
"""


@pytest.mark.slow  # two interpreter start-ups
def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    db = tmp_path / "lib.sqlite3"
    comparison = engine_comparison()
    open_library(db).db.close()  # created once, so both writers race on saves rather than on creation
    source = tmp_path / "c.json"
    write_json(comparison, source)
    go = tmp_path / "go"
    writers = [run_python(WRITER, str(db), str(source), tag, str(go)) for tag in ("left", "right")]
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err

    store = open_library(db)
    names = sorted(i.name for i in store.list())
    assert names == sorted(f"{tag}-{n} renamed" for tag in ("left", "right") for n in range(12))
    assert all(store.load(i.id) == comparison for i in store.list())
    assert all(store.notes.of(i.id)[0].text == f"note {i.name.removesuffix(' renamed')}" for i in store.list())
    assert len(store.articles.list()) == 3
    assert integrity(db) == "ok"


# Dies by SIGKILL between writing the sentences and the facts of a save: no exception handler, no rollback.
KILLED_SAVE = """
    import os, signal, sys
    from desktop.export.jsonio import read_json
    from desktop.library.store import LibraryStore, open_library

    db, comparison_json, mode = sys.argv[1:4]
    store = open_library(db)
    LibraryStore._write_facts = lambda self, *rows: os.kill(os.getpid(), signal.SIGKILL)
    if mode == "update":
        store.update(1, read_json(comparison_json))
    else:
        store.save(read_json(comparison_json), "never saved")
    print("survived")
"""


@pytest.mark.parametrize("mode", ["update", "new"])
def test_process_killed_mid_save_leaves_previous_state(tmp_path, mode):
    db = tmp_path / "lib.sqlite3"
    before = rich_comparison()
    store = open_library(db)
    cid = store.save(before, "Bridge")
    store.db.close()
    source = tmp_path / "c.json"
    write_json(engine_comparison(), source)

    killed = run_python(KILLED_SAVE, str(db), str(source), mode)
    out, _ = killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert "survived" not in out

    assert integrity(db) == "ok"
    store = open_library(db)
    assert [(i.id, i.name) for i in store.list()] == [(cid, "Bridge")]
    assert store.load(cid) == before
    assert store.db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 6
    assert len(store.articles.list()) == 2  # the new save's articles went with its transaction


def test_error_mid_save_rolls_back_in_the_same_process(tmp_path, monkeypatch):
    from desktop.library import LibraryStore

    store = open_library(tmp_path / "lib.sqlite3")
    cid = store.save(rich_comparison(), "Bridge")

    def fail(self, *rows):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(LibraryStore, "_write_facts", fail)
    with pytest.raises(RuntimeError):
        store.update(cid, engine_comparison())
    monkeypatch.undo()
    assert store.load(cid) == rich_comparison()
    assert store.save(engine_comparison(), "after the failure") != cid  # the connection is usable again


def assert_refused_untouched(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=match) as caught:
        open_library(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "thesis.sqlite3"
    path.write_text("Chapter 1. This is not a database, it is six weeks of work.\n" * 50)
    assert_refused_untouched(path, "not an SQLite database")


def test_damaged_library_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    store = open_library(path)
    for n in range(5):
        store.save(engine_comparison(), f"comparison {n}")
    store.db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page : 5 * page] = b"\xde\xad\xbe\xef" * (page // 2)  # two pages of b-tree overwritten
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, "damaged")


def test_truncated_library_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    store = open_library(path)
    for n in range(5):
        store.save(engine_comparison(), f"comparison {n}")
    store.db.close()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert_refused_untouched(path, "damaged")


def test_someone_elses_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.close()
    assert_refused_untouched(path, "not a Parallax library")


def test_library_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    store = open_library(path)
    store.db.execute("INSERT INTO schema_version VALUES (99, 'the future')")
    store.db.close()
    assert_refused_untouched(path, "newer Parallax")


def test_folder_at_the_library_path_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="is a folder"):
        open_library(tmp_path)


def test_empty_file_at_the_path_becomes_a_library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.touch()
    store = open_library(path)
    assert store.save(rich_comparison(), "first") == 1


def test_library_locked_by_another_writer_past_the_timeout_gives_a_library_error(tmp_path):
    path = tmp_path / "lib.sqlite3"
    store = open_library(path)
    store.db.execute("PRAGMA busy_timeout = 50")  # instead of waiting 30 s for the other writer
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LibraryError, match="could not save to the library: database is locked") as caught:
            store.save(rich_comparison(), "blocked")
        assert str(path) in str(caught.value)
    finally:
        holder.rollback()
        holder.close()
    assert store.save(rich_comparison(), "after the lock") == 1
