"""File ▸ Save Comparison (JSON) and File ▸ Export HTML: the file dialog, the suggested name and folder, and a
plain answer when the file cannot be written (the comparison stays open).

It writes the comparison it is given by ``comparison`` and says the outcome by signal: ``message`` for the status
bar, ``alert`` for the warning dialog.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.model import Comparison, Note
from desktop.export import write_json
from desktop.ui.file_names import suggested_stem
from desktop.ui.preferences import Preferences

# Whether HTML export is available, without importing it (Jinja2) before the window is up; the menu item is
# disabled, not faked, in a build without it.
HTML_EXPORT = importlib.util.find_spec("desktop.export.html") is not None


class Exports(QObject):
    alert = Signal(str, str)  # title, text
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        prefs: Preferences,
        comparison: Callable[[], Comparison | None],
        notes: Callable[[], tuple[Note, ...] | None],
        last_folder: Callable[[], str],
        parent: QWidget,
    ) -> None:
        """``comparison``: the one on screen; ``notes``: its notes for the report; ``last_folder``: where the
        articles were last opened from, for the first export."""
        super().__init__(parent)
        self.prefs = prefs
        self.comparison = comparison
        self.notes = notes
        self.last_folder = last_folder
        self._parent = parent

    def save_json(self) -> None:
        if self.comparison() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "Save Comparison", self.default_name(".json"), "JSON (*.json)"
        )
        if path:
            self.write(write_json, path)

    def export_html(self) -> None:
        if self.comparison() is None or not HTML_EXPORT:
            return
        from desktop.export import write_html

        path, _ = QFileDialog.getSaveFileName(self._parent, "Export HTML", self.default_name(".html"), "HTML (*.html)")
        if path:
            self.write(functools.partial(write_html, notes=self.notes()), path)

    def write(self, writer: Callable[[Comparison, str], object], path: str) -> None:
        """Write an export; on a read-only folder or a full disk say so plainly; the comparison stays open."""
        comparison = self.comparison()
        if comparison is None:
            return
        try:
            writer(comparison, path)
        except OSError as error:
            reason = error.strerror or str(error)
            self.alert.emit(
                "Could not save",
                f"{path}\n\nThe file could not be written: {reason}.\n\n"
                "Nothing was lost: the comparison is still open. Choose another folder or free some "
                "space and save again.",
            )
            self.message.emit(f"Not saved: {path}: {reason}")
            return
        self.prefs.save_export_folder(str(Path(path).parent))
        self.message.emit(f"Saved {path}")

    def default_name(self, suffix: str) -> str:
        """The title cut at a word boundary, in the folder the last export went to (else the articles' folder)."""
        comparison = self.comparison()
        stem = suggested_stem(comparison.title if comparison is not None else "")
        return str(Path(self.prefs.export_folder() or self.last_folder()) / f"{stem}{suffix}")
