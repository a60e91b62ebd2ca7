"""The library inside the window: reopen without re-aligning, autosave, re-align offer, recent lists, notes, --db."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.cli import main as cli_main
from desktop.core.model import Note, Settings
from desktop.core.pipeline import compare
from desktop.library import open_library
from desktop.ui import compare_runs
from desktop.ui.app import create_window
from desktop.ui.library_worker import comparison_name
from desktop.ui.models import NOTE_ROLE

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the library samples live in tests/
from library_samples import engine_comparison, rich_comparison


def saved_rows(path):
    store = open_library(path)
    try:
        return store.list()
    finally:
        store.db.close()


def open_saved(window, qtbot, comparison_id):
    with qtbot.waitSignal(window.library.opened, timeout=30000):
        assert window.library.open_saved(comparison_id)


def wait_saved(window, qtbot):
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    # The save lands, then the lists it asks for are read.
    for _ in range(3):
        window.library.wait(30000)
        qtbot.wait(20)


def test_opening_a_saved_comparison_shows_it_as_saved_without_a_worker_run(window, own_library, monkeypatch, qtbot):
    saved = engine_comparison()
    cid = own_library.save(saved, "Elbe bridge")

    def no_worker(*args, **kwargs):
        raise AssertionError("reopening must not align again")

    monkeypatch.setattr(compare_runs, "CompareWorker", no_worker)
    open_saved(window, qtbot, cid)
    assert window.comparison == saved
    assert window.comparison == own_library.load(cid)
    assert not window.session.runs.busy
    assert window.aligned_model.columnCount() == 3
    assert "Elbe bridge" in window.status.text()
    assert not window.info_bar.isVisible()  # same settings, same engine: nothing to offer


def test_autosave_creates_one_row_then_updates_it(window, open_articles, article_files, private_library, qtbot):
    open_articles(article_files[:2])
    wait_saved(window, qtbot)
    rows = saved_rows(private_library)
    assert [r.name for r in rows] == ["Dock workers strike over pay at Harbourtown"]
    assert window.library.current_id == rows[0].id
    assert window.library.panel.model.rowCount() == 1
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.add_sources(article_files[2:3])
    wait_saved(window, qtbot)
    rows_after = saved_rows(private_library)
    assert [r.id for r in rows_after] == [rows[0].id]
    store = open_library(private_library)
    assert len(store.load(rows[0].id).articles) == 3
    store.db.close()
    assert window.library.last_save_seconds is not None


def test_the_autosave_writes_the_rows_the_comparison_worker_laid_out(
    window, open_articles, article_files, private_library, monkeypatch, qtbot
):
    """Laying the rows out on the save's thread took the interpreter from the window while it showed the result
    (``library.rows.ResultRows``): the comparison's worker lays them out, and the save only writes them."""
    from desktop.library import store as library_store

    def not_here(comparison):
        raise AssertionError("the save laid the rows out again")

    monkeypatch.setattr(library_store, "result_rows", not_here)
    comparison = open_articles(article_files[:2])
    wait_saved(window, qtbot)
    assert window.info_bar.topic != "autosave"
    store = open_library(private_library)
    try:
        assert store.load(window.library.current_id) == comparison
    finally:
        store.db.close()


def test_removing_every_article_shows_the_start_page_with_recent_comparisons(
    window, own_library, open_articles, article_files, qtbot
):
    open_articles(article_files[:2])
    wait_saved(window, qtbot)
    for _ in range(2):
        with qtbot.waitSignal(window.session.finished_run, timeout=30000):
            window.session.remove(0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=5000)
    assert window.start_page.entry_ids() == [own_library.list()[0].id]
    assert window.library.current_id is None  # the next articles start a new library entry


def test_recent_comparisons_are_listed_in_the_file_menu_and_open(window, own_library, qtbot):
    store = own_library
    first = store.save(rich_comparison(), "Bridge opening")
    second = store.save(engine_comparison(), "Elbe ceremony")
    with qtbot.waitSignal(window.library.recent_changed):
        window.library.refresh()
    labels = [a.text() for a in window.recent_comparisons_menu.actions()]
    assert labels == ["&1 Elbe ceremony", "&2 Bridge opening"]
    assert window.start_page.entry_ids() == [second, first]
    with qtbot.waitSignal(window.library.opened, timeout=30000):
        window.recent_comparisons_menu.actions()[1].trigger()
    assert window.library.current_id == first
    assert window.comparison == store.load(first)


def old_engine_entry(store, threshold=0.8):
    """A comparison saved by an older Parallax with its own threshold: reopening it offers to align it again."""
    old = compare(list(r.article for r in engine_comparison().articles), Settings(threshold=threshold))
    return old, store._insert(old, "Elbe strict", (), engine_version="0.0.1", created=None)


