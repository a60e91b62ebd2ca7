"""The GUI thread never waits on the database: every library request of the window (the recent list, search,
rename, duplicate, delete, notes, articles, reopening) runs on the library worker, and its answer or error arrives
by signal."""

from __future__ import annotations

import functools
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from desktop.library import LibraryArticles, LibraryError, LibraryNotes, LibraryStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the library samples live in tests/
from library_samples import engine_comparison, rich_comparison


class StoreCalls:
    """Records the thread of every call of a method of ``LibraryStore`` or its parts while ``on``.

    A thread is known by its Python identity, not by ``QThread.currentThread()``, which makes a Python wrapper of
    each pool thread's QThread on that thread and kept it past the thread's end. This was the only test that did
    so, and the one that crashed in the Qt event loop, while a pool thread opened the library, in two full runs of
    about fifteen (a suspected cause, not a proven one)."""

    def __init__(self, gui_thread: int) -> None:
        self.on = False
        self.gui_thread = gui_thread
        self.calls: list[tuple[str, int]] = []

    def on_gui_thread(self) -> list[str]:
        return [name for name, thread in self.calls if thread == self.gui_thread]

    def names(self) -> set[str]:
        return {name for name, _thread in self.calls}


@pytest.fixture
def store_calls(monkeypatch):
    assert QThread.currentThread() is QCoreApplication.instance().thread()  # fixtures run on the GUI thread
    recorder = StoreCalls(threading.get_ident())
    for cls, prefix in ((LibraryStore, ""), (LibraryNotes, "notes."), (LibraryArticles, "articles.")):
        for name, member in list(vars(cls).items()):
            if not callable(member) or name.startswith("__"):
                continue

            @functools.wraps(member)
            def recording(*args, _name=prefix + name, _method=member, **kwargs):
                if recorder.on:
                    recorder.calls.append((_name, threading.get_ident()))
                return _method(*args, **kwargs)

            monkeypatch.setattr(cls, name, recording)
    return recorder


def settle(window, qtbot):
    for _ in range(3):  # a job's answer may ask for another (a save lands, so the list is read again)
        window.library.wait(30000)
        qtbot.wait(20)


def test_no_library_store_call_runs_on_the_gui_thread(
    window, own_library, store_calls, open_articles, article_files, monkeypatch, qtbot
):
    library_id = own_library.articles.add(engine_comparison().articles[0].article)
    own_library.save(rich_comparison(), "Bridge opening")
    store_calls.on = True
    link, panel = window.library, window.library.panel
    with qtbot.waitSignal(link.recent_changed):
        link.refresh()
    comparison = open_articles(article_files[:2])
    qtbot.waitUntil(lambda: link.current_id is not None, timeout=10000)
    settle(window, qtbot)
    # Search, then rename, duplicate and delete through the panel.
    with qtbot.waitSignal(panel.listed):
        panel.search.setText("Bridge")
    [bridge] = [panel.model.info(row).id for row in range(panel.model.rowCount())]
    with qtbot.waitSignals([panel.changed, panel.listed]):
        panel.rename(bridge, "Bridge opening, renamed")
    with qtbot.waitSignal(panel.listed):
        panel.search.clear()
    panel.select(bridge)
    with qtbot.waitSignals([panel.changed, panel.listed]):
        panel.duplicate_selected()
    monkeypatch.setattr(panel, "confirm_delete", lambda info: True)
    with qtbot.waitSignals([panel.deleted, panel.listed]):
        panel.delete_selected()
    # Notes: written, carried to a new result, exported.
    group = next(g for g in comparison.groups if {"A", "B"} <= set(g.members))
    assert link.notes.set_note("checked", article="A", sentence=group.members["A"][0])
    qtbot.waitUntil(lambda: not link.notes.waiting, timeout=10000)
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.move(1, -1)
    settle(window, qtbot)
    assert link.notes.for_report()
    # Articles from the library, then reopening a saved comparison.
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        link.add_articles([library_id])
    settle(window, qtbot)
    with qtbot.waitSignal(link.opened, timeout=30000):
        link.open_saved(bridge)
    settle(window, qtbot)
    assert store_calls.on_gui_thread() == []
    own_library.counts()  # the recorder itself: a call from the test, on the GUI thread, is seen as one
    assert store_calls.on_gui_thread() == ["counts"]
    store_calls.on = False

    wanted = {
        "list",
        "search",
        "rename",
        "duplicate",
        "delete",
        "notes.set",
        "notes.of",
        "articles.get",
        "load",
        "save",
    }
    assert wanted <= store_calls.names()
    assert window.comparison == own_library.load(bridge)


def test_a_library_error_arrives_as_one_status_line(window, own_library, monkeypatch, qtbot):
    cid = own_library.save(rich_comparison(), "Bridge opening")
    panel = window.library.panel
    with qtbot.waitSignal(panel.listed):
        panel.refresh()

    def locked(self, comparison_id, name):
        raise LibraryError(self.location(), "could not save to the library: database is locked")

    monkeypatch.setattr(LibraryStore, "rename", locked)
    with qtbot.waitSignal(panel.failed):
        panel.rename(cid, "Northwood affair")
    message = "The library could not be changed: "
    assert window.status.text().startswith(message) and "database is locked" in window.status.text()
    assert panel.status.text() == window.status.text()
    assert own_library.info(cid).name == "Bridge opening"
