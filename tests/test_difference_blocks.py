"""Difference blocks (issue 17, item 2): what Next/Previous Difference and the overview bar count as one difference.
Literal differences, no Qt."""

from __future__ import annotations

from desktop.ui.difference_blocks import block_at, counter_text, difference_blocks, step
from desktop.ui.highlights import Difference, DiffKind

U, R, C, F, X = DiffKind.UNIQUE, DiffKind.REWORDED, DiffKind.COMMENTARY, DiffKind.FACT, DiffKind.CONFLICT


def diff(kind: DiffKind, row: int, article: str = "A", sentence: int | None = None) -> Difference:
    return Difference(kind, article, row if sentence is None else sentence, str(kind), "text", row=row)


def spans(blocks):
    return [(b.start, b.end) for b in blocks]


def test_a_run_of_unique_rows_is_one_difference_and_each_rewording_its_own():
    items = [diff(U, 2), diff(U, 3, "B"), diff(U, 4), diff(R, 6), diff(R, 7), diff(U, 9)]
    assert spans(difference_blocks(items)) == [(2, 4), (6, 6), (7, 7), (9, 9)]


def test_a_row_without_differences_ends_a_run_but_page_furniture_does_not():
    items = [diff(U, 1), diff(U, 3), diff(U, 5)]
    assert spans(difference_blocks(items)) == [(1, 1), (3, 3), (5, 5)]
    assert spans(difference_blocks(items, quiet_rows={2})) == [(1, 3), (5, 5)]


def test_a_block_names_its_most_telling_kind_first_and_lands_on_its_first_row():
    items = [diff(U, 4), diff(C, 4), diff(F, 5), diff(U, 5, "B"), diff(X, 8), diff(R, 8)]
    first, second = difference_blocks(items)
    assert (first.start, first.end) == (4, 5)
    assert first.kinds == (F, C, U)
    assert first.first.row == 4
    assert first.describe() == "omitted fact, commentary, unique · 2 rows"
    assert second.kinds == (X, R) and second.describe() == "disagreement, reworded"


def test_a_unique_row_after_a_reworded_row_starts_a_new_block():
    items = [diff(R, 1), diff(U, 2), diff(U, 3)]
    assert spans(difference_blocks(items)) == [(1, 1), (2, 3)]


def test_next_and_previous_go_from_the_readers_row_to_the_neighbouring_block():
    blocks = difference_blocks([diff(U, 2), diff(U, 3), diff(R, 6), diff(C, 9)])
    assert spans(blocks) == [(2, 3), (6, 6), (9, 9)]
    assert step(blocks, None, 1) == 0 and step(blocks, None, -1) == 2
    assert step(blocks, 3, 1) == 1  # from the inside of a block to the next, not to its own next row
    assert step(blocks, 3, -1) == -1  # nothing above the first block
    assert step(blocks, 4, 1) == 1 and step(blocks, 4, -1) == 0  # between blocks
    assert step(blocks, 0, 1) == 0
    assert step(blocks, 9, 1) == -1 and step(blocks, 12, -1) == 2
    assert block_at(blocks, 3) == 0 and block_at(blocks, 5) == -1 and block_at(blocks, 9) == 2
    assert step([], None, 1) == -1


def test_the_counter_reads_n_of_total():
    assert counter_text(2, 12) == "3 of 12"
    assert counter_text(-1, 12) == "12 differences"
    assert counter_text(-1, 1) == "1 difference"
    assert counter_text(-1, 0) == "no differences"