def test_a_reopened_comparison_keeps_its_own_settings_without_a_realign_offer(window, own_library, store, qtbot):
    """Issue 17, item 5: the defaults for new comparisons (here 0.35) are no reason to re-align a saved one."""
    store.setValue("compare/threshold", 0.35)
    old = compare(list(r.article for r in engine_comparison().articles), Settings(threshold=0.8))
    cid = own_library.save(old, "Elbe strict")
    open_saved(window, qtbot, cid)
    assert not window.info_bar.isVisible()
    assert window.threshold.threshold() == 0.8
    assert window.session.settings.threshold == 0.8
    assert window.prefs.comparison_settings().threshold == 0.35


def test_an_older_engine_offers_a_realign_with_the_comparisons_own_settings(
    window, own_library, private_library, qtbot
):
    old, cid = old_engine_entry(own_library)
    open_saved(window, qtbot, cid)
    assert window.info_bar.isVisible()
    assert "aligned by Parallax 0.0.1" in window.info_bar.message.text()
    assert "threshold" not in window.info_bar.message.text()
    with qtbot.waitSignal(window.session.realigned, timeout=30000):
        window.info_bar.button("Re-align").click()
    assert window.comparison is old or window.comparison == old  # still the saved result
    assert window.info_bar.isVisible() and "ready" in window.info_bar.message.text()
    window.info_bar.button("Use New Result").click()
    assert window.comparison.settings.threshold == 0.8
    wait_saved(window, qtbot)
    rows = saved_rows(private_library)
    assert [r.id for r in rows] == [cid]
    library = open_library(private_library)
    assert library.comparison_settings(cid).threshold == 0.8
    assert library.realign_reason(cid) == ""
    library.db.close()


def test_keeping_the_old_result_leaves_it_saved_as_it_was(window, own_library, qtbot):
    _old, cid = old_engine_entry(own_library)
    before = own_library.info(cid).updated
    open_saved(window, qtbot, cid)
    window.info_bar.button("Keep").click()
    assert not window.info_bar.isVisible()
    assert window.comparison.settings.threshold == 0.8
    wait_saved(window, qtbot)
    assert own_library.info(cid).updated == before


def test_note_on_a_sentence_shows_as_tooltip_and_goes_into_the_html_export(
    window, own_library, open_articles, article_files, monkeypatch, tmp_path, qtbot
):
    comparison = open_articles(article_files[:2])
    group = next(g for g in comparison.groups if {"A", "B"} <= set(g.members))
    sentence = group.members["A"][0]
    window.aligned.show_sentence("A", sentence)
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "confirmed omission <b>")
    window.actions_.note_sentence.trigger()
    qtbot.waitUntil(lambda: not window.library.notes.waiting, timeout=10000)  # written once the autosave lands
    cid = window.library.current_id
    notes = own_library.notes.of(cid)
    assert [(n.text, n.article, n.sentence) for n in notes] == [("confirmed omission <b>", "A", sentence)]
    row = window.aligned_model.row_of("A", sentence)
    index = window.aligned_model.index(row, 0)
    assert index.data(NOTE_ROLE) == "confirmed omission <b>"
    assert "confirmed omission &lt;b&gt;" in index.data(Qt.ItemDataRole.ToolTipRole)
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "false match")
    window.actions_.note_group.trigger()
    qtbot.waitUntil(lambda: not window.library.notes.waiting, timeout=10000)
    assert own_library.notes.of(cid)[-1].group == group.id
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions_.export_html.trigger()
    report = target.read_text(encoding="utf-8")
    assert "confirmed omission &lt;b&gt;" in report
    assert "false match" in report


def test_notes_survive_reopening_the_comparison(window, open_articles, article_files, monkeypatch, qtbot):
    open_articles(article_files[:2])
    monkeypatch.setattr(window.note_commands, "ask_note", lambda *args: "checked with the port authority")
    window.actions_.note_comparison.trigger()
    qtbot.waitUntil(lambda: not window.library.notes.waiting, timeout=10000)
    cid = window.library.current_id
    window.new_comparison()
    assert window.comparison is None
    open_saved(window, qtbot, cid)
    assert window.library.notes.index.comparison == "checked with the port authority"


def test_library_articles_join_the_comparison_on_screen(window, own_library, open_articles, article_files, qtbot):
    library_id = own_library.articles.add(engine_comparison().articles[0].article)
    open_articles(article_files[:1])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.library.panel.add_articles_requested.emit([library_id])
    assert [r.article.path for r in window.comparison.articles] == [article_files[0], "a.txt"]


def test_deleting_the_comparison_on_screen_makes_the_next_save_a_new_entry(
    window, own_library, open_articles, article_files, private_library, qtbot, monkeypatch
):
    open_articles(article_files[:2])
    wait_saved(window, qtbot)
    first = window.library.current_id
    created = own_library.info(first).created
    panel = window.library.panel
    monkeypatch.setattr(panel, "confirm_delete", lambda info: True)
    panel.select(first)
    with qtbot.waitSignal(panel.deleted):
        panel.delete_selected()
    assert window.library.current_id is None
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.add_sources(article_files[2:3])
    wait_saved(window, qtbot)
    rows = saved_rows(private_library)
    assert len(rows) == 1
    assert rows[0].created != created  # a new entry (SQLite may hand out the freed id again)
    assert window.library.current_id == rows[0].id


