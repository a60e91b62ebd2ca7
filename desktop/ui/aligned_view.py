"""The Aligned view: a collation table, one row per alignment group, one column per article, gaps as holes.

Header cards sit in a strip above the table and follow its column geometry, so they scroll horizontally with
it when more articles are open than fit side by side.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.core.model import Comparison
from desktop.core.presentation import Presentation
from desktop.ui.article_header import ArticleHeader
from desktop.ui.delegates import SentenceDelegate
from desktop.ui.difference_blocks import Block
from desktop.ui.highlights import Cell, Place
from desktop.ui.models import AlignedModel
from desktop.ui.overview_bar import OverviewBar, OverviewMark

MIN_COLUMN = 230
FIRST_CHUNK = 120  # rows sized before the first paint: more than a tall screen shows
# Then rows are sized for this long at a time, and the window answers in between: counted in rows (400), a chunk
# of a 10,000-sentence comparison took 80-140 ms, a stutter every turn of the event loop for five seconds.
CHUNK_SECONDS = 0.025


class HeaderStrip(QWidget):
    """Article header cards laid out over the table's columns."""

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerStrip")
        self._table = table
        self.cards: list[ArticleHeader] = []

    def set_cards(self, cards: list[ArticleHeader]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = cards
        for card in cards:
            card.setParent(self)
            card.show()
        self.relayout()

    def relayout(self) -> None:
        offset = self._table.viewport().mapToGlobal(QPoint(0, 0)).x() - self.mapToGlobal(QPoint(0, 0)).x()
        height = 0
        for column, card in enumerate(self.cards):
            width = self._table.columnWidth(column)
            height = max(height, card.heightForWidth(width) if card.hasHeightForWidth() else card.sizeHint().height())
        for column, card in enumerate(self.cards):
            x = offset + self._table.columnViewportPosition(column)
            card.setGeometry(x, 0, self._table.columnWidth(column), height)
        self.setFixedHeight(max(height, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()


class AlignedView(QWidget):
    position_changed = Signal(str, int)  # article id, sentence index of the current cell
    block_activated = Signal(int)  # a difference block was clicked in the overview bar

    def __init__(self, model: AlignedModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("alignedTable")
        self.table.setAccessibleName("Aligned sentences")
        self.table.setAccessibleDescription("One row per group of matching sentences, one column per article")
        self.table.setModel(model)
        self.delegate = SentenceDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the grid; the arrows move inside it
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setFrameShape(QTableView.Shape.NoFrame)
        self.strip = HeaderStrip(self.table)
        self.overview = OverviewBar()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.table, 1)
        body.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addLayout(body, 1)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(40)
        self._relayout.timeout.connect(self._fit_columns)
        self.table.horizontalScrollBar().valueChanged.connect(self.strip.relayout)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.strip.relayout())
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self._width_seen = -1
        self._pending_rows: deque[int] = deque()
        self._chunk_timer = QTimer(self)
        self._chunk_timer.setInterval(0)
        self._chunk_timer.timeout.connect(self._size_chunk)
        self._shown: tuple[str, int] | None = None
        self._blocks: list[Block] = []
        # Row heights settle in chunks after a result is shown: the marks follow once they stop changing.
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(60)
        self._marks_timer.timeout.connect(self._place_marks)
        self.table.verticalHeader().sectionResized.connect(lambda *_: self._marks_timer.start())
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._show_span())
        self.table.verticalScrollBar().rangeChanged.connect(lambda *_: self._show_span())
        self.overview.scroll_requested.connect(self._scroll_to_fraction)
        self.overview.block_activated.connect(self.block_activated)

    def set_comparison(
        self,
        comparison: Comparison | None,
        presentation: Presentation | None,
        *,
        hide_boilerplate: bool,
        cards: list[ArticleHeader],
    ) -> None:
        self.delegate.clear_cache()
        self.model.set_comparison(comparison, hide_boilerplate=hide_boilerplate, presentation=presentation)
        self.strip.set_cards(cards)
        self._width_seen = -1
        self._fit_columns()
        self._place_marks()

    # -- overview bar -----------------------------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block]) -> None:
        """The difference blocks to mark in the overview bar (``DifferenceNavigator.blocks``)."""
        self._blocks = blocks
        self._place_marks()

    def set_current_block(self, index: int) -> None:
        self.overview.set_current(index)

    def _overview_height(self) -> int:
        """What the overview bar's height stands for: the table's full height (rows differ in height, so in pixels,
        as the scroll bar measures), or the view's when the table is shorter, so marks sit level with their rows."""
        return max(self.table.verticalHeader().length(), self.table.viewport().height())

    def _place_marks(self) -> None:
        """Each block's rows as fractions of ``_overview_height``."""
        header = self.table.verticalHeader()
        total = self._overview_height() if header.length() > 0 else 0
        marks = []
        if total > 0:
            for index, block in enumerate(self._blocks):
                rows = [r for r in (self.model.row_of(a, s) for a, s in block.anchors) if r >= 0]
                if not rows:
                    continue  # hidden here (boilerplate)
                top = header.sectionPosition(min(rows))
                bottom = header.sectionPosition(max(rows)) + header.sectionSize(max(rows))
                tip = f"Difference {index + 1} of {len(self._blocks)}: {block.describe()}"
                marks.append(OverviewMark(top / total, bottom / total, block.kinds, index, tip))
        self.overview.set_marks(marks)
        self._show_span()

    def _show_span(self) -> None:
        total = self._overview_height() if self.table.verticalHeader().length() > 0 else 0
        if total <= 0:
            self.overview.set_span(0.0, 1.0)
            return
        top = self.table.verticalScrollBar().value()
        self.overview.set_span(top / total, min(1.0, (top + self.table.viewport().height()) / total))

    def _scroll_to_fraction(self, fraction: float) -> None:
        """Centre the view on that point of the table (a click on the overview bar between marks)."""
        total = self._overview_height()
        self.table.verticalScrollBar().setValue(round(fraction * total - self.table.viewport().height() / 2))

    def _fit_columns(self) -> None:
        columns = self.model.columnCount()
        if not columns:
            return
        available = self.table.viewport().width()
        width = max(MIN_COLUMN, available // columns)
        for column in range(columns):
            self.table.setColumnWidth(column, width)
        if width != self._width_seen:
            self._width_seen = width
            self.delegate.clear_cache()
            self._size_rows_from(self._first_visible_row())
        self.strip.relayout()

    def _first_visible_row(self) -> int:
        row = self.table.rowAt(0)
        return max(0, row)

    def _size_rows_from(self, start: int) -> None:
        """Size the rows on screen now and the rest in chunks from the event loop, so the first paint of a
        10,000-row table does not wait for every row to be measured (``resizeRowsToContents`` would)."""
        self._pending_rows = deque([*range(start, self.model.rowCount()), *range(0, start)])
        self._size_chunk(FIRST_CHUNK, exact_pixels=self.table.viewport().height() + 200)
        if self._pending_rows:
            self._chunk_timer.start()

    def _size_chunk(self, count: int = 0, exact_pixels: int = 0) -> None:
        """Size the next ``count`` rows (0: as many as ``CHUNK_SECONDS`` allows, one at least); the first
        ``exact_pixels`` of them (what is on screen) exactly."""
        pending = self._pending_rows
        columns = self.model.columnCount()
        anchor = self._first_visible_row()
        offset = self.table.rowViewportPosition(anchor)
        font = self.table.font()
        widths = [self.table.columnWidth(column) for column in range(columns)]
        deadline = time.perf_counter() + CHUNK_SECONDS
        sized = 0
        limit = count or len(pending)  # a number of rows, or as many as there is time for
        while pending and sized < limit:
            if not count and sized and time.perf_counter() > deadline:
                break  # time is up: the window answers before the next chunk
            row = pending.popleft()
            exact = exact_pixels > 0
            height = max(
                self.delegate.cell_height(self.model.cell(row, column), font, widths[column], exact=exact)
                for column in range(columns)
            )
            exact_pixels -= height
            self.table.setRowHeight(row, height)
            sized += 1
        # Rows above the viewport changing height must not move what the reader is looking at.
        if sized and anchor > 0:
            bar = self.table.verticalScrollBar()
            bar.setValue(bar.value() + self.table.rowViewportPosition(anchor) - offset)
        if not pending:
            self._chunk_timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout.start()
        self._marks_timer.start()  # a taller view changes where marks of a short table sit

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._relayout.start()

    # -- navigation -------------------------------------------------------------------------------------------
    def show_sentence(self, article: str, sentence: int) -> bool:
        row = self.model.row_of(article, sentence)
        if row < 0:
            return False
        column = self.model.article_ids.index(article)
        index = self.model.index(row, column)
        self._shown = (article, sentence)  # set first: changing the current index reports the position
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def place(self) -> Place:
        """The selected sentence and the sentence of the row at the top of the view (see ``Place``)."""
        top: tuple[str, int] | None = None
        offset = 0
        row = self.table.rowAt(0)
        if row >= 0:
            cells = [self.model.cell(row, c) for c in range(self.model.columnCount())]
            cell = next((c for c in cells if not c.is_gap), None)
            if cell is not None:
                top = (cell.article, cell.sentences[0])
                offset = -self.table.rowViewportPosition(row)
        position = self.current_position()
        selected = position if position is not None and position[1] >= 0 else None
        return Place(selected, top, offset)

    def restore_place(self, place: Place) -> None:
        """Select the same sentence and bring the same row to the top, wherever re-running moved them."""
        if place.selected is not None:
            self.select_sentence(*place.selected)
        row = self.model.row_of(*place.top) if place.top is not None else -1
        if row < 0:
            if place.selected is not None:
                self.show_sentence(*place.selected)
            return
        self._size_rows_from(row)
        self.scroll_to_row(row, place.offset)

    def scroll_to_row(self, row: int, offset: int = 0) -> None:
        """Put ``row`` at the top of the view, ``offset`` pixels of it scrolled out above."""
        bar = self.table.verticalScrollBar()
        bar.setValue(bar.value() + self.table.rowViewportPosition(row) + offset)

    def select_sentence(self, article: str, sentence: int) -> bool:
        """Make a sentence the current one without scrolling to it."""
        row = self.model.row_of(article, sentence)
        if row < 0:
            return False
        index = self.model.index(row, self.model.article_ids.index(article))
        self._shown = (article, sentence)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def current_position(self) -> tuple[str, int] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self._position(self.model.cell(index.row(), index.column()))

    def _position(self, cell: Cell) -> tuple[str, int]:
        """The sentence a cell stands for: the one last shown in it (a merged cell holds several), else its first."""
        if cell.is_gap:
            return (cell.article, -1)
        if self._shown is not None and self._shown[0] == cell.article and self._shown[1] in cell.sentences:
            return self._shown
        return (cell.article, cell.sentences[0])

    def current_article(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.article_ids[index.column()] if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.position_changed.emit(*self._position(self.model.cell(current.row(), current.column())))
