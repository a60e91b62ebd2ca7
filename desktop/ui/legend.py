"""The legend strip: each highlight drawn with the same colour and shape the views use, then its meaning."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.core.presentation import CORRECTED_MARK
from desktop.core.presentation.match_display import PARTIAL_MARK
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.theme import Theme, theme_for

ENTRIES = (
    ("reworded", "reworded"),
    ("deleted", "words missing elsewhere"),
    ("inserted", "words added"),
    ("unique", "unique to this article"),
    ("commentary", "commentary"),
    ("fact", "fact missing elsewhere"),
    ("label", "loaded label (neutral word on hover)"),
    ("conflict", "outlets disagree (values on hover)"),
    ("partial", "partial match (one says part of the other)"),
    ("corrected", "changed by your corrections (Edit menu)"),
    ("gap", "no counterpart"),
    ("boilerplate", "boilerplate (dimmed)"),
    ("paired", "paired across languages (no word diff)"),
)
# Shown only while the comparison on screen spans two languages.
CROSS_LANGUAGE_ONLY = {"paired"}


def wave(left: int, right: int, baseline: int, amplitude: float = 1.5, step: float = 3.0) -> QPolygonF:
    """A zigzag under a word, drawn as the views' wavy underline of a loaded label."""
    points = []
    x, up = float(left), True
    while x <= right:
        points.append(QPointF(x, baseline - amplitude if up else baseline + amplitude))
        x += step
        up = not up
    return QPolygonF(points)


class Swatch(QWidget):
    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setFixedSize(QSize(30, 16))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme: Theme = theme_for(self.palette())
        rect = self.rect().adjusted(0, 1, -1, -1)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.8)
        painter.setFont(font)
        kind = self.kind
        if kind == "reworded":
            painter.fillRect(rect, theme.reworded_bg)
        elif kind == "paired":  # the grey the share bars and the Reading view's bands give a pair across languages
            painter.fillRect(rect, theme.identical_bar)
            painter.setPen(QPen(theme.text, 1))
            mid = rect.center().y()
            painter.drawLine(rect.left() + 6, mid, rect.right() - 6, mid)  # the two sides joined, nothing struck
            painter.drawLine(rect.left() + 6, mid - 3, rect.left() + 6, mid + 3)
            painter.drawLine(rect.right() - 6, mid - 3, rect.right() - 6, mid + 3)
        elif kind == "unique":
            painter.fillRect(rect, theme.unique_bg)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), theme.unique_rule)
        elif kind == "commentary":
            painter.fillRect(rect, theme.commentary_bg)
            pen = QPen(theme.commentary_rule, 3, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([1.5, 1.2])
            painter.setPen(pen)
            painter.drawLine(QPointF(1.5, rect.top()), QPointF(1.5, rect.bottom()))
        elif kind == "gap":
            painter.fillRect(rect, theme.gap_bg)
            painter.fillRect(rect, QBrush(theme.gap_hatch.darker(115), Qt.BrushStyle.BDiagPattern))
        elif kind in ("partial", "corrected"):  # the signs the views put before such a sentence
            font.setPointSizeF(font.pointSizeF() / 0.8)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(theme.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, PARTIAL_MARK if kind == "partial" else CORRECTED_MARK)
        elif kind == "label":
            painter.setPen(theme.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "abc")
            baseline = rect.center().y() + QFontMetrics(font).ascent() // 2 + 2
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(theme.label_line, 1.2))
            painter.drawPolyline(wave(rect.left() + 4, rect.right() - 4, baseline))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        elif kind == "conflict":
            painter.setPen(theme.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "123")
            baseline = rect.center().y() + QFontMetrics(font).ascent() // 2 + 1
            painter.setPen(QPen(theme.conflict_line, 1))
            painter.drawLine(rect.left() + 4, baseline, rect.right() - 4, baseline)
            painter.drawLine(rect.left() + 4, baseline + 2, rect.right() - 4, baseline + 2)
        elif kind in ("deleted", "inserted", "fact", "boilerplate"):
            if kind == "deleted":
                painter.fillRect(rect, theme.deleted_bg)
                font.setStrikeOut(True)
            elif kind == "inserted":
                painter.fillRect(rect, theme.inserted_bg)
            elif kind == "fact":
                font.setBold(True)
            painter.setFont(font)
            painter.setPen(theme.fact_fg if kind == "fact" else (theme.muted if kind == "boilerplate" else theme.text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "abc")
            baseline = rect.center().y() + QFontMetrics(font).ascent() // 2 + 2
            if kind == "inserted":
                painter.setPen(QPen(theme.inserted_line, 1))
                painter.drawLine(rect.left() + 4, baseline, rect.right() - 4, baseline)
            elif kind == "fact":
                painter.setPen(QPen(theme.fact_fg, 1, Qt.PenStyle.DotLine))
                painter.drawLine(rect.left() + 4, baseline, rect.right() - 4, baseline)
        painter.setPen(QPen(theme.grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Legend")
        layout = FlowLayout(self)
        layout.setContentsMargins(12, 5, 12, 5)
        self.entries: dict[str, QWidget] = {}
        for kind, label in ENTRIES:
            entry = QWidget(self)
            self.entries[kind] = entry
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            row.addWidget(Swatch(kind))
            text = QLabel(label)
            text.setObjectName("legendLabel")
            row.addWidget(text)
            layout.addWidget(entry)
        for kind in CROSS_LANGUAGE_ONLY:
            self.entries[kind].hide()

    def set_cross_language(self, shown: bool) -> None:
        """Show the entries only a comparison across languages needs (the grey of a translated pair)."""
        for kind in CROSS_LANGUAGE_ONLY:
            self.entries[kind].setVisible(shown)
        self.updateGeometry()
