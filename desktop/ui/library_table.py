"""The sortable, searchable list both library tabs show (saved comparisons, library articles): built here once,
so the two tabs sort, search, select and read aloud alike."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from desktop.ui.empty_note import EmptyNote

SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a library model answers for sorting (dates as ISO text, names folded)


@dataclass(frozen=True)
class LibraryTable:
    proxy: QSortFilterProxyModel
    search: QLineEdit
    view: QTableView
    empty_note: EmptyNote


def library_table(
    owner: QWidget,
    model: QAbstractItemModel,
    *,
    newest_first: int,
    stretch: int,
    search_hint: str,
    search_name: str,
    list_name: str,
    selection: QAbstractItemView.SelectionMode,
    edits: QAbstractItemView.EditTrigger,
) -> LibraryTable:
    """A table over ``model`` sorted by its column ``newest_first`` (descending), the column ``stretch`` taking the
    width left, a search field above it; one line per entry (the tooltip has the rest), Tab leaves the list."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    search = QLineEdit(owner)
    search.setPlaceholderText(search_hint)
    search.setClearButtonEnabled(True)
    search.setAccessibleName(search_name)
    view = QTableView(owner)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(newest_first, Qt.SortOrder.DescendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setTabKeyNavigation(False)  # Tab moves on to the buttons; arrows move inside the list
    view.setEditTriggers(edits)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setObjectName("libraryList")
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAccessibleName(list_name)
    return LibraryTable(proxy, search, view, EmptyNote(view))
