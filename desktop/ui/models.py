"""Qt item models over a ``Comparison``: the aligned table, one reading column per article, the differences list.

The models only adapt the presentation (``desktop.core.presentation``), which decides what every sentence shows;
``highlights`` joins a row's sentences into one cell. Cells are built on first request and cached,
so a 10,000-sentence article costs nothing until it scrolls into view.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.model import Comparison, Role, Status
from desktop.core.presentation import Presentation, corrected_tip, present, quoted
from desktop.core.presentation.collation import Row
from desktop.core.presentation.match_display import LINKED_BY_YOU, PARTIAL_MARK, PARTIAL_MEANING, match_lines
from desktop.ui.highlights import (
    Cell,
    Difference,
    DiffKind,
    MarkKind,
    differences,
    make_cell,
)
from desktop.ui.notes import EMPTY, NoteIndex

CELL_ROLE = Qt.ItemDataRole.UserRole + 1
DIFFERENCE_ROLE = Qt.ItemDataRole.UserRole + 2
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4  # the user's notes on a cell, joined; "" when none

Index = QModelIndex | QPersistentModelIndex


def cell_tooltip(cell: Cell, match: str = "") -> str:
    """Rich-text tooltip for a cell; every piece taken from an article is escaped (articles are hostile input).
    ``match`` is the group's evidence line (``desktop.core.presentation.match_display``): why these sentences were
    matched."""
    if cell.is_gap:
        return html.escape(f"Not in {cell.article}: no counterpart sentence")
    lines = [f"<b>{html.escape(cell.article)} · sentence {html.escape(cell.label)}</b>"]
    if cell.boilerplate:
        lines.append("Boilerplate (page furniture, not compared)")
    elif cell.status == Status.UNIQUE:
        lines.append("Unique to this article")
    elif cell.status == Status.REWORDED and cell.other_language:
        lines.append("Aligned by meaning with a sentence in another language: no word diff between languages")
    elif cell.status == Status.REWORDED:
        lines.append(
            "Reworded: struck words are missing from another article, underlined words are added (hover a word: which)"
        )
    elif cell.status == Status.IDENTICAL:
        lines.append("Identical in the aligned articles")
    if cell.corrected:
        lines.append(html.escape(corrected_tip(cell.corrected)))
    if match and not (cell.corrected and match == LINKED_BY_YOU):  # the line above says so
        lines.append(html.escape(match))
    if cell.partial:
        lines.append(f"<b>{PARTIAL_MARK}</b> " + html.escape(PARTIAL_MEANING))
    if cell.commentary:
        lines.append("Commentary cues: <i>" + html.escape(", ".join(cell.cues)) + "</i>")
    conflicts = [m for m in cell.marks if m.kind == MarkKind.CONFLICT]
    for mark in conflicts[:6]:
        lines.append(f"<b>≠</b> “{html.escape(cell.text[mark.start : mark.end])}”: {html.escape(mark.tip)}")
    facts = [m for m in cell.marks if m.kind == "fact"]
    for mark in facts[:6]:
        lines.append(f"Fact {html.escape(quoted(cell.text[mark.start : mark.end]))}: {html.escape(mark.tip)}")
    labels = [m for m in cell.marks if m.kind == MarkKind.LABEL]
    for mark in labels[:6]:
        words = html.escape(cell.text[mark.start : mark.end])
        lines.append(f"“{words}”: {html.escape(mark.tip)}")
    if labels and not cell.commentary:
        lines.append("A word choice inside reporting: the sentence is not commentary")
    return "<br>".join(lines)


def cell_description(cell: Cell) -> str:
    """Plain-language summary for screen readers (AccessibleTextRole)."""
    if cell.is_gap:
        return f"Gap: not in {cell.article}"
    traits = ["boilerplate" if cell.boilerplate else str(cell.status)]
    if cell.partial:
        traits.append("partial match")
    traits.extend(cell.corrected)
    if cell.commentary:
        traits.append("commentary")
    if any(m.kind == "fact" for m in cell.marks):
        traits.append("has facts missing elsewhere")
    disputed = [cell.text[m.start : m.end] for m in cell.marks if m.kind == MarkKind.CONFLICT]
    if disputed:
        traits.append("other outlets disagree on " + ", ".join(dict.fromkeys(disputed)))
    labels = [cell.text[m.start : m.end] for m in cell.marks if m.kind == MarkKind.LABEL]
    if labels:
        traits.append("loaded label " + ", ".join(labels))
    return f"{cell.article} sentence {cell.label}, {', '.join(traits)}: {cell.text}"


class _CellData:
    """Shared ``data()`` dispatch for the two sentence models."""

    @staticmethod
    def cell_data(cell: Cell, role: int, notes: NoteIndex = EMPTY, match: str = "") -> Any:
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == NOTE_ROLE:
            return "\n".join(notes.for_cell(cell))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = cell_tooltip(cell, match)
            for note in notes.for_cell(cell):
                tip += "<br><b>Note:</b> " + html.escape(note).replace("\n", "<br>")
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            found = notes.for_cell(cell)
            return cell_description(cell) + ("".join(f" Note: {n}" for n in found))
        return None


class _MatchLines:
    """The evidence line of each group, worked out on the first tooltip that needs one (not while the rows are
    measured), once per comparison."""

    def __init__(self) -> None:
        self._comparison: Comparison | None = None
        self._lines: dict[int, str] | None = None

    def reset(self, comparison: Comparison | None) -> None:
        if comparison is not self._comparison:
            self._comparison, self._lines = comparison, None

    def for_cell(self, cell: Cell, role: int) -> str:
        if role != Qt.ItemDataRole.ToolTipRole or cell.group is None or self._comparison is None:
            return ""
        if self._lines is None:
            self._lines = match_lines(self._comparison)
        return self._lines.get(cell.group, "")


def _notes_changed(model: QAbstractTableModel | QAbstractListModel) -> None:
    rows = model.rowCount()
    columns = model.columnCount() if isinstance(model, QAbstractTableModel) else 1
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


class AlignedModel(QAbstractTableModel):
    """One row per alignment group (or unplaced sentence), one column per article; gaps are empty cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._ids: list[str] = []
        self._rows: list[Row] = []
        self._presentation: Presentation | None = None
        self._cells: dict[tuple[int, int], Cell] = {}
        self._row_of: dict[tuple[str, int], int] = {}
        self._group_row: dict[int, int] = {}
        self.notes: NoteIndex = EMPTY
        self._matches = _MatchLines()

    def set_notes(self, notes: NoteIndex) -> None:
        if notes is self.notes:
            return
        self.notes = notes
        _notes_changed(self)

    def set_comparison(
        self, comparison: Comparison | None, *, hide_boilerplate: bool = False, presentation: Presentation | None = None
    ) -> None:
        """Show ``comparison`` as its ``presentation`` describes it (built here when not given)."""
        self.beginResetModel()
        self.comparison = comparison
        self._matches.reset(comparison)
        self._cells.clear()
        if comparison is None:
            self._ids, self._rows, self._presentation = [], [], None
        else:
            self._ids = [r.article.id for r in comparison.articles]
            if presentation is None or presentation.comparison is not comparison:
                presentation = present(comparison)
            self._presentation = presentation
            rows = list(presentation.rows)
            if hide_boilerplate:
                rows = [r for r in rows if not self._all_boilerplate(comparison, r)]
            self._rows = rows
        self._row_of = {(aid, i): n for n, row in enumerate(self._rows) for aid, idx in row.cells.items() for i in idx}
        self._group_row = {row.group: n for n, row in enumerate(self._rows) if row.group is not None}
        self.endResetModel()

    @staticmethod
    def _all_boilerplate(comparison: Comparison, row: Row) -> bool:
        return all(
            comparison.article(aid).sentences[i].role == Role.BOILERPLATE for aid, idx in row.cells.items() for i in idx
        )

    @property
    def article_ids(self) -> list[str]:
        return list(self._ids)

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, article: str, sentence: int) -> int:
        return self._row_of.get((article, sentence), -1)

    def row_of_group(self, group: int) -> int:
        return self._group_row.get(group, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def cell(self, row: int, column: int) -> Cell:
        key = (row, column)
        cell = self._cells.get(key)
        if cell is None:
            assert self._presentation is not None
            aid = self._ids[column]
            cell = make_cell(self._presentation, aid, self._rows[row].cells.get(aid, ()))
            self._cells[key] = cell
        return cell

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.comparison is None:
            return None
        cell = self.cell(index.row(), index.column())
        return _CellData.cell_data(cell, role, self.notes, self._matches.for_cell(cell, role))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._ids):
            article = self.comparison.articles[section].article
            return f"{article.id} · {article.title or article.path}"
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ReadingModel(QAbstractListModel):
    """One article's sentences in its own order; a sentence that opens a paragraph says so for spacing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.article_id = ""
        self._cells: list[Cell] = []
        self._row_of: dict[int, int] = {}
        self.notes: NoteIndex = EMPTY
        self._matches = _MatchLines()

    def set_notes(self, notes: NoteIndex) -> None:
        if notes is self.notes:
            return
        self.notes = notes
        _notes_changed(self)

    def set_article(
        self,
        comparison: Comparison,
        article_id: str,
        presentation: Presentation | None = None,
        *,
        hide_boilerplate: bool = False,
    ) -> None:
        if presentation is None or presentation.comparison is not comparison:
            presentation = present(comparison)
        self.beginResetModel()
        self.comparison = comparison
        self._matches.reset(comparison)
        self.article_id = article_id
        result = comparison.article(article_id)
        text = result.article.text
        cells: list[Cell] = []
        previous_end = 0
        for sentence in result.sentences:
            if hide_boilerplate and sentence.role == Role.BOILERPLATE:
                continue
            between = text[previous_end : sentence.start]
            paragraph = bool(cells) and "\n" in between
            cells.append(make_cell(presentation, article_id, (sentence.index,), paragraph_start=paragraph))
            previous_end = sentence.end
        self._cells = cells
        self._row_of = {c.sentences[0]: n for n, c in enumerate(cells)}
        self.endResetModel()

    def row_of(self, sentence: int) -> int:
        return self._row_of.get(sentence, -1)

    def cell(self, row: int) -> Cell:
        return self._cells[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        cell = self._cells[index.row()]
        return _CellData.cell_data(cell, role, self.notes, self._matches.for_cell(cell, role))


class DifferencesModel(QAbstractListModel):
    """Every difference, in aligned-row order (Vorta-style: ``set_rows`` inside a reset, ``data`` by role)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Difference] = []

    def set_comparison(
        self, comparison: Comparison | None, rows: list[Row], gathered: Sequence[Difference] | None = None
    ) -> None:
        self.beginResetModel()
        if comparison is None:
            self._items = []
        else:
            self._items = list(gathered) if gathered is not None else differences(comparison, rows)
        self.endResetModel()

    def items(self) -> list[Difference]:
        return list(self._items)

    def counts(self) -> dict[DiffKind, int]:
        counts = dict.fromkeys(DiffKind, 0)
        for item in self._items:
            counts[item.kind] += 1
        return counts

    def item(self, row: int) -> Difference:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == DIFFERENCE_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.heading}\n{item.text}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            plain = f"{item.heading}: {item.tip or item.text}"
            return html.escape(plain) if role == Qt.ItemDataRole.ToolTipRole else plain
        return None


class DifferenceFilter(QSortFilterProxyModel):
    """Shows only the kinds the user ticked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kinds: set[DiffKind] = set(DiffKind)

    @property
    def kinds(self) -> set[DiffKind]:
        return set(self._kinds)

    def set_kind(self, kind: DiffKind, shown: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter() is deprecated there
            self.beginFilterChange()
            (self._kinds.add if shown else self._kinds.discard)(kind)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            (self._kinds.add if shown else self._kinds.discard)(kind)
            self.invalidateFilter()

    def accepts(self, item: Difference) -> bool:
        return item.kind in self._kinds

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DifferencesModel)
        return self.accepts(model.item(source_row))
