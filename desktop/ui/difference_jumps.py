"""Moving the view on screen to a difference: Next/Previous Difference, a click on the overview bar or in the
Differences panel, and the toolbar's "3 of 12" counter.

``DifferenceNavigator`` decides which block is next; this object shows it in the views and the panel, and says
by ``message`` when there is no further difference.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from desktop.ui.aligned_view import AlignedView
from desktop.ui.difference_blocks import Block
from desktop.ui.difference_navigator import DifferenceNavigator
from desktop.ui.differences_panel import DifferencesPanel
from desktop.ui.highlights import Difference
from desktop.ui.reading_view import ReadingView


class DifferenceJumps(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        navigator: DifferenceNavigator,
        differences: DifferencesPanel,
        aligned: AlignedView,
        reading: ReadingView,
        current_view: Callable[[], AlignedView | ReadingView],
        counter: QLabel,
        next_diff: QAction,
        prev_diff: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.differences = differences
        self.aligned = aligned
        self.current_view = current_view
        self.counter = counter
        next_diff.triggered.connect(lambda: navigator.step(1))
        prev_diff.triggered.connect(lambda: navigator.step(-1))
        differences.shown_changed.connect(navigator.set_differences)
        navigator.blocks_changed.connect(aligned.set_blocks)
        navigator.current_changed.connect(self._show_block_position)
        navigator.jump_requested.connect(self._jump_to_block)
        navigator.edge_reached.connect(self._no_more_differences)
        aligned.block_activated.connect(navigator.go_to)
        aligned.position_changed.connect(navigator.locate)
        reading.position_changed.connect(navigator.locate)
        differences.jump_requested.connect(self.jump_to)

    def jump_to(self, difference: Difference) -> None:
        self.current_view().show_sentence(difference.article, difference.sentence)

    def _jump_to_block(self, block: Block) -> None:
        """Next/Previous Difference or a click on the overview bar: show the block's first difference, and
        select it in the Differences panel too."""
        self.jump_to(block.first)
        self.differences.select(block.first)

    def _show_block_position(self, current: int, total: int) -> None:
        self.counter.setText(self.navigator.text())
        self.aligned.set_current_block(current)

    def _no_more_differences(self, delta: int) -> None:
        if self.navigator.blocks:
            self.message.emit("No more differences below" if delta > 0 else "No more differences above")
