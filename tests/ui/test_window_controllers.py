"""The window's controllers on their own, without a MainWindow: each takes the objects it needs and says what
happened by signal (issue 20: no helper reaches back into the window)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QStatusBar, QWidget

from desktop.core.model import Note, Settings
from desktop.ui.aligned_view import AlignedView
from desktop.ui.article_opening import ArticleOpening
from desktop.ui.crash_guard import CrashGuard
from desktop.ui.difference_jumps import DifferenceJumps
from desktop.ui.difference_navigator import DifferenceNavigator
from desktop.ui.differences_panel import DifferencesPanel
from desktop.ui.exports import Exports
from desktop.ui.info_bar import InfoBar
from desktop.ui.library_dock import LibraryDock, refresh_recent_comparisons
from desktop.ui.library_link import LibraryLink
from desktop.ui.models import AlignedModel
from desktop.ui.notes import WaitingNotes
from desktop.ui.preferences import Preferences
from desktop.ui.reading_view import ReadingView
from desktop.ui.recovery import Recovery
from desktop.ui.run_status import RunStatus
from desktop.ui.session import Session


def _record(signal):
    seen: list = []
    signal.connect(lambda *args: seen.append(args if len(args) > 1 else args[0]))
    return seen


def test_run_status_reports_a_failed_run_in_the_status_bar_and_as_an_alert(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    status = RunStatus(Session(parent, Settings()), QStatusBar(parent), parent)
    alerts = _record(status.alert)
    status.run_failed("the engine broke")
    assert status.status.text() == "Comparison failed."
    assert alerts == [("Comparison failed", "the engine broke\n\nYour articles are unchanged.")]
    status.cancelled()
    assert status.status.text() == "Comparison cancelled"


def test_run_status_shows_progress_and_cancel_only_while_busy(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    status = RunStatus(Session(parent, Settings()), QStatusBar(parent), parent)
    status.busy(True)
    assert not status.progress.isHidden() and not status.cancel_button.isHidden()
    assert status.status.text() == "Comparing 0 articles…"
    status.busy(False)
    assert status.progress.isHidden() and status.cancel_button.isHidden()


def test_one_file_with_a_comparison_on_screen_is_offered_as_an_addition_not_a_new_comparison(qtbot, store, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(parent, Settings())
    opening = ArticleOpening(session, Preferences(store), QMenu(parent), QAction(parent), lambda: True, parent)
    asked: list[str] = []
    added: list[list[str]] = []
    opening.ask_add_single = lambda location: asked.append(location) or False
    session.add_sources = added.append
    session.start_new = lambda *args: added.append(["new", *args[0]])
    opening.open_new([str(tmp_path / "one.txt")])
    assert asked == [str(tmp_path / "one.txt")]
    assert added == []  # declined: nothing opened, nothing added


def test_recent_files_menu_lists_what_was_added_and_clears(qtbot, store, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(parent, Settings())
    session.add_sources = lambda locations: None
    menu, clear = QMenu(parent), QAction("Clear", parent)
    opening = ArticleOpening(session, Preferences(store), menu, clear, lambda: False, parent)
    opening.add_locations([str(tmp_path / "wire.txt")])
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["&1 wire.txt", "Clear"]
    clear.trigger()
    assert [a.text() for a in menu.actions()] == ["Clear"] and not clear.isEnabled()


def test_an_export_that_cannot_be_written_says_so_and_remembers_no_folder(qtbot, store, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    prefs = Preferences(store)
    exports = Exports(prefs, lambda: object(), lambda: None, lambda: str(tmp_path), parent)  # type: ignore[arg-type,return-value]
    alerts, messages = _record(exports.alert), _record(exports.message)

    def full_disk(comparison, path):
        raise OSError(28, "No space left on device")

    exports.write(full_disk, str(tmp_path / "out.json"))
    assert alerts[0][0] == "Could not save" and "No space left on device" in alerts[0][1]
    assert messages == [f"Not saved: {tmp_path / 'out.json'}: No space left on device"]
    assert not prefs.export_folder()


def test_library_link_without_a_library_refuses_notes_by_alert_not_through_a_window(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    link = LibraryLink(Session(parent, Settings()), InfoBar(parent), None, "disk on fire", parent)
    alerts = _record(link.alert)
    assert link.notes.set_note("checked") is False
    assert alerts[0][0] == "Notes need the library" and "disk on fire" in alerts[0][1]


def test_crash_guard_says_once_in_the_status_bar_that_recovery_is_off(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(parent, Settings())
    recovery = Recovery(tmp_path / "recovery")

    def read_only(snapshot):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(recovery, "write", read_only)
    guard = CrashGuard(session, LibraryLink(session, InfoBar(parent), None), InfoBar(parent), recovery, parent)
    messages = _record(guard.message)
    guard.write_now()
    guard.write_now()
    assert len(messages) == 1 and messages[0].startswith("Crash recovery is off")


def test_without_a_library_the_library_menu_says_why_and_there_is_no_dock(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    help_menu = window.menuBar().addMenu("&Help")
    link = LibraryLink(Session(window, Settings()), InfoBar(window), None, "disk on fire", window)
    area = LibraryDock(window, link, QDockWidget(window), lambda *args, **kwargs: None, help_menu, {})
    assert area.dock is None
    (library,) = [m for m in window.menuBar().actions() if m.text() == "&Library"]
    (unavailable,) = library.menu().actions()
    assert not unavailable.isEnabled() and unavailable.statusTip() == "disk on fire"
    area.show_library()  # harmless without a library


def test_recent_comparisons_menu_without_a_library_says_it_is_unavailable(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    link = LibraryLink(Session(parent, Settings()), InfoBar(parent), None, "disk on fire", parent)
    menu = QMenu(parent)
    refresh_recent_comparisons(link, menu, None)
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Library unavailable", False)]


def test_difference_jumps_say_when_there_is_no_further_difference(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    navigator = DifferenceNavigator(parent)
    aligned = AlignedView(AlignedModel(parent))
    jumps = DifferenceJumps(
        navigator,
        DifferencesPanel(),
        aligned,
        ReadingView(),
        lambda: aligned,
        QLabel(),
        QAction(parent),
        QAction(parent),
        parent,
    )
    messages = _record(jumps.message)
    navigator.edge_reached.emit(1)
    assert messages == []  # nothing to navigate: no complaint
    navigator.blocks = [object()]
    navigator.edge_reached.emit(1)
    navigator.edge_reached.emit(-1)
    assert messages == ["No more differences below", "No more differences above"]


def test_waiting_notes_keep_the_newest_per_sentence_and_hide_a_removal():
    waiting = WaitingNotes()
    waiting.add(Note("first", "A", 0))
    waiting.add(Note("comparison note"))
    waiting.add(Note("second", "A", 0))
    waiting.add(Note("", group=3))  # removing a group note that may exist on the row
    assert waiting.index().sentences == {("A", 0): "second"}
    assert waiting.index().comparison == "comparison note" and waiting.index().groups == {}
    assert waiting.take() == [Note("comparison note"), Note("second", "A", 0), Note("", group=3)]
    assert not waiting
