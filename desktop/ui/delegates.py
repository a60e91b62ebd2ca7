"""Paints a sentence cell: status background and rules, inline word diff, fact, label and disagreement marks, gaps,
link highlights.

Text goes into a ``QTextDocument`` through ``QTextCursor.insertText`` with character formats, never through
HTML, so nothing an article contains is ever parsed as markup. Laid-out documents are cached per cell and
width, which keeps scrolling and row sizing cheap.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable
from itertools import pairwise
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPen,
    QPolygon,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from desktop.core.model import Status
from desktop.core.presentation import CORRECTED_MARK
from desktop.core.presentation.match_display import PARTIAL_MARK
from desktop.ui.highlights import Cell, Mark, MarkKind
from desktop.ui.legend import wave
from desktop.ui.models import CELL_ROLE, NOTE_ROLE
from desktop.ui.theme import Theme, theme_for

PAD_X = 10
PAD_Y = 9
RULE = 3
PARAGRAPH_GAP = 10
GAP_HEIGHT = 30
NOTE_MARKER = 11
_CACHE_SIZE = 4000
PARTIAL_PREFIX = PARTIAL_MARK + "\u2002"
CORRECTED_PREFIX = CORRECTED_MARK + "\u2002"  # the user's corrections changed this sentence (tooltip: how)

Index = QModelIndex | QPersistentModelIndex


def build_document(
    cell: Cell, font: QFont, theme: Theme, width: float, *, numbers: bool = True
) -> tuple[QTextDocument, int]:
    """The cell's text as a laid-out document, and how many characters the sentence-number prefix takes."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    prefix = 0
    if numbers and cell.label:
        number = QTextCharFormat()
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.78))
        number.setFont(small)
        number.setForeground(theme.muted)
        label = cell.label + "\u2002"
        cursor.insertText(label, number)
        prefix = len(label)
    if cell.partial:
        # A sign, not a colour: the commentary rule already owns the dashed border, so a partial match reads "≈".
        marker = QTextCharFormat()
        marker.setFontWeight(QFont.Weight.Bold)
        marker.setForeground(theme.text)
        cursor.insertText(PARTIAL_PREFIX, marker)
        prefix += len(PARTIAL_PREFIX)
    if cell.corrected:
        pencil = QTextCharFormat()
        pencil.setFontWeight(QFont.Weight.Bold)
        pencil.setForeground(theme.link)
        cursor.insertText(CORRECTED_PREFIX, pencil)
        prefix += len(CORRECTED_PREFIX)
    base = QTextCharFormat()
    base.setForeground(theme.muted if cell.boilerplate else theme.text)
    if cell.boilerplate:
        base.setFontItalic(True)
    if cell.title:
        base.setFontWeight(QFont.Weight.DemiBold)
    for start, end, kinds in _pieces(cell):
        fmt = QTextCharFormat(base)
        if MarkKind.DELETED in kinds:
            fmt.setFontStrikeOut(True)
            fmt.setBackground(theme.deleted_bg)
        if MarkKind.INSERTED in kinds:
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(theme.inserted_line)
            fmt.setBackground(theme.inserted_bg)
        if MarkKind.LABEL in kinds:
            # The wavy underline itself is painted by ``paint_label_waves``: Qt's own wave is a hairline too
            # faint to see at body size. It takes the place of an added word's straight underline (the tint
            # stays), which would run into it. The tooltip is kept on the characters.
            fmt.setFontUnderline(False)
            fmt.setToolTip(next(m.tip for m in cell.marks if m.kind == MarkKind.LABEL and m.start <= start < m.end))
        if MarkKind.CONFLICT in kinds:
            # A double underline, painted by ``paint_conflict_lines`` (Qt has no double underline style); it
            # replaces an added word's single underline, which would merge into it.
            fmt.setFontUnderline(False)
            fmt.setToolTip(next(m.tip for m in cell.marks if m.kind == MarkKind.CONFLICT and m.start <= start < m.end))
        if MarkKind.FACT in kinds:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(theme.fact_fg)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(theme.fact_fg)
        cursor.insertText(cell.text[start:end], fmt)
    doc.setTextWidth(max(20.0, width))
    return doc, prefix


