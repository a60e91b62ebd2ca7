"""The Reading view: every article in its own order, connector bands between neighbouring columns (as Meld
links changed blocks), linked hover and selection, and synchronised scrolling by aligned sentence."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Comparison, Group, Status
from desktop.core.presentation import Presentation
from desktop.ui.article_header import ArticleHeader
from desktop.ui.delegates import SentenceDelegate
from desktop.ui.highlights import Cell, Place
from desktop.ui.models import ReadingModel

MIN_COLUMN = 230
BAND = 44
SYNC_LOOKAHEAD = 60
HOVER_DWELL_MS = 350


class ReadingColumn(QWidget):
    """Header card over one article's sentence list."""

    def __init__(self, card: ArticleHeader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReadingModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("readingList")
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        # Lay out long articles in batches so the window paints before a 10,000-sentence column is measured.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setWordWrap(True)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.delegate = SentenceDelegate(self.list, paragraphs=True)
        self.list.setItemDelegate(self.delegate)
        self.card = card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(card)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(MIN_COLUMN)

    @property
    def article_id(self) -> str:
        return self.model.article_id

    def visible_rows(self) -> range:
        viewport = self.list.viewport()
        top = self.list.indexAt(QPoint(4, 1))
        bottom = self.list.indexAt(QPoint(4, viewport.height() - 2))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else self.model.rowCount() - 1
        return range(first, last + 1)


class ConnectorBand(QWidget):
    """Bands linking aligned sentences of the column on the left with the column on the right."""

    def __init__(self, view: ReadingView, left: ReadingColumn, right: ReadingColumn) -> None:
        super().__init__()
        self.view = view
        self.left = left
        self.right = right
        self.setFixedWidth(BAND)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def _span(self, column: ReadingColumn, rows: list[int]) -> tuple[float, float] | None:
        rects = [column.list.visualRect(column.model.index(r, 0)) for r in rows]
        rects = [r for r in rects if r.isValid()]
        if not rects:
            return None
        origin = column.list.viewport().mapToGlobal(QPoint(0, 0)).y() - self.mapToGlobal(QPoint(0, 0)).y()
        top = min(r.top() for r in rects)
        bottom = max(r.bottom() for r in rects)
        cell = column.model.cell(rows[0])
        if cell.paragraph_start:
            top += 10
        return origin + top, origin + bottom + 1

    def paintEvent(self, event: QPaintEvent) -> None:
        comparison = self.view.comparison
        if comparison is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        theme = self.left.delegate.theme
        painter.fillRect(self.rect(), self.palette().base())
        left_id, right_id = self.left.article_id, self.right.article_id
        groups: set[int] = set()
        for column in (self.left, self.right):
            for row in column.visible_rows():
                cell = column.model.cell(row)
                if cell.group is not None:
                    groups.add(cell.group)
        selected = self.view.linked_group
        # Sentences in two different languages are paired, never "reworded": their band is drawn as a match.
        comparison = self.view.comparison
        languages = {r.article.id: r.article.language for r in comparison.articles} if comparison else {}
        pair = {languages.get(left_id, ""), languages.get(right_id, "")}
        across = "" not in pair and len(pair) == 2
        for group_id in sorted(groups):
            group = self.view.groups[group_id]
            if left_id not in group.members or right_id not in group.members:
                continue
            left_rows = [r for r in (self.left.model.row_of(i) for i in group.members[left_id]) if r >= 0]
            right_rows = [r for r in (self.right.model.row_of(i) for i in group.members[right_id]) if r >= 0]
            a, b = self._span(self.left, left_rows), self._span(self.right, right_rows)
            if a is None or b is None:
                continue
            matched = group.status == Status.IDENTICAL or across
            colour = QColor(theme.identical_bar if matched else theme.reworded_bar)
            colour.setAlpha(70)
            edge = QColor(colour)
            edge.setAlpha(170)
            if group_id == selected:
                colour = QColor(theme.link)
                colour.setAlpha(110)
                edge = QColor(theme.link)
            path = QPainterPath()
            w = float(self.width())
            path.moveTo(0, a[0])
            path.cubicTo(QPointF(w / 2, a[0]), QPointF(w / 2, b[0]), QPointF(w, b[0]))
            path.lineTo(w, b[1])
            path.cubicTo(QPointF(w / 2, b[1]), QPointF(w / 2, a[1]), QPointF(0, a[1]))
            path.closeSubpath()
            painter.fillPath(path, colour)
            painter.setPen(QPen(edge, 1))
            painter.drawPath(path)


class ReadingView(QWidget):
    position_changed = Signal(str, int)
    columns_changed = Signal()  # the columns were built anew (the window's Tab order follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.columns: list[ReadingColumn] = []
        self.bands: list[ConnectorBand] = []
        self.linked_group: int | None = None
        self.linked_sentence: tuple[str, int] | None = None
        self.hover_group: int | None = None
        self.groups: dict[int, Group] = {}
        self._hovered: tuple[ReadingColumn, int] | None = None
        # Hover brings hidden counterparts into view only after the pointer rests, so sweeping across a column
        # does not make the others jump.
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DWELL_MS)
        self._hover_timer.timeout.connect(self._reveal_hovered)
        self._syncing = False
        self._quiet_align = False  # selecting to restore a place: the columns' scrolling is restored separately
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("readingInner")
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(0)
        self.scroller.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)
        self.setAccessibleName("Reading view")

    def set_comparison(
        self,
        comparison: Comparison | None,
        presentation: Presentation | None,
        *,
        hide_boilerplate: bool,
        cards: list[ArticleHeader],
    ) -> None:
        self.comparison = comparison
        self.groups = {g.id: g for g in comparison.groups} if comparison is not None else {}
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.columns, self.bands = [], []
        if comparison is None:
            self.columns_changed.emit()
            return
        for result, card in zip(comparison.articles, cards, strict=True):
            column = ReadingColumn(card)
            column.model.set_article(comparison, result.article.id, presentation, hide_boilerplate=hide_boilerplate)
            column.list.setAccessibleName(f"Article {result.article.id} in reading order")
            column.delegate.link_level = self._link_level
            column.list.selectionModel().currentChanged.connect(
                lambda current, _prev, c=column: self._selected(c, current)
            )
            column.list.verticalScrollBar().valueChanged.connect(lambda _v, c=column: self._scrolled(c))
            column.list.viewport().installEventFilter(self)
            column.list.installEventFilter(self)  # Left and Right move to the neighbouring column
            self.columns.append(column)
        for n, column in enumerate(self.columns):
            # Scrolling is synchronised, so one scroll bar (the rightmost) is enough; wheel and keys work everywhere.
            last = n == len(self.columns) - 1
            column.list.setVerticalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAsNeeded if last else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            )
            if n:
                band = ConnectorBand(self, self.columns[n - 1], column)
                self.bands.append(band)
                self.row.addWidget(band)
            self.row.addWidget(column, 1)
        self.inner.setMinimumWidth(len(self.columns) * MIN_COLUMN + len(self.bands) * BAND)
        QTimer.singleShot(0, self._even_cards)
        self.columns_changed.emit()

    def _even_cards(self) -> None:
        """Give every header card the tallest card's height, so the sentence lists start level."""
        cards = [c.card for c in self.columns]
        if not cards:
            return
        tallest = max(
            card.heightForWidth(card.width()) if card.hasHeightForWidth() else card.sizeHint().height()
            for card in cards
        )
        for card in cards:
            card.setFixedHeight(tallest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for column in self.columns:
            column.card.setMinimumHeight(0)
            column.card.setMaximumHeight(16777215)
        QTimer.singleShot(0, self._even_cards)

    def _link_level(self, cell: Cell) -> int:
        if cell.is_gap:
            return 0
        if self.linked_sentence == (cell.article, cell.sentences[0]):
            return 2
        if cell.group is not None and cell.group == self.linked_group:
            return 2
        if cell.group is not None and cell.group == self.hover_group:
            return 1
        return 0

    def column(self, article: str) -> ReadingColumn | None:
        return next((c for c in self.columns if c.article_id == article), None)

    # -- linking ----------------------------------------------------------------------------------------------
    def show_sentence(self, article: str, sentence: int) -> bool:
        column = self.column(article)
        if column is None or column.model.row_of(sentence) < 0:
            return False
        index = column.model.index(column.model.row_of(sentence), 0)
        column.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        column.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _selected(self, column: ReadingColumn, current: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        cell = column.model.cell(current.row())
        self.linked_sentence = (cell.article, cell.sentences[0])
        self.linked_group = cell.group
        self._syncing = True
        try:
            for other in self.columns:
                if other is column:
                    continue
                rows = self.counterpart_rows(other, cell.group)
                if rows:
                    index = other.model.index(rows[0], 0)
                    other.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                    if not self._quiet_align:
                        self._align(other, rows[0], column, current.row())
                else:
                    other.list.selectionModel().clearSelection()
        finally:
            self._syncing = False
        self._repaint()
        self.position_changed.emit(cell.article, cell.sentences[0])

    def counterpart_rows(self, column: ReadingColumn, group_id: int | None) -> list[int]:
        if group_id is None or self.comparison is None:
            return []
        members = self.groups[group_id].members.get(column.article_id, ())
        return [r for r in (column.model.row_of(i) for i in members) if r >= 0]

    def selected_counterparts(self) -> dict[str, int]:
        """Article id → selected row, for every column with a selection (used to check linking)."""
        found = {}
        for column in self.columns:
            rows = column.list.selectionModel().selectedRows()
            if rows:
                found[column.article_id] = rows[0].row()
        return found

    def _align(self, target: ReadingColumn, target_row: int, source: ReadingColumn, source_row: int) -> None:
        """Scroll ``target`` so its row sits at the same height as ``source``'s row."""
        source_rect = source.list.visualRect(source.model.index(source_row, 0))
        target_rect = target.list.visualRect(target.model.index(target_row, 0))
        bar = target.list.verticalScrollBar()
        bar.setValue(bar.value() + target_rect.top() - source_rect.top())

    def _scrolled(self, column: ReadingColumn) -> None:
        for band in self.bands:
            band.update()
        if self._syncing:
            return
        self._syncing = True
        try:
            rows = column.visible_rows()
            for other in self.columns:
                if other is column:
                    continue
                for row in range(rows.start, min(rows.start + SYNC_LOOKAHEAD, column.model.rowCount())):
                    targets = self.counterpart_rows(other, column.model.cell(row).group)
                    if targets:
                        self._align(other, targets[0], column, row)
                        break
        finally:
            self._syncing = False
        for band in self.bands:
            band.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            for column in self.columns:
                if column.list.viewport() is watched:
                    index = column.list.indexAt(event.position().toPoint())
                    group = column.model.cell(index.row()).group if index.isValid() else None
                    if group != self.hover_group:
                        self.hover_group = group
                        self._hovered = (column, index.row()) if index.isValid() else None
                        self._repaint()
                        self._hover_timer.start()
        elif event.type() == QEvent.Type.Leave and self.hover_group is not None:
            self.hover_group = None
            self._repaint()
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        """Left and Right (no modifier) move to the neighbouring column: to the selected sentence's counterpart
        there, else to the sentence level with it. Up and Down stay the list's own."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        here = next((n for n, c in enumerate(self.columns) if c.list is watched), -1)
        if here < 0 or not 0 <= here + step < len(self.columns):
            return here >= 0  # at the edge: nothing to do, but the list must not scroll sideways
        column, target = self.columns[here], self.columns[here + step]
        current = column.list.currentIndex()
        rows = self.counterpart_rows(target, column.model.cell(current.row()).group) if current.isValid() else []
        if not rows:
            y = column.list.visualRect(current).center().y() if current.isValid() else 1
            level = target.list.indexAt(QPoint(4, max(1, y)))
            first = target.visible_rows().start if target.model.rowCount() else -1
            rows = [level.row() if level.isValid() else first]
        target.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if rows[0] >= 0:
            target.list.selectionModel().setCurrentIndex(
                target.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        return True

    def _reveal_hovered(self) -> None:
        if self._hovered is None or self.hover_group is None:
            return
        column, row = self._hovered
        self._syncing = True
        try:
            for other in self.columns:
                rows = self.counterpart_rows(other, self.hover_group) if other is not column else []
                if rows and not self._row_visible(other, rows[0]):
                    self._align(other, rows[0], column, row)
        finally:
            self._syncing = False
        self._repaint()

    @staticmethod
    def _row_visible(column: ReadingColumn, row: int) -> bool:
        rect = column.list.visualRect(column.model.index(row, 0))
        return rect.isValid() and column.list.viewport().rect().intersects(rect)

    def _repaint(self) -> None:
        for column in self.columns:
            column.list.viewport().update()
        for band in self.bands:
            band.update()

    def place(self) -> Place:
        """The selected sentence, and the top sentence of the selected article's column (else the first column's);
        the other columns follow that one when scrolled."""
        column = self.column(self.linked_sentence[0]) if self.linked_sentence else None
        column = column or (self.columns[0] if self.columns else None)
        if column is None:
            return Place(self.linked_sentence)
        top = column.list.indexAt(QPoint(4, 0))
        if not top.isValid():
            return Place(self.linked_sentence)
        cell = column.model.cell(top.row())
        offset = -column.list.visualRect(top).top()
        return Place(self.linked_sentence, (cell.article, cell.sentences[0]), offset)

    def restore_place(self, place: Place) -> None:
        """Select the same sentence (and its counterparts) and bring the same sentence to the top of its column;
        a top sentence hidden here (boilerplate) or gone falls back to the selected one, centred."""
        if place.selected is not None:
            self.select_sentence(*place.selected)
        column = self.column(place.top[0]) if place.top is not None else None
        row = column.model.row_of(place.top[1]) if column is not None and place.top is not None else -1
        if column is None or row < 0:
            if place.selected is not None:
                self.show_sentence(*place.selected)
            return
        index = column.model.index(row, 0)
        if not column.list.visualRect(index).isValid():
            column.list.doItemsLayout()  # batched layout has not reached the row yet
        bar = column.list.verticalScrollBar()
        bar.setValue(bar.value() + column.list.visualRect(index).top() + place.offset)
        self._scrolled(column)

    def select_sentence(self, article: str, sentence: int) -> bool:
        """Select a sentence and its counterparts without scrolling anything."""
        column = self.column(article)
        if column is None or column.model.row_of(sentence) < 0:
            return False
        self._quiet_align = True
        try:
            index = column.model.index(column.model.row_of(sentence), 0)
            column.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._quiet_align = False
        return True

    def current_article(self) -> str | None:
        return self.linked_sentence[0] if self.linked_sentence else None

    def current_position(self) -> tuple[str, int] | None:
        return self.linked_sentence

    def refresh_theme(self) -> None:
        for column in self.columns:
            column.delegate.refresh_theme()