def test_a_damaged_library_file_is_reported_and_left_untouched(qtbot, store, tmp_path, monkeypatch, article_files):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database, but someone's file" * 100)
    before = damaged.read_bytes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    win = create_window([], store, db=str(damaged))
    qtbot.addWidget(win)
    win.show()
    assert not win.library.available
    assert win.info_bar.isVisible() and "damaged.sqlite3" in win.info_bar.message.text()
    with qtbot.waitSignal(win.session.comparison_changed, timeout=30000):
        win.session.set_sources(article_files[:2])  # the app works without a library
    win.session.runs.wait(10000)
    assert not win.actions_.note_sentence.isEnabled()
    win.close()
    assert damaged.read_bytes() == before


def test_db_option_reaches_the_window(monkeypatch):
    from desktop.ui import app

    calls = []
    monkeypatch.setattr(app, "run", lambda files, db=None, samples=False: calls.append((files, db)) or 0)
    assert cli_main(["--db", "lib.sqlite", "a.txt", "b.txt"]) == 0
    assert cli_main(["c.txt"]) == 0
    assert calls == [(["a.txt", "b.txt"], "lib.sqlite"), (["c.txt"], None)]


@pytest.mark.parametrize(
    ("title", "path", "expected"),
    [
        ("  Dock workers\nstrike  ", "a.txt", "Dock workers strike"),
        ("", "/news/harbour-strike.html", "harbour-strike"),
        ("", "https://example.org/news/strike", "strike"),
        ("x" * 200, "a.txt", "x" * 79 + "…"),
    ],
)
def test_autosave_names_come_from_the_first_article(title, path, expected):
    from dataclasses import replace

    comparison = engine_comparison()
    first = replace(comparison.articles[0], article=replace(comparison.articles[0].article, title=title, path=path))
    assert comparison_name(replace(comparison, articles=(first, *comparison.articles[1:]))) == expected


def test_starting_again_on_the_same_files_updates_their_entry_instead_of_copying_it(
    qtbot, store, article_files, private_library
):
    for _ in range(2):
        win = create_window(article_files[:2], store)
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda w=win: w.comparison is not None, timeout=30000)
        wait_saved(win, qtbot)
        win.close()
    assert len(saved_rows(private_library)) == 1


def test_cancelling_a_realign_keeps_the_saved_result_and_closes_the_bar(window, own_library, qtbot, monkeypatch):
    from desktop.core import pipeline

    old, cid = old_engine_entry(own_library)
    open_saved(window, qtbot, cid)

    def waits_for_cancel(
        articles, settings=None, *, progress=None, cancelled=None, encoding=None, user_links=(), engine=None
    ):
        while not cancelled():
            time.sleep(0.005)
        raise pipeline.ComparisonCancelled()

    monkeypatch.setattr(pipeline, "compare", waits_for_cancel)
    window.info_bar.button("Re-align").click()
    assert "Re-aligning" in window.info_bar.message.text()
    with qtbot.waitSignal(window.session.run_cancelled, timeout=30000):
        window.info_bar.button("Cancel").click()
    assert window.info_bar.isHidden()
    assert window.comparison == old


def test_a_failing_autosave_says_so_and_keeps_the_comparison(window, open_articles, article_files, monkeypatch, qtbot):
    from desktop.library import LibraryError, LibraryStore

    def full(self, comparison, name, notes=(), rows=None):
        raise LibraryError(self.location(), "could not save to the library: database or disk is full")

    monkeypatch.setattr(LibraryStore, "save", full)
    comparison = open_articles(article_files[:2])
    window.library.wait(30000)
    qtbot.waitUntil(lambda: window.info_bar.topic == "autosave", timeout=5000)
    assert "disk is full" in window.info_bar.message.text()
    assert window.comparison is comparison


def test_a_note_before_the_first_autosave_shows_at_once_and_is_written_when_the_save_lands(
    window, own_library, open_articles, article_files, qtbot
):
    """The GUI thread does not wait for the library worker: the note waits for the row instead (issue 20)."""
    open_articles(article_files[:2])
    qtbot.waitUntil(lambda: window.library.current_id is not None, timeout=10000)
    window.library.worker.detach()  # as after File ▸ Open: no library row yet for what is on screen
    assert window.library.notes.set_note("check the figure", article="A", sentence=0)
    assert window.library.notes.waiting  # no event has been processed: the save cannot have landed
    assert window.library.notes.index.sentences == {("A", 0): "check the figure"}
    qtbot.waitUntil(lambda: not window.library.notes.waiting, timeout=10000)
    cid = window.library.current_id
    assert cid is not None
    assert Note("check the figure", "A", 0) in own_library.notes.of(cid)
    assert window.library.notes.index.sentences[("A", 0)] == "check the figure"
