"""Where a comparison's articles come from in the window: File ▸ Open, Add Article, Open URL, paste, the bundled
samples, dropped files and links, and the Add Recent File menu.

It asks in dialogs of its own (``choose_files``, ``ask_add_single``: tests replace them), hands the locations to
the ``Session`` and remembers them in ``Preferences``; a failure the user has to read is emitted as ``alert``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from desktop.core.resources import sample_paths
from desktop.core.sources.errors import LoadError
from desktop.ui.file_names import ARTICLE_FILTER
from desktop.ui.preferences import Preferences
from desktop.ui.session import Session


class ArticleOpening(QObject):
    alert = Signal(str, str)  # title, text: a failure the user has to acknowledge
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        session: Session,
        prefs: Preferences,
        recent_menu: QMenu,
        clear_recent: QAction,
        showing: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        """``showing``: whether a comparison is on screen (a single file is then offered as an addition)."""
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.recent_menu = recent_menu
        self.clear_recent = clear_recent
        self.showing = showing
        self._parent = parent
        clear_recent.triggered.connect(self._clear_recent)
        # Queued: the views keep painting the comparison on screen before the (modal) error dialog opens.
        session.new_failed.connect(self._new_failed, Qt.ConnectionType.QueuedConnection)
        self.refresh_recent()

    def choose_files(self, title: str) -> list[str]:
        """Article files picked in one dialog ([] if cancelled). Tests replace this method."""
        paths, _ = QFileDialog.getOpenFileNames(self._parent, title, self.last_folder(), ARTICLE_FILTER)
        return list(paths)

    def open_files(self) -> None:
        """File ▸ Open: a new comparison of the files chosen (two or more, in one dialog)."""
        paths = self.choose_files("Open Articles for a New Comparison (choose two or more)")
        if paths:
            self.open_new(paths)

    def add_files(self) -> None:
        """File ▸ Add Article to This Comparison."""
        paths = self.choose_files("Add Articles to This Comparison")
        if paths:
            self.add_locations(paths)

    def open_new(self, locations: list[str]) -> None:
        """Start a new comparison of ``locations``; the one on screen stays until it has a result. A single file
        cannot be a comparison on its own, so with a comparison on screen it is offered as an addition."""
        if len(locations) == 1 and self.showing():
            if self.ask_add_single(locations[0]):
                self.add_locations(locations)
            return
        self.refresh_recent(self.prefs.add_recent(locations))
        self.session.start_new(locations, self.prefs.comparison_settings())

    def ask_add_single(self, location: str) -> bool:
        """Whether to add one chosen file to the comparison on screen. Tests replace this method."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "One article chosen",
            f"{Path(location).name}\n\nA new comparison needs two or more articles, chosen together "
            "in the dialog (Ctrl-click or Shift-click). Add this one to the comparison on screen "
            "instead?",
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        add = box.addButton("Add to This Comparison", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is add

    def open_samples(self) -> None:
        """The start page's "Try the samples": the bundled English reports of one invented event."""
        try:
            paths = [str(p) for p in sample_paths("en")]
        except OSError as error:
            self.alert.emit("Samples not found", f"The bundled samples could not be found: {error}")
            return
        self.session.start_new(paths, self.prefs.comparison_settings())

    def _new_failed(self, errors: list[LoadError]) -> None:
        """A new comparison (File ▸ Open) gave nothing to show: the one on screen stays, and so does its place."""
        self.message.emit("No new comparison was opened; the one on screen stays as it was")
        if errors:
            title = "Could not open an article" if len(errors) == 1 else f"Could not open {len(errors)} articles"
            self.alert.emit(
                title,
                "\n".join(str(e) for e in errors) + "\n\nA comparison needs two articles, so "
                "no new one was started; the comparison on screen stays open.",
            )

    def add_locations(self, locations: list[str]) -> None:
        self.refresh_recent(self.prefs.add_recent(locations))
        self.session.add_sources(locations)

    def open_url(self) -> None:
        url, ok = QInputDialog.getText(self._parent, "Open URL", "Web address of the article:")
        if ok and url.strip():
            self.add_locations([url.strip()])

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.alert.emit("Nothing to paste", "The clipboard holds no text to add as an article.")
            return
        self.session.add_text(text)

    def refresh_recent(self, recent: list[str] | None = None) -> None:
        recent = self.prefs.recent_files() if recent is None else recent
        self.recent_menu.clear()
        for number, location in enumerate(recent, start=1):
            label = f"&{number} {Path(location).name if '://' not in location else location}"
            action = self.recent_menu.addAction(label)
            action.setStatusTip(location)
            action.triggered.connect(lambda _=False, loc=location: self.add_locations([loc]))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent)
        self.clear_recent.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.prefs.clear_recent()
        self.refresh_recent([])

    def last_folder(self) -> str:
        recent = [r for r in self.prefs.recent_files() if "://" not in r]
        return str(Path(recent[0]).parent) if recent else str(Path.home())


def dropped_locations(mime: QMimeData) -> list[str]:
    """Local files as paths, web links as URLs; a dragged text that is a URL counts too."""
    found = []
    for url in mime.urls():
        if url.isLocalFile():
            found.append(url.toLocalFile())
        elif url.scheme() in ("http", "https"):
            found.append(url.toString())
    if not found and mime.hasText():
        url = QUrl(mime.text().strip())
        if url.scheme() in ("http", "https"):
            found.append(url.toString())
    return found
