"""Where the reader is among the differences: the blocks of the comparison on screen, the one the selected
sentence is in, and the block Next/Previous Difference goes to. Owns no widget; views and the toolbar follow its
signals, and it follows the views' ``position_changed`` (a sentence, in either view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from desktop.core.model import Comparison
from desktop.core.presentation.collation import Row
from desktop.ui.difference_blocks import Block, block_at, counter_text, difference_blocks, furniture_rows, step
from desktop.ui.highlights import Difference


class DifferenceNavigator(QObject):
    blocks_changed = Signal(list)  # list[Block], in row order
    current_changed = Signal(int, int)  # index of the block the reader is in (-1: none), number of blocks
    jump_requested = Signal(object)  # Block: show its first difference
    edge_reached = Signal(int)  # Next (1) or Previous (-1) found no further block

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocks: list[Block] = []
        self.current = -1
        self._row_of: dict[tuple[str, int], int] = {}
        self._quiet: set[int] = set()
        self._position: int | None = None  # aligned row of the reader's sentence
        self._comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison | None, rows: Sequence[Row]) -> None:
        """A new result: rows are the collated order the differences' ``row`` numbers refer to."""
        self._comparison = comparison
        self._row_of = {(aid, i): n for n, row in enumerate(rows) for aid, idx in row.cells.items() for i in idx}
        self._quiet = furniture_rows(comparison, rows) if comparison is not None else set()
        self._position = None

    def set_differences(self, items: Sequence[Difference]) -> None:
        """The differences shown (the panel's filters decide which kinds count)."""
        self.blocks = difference_blocks(items, self._quiet)
        self.blocks_changed.emit(list(self.blocks))
        self._set_current(block_at(self.blocks, self._position) if self._position is not None else -1)

    def locate(self, article: str, sentence: int) -> None:
        """The reader selected a sentence (in either view)."""
        row = self._row_of.get((article, sentence))
        if row is None:
            return
        self._position = row
        self._set_current(block_at(self.blocks, row))

    def step(self, delta: int) -> Block | None:
        """Go to the next (``1``) or previous (``-1``) block from the reader's place."""
        target = step(self.blocks, self._position, delta)
        if target < 0:
            self.edge_reached.emit(delta)
            return None
        return self.go_to(target)

    def go_to(self, index: int) -> Block | None:
        if not 0 <= index < len(self.blocks):
            return None
        block = self.blocks[index]
        self._position = block.start
        self._set_current(index)
        self.jump_requested.emit(block)
        return block

    def text(self) -> str:
        return counter_text(self.current, len(self.blocks)) if self._comparison is not None else ""

    def _set_current(self, index: int) -> None:
        self.current = index
        self.current_changed.emit(index, len(self.blocks))
