"""The overview (location) bar beside the Aligned view's scroll bar: every difference block as a mark at its
place in the whole comparison, the part on screen as a frame, the current block pointed at; a click goes there.

Marks use the legend's colours and shapes, so they read without colour too. A block's sentences give its body:
unique sentences a solid block (the solid rule), commentary a tint edged with dashes (the dashed rule),
rewording a tinted, outlined block (the tint). What sits inside its words is drawn over the body: an omitted
fact as dots (the dotted underline), a disagreement as a double line (the double underline). The bar only draws
what ``AlignedView`` hands it, as fractions of the table's height.

The marks are drawn once into a picture of the bar, kept until they, the bar's size or its palette change: the
part on screen moves with every scroll step, and painting every mark of a 10,000-sentence comparison again each
time took 0.12-0.15 s, on the GUI thread, at every step of a scroll and every chunk of rows being sized.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.ui.highlights import DiffKind
from desktop.ui.theme import Theme, theme_for

WIDTH = 16
MIN_MARK = 5  # pixels: tall enough for the double line and the dashes
HIT_SLOP = 3  # a click this close to a mark goes to it


@dataclass(frozen=True, slots=True)
class OverviewMark:
    top: float  # fractions of the whole table's height
    bottom: float
    kinds: tuple[DiffKind, ...]  # most telling first (``difference_blocks.RANK``)
    index: int  # the block's number (``DifferenceNavigator.blocks``)
    tip: str = ""


class OverviewBar(QWidget):
    block_activated = Signal(int)  # a mark was clicked: its block's index
    scroll_requested = Signal(float)  # a click between marks: centre the view on this fraction of the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewBar")
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Overview of the differences")
        self.setAccessibleDescription(
            "Each mark is a difference at its place in the comparison; click one to go "
            "there. Next and Previous Difference (F8, Shift+F8) step through them."
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.marks: list[OverviewMark] = []
        self.current = -1
        self.span = (0.0, 1.0)  # the part of the table on screen
        self._dragging = False
        self._marks_picture: QPixmap | None = None  # the marks alone, drawn for the bar's present size and palette

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def set_marks(self, marks: list[OverviewMark]) -> None:
        self.marks = marks
        self._marks_picture = None
        self.update()

    def set_current(self, index: int) -> None:
        if index != self.current:
            self.current = index
            self.update()

    def set_span(self, top: float, bottom: float) -> None:
        if (top, bottom) != self.span:
            self.span = (top, bottom)
            self.update()

    # -- geometry ---------------------------------------------------------------------------------------------
    def _track(self) -> QRectF:
        return QRectF(2, 2, self.width() - 4, max(1, self.height() - 4))

    def mark_rect(self, mark: OverviewMark) -> QRectF:
        track = self._track()
        top, height = _placed(mark, track.top(), track.height())
        return QRectF(track.left(), top, track.width(), height)

    def mark_at(self, y: float) -> OverviewMark | None:
        """The mark under ``y`` (or within a few pixels of it; the nearest, most telling one first)."""
        best: tuple[float, int, OverviewMark] | None = None
        order = list(DiffKind)
        for mark in self.marks:
            rect = self.mark_rect(mark)
            distance = 0.0 if rect.top() <= y <= rect.bottom() else min(abs(y - rect.top()), abs(y - rect.bottom()))
            if distance <= HIT_SLOP:
                key = (distance, order.index(mark.kinds[0]), mark)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best is not None else None

    def fraction_at(self, y: float) -> float:
        track = self._track()
        return min(1.0, max(0.0, (y - track.top()) / track.height()))

    # -- painting ---------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = theme_for(self.palette())
        painter.fillRect(self.rect(), theme.gap_bg)
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(0, 0, 0, self.height())
        track = self._track()
        # The part on screen, under the marks so it never hides one.
        top, bottom = self.span
        visible = QRectF(
            0.5, track.top() + top * track.height(), self.width() - 1.5, max(4.0, (bottom - top) * track.height())
        )
        shade = QColor(theme.link)
        shade.setAlpha(40)
        painter.fillRect(visible, shade)
        painter.drawPixmap(0, 0, self._marks_drawn(theme))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        edge = QColor(theme.link)
        edge.setAlpha(160)
        painter.setPen(QPen(edge, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(visible)
        current = next((m for m in self.marks if m.index == self.current), None)
        if current is not None:
            rect = self.mark_rect(current)
            y = rect.center().y()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.text)
            painter.drawPolygon(QPolygonF([QPointF(0, y - 4), QPointF(4, y), QPointF(0, y + 4)]))

    def _marks_drawn(self, theme: Theme) -> QPixmap:
        """Every mark on a transparent picture of the bar, drawn again only when it no longer fits the bar."""
        ratio = self.devicePixelRatioF()
        picture = self._marks_picture
        if picture is None or picture.size() != self.size() * ratio or picture.devicePixelRatio() != ratio:
            picture = QPixmap(self.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for rect, kinds in self._drawn_rects():
                paint_mark(painter, rect, kinds, theme)
            painter.end()
            self._marks_picture = picture
        return picture

    def _drawn_rects(self) -> list[tuple[QRectF, tuple[DiffKind, ...]]]:
        """The marks to paint, the most telling last (on top). Thousands of blocks share a few hundred pixels:
        a mark the same as one painted there adds nothing, and is found before its rectangle is made (a
        10,000-sentence comparison: 3,200 marks, ~2,000 painted)."""
        track = self._track()
        ratio = self.devicePixelRatioF()
        rank = {kind: -n for n, kind in enumerate(DiffKind)}
        drawn: set[tuple[int, int, tuple[DiffKind, ...]]] = set()
        rects = []
        for mark in sorted(self.marks, key=lambda m: rank[m.kinds[0]]):
            top, height = _placed(mark, track.top(), track.height())
            seen = (round(top * ratio), round(height * ratio), mark.kinds)
            if seen not in drawn:
                drawn.add(seen)
                rects.append((QRectF(track.left(), top, track.width(), height), mark.kinds))
        return rects

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the marks take their colours from the palette
            self._marks_picture = None
        super().changeEvent(event)

    # -- input ------------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        y = event.position().y()
        mark = self.mark_at(y)
        if mark is not None:
            self.block_activated.emit(mark.index)
            return
        self._dragging = True
        self.scroll_requested.emit(self.fraction_at(y))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self.scroll_requested.emit(self.fraction_at(event.position().y()))
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(event.pos().y())  # QHelpEvent has no position(), unlike the mouse events
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tip, self)
            else:
                QToolTip.showText(event.globalPos(), "Click to scroll there; marks are differences", self)
            return True
        return super().event(event)


def _placed(mark: OverviewMark, track_top: float, track_height: float) -> tuple[float, float]:
    """A mark's top and height on the track: at least ``MIN_MARK`` tall, and never past the track's end."""
    height = max(MIN_MARK, (mark.bottom - mark.top) * track_height)
    return min(track_top + mark.top * track_height, track_top + track_height - height), height


SENTENCE_KINDS = (DiffKind.COMMENTARY, DiffKind.UNIQUE, DiffKind.REWORDED)  # as the views tint a cell, first wins


def paint_mark(painter: QPainter, rect: QRectF, kinds: tuple[DiffKind, ...], theme: Theme) -> None:
    """One block's mark in the legend's colours and shapes: its sentences' body, then its words' marks over it."""
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, right = rect.left() + 1, rect.right() - 1
    body = next((k for k in SENTENCE_KINDS if k in kinds), None)
    if body == DiffKind.UNIQUE:  # solid, like the unique sentence's solid rule
        painter.fillRect(rect, theme.unique_rule)
    elif body == DiffKind.REWORDED:  # the reworded tint, outlined so it holds up against the background
        painter.fillRect(rect, theme.reworded_bg)
        painter.setPen(QPen(theme.reworded_bar, 1.5))
        painter.drawRect(rect.adjusted(0.75, 0.75, -0.75, -0.75))
    elif body == DiffKind.COMMENTARY:  # the commentary tint edged with dashes, like its dashed rule
        painter.fillRect(rect, theme.commentary_bg)
        pen = QPen(theme.commentary_rule, 2, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([1.5, 1.0])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, rect.top() + 1), QPointF(right, rect.top() + 1))
        painter.drawLine(QPointF(left, rect.bottom() - 1), QPointF(right, rect.bottom() - 1))
    fact, conflict = DiffKind.FACT in kinds, DiffKind.CONFLICT in kinds
    middle = left + (right - left) / 2 if fact and conflict else right  # both: dots left, double line right
    y = rect.center().y()
    if fact:  # dots, like the fact's dotted underline
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.unique_bg if body == DiffKind.UNIQUE else theme.fact_fg)  # legible on the solid blue
        x = left + 1.5
        while x <= middle - 1:
            painter.drawEllipse(QPointF(x, y), 1.4, 1.4)
            x += 3.5
    if conflict:  # a double line, like the disagreement's double underline
        painter.setPen(QPen(theme.conflict_line, 1.2))
        start = middle + 1 if fact else left
        painter.drawLine(QPointF(start, y - 1.5), QPointF(right, y - 1.5))
        painter.drawLine(QPointF(start, y + 1.5), QPointF(right, y + 1.5))
    painter.restore()
