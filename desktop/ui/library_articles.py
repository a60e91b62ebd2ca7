"""The library's articles, searchable, to add to the comparison being built; read through the library worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.library import LibraryArticle, LibraryStore
from desktop.ui.library_table import SORT_ROLE, library_table
from desktop.ui.library_worker import LibraryWorker

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1

TITLE, OUTLET, LANGUAGE, IMPORTED = range(4)
_HEADERS = ("Title", "Outlet", "Lang.", "Imported")


class LibraryArticlesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryArticle] = []

    def set_rows(self, rows: tuple[LibraryArticle, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == ID_ROLE:
            return a.id
        shown = (a.title or a.path, a.source, a.language, a.imported_at[:10])
        if role == Qt.ItemDataRole.DisplayRole:
            return shown[index.column()]
        if role == SORT_ROLE:
            return a.imported_at if index.column() == IMPORTED else shown[index.column()].casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [a.title or "(untitled)", a.path, f"{a.characters:,} characters"]
            if a.published:
                lines.append(f"Published {a.published}")
            return "\n".join(lines)
        return None


class LibraryArticlesView(QWidget):
    """Emits ``add_requested(ids)`` with the library ids of the selected articles; ``LibraryStore.articles.get``
    turns each into an ``Article`` under the label the comparison gives it."""

    add_requested = Signal(list)
    failed = Signal(str)
    listed = Signal()  # the newest rows asked for are on screen

    def __init__(self, worker: LibraryWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._asked = 0  # number of the newest request: an answer to an older one is dropped
        self.model = LibraryArticlesModel(self)
        table = library_table(
            self,
            self.model,
            newest_first=IMPORTED,
            stretch=TITLE,
            search_hint="Search article titles and text",
            search_name="Search library articles",
            list_name="Library articles",
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            edits=QAbstractItemView.EditTrigger.NoEditTriggers,
        )
        self.proxy, self.search, self.view, self.empty_note = table.proxy, table.search, table.view, table.empty_note
        self.add_button = QPushButton("&Add to comparison", self)
        self.status = QLabel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.status)

        self.search.textChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _index: self.add_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.model.modelReset.connect(self._update_button)
        self.add_button.clicked.connect(self.add_selected)
        self.refresh()

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        query = self.search.text().strip()

        def rows(store: LibraryStore) -> tuple[LibraryArticle, ...]:
            return store.articles.search(query) if query else store.articles.list()

        reply = self.worker.ask(rows)
        reply.done.connect(lambda found: self._listed(asked, query, found))
        reply.failed.connect(lambda error: self._failed(asked, error))

    def _failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            message = f"Cannot read the library: {error}"
            self.status.setText(message)
            self.failed.emit(message)

    def _listed(self, asked: int, query: str, rows: tuple[LibraryArticle, ...]) -> None:
        if asked != self._asked:
            return
        self.model.set_rows(rows)
        self.status.setText(
            f"No matches for “{query}”"
            if query and not rows
            else f"{len(rows)} found"
            if query
            else f"{len(rows)} articles"
        )
        self.empty_note.show_text(f"No matches for “{query}”" if query and not rows else "")
        self.listed.emit()

    def selected_ids(self) -> list[int]:
        return [int(index.data(ID_ROLE)) for index in self.view.selectionModel().selectedRows()]

    def add_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.add_requested.emit(ids)

    def _update_button(self) -> None:
        self.add_button.setEnabled(bool(self.selected_ids()))
