"""The library panel: saved comparisons in a sortable, searchable list, to reopen, rename, duplicate or delete.

The panel asks the library worker for its rows and changes and shows the answers when they arrive, so typing in
the search field or renaming never waits on the database; what reopening means (showing the saved result,
offering to re-align) is the window's business, reached through ``open_requested``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.library import ComparisonInfo, LibraryStore, UnknownComparison
from desktop.ui.library_articles import LibraryArticlesView
from desktop.ui.library_table import SORT_ROLE, library_table
from desktop.ui.library_worker import LibraryWorker

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1

NAME, OUTLETS, UPDATED = range(3)
NARROW_PANEL = 420  # pixels: below this the Articles column is hidden
_HEADERS = ("Name", "Articles", "Changed")


def _local(iso: str) -> str:
    """The library stores UTC; people read their own clock."""
    try:
        return datetime.fromisoformat(iso).astimezone().isoformat(timespec="minutes")
    except ValueError:
        return iso


def when_saved(iso: str) -> str:
    """Minutes are enough to tell saves apart in a list; the full stamp is in the tooltip."""
    return _local(iso)[:16].replace("T", " ")


def _short_when(iso: str, today: str | None = None) -> str:
    """The list column in a narrow dock: the time for today's saves, else the date."""
    local = _local(iso)
    today = today if today is not None else datetime.now().astimezone().date().isoformat()
    return local[11:16] if local[:10] == today else local[:10]


def outlet_label(outlet: str, limit: int = 28) -> str:
    """An outlet as a list shows it: a file by its name, anything long cut short."""
    if "/" in outlet and "://" not in outlet:
        outlet = outlet.rstrip("/").rsplit("/", 1)[-1]
    return outlet if len(outlet) <= limit else outlet[: limit - 1].rstrip() + "…"


def twin_details(infos: Sequence[ComparisonInfo]) -> dict[int, str]:
    """For entries whose names two or more share: when each was last changed and its outlets ("2026-03-09 14:05 ·
    3 articles: Wire, Partisan, Brief"), and its library id if even that is shared, so they can be told apart."""
    shared = Counter(info.name.casefold() for info in infos)
    details = {}
    for info in infos:
        if shared[info.name.casefold()] < 2:
            continue
        outlets = ", ".join(outlet_label(o) for o in info.outlets[:3])
        if len(info.outlets) > 3:
            outlets += f" +{len(info.outlets) - 3}"
        details[info.id] = f"{when_saved(info.updated)} · {len(info.outlets)} articles: {outlets}"
    still = Counter(details.values())
    for cid, detail in details.items():
        if still[detail] > 1:  # the same articles saved in the same minute: the library id (``library show ID``)
            details[cid] = f"{detail} · #{cid}"
    return details


def distinct_names(infos: Sequence[ComparisonInfo], separator: str = " — ") -> dict[int, str]:
    """Each comparison's name as a list shows it: a name two or more entries share followed by ``separator`` and
    what tells them apart (``twin_details``); "\n" puts that on a second line."""
    details = twin_details(infos)
    return {info.id: f"{info.name}{separator}{details[info.id]}" if info.id in details else info.name for info in infos}


def search_status(query: str, count: int, noun: str) -> str:
    """The line under a library list: "No matches for “strike”", "3 found", "12 saved comparisons"."""
    if query:
        return f"No matches for “{query}”" if not count else f"{count} found"
    return f"{count} {noun}{'' if count == 1 else 's'}"


