"""The differences list: every difference by kind, filter chips with counts, click (or next/previous) to jump."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Comparison
from desktop.core.presentation.collation import Row
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.highlights import Difference, DiffKind
from desktop.ui.models import DIFFERENCE_ROLE, DifferenceFilter, DifferencesModel
from desktop.ui.theme import theme_for

Index = QModelIndex | QPersistentModelIndex
# What a chip counts, for one and for several, and what its filter shows or hides (in the words of a sentence).
_CHIP_LABELS = {
    DiffKind.CONFLICT: ("disagreement", "disagreements", "disagreements between outlets"),
    DiffKind.FACT: ("omitted fact", "omitted facts", "omitted facts"),
    DiffKind.COMMENTARY: ("commentary", "commentary", "commentary"),
    DiffKind.REWORDED: ("reworded", "reworded", "reworded sentences"),
    DiffKind.UNIQUE: ("unique", "unique", "sentences unique to one article"),
}
SHOWN_MARK = "✓ "


def chip_text(kind: DiffKind, count: int, shown: bool) -> str:
    """ "✓ 3 omitted facts" while shown; "1 disagreement (hidden)" once clicked off."""
    one, many, _ = _CHIP_LABELS[kind]
    text = f"{count} {one if count == 1 else many}"
    return SHOWN_MARK + text if shown else f"{text} (hidden)"


def chip_tip(kind: DiffKind, shown: bool) -> str:
    what = _CHIP_LABELS[kind][2]
    where = "the list, the overview bar and Next/Previous Difference"
    return f"Click to hide {what} from {where}" if shown else f"Hidden: click to show {what} in {where} again"


class DifferenceDelegate(QStyledItemDelegate):
    """Small-caps heading over the text, a coloured tick for the kind (with its shape, as in the views)."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        heading = QFont(option.font)
        heading.setPointSizeF(option.font.pointSizeF() * 0.8)
        heading.setCapitalization(QFont.Capitalization.AllUppercase)
        heading.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        return heading, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        heading, body = self._fonts(option)
        width = max(80, (option.rect.width() or 260) - 24)
        item: Difference = index.data(DIFFERENCE_ROLE)
        bounds = QFontMetrics(body).boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, item.text)
        text_height = bounds.height()
        return QSize(width + 24, QFontMetrics(heading).height() + text_height + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: Difference = index.data(DIFFERENCE_ROLE)
        theme = theme_for(option.palette)
        heading, body = self._fonts(option)
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            colour = option.palette.highlight().color()
            colour.setAlpha(40)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(option.palette.highlight().color(), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, option.palette.alternateBase())
        tick = {
            DiffKind.CONFLICT: theme.conflict_line,
            DiffKind.FACT: theme.fact_fg,
            DiffKind.COMMENTARY: theme.commentary_rule,
            DiffKind.REWORDED: theme.reworded_bar,
            DiffKind.UNIQUE: theme.unique_rule,
        }[item.kind]
        pen = QPen(tick, 3)
        if item.kind == DiffKind.COMMENTARY:
            pen.setStyle(Qt.PenStyle.DashLine)
        elif item.kind == DiffKind.FACT:
            pen.setStyle(Qt.PenStyle.DotLine)
        if item.kind == DiffKind.CONFLICT:  # a double rule, as the views double-underline the disputed values
            pen.setWidth(1)
            painter.setPen(pen)
            for x in (rect.left() + 5, rect.left() + 8):
                painter.drawLine(x, rect.top() + 7, x, rect.bottom() - 7)
        else:
            painter.setPen(pen)
            painter.drawLine(rect.left() + 6, rect.top() + 7, rect.left() + 6, rect.bottom() - 7)
        x = rect.left() + 16
        width = rect.width() - 24
        painter.setFont(heading)
        painter.setPen(theme.muted)
        head_h = QFontMetrics(heading).height()
        painter.drawText(QRect(x, rect.top() + 7, width, head_h), Qt.AlignmentFlag.AlignLeft, item.heading)
        painter.setFont(body)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            QRect(x, rect.top() + 8 + head_h, width, rect.height() - head_h - 12), Qt.TextFlag.TextWordWrap, item.text
        )
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if option.state & QStyle.StateFlag.State_HasFocus:  # where the keyboard is, selected or not
            painter.setPen(QPen(theme.text, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(3, 3, -4, -4))
        painter.restore()


class DifferencesPanel(QWidget):
    jump_requested = Signal(object)  # Difference
    shown_changed = Signal(list)  # list[Difference]: the differences the filters let through, in row order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("differencesPanel")
        self.model = DifferencesModel(self)
        self.proxy = DifferenceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel("Differences")
        self.title.setObjectName("panelTitle")
        self.chips: dict[DiffKind, QToolButton] = {}
        chips = QWidget()
        chip_layout = FlowLayout(chips, spacing=6, line_spacing=6)
        chip_layout.setContentsMargins(0, 0, 0, 0)
        self._counts = dict.fromkeys(_CHIP_LABELS, 0)
        for kind, (_one, many, _what) in _CHIP_LABELS.items():
            chip = QToolButton()
            chip.setObjectName("chip")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setAccessibleName(f"Filter: {many}")
            chip.toggled.connect(lambda on, k=kind: self._toggle(k, on))
            self.chips[kind] = chip
            self._label_chip(kind)
            chip_layout.addWidget(chip)
        self.list = QListView()
        self.list.setObjectName("differencesList")
        self.list.setAccessibleName("Differences")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(DifferenceDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)  # thousands of differences must not delay paint
        self.list.setBatchSize(100)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.clicked.connect(self._activated)
        self.list.activated.connect(self._activated)
        self.empty = QLabel("No differences found.")
        self.empty.setObjectName("emptyNote")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(chips)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(270)

    def set_comparison(
        self, comparison: Comparison | None, rows: list[Row], gathered: Sequence[Difference] | None = None
    ) -> None:
        """``gathered``: the comparison's differences when already gathered (off the GUI thread, with its rows)."""
        self.model.set_comparison(comparison, rows, gathered)
        self._counts = self.model.counts()
        for kind in self.chips:
            self._label_chip(kind)
        self.empty.setVisible(comparison is not None and self.model.rowCount() == 0)
        self.shown_changed.emit(self.shown())

    def focus_widgets(self) -> list[QWidget]:
        """The panel's stops for Tab: the filter chips, then the list."""
        return [*self.chips.values(), self.list]

    def shown(self) -> list[Difference]:
        """What the list shows, read from the model rather than row by row through the filter (thousands of
        differences on a long comparison)."""
        return [item for item in self.model.items() if self.proxy.accepts(item)]

    def _label_chip(self, kind: DiffKind) -> None:
        chip = self.chips[kind]
        shown = chip.isChecked()
        chip.setText(chip_text(kind, self._counts.get(kind, 0), shown))
        chip.setToolTip(chip_tip(kind, shown))
        chip.setAccessibleDescription(chip_tip(kind, shown))

    def _toggle(self, kind: DiffKind, shown: bool) -> None:
        self._label_chip(kind)
        self.proxy.set_kind(kind, shown)
        self.shown_changed.emit(self.shown())

    def select(self, item: Difference) -> None:
        """Select ``item`` in the list (navigation reached it elsewhere) without jumping again."""
        for n in range(self.proxy.rowCount()):
            index = self.proxy.index(n, 0)
            if index.data(DIFFERENCE_ROLE) == item:
                self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.scrollTo(index)
                return

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(index.data(DIFFERENCE_ROLE))

    def step(self, delta: int) -> Difference | None:
        """Select the next (``+1``) or previous (``-1``) visible difference and jump to it."""
        count = self.proxy.rowCount()
        if not count:
            return None
        current = self.list.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        row = max(0, min(count - 1, row))
        index = self.proxy.index(row, 0)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        item: Difference = index.data(DIFFERENCE_ROLE)
        self.jump_requested.emit(item)
        return item
