"""Fixtures for the desktop tests: throw-away settings, literal article files and an open main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.library import open_library
from desktop.ui.app import create_window
from desktop.ui.garbage import GuiThreadCollector

ARTICLES = {
    "wire.txt": (
        "Dock workers strike over pay at Harbourtown\n\n"
        "About 2,300 dock workers walked out on Tuesday at Harbourtown port. "
        "The union is demanding a 6.5 percent pay rise over two years.\n\n"
        "The port authority said it had offered 4 percent and that talks resume on Monday. "
        "Container traffic was halted for the day.\n"
    ),
    "partisan.txt": (
        "Harbourtown workers say: enough!\n\n"
        "Dock workers abandoned their posts on Tuesday at Harbourtown port. "
        "Once again the port authority shows its shameful contempt for the people who keep it running.\n\n"
        "The union is demanding a fair pay rise over two years. Container traffic was halted for the day. "
        "It is hard to see how anyone could defend this.\n"
    ),
    "brief.txt": (
        "Port strike halts container traffic\n\n"
        "Some 2,300 dock workers went on strike on Tuesday in Harbourtown. They want 6.5 percent more pay.\n\n"
        "Container traffic stopped for the day. Shipping lines rerouted six vessels to Rotterdam.\n"
    ),
    "radio.txt": (
        "Harbourtown port at a standstill\n\n"
        "Dock workers at Harbourtown port went on strike on Tuesday. "
        "The union wants a 6.5 percent pay rise over two years, the port authority offered 4 percent.\n\n"
        "Container traffic was halted for the day. Talks resume on Monday.\n"
    ),
}


@pytest.fixture(scope="session", autouse=True)
def collect_on_gui_thread(qapp):
    """The window tests run with cyclic garbage collected as the app collects it: on the GUI thread only."""
    owner = GuiThreadCollector(qapp)
    yield owner
    owner.stop()


@pytest.fixture(autouse=True)
def private_library(tmp_path, monkeypatch):
    """Every window test gets its own library and recovery folder: the user's real ones are never touched."""
    monkeypatch.setenv("PARALLAX_DB", str(tmp_path / "library.sqlite3"))
    monkeypatch.setenv("PARALLAX_RECOVERY_DIR", str(tmp_path / "recovery"))
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(tmp_path):
    """An INI file in the test's folder: real user settings are never read or written."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def article_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def window(qtbot, store):
    win = create_window([], store)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.session.cancel()
    win.session.runs.wait(10000)
    win.library.wait(10000)


@pytest.fixture
def own_library(window):
    """The test's own connection to the window's library file, to set up and check what the window saved (the
    window itself reads and writes only through its library worker)."""
    store = open_library(window.library.path)
    yield store
    store.close()


@pytest.fixture
def open_articles(qtbot, window):
    """Open files in the window and wait for the comparison they produce."""

    def run(files, timeout=30000):
        with qtbot.waitSignal(window.session.comparison_changed, timeout=timeout):
            window.session.set_sources(list(files))
        qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=timeout)
        return window.comparison

    return run
