"""Faults in the window: a worker that raises, a cancelled run, a hard kill (crash recovery), unwritable exports."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.core import pipeline
from desktop.core.model import Settings
from desktop.ui.app import create_window
from desktop.ui.recovery import Recovery, Snapshot
from desktop.ui.worker import Source

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("session-*.json")) if folder.exists() else []


def test_a_worker_exception_shows_an_error_and_keeps_the_window_and_result(
    window, open_articles, article_files, monkeypatch, dialogs, qtbot
):
    before = open_articles(article_files[:2])

    def broken(*args, **kwargs):
        raise RuntimeError("the aligner fell over")

    monkeypatch.setattr(pipeline, "compare", broken)
    window.actions_.recompare.trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    assert "the aligner fell over" in dialogs[0]
    assert "Traceback" not in dialogs[0]
    assert window.comparison is before
    assert not window.session.runs.busy
    assert "failed" in window.status.text()
    monkeypatch.undo()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: dialogs.append(box.text()) or 0)
    after = open_articles(article_files[:3])  # the window still works
    assert len(after.articles) == 3
    assert len(dialogs) == 1


def test_a_cancelled_run_keeps_the_previous_result(window, open_articles, article_files, monkeypatch, qtbot):
    before = open_articles(article_files[:2])
    started = threading.Event()

    def slow(articles, settings=None, *, progress=None, cancelled=None, encoding=None, user_links=(), engine=None):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise pipeline.ComparisonCancelled()

    monkeypatch.setattr(pipeline, "compare", slow)
    with qtbot.waitSignal(window.session.run_cancelled, timeout=30000):
        window.actions_.recompare.trigger()
        qtbot.waitUntil(started.is_set, timeout=10000)
        window.cancel_button.click()
    assert window.comparison is before
    assert not window.session.runs.busy
    assert "cancelled" in window.status.text()


def test_the_session_is_kept_on_disk_and_removed_on_a_clean_close(qtbot, store, tmp_path, article_files, dialogs):
    folder = tmp_path / "recovery"
    win = create_window([], store, recovery=Recovery(folder))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.session.comparison_changed, timeout=30000):
        win.session.set_sources(article_files[:2])
    QApplication.clipboard().setText("Dock workers struck on Tuesday in Harbourtown. Nobody was hurt.")
    with qtbot.waitSignal(win.session.finished_run, timeout=30000):
        win.actions_.paste.trigger()
    qtbot.waitUntil(lambda: bool(recovery_files(folder)), timeout=5000)
    win.guard.write_now()
    (kept,) = recovery_files(folder)
    snapshot = Snapshot.from_json(kept.read_text(encoding="utf-8"))
    assert [s.location for s in snapshot.sources] == [*article_files[:2], "Pasted text 1"]
    assert snapshot.sources[2].article.text.startswith("Dock workers struck on Tuesday")
    assert snapshot.settings == win.session.settings
    win.session.runs.wait(10000)
    win.close()
    assert recovery_files(folder) == []
    assert not list(folder.glob("*.lock"))


def test_after_a_hard_kill_the_next_start_offers_the_session_back(qtbot, store, tmp_path, article_files):
    folder = tmp_path / "recovery"
    snapshot = Snapshot((Source(article_files[0]), Source(article_files[1])), Settings(threshold=0.6), None)
    # A real process writes the file and dies without cleaning up, as a kill -9 would leave it.
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from desktop.ui.recovery import Recovery, Snapshot\n"
        "recovery = Recovery(Path(sys.argv[1]))\n"
        "recovery.write(Snapshot.from_json(sys.stdin.read()))\n"
        "os._exit(9)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        input=snapshot.to_json(),
        text=True,
        cwd=REPO,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 9, done.stderr
    assert len(recovery_files(folder)) == 1

    win = create_window([], store, recovery=Recovery(folder))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.info_bar.topic == "recovery", timeout=5000)
    assert "2 articles (wire.txt, partisan.txt)" in win.info_bar.message.text()
    with qtbot.waitSignal(win.session.comparison_changed, timeout=30000):
        win.info_bar.button("Restore").click()
    assert [r.article.path for r in win.comparison.articles] == article_files[:2]
    assert win.comparison.settings.threshold == 0.6
    qtbot.waitUntil(lambda: len(recovery_files(folder)) == 1, timeout=5000)  # now this window's own file
    assert recovery_files(folder)[0].name.startswith(f"session-{os.getpid()}-")
    win.session.runs.wait(10000)
    win.library.wait(10000)
    win.close()
    assert recovery_files(folder) == []


def test_a_live_window_is_not_offered_as_a_crash(qtbot, store, tmp_path, article_files):
    folder = tmp_path / "recovery"
    first = Recovery(folder)
    first.write(Snapshot((Source(article_files[0]),), Settings()))
    second = Recovery(folder)
    assert second.orphans() == []  # the first still holds its lock
    first.abandon()
    assert [o.path for o in second.orphans()] == [first.path]
    second.close()
    first.close()


def test_declining_the_restore_deletes_the_left_behind_file(qtbot, store, tmp_path, article_files):
    folder = tmp_path / "recovery"
    left = Recovery(folder)
    left.write(Snapshot((Source(article_files[0]),), Settings()))
    left.abandon()
    win = create_window([], store, recovery=Recovery(folder))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.info_bar.topic == "recovery", timeout=5000)
    win.info_bar.button("Discard").click()
    assert recovery_files(folder) == []
    assert win.comparison is None


def test_an_unreadable_recovery_file_is_dropped_not_offered(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "session-1-deadbeef.json").write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    recovery = Recovery(folder)
    assert recovery.orphans() == []
    assert recovery_files(folder) == []


def _export_to(window, monkeypatch, target: Path, action: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    getattr(window.actions_, action).trigger()


@pytest.mark.parametrize("action", ["save_json", "export_html"])
def test_saving_into_a_location_that_cannot_be_written_explains_and_keeps_the_work(
    window, open_articles, article_files, monkeypatch, dialogs, tmp_path, action
):
    before = open_articles(article_files[:2])
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x", encoding="utf-8")
    _export_to(window, monkeypatch, not_a_folder / "out.file", action)
    assert len(dialogs) == 1
    assert "plain-file/out.file" in dialogs[0] and "could not be written" in dialogs[0]
    assert "Traceback" not in dialogs[0]
    assert window.comparison is before
    assert window.actions_.save_json.isEnabled()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_saving_into_a_read_only_folder_explains(window, open_articles, article_files, monkeypatch, dialogs, tmp_path):
    open_articles(article_files[:2])
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _export_to(window, monkeypatch, folder / "report.html", "export_html")
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in dialogs[0]
    assert not (folder / "report.html").exists()


def test_a_full_disk_explains_and_leaves_no_partial_file(
    window, open_articles, article_files, monkeypatch, dialogs, tmp_path
):
    open_articles(article_files[:2])

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("desktop.export.atomic.os.fsync", full)
    target = tmp_path / "report.json"
    _export_to(window, monkeypatch, target, "save_json")
    assert "No space left on device" in dialogs[0]
    assert not target.exists()
    assert list(tmp_path.glob(".report.json.*")) == []
    assert window.comparison is not None
