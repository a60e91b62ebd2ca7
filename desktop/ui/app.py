"""Start-up of the desktop app: logging, the exception hook, ``QApplication``, the window, the first files."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core.model import Comparison
from desktop.core.resources import resource_path, sample_paths
from desktop.library import LibraryError, library_path, open_library
from desktop.ui.garbage import GuiThreadCollector
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Preferences
from desktop.ui.recovery import Recovery
from desktop.ui.session import Session

ORGANIZATION = "Parallax"
APPLICATION = "Parallax"
# Set to N (ms) by packaging/smoke_test.py: quit after the first comparison is painted, or fail after N ms.
QUIT_AFTER_ENV = "PARALLAX_QUIT_AFTER_MS"
log = logging.getLogger("desktop.ui")


def stylesheet() -> str:
    """The app's QSS; its colours come from ``palette(...)`` so light and dark platform themes both work."""
    path = resource_path("styles", "parallax.qss")
    return path.read_text(encoding="utf-8") if path.exists() else ""


def install_exception_hook() -> None:
    """Unexpected errors go to the log and to a dialog, never to a bare traceback on stderr alone."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Unexpected error",
            f"Parallax ran into a problem it did not expect:\n\n{kind.__name__}: {error}\n\n"
            "Your articles are unchanged. The details are in the log (stderr).",
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    sys.excepthook = hook


def default_files() -> list[str]:
    try:
        return [str(p) for p in sample_paths("en")]
    except (FileNotFoundError, OSError):
        return []


def check_user_library(path: Path) -> str:
    """Why the library at ``path`` cannot be used ('' if it can): opened once at start-up (created or migrated if
    need be, its search index checked), then closed; the window uses it through its library worker only. A damaged
    or foreign file is reported and left exactly as it is: the app then runs without a library rather than
    replacing weeks of someone's work with an empty one."""
    try:
        open_library(path).close()
    except LibraryError as error:
        log.error("library unavailable: %s", error)
        return str(error)
    return ""


def create_window(
    files: Sequence[str], store: QSettings, *, db: str | None = None, recovery: Recovery | None = None
) -> MainWindow:
    """The window with its session and library, loading ``files`` (used by ``run`` and by the tests).

    ``db`` is ``--db``; without it ``$PARALLAX_DB`` or the per-user data folder. ``recovery`` defaults to the
    per-user state folder (``$PARALLAX_RECOVERY_DIR`` overrides it).
    """
    prefs = Preferences(store)
    session = Session(settings=prefs.comparison_settings())
    path = library_path(db)
    error = check_user_library(path)
    window = MainWindow(
        session,
        prefs,
        library_path=None if error else path,
        library_error=error,
        recovery=recovery if recovery is not None else Recovery(),
    )
    session.setParent(window)
    if files:
        QTimer.singleShot(0, lambda: session.set_sources(list(files)))
    if window.guard is not None:
        QTimer.singleShot(0, window.guard.offer)
    return window


def run(files: list[str], db: str | None = None, *, samples: bool = False) -> int:
    """The app on ``files``; without any, the start page (recent comparisons, "Try the samples"), or the bundled
    samples straight away with ``samples`` (``make run``, the packaging smoke test)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.parallaxapp.Parallax")
    app.setStyleSheet(stylesheet())
    install_exception_hook()
    garbage = GuiThreadCollector(app)  # cycles are freed on this thread, never in a worker's
    app.aboutToQuit.connect(garbage.stop)
    window = create_window(files or (default_files() if samples else []), QSettings(), db=db)
    window.show()
    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after.isdigit():
        quit_after_first_comparison(app, window, int(quit_after))
    return app.exec()


def quit_after_first_comparison(app: QApplication, window: MainWindow, limit_ms: int) -> None:
    """Smoke tests of a built package: close once the first comparison is painted, exit 1 if none is by then."""

    def shown(comparison: Comparison | None) -> None:
        if comparison is None:
            return
        window.grab()  # paints the window and its views (delegates included) into a pixmap, offscreen too
        print(f"parallax: first comparison painted, {len(comparison.articles)} articles", file=sys.stderr)
        if not window.close():
            app.exit(1)

    def expired() -> None:
        print(f"parallax: no comparison painted within {limit_ms} ms", file=sys.stderr)
        app.exit(1)

    window.session.comparison_changed.connect(shown, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(limit_ms, expired)
