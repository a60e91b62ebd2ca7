"""The legend strip: each highlight drawn with the same colour and shape the views use, then its meaning."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui.theme import Theme, theme_for

ENTRIES = (
    ("reworded", "reworded"),
    ("deleted", "words missing elsewhere"),
    ("inserted", "words added"),
    ("unique", "unique to this article"),
    ("commentary", "commentary"),
    ("fact", "fact missing elsewhere"),
    ("gap", "no counterpart"),
    ("boilerplate", "boilerplate (dimmed)"),
)


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 12, 5)
        layout.setSpacing(6)
        for kind, label in ENTRIES:
            layout.addWidget(Swatch(kind))
            text = QLabel(label)
            text.setObjectName("legendLabel")
            layout.addWidget(text)
            layout.addSpacing(10)
        layout.addStretch(1)