def _pieces(cell: Cell) -> list[tuple[int, int, frozenset[MarkKind]]]:
    """Cut the text at every mark boundary; each piece carries the set of marks covering it."""
    bounds = {0, len(cell.text)}
    for mark in cell.marks:
        bounds.update((mark.start, mark.end))
    points = sorted(b for b in bounds if 0 <= b <= len(cell.text))
    pieces = []
    for start, end in pairwise(points):
        kinds = frozenset(m.kind for m in cell.marks if m.start <= start and end <= m.end)
        pieces.append((start, end, kinds))
    return pieces


def _x_of(line: QTextLine, position: int) -> float:
    """Where the cursor at ``position`` sits on ``line``: PySide6's ``cursorToX`` returns (x, position), which its
    stub calls ``object``."""
    x, _position = cast(tuple[float, int], line.cursorToX(position))
    return x


def label_lines(
    cell: Cell, doc: QTextDocument, prefix: int, kind: MarkKind = MarkKind.LABEL
) -> list[tuple[float, float, float]]:
    """Where each loaded label's wavy underline (or, with ``kind``, another painted underline) goes, as
    (x from, x to, y) per wrapped line of its words, in document coordinates: just below the baseline, inside
    the line (not over the next line's capitals)."""
    found: list[tuple[float, float, float]] = []
    block = doc.firstBlock()
    origin = doc.documentLayout().blockBoundingRect(block).topLeft()  # lays the document out first if need be
    layout = block.layout()
    if layout is None:
        return found
    for mark in cell.marks:
        if mark.kind != kind:
            continue
        position, end = prefix + mark.start, prefix + mark.end
        while position < end:
            line = layout.lineForTextPosition(position)
            if not line.isValid():
                break
            stop = min(end, line.textStart() + line.textLength())
            while stop > position and cell.text[stop - prefix - 1 : stop - prefix].isspace():
                stop -= 1
            x_from, x_to = _x_of(line, position), _x_of(line, stop)
            y = line.y() + line.ascent() + min(2.5, line.descent() * 0.5)
            if x_to > x_from:
                found.append((origin.x() + x_from, origin.x() + x_to, origin.y() + y))
            position = max(line.textStart() + line.textLength(), position + 1)
    return found


def paint_label_waves(painter: QPainter, cell: Cell, doc: QTextDocument, prefix: int, colour: QColor) -> None:
    """The loaded labels' wavy underlines, as the legend and the HTML export draw them."""
    lines = label_lines(cell, doc, prefix)
    if not lines:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour, 1.3))
    for x_from, x_to, y in lines:
        painter.drawPolyline(wave(round(x_from), round(x_to), round(y)))
    painter.restore()


def paint_conflict_lines(painter: QPainter, cell: Cell, doc: QTextDocument, prefix: int, colour: QColor) -> None:
    """The disagreements' double underlines, as the legend draws them."""
    lines = label_lines(cell, doc, prefix, MarkKind.CONFLICT)
    if not lines:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colour, 1))
    for x_from, x_to, y in lines:
        top = round(y) - 1
        painter.drawLine(round(x_from), top, round(x_to), top)
        painter.drawLine(round(x_from), top + 2, round(x_to), top + 2)
    painter.restore()


_TIP_ORDER = {MarkKind.CONFLICT: 0, MarkKind.FACT: 1, MarkKind.LABEL: 2, MarkKind.DELETED: 3, MarkKind.INSERTED: 3}


def mark_at(cell: Cell, position: int) -> Mark | None:
    """The disagreement, fact, loaded label or struck/underlined word at a character of the cell's text (in that
    order: the weightier news first)."""
    found = [m for m in cell.marks if m.kind in _TIP_ORDER and m.start <= position < m.end]
    found.sort(key=lambda m: _TIP_ORDER[m.kind])
    return found[0] if found else None