class LibraryModel(QAbstractTableModel):
    """Adapts ``ComparisonInfo`` rows; a rename typed into the name cell goes to the store."""

    rename_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ComparisonInfo] = []
        self._names: dict[int, str] = {}

    def set_rows(self, rows: tuple[ComparisonInfo, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = distinct_names(rows, "\n")  # what tells twin names apart on a line of its own
        self.endResetModel()

    def info(self, row: int) -> ComparisonInfo:
        return self._rows[row]

    def row_of(self, comparison_id: int) -> int:
        return next((n for n, info in enumerate(self._rows) if info.id == comparison_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return info.id
        if role == Qt.ItemDataRole.EditRole and column == NAME:
            return info.name  # a rename starts from the name itself, not from what tells twins apart
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            name = self._names.get(info.id, info.name)
            return (name, " · ".join(info.outlets), _short_when(info.updated))[column]
        if role == SORT_ROLE:
            return (info.name.casefold(), " · ".join(info.outlets).casefold(), info.updated)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [info.name]
            if info.title and info.title != info.name:
                lines.append(info.title)
            lines.append(f"{len(info.outlets)} articles: {', '.join(info.outlets)}")
            saved, changed = when_saved(info.created), when_saved(info.updated)
            lines.append(f"Saved {saved}, changed {changed} (engine {info.engine_version})")
            if info.note:
                lines.append(f"Note: {info.note}")
            return "\n".join(lines)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = str(value).strip()
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME or not name:
            return False
        info = self._rows[index.row()]
        if name != info.name:
            self.rename_requested.emit(info.id, name)
        return True


class LibraryPanel(QWidget):
    """Dock content: saved comparisons (``open_requested(id)`` on double-click, Enter or Open) and, on a second
    tab, the library's articles (``add_articles_requested(ids)``)."""

    open_requested = Signal(int)
    add_articles_requested = Signal(list)  # library article ids, for LibraryStore.articles.get(id, label)
    changed = Signal()  # after a rename, duplicate or delete: recent-comparison menus may need a refresh
    deleted = Signal(int)  # the window may be showing that comparison
    failed = Signal(str)
    listed = Signal()  # the newest rows asked for are on screen

    def __init__(self, worker: LibraryWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._asked = 0  # number of the newest list request: an answer to an older one is dropped
        self.model = LibraryModel(self)
        table = library_table(
            self,
            self.model,
            newest_first=UPDATED,
            stretch=NAME,
            search_hint="Search names, titles and article text",
            search_name="Search the library",
            list_name="Saved comparisons",
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            edits=QAbstractItemView.EditTrigger.EditKeyPressed,
        )
        self.proxy, self.search, self.view, self.empty_note = table.proxy, table.search, table.view, table.empty_note
        # Rows of twin names are two lines high (name, then when saved and which articles).
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(OUTLETS, QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setSectionResizeMode(UPDATED, QHeaderView.ResizeMode.ResizeToContents)

        self.open_button = QPushButton("&Open", self)
        self.rename_button = QPushButton("&Rename", self)
        self.duplicate_button = QPushButton("D&uplicate", self)
        self.delete_button = QPushButton("&Delete", self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.open_button, self.rename_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        comparisons = QWidget(self)
        page = QVBoxLayout(comparisons)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.search)
        page.addWidget(self.view, 1)
        page.addLayout(buttons)
        page.addWidget(self.status)
        self.articles = LibraryArticlesView(worker, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(comparisons, "&Comparisons")
        self.tabs.addTab(self.articles, "A&rticles")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.articles.add_requested.connect(self.add_articles_requested)
        self.articles.failed.connect(self.failed)
        self.tabs.currentChanged.connect(lambda _tab: self.articles.refresh())

        self.search.textChanged.connect(self.refresh)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.activated.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        # Queued: renaming reloads the model, which must not happen inside the editor's own setData call.
        self.model.rename_requested.connect(self.rename, Qt.ConnectionType.QueuedConnection)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self.edit_name)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected)
        self.refresh()

    def focus_widgets(self) -> list[QWidget]:
        """The panel's stops for Tab: its tabs, then the page shown (the hidden page's are skipped)."""
        articles = self.articles
        return [
            self.tabs,
            self.search,
            self.view,
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
            articles.search,
            articles.view,
            articles.add_button,
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock the name column gets the room; the articles are in each name's tooltip."""
        super().resizeEvent(event)
        self.view.setColumnHidden(OUTLETS, self.width() < NARROW_PANEL)

    # -- reading ---------------------------------------------------------------------------------------------
    def refresh(self, select: int | None = None, failure: str = "") -> None:
        """Reload from the library after a save here, in another window or by the CLI; keeps the selection, or
        selects ``select`` once the rows are in; ``failure`` stays in the status line instead of the count. Typing
        in the search field asks again at each key: only the newest answer is shown."""
        self._asked += 1
        asked = self._asked
        query = self.search.text().strip()

        def rows(store: LibraryStore) -> tuple[ComparisonInfo, ...]:
            return store.search(query) if query else store.list()

        reply = self.worker.ask(rows)
        reply.done.connect(lambda found: self._listed(asked, query, found, select, failure))
        reply.failed.connect(lambda error: self._list_failed(asked, error))

    def _listed(
        self, asked: int, query: str, rows: tuple[ComparisonInfo, ...], select: int | None, failure: str
    ) -> None:
        if asked != self._asked:
            return
        keep = select if select is not None else self.selected_id()
        self.model.set_rows(rows)
        self.status.setText(failure or search_status(query, len(rows), "saved comparison"))
        self.empty_note.show_text(f"No matches for “{query}”" if query and not rows else "")
        if keep is not None:
            self.select(keep)
        if self.tabs.currentWidget() is self.articles:
            self.articles.refresh()
        self.listed.emit()

    def _list_failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self._fail(f"Cannot read the library: {error}")

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def select(self, comparison_id: int) -> bool:
        row = self.model.row_of(comparison_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    # -- acting ----------------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        comparison_id = self.selected_id()
        if comparison_id is not None:
            self.open_requested.emit(comparison_id)

    def edit_name(self) -> None:
        rows = self.view.selectionModel().selectedRows(NAME)
        if rows:
            self.view.edit(rows[0])

    def rename(self, comparison_id: int, name: str) -> None:
        self._act(lambda store: store.rename(comparison_id, name), lambda _none: self._changed(comparison_id))

    def duplicate_selected(self) -> None:
        comparison_id = self.selected_id()
        if comparison_id is not None:
            self._act(lambda store: store.duplicate(comparison_id), self._changed)

    def delete_selected(self) -> None:
        comparison_id = self.selected_id()
        if comparison_id is None:
            return
        info = self.model.info(self.model.row_of(comparison_id))
        if self.confirm_delete(info):
            self._act(lambda store: store.delete(comparison_id), lambda _none: self._deleted(comparison_id))

    def confirm_delete(self, info: ComparisonInfo) -> bool:
        """Deleting cannot be undone, so ask; tests replace this method."""
        answer = QMessageBox.question(
            self,
            "Delete comparison",
            f"Delete “{info.name}” and its notes from the library?\n"
            "Its articles stay in the library. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _act(self, change: Callable[[LibraryStore], object], done: Callable[[Any], None]) -> None:
        """Ask the library worker for ``change``; ``done`` gets what it returned, a failure goes to the status."""
        reply = self.worker.ask(change)
        reply.done.connect(done)
        reply.failed.connect(self._act_failed)

    def _changed(self, comparison_id: int) -> None:
        """A rename or a copy landed: the list again, with that entry selected."""
        self.refresh(select=comparison_id)
        self.changed.emit()

    def _deleted(self, comparison_id: int) -> None:
        self.refresh()
        self.deleted.emit(comparison_id)
        self.changed.emit()

    def _act_failed(self, error: Exception) -> None:
        if isinstance(error, UnknownComparison):
            # Deleted elsewhere in the meantime: show the list as it is now, under the message.
            message = "That comparison is no longer in the library."
            self.refresh(failure=message)
            self._fail(message)
        else:
            self._fail(f"The library could not be changed: {error}")

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for button in (self.open_button, self.rename_button, self.duplicate_button, self.delete_button):
            button.setEnabled(has)
