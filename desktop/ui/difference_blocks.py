"""Differences gathered into the blocks that Next/Previous Difference and the overview bar step through (no Qt).

A diff tool moves from change to change, not from line to line: a run of rows that only one article has (a
paragraph the other outlets left out, or one outlet's stretch against another's) is one difference however many
sentences it holds; every other row with a difference (a rewording, a fact missing elsewhere, commentary, a
disagreement) is one of its own. Rows that are page furniture alone (a byline, a photo credit) do not break a
run, so hiding boilerplate does not split a block in two.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from desktop.core.model import Comparison, Role
from desktop.core.presentation.collation import Row
from desktop.ui.highlights import Difference, DiffKind

# Most telling first: a block is drawn (and named) after the first of these it holds.
RANK = (DiffKind.CONFLICT, DiffKind.FACT, DiffKind.COMMENTARY, DiffKind.REWORDED, DiffKind.UNIQUE)

NAMES = {
    DiffKind.CONFLICT: "disagreement",
    DiffKind.FACT: "omitted fact",
    DiffKind.COMMENTARY: "commentary",
    DiffKind.REWORDED: "reworded",
    DiffKind.UNIQUE: "unique",
}


@dataclass(frozen=True, slots=True)
class Block:
    """One difference as navigation counts it: aligned rows ``start``..``end`` (inclusive, in collated order)."""

    start: int
    end: int
    kinds: tuple[DiffKind, ...]  # in ``RANK`` order
    items: tuple[Difference, ...]  # in row order; navigation lands on the first

    @property
    def kind(self) -> DiffKind:
        return self.kinds[0]

    @property
    def first(self) -> Difference:
        return self.items[0]

    @property
    def anchors(self) -> tuple[tuple[str, int], ...]:
        """Sentences that place the block in a view (article id, sentence index), one per item."""
        return tuple(dict.fromkeys((item.article, item.sentence) for item in self.items))

    def describe(self) -> str:
        """ "unique, commentary · 3 rows" for a tooltip."""
        kinds = ", ".join(NAMES[k] for k in self.kinds)
        rows = self.end - self.start + 1
        return kinds if rows == 1 else f"{kinds} · {rows} rows"


def furniture_rows(comparison: Comparison, rows: Sequence[Row]) -> set[int]:
    """Rows whose every sentence is boilerplate: they neither make a difference nor end a run of unique rows."""
    found = set()
    for number, row in enumerate(rows):
        sentences = [comparison.article(aid).sentences[i] for aid, indices in row.cells.items() for i in indices]
        if sentences and all(s.role == Role.BOILERPLATE for s in sentences):
            found.add(number)
    return found


def difference_blocks(items: Sequence[Difference], quiet_rows: Collection[int] = ()) -> list[Block]:
    """Blocks in row order. A row holding a unique sentence joins the run of unique rows right above it (rows in
    ``quiet_rows`` between them do not count); any other row with differences is a block by itself."""
    by_row: dict[int, list[Difference]] = {}
    for item in items:
        by_row.setdefault(item.row, []).append(item)
    blocks: list[Block] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            blocks.append(_block(run[0], run[-1], [i for r in run for i in by_row[r]]))
            run.clear()

    for row in sorted(by_row):
        unique = any(item.kind == DiffKind.UNIQUE for item in by_row[row])
        if unique and run and all(between in quiet_rows for between in range(run[-1] + 1, row)):
            run.append(row)
            continue
        close_run()
        if unique:
            run.append(row)
        else:
            blocks.append(_block(row, row, by_row[row]))
    close_run()
    return blocks


def _block(start: int, end: int, items: list[Difference]) -> Block:
    present = {item.kind for item in items}
    return Block(start, end, tuple(k for k in RANK if k in present), tuple(items))


def block_at(blocks: Sequence[Block], row: int) -> int:
    """Index of the block holding aligned row ``row``, -1 if it is in none."""
    n = bisect_right([b.start for b in blocks], row) - 1
    return n if n >= 0 and blocks[n].end >= row else -1


def step(blocks: Sequence[Block], row: int | None, delta: int) -> int:
    """The block Next (``delta`` 1) or Previous (-1) goes to from aligned row ``row`` (None: no place yet, so
    Next starts at the first block and Previous at the last); -1 when there is none in that direction."""
    if not blocks:
        return -1
    if row is None:
        return 0 if delta > 0 else len(blocks) - 1
    here = block_at(blocks, row)
    if here >= 0:
        target = here + (1 if delta > 0 else -1)
        return target if 0 <= target < len(blocks) else -1
    if delta > 0:
        return next((n for n, b in enumerate(blocks) if b.start > row), -1)
    return next((n for n in range(len(blocks) - 1, -1, -1) if blocks[n].end < row), -1)


def counter_text(current: int, total: int) -> str:
    """The toolbar's position among the differences: "3 of 12", "12 differences" when between them."""
    if total == 0:
        return "no differences"
    if current < 0:
        return f"{total} difference{'s' if total != 1 else ''}"
    return f"{current + 1} of {total}"