class SentenceDelegate(QStyledItemDelegate):
    """Draws one ``Cell``. ``link_level(cell)`` (0 none, 1 hover, 2 selected) lets a view mark counterparts."""

    def __init__(self, view: QAbstractItemView, *, numbers: bool = True, paragraphs: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._numbers = numbers
        self._paragraphs = paragraphs
        self._cache: OrderedDict[tuple[int, int], tuple[Cell, QTextDocument, int]] = OrderedDict()
        self._heights: dict[tuple[int, int], tuple[Cell, int]] = {}
        self.link_level: Callable[[Cell], int] = lambda cell: 0
        self.theme = theme_for(view.palette())

    def refresh_theme(self) -> None:
        self.theme = theme_for(self._view.palette())
        self.clear_cache()

    def clear_cache(self) -> None:
        self._cache.clear()
        self._heights.clear()

    def _width(self, option: QStyleOptionViewItem, cell: Cell) -> float:
        width = option.rect.width()
        if width <= 0:
            width = self._view.viewport().width()
        return width - 2 * PAD_X - RULE

    def document(self, cell: Cell, font: QFont, width: float) -> tuple[QTextDocument, int]:
        key = (id(cell), round(width))
        hit = self._cache.get(key)
        if hit is not None and hit[0] is cell:
            self._cache.move_to_end(key)
            return hit[1], hit[2]
        doc, prefix = build_document(cell, font, self.theme, width, numbers=self._numbers)
        self._cache[key] = (cell, doc, prefix)
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return doc, prefix

    def _top_gap(self, cell: Cell) -> int:
        return PARAGRAPH_GAP if self._paragraphs and cell.paragraph_start else 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, Cell):
            return super().sizeHint(option, index)
        width = self._width(option, cell)
        return QSize(int(width + 2 * PAD_X + RULE), self.cell_height(cell, option.font, width + 2 * PAD_X + RULE))

    def cell_height(self, cell: Cell, font: QFont, outer_width: float, *, exact: bool = False) -> int:
        """The height a cell needs at a given column width (gaps have a fixed one). ``exact`` lays out the
        rich document (cached for painting), for cells about to be shown; otherwise a cheap upper bound."""
        if cell.is_gap:
            return GAP_HEIGHT
        width = outer_width - 2 * PAD_X - RULE
        if exact:
            text = int(self.document(cell, font, width)[0].size().height() + 0.999)
        else:
            text = self.text_height(cell, font, width)
        return max(text + 2 * PAD_Y + self._top_gap(cell), GAP_HEIGHT)

    def text_height(self, cell: Cell, font: QFont, width: float) -> int:
        """Height of the wrapped text from font metrics: ~8× cheaper than laying out the rich document, which
        only the visible cells need. Cells with bold facts or titles are measured all in bold, an upper bound,
        so a row is never too short for its text."""
        key = (id(cell), round(width))
        hit = self._heights.get(key)
        if hit is not None and hit[0] is cell:
            return hit[1]
        measure = QFont(font)
        if cell.title or any(m.kind == MarkKind.FACT for m in cell.marks):
            measure.setBold(True)
        if cell.boilerplate:
            measure.setItalic(True)
        text = (cell.label + "\u2002" + cell.text) if self._numbers and cell.label else cell.text
        if cell.partial:
            text = PARTIAL_PREFIX + text
        if cell.corrected:
            text = CORRECTED_PREFIX + text
        bounds = QFontMetricsF(measure).boundingRect(QRectF(0, 0, width, 1e6), Qt.TextFlag.TextWordWrap, text)
        height = int(bounds.height() + 0.999)
        self._heights[key] = (cell, height)
        if len(self._heights) > 4 * _CACHE_SIZE:
            self._heights.clear()
        return height

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, Cell):
            super().paint(painter, option, index)
            return
        theme = self.theme
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # The table paints a selected row solid in the highlight colour before the delegate (Fusion): cover it, so
        # the selection shows as the frame below and never hides a sentence's highlights (issue 17, item 7).
        painter.fillRect(option.rect, option.palette.base())
        rect = QRect(option.rect)
        rect.setTop(rect.top() + self._top_gap(cell))
        if cell.is_gap:
            self._paint_gap(painter, rect, cell, option)
        else:
            self._paint_background(painter, rect, cell)
            width = self._width(option, cell)
            doc, prefix = self.document(cell, option.font, width)
            painter.translate(rect.left() + PAD_X + RULE, rect.top() + PAD_Y)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(context.palette.ColorRole.Text, theme.text)
            doc.documentLayout().draw(painter, context)
            paint_label_waves(painter, cell, doc, prefix, theme.label_line)
            paint_conflict_lines(painter, cell, doc, prefix, theme.conflict_line)
            painter.translate(-(rect.left() + PAD_X + RULE), -(rect.top() + PAD_Y))
        self._paint_frame(painter, rect, cell, option)
        if not cell.is_gap and index.data(NOTE_ROLE):
            self._paint_note_marker(painter, rect)
        painter.restore()

    def _paint_note_marker(self, painter: QPainter, rect: QRect) -> None:
        """A folded top-right corner, as a spreadsheet marks a commented cell; the note is in the tooltip."""
        size = NOTE_MARKER
        right, top = rect.right(), rect.top()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.link)
        painter.drawPolygon(QPolygon([QPoint(right - size, top), QPoint(right, top), QPoint(right, top + size)]))

    def _paint_background(self, painter: QPainter, rect: QRect, cell: Cell) -> None:
        theme = self.theme
        if cell.boilerplate:
            return
        if cell.commentary:
            painter.fillRect(rect, theme.commentary_bg)
            pen = QPen(theme.commentary_rule, RULE, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([1.5, 1.2])
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            x = rect.left() + RULE / 2
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        elif cell.status == Status.UNIQUE:
            painter.fillRect(rect, theme.unique_bg)
            painter.fillRect(QRect(rect.left(), rect.top(), RULE, rect.height()), theme.unique_rule)
        elif cell.status == Status.REWORDED and not cell.other_language:
            # A pair across languages is "reworded" by definition; tinting every row would bury what differs.
            painter.fillRect(rect, theme.reworded_bg)

    def _paint_gap(self, painter: QPainter, rect: QRect, cell: Cell, option: QStyleOptionViewItem) -> None:
        theme = self.theme
        painter.fillRect(rect, theme.gap_bg)
        painter.fillRect(rect, QBrush(theme.gap_hatch, Qt.BrushStyle.BDiagPattern))
        font = QFont(option.font)
        font.setItalic(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(theme.muted)
        painter.drawText(
            rect.adjusted(PAD_X + RULE, 0, -PAD_X, 0), Qt.AlignmentFlag.AlignVCenter, f"— not in {cell.article} —"
        )

    def _paint_frame(self, painter: QPainter, rect: QRect, cell: Cell, option: QStyleOptionViewItem) -> None:
        theme = self.theme
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        level = self.link_level(cell)
        if option.state & QStyle.StateFlag.State_Selected and not cell.is_gap:
            level = 2
        if level:
            colour = QColor(theme.link)
            if level == 1:
                colour.setAlpha(120)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard's cell, gaps included (issue 17, item 3)
            painter.setPen(QPen(theme.text, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(4.5, 4.5, -4.5, -4.5))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index) -> bool:
        """A mark's own tooltip when hovering it ("Disagreement (number, people): A 20,000 · B 6,000", "missing
        from B, C", "loaded label — neutral: Präsident", "not in C"); otherwise the cell's tooltip."""
        cell = index.data(CELL_ROLE)
        if event.type() == QEvent.Type.ToolTip and isinstance(cell, Cell) and not cell.is_gap:
            doc, prefix = self.document(cell, option.font, self._width(option, cell))
            top = option.rect.top() + self._top_gap(cell) + PAD_Y
            point = QPointF(event.pos().x() - option.rect.left() - PAD_X - RULE, event.pos().y() - top)
            position = doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit) - prefix
            mark = mark_at(cell, position)
            if mark is not None:
                words = cell.text[mark.start : mark.end]
                QToolTip.showText(event.globalPos(), html.escape(f"“{words}”: {mark.tip}"), view)
                return True
        return super().helpEvent(event, view, option, index)
