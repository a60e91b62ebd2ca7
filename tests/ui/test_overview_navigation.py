"""The overview bar and navigation by difference (issue 17, item 2): a mark for every difference block beside the
scroll bar, clickable; Next/Previous Difference move by block (a run of unique rows is one) and the toolbar says
"3 of 12". Articles are invented for these tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from desktop.ui.highlights import DiffKind

WIRE = (
    "Harbourtown ferry crews walk out over rota changes\n\n"
    "Ferry crews in Harbourtown stopped work on Friday morning after managers changed the winter rota. "
    "The island service was cancelled for the whole day. Crews said the new rota left them with eleven-hour "
    "shifts. Several said they had not been consulted at all. A spokesman for the crews called the plan unsafe "
    "for passengers. The operator said it would meet the union on Monday. Passengers were offered refunds at the "
    "harbour office. The mayor urged both sides to settle quickly.\n"
)
BRIEF = (
    "Ferry strike in Harbourtown\n\n"
    "Ferry crews in Harbourtown stopped work on Friday morning after managers changed the winter rota. "
    "The island service was cancelled for the whole day. The operator said it would meet the union on Monday. "
    "Passengers were offered full refunds at the harbour ticket office. The mayor urged both sides to settle "
    "quickly.\n"
)
# A's sentences 3-5 (crews' complaints) are a run only the wire has: one difference, not three.
RUN = [("A", 3), ("A", 4), ("A", 5)]


@pytest.fixture
def ferry(tmp_path, open_articles):
    paths = []
    for name, text in (("wire.txt", WIRE), ("brief.txt", BRIEF)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return open_articles(paths)


def _block_with(window, anchor):
    return next(n for n, b in enumerate(window.navigator.blocks) if anchor in b.anchors)


def test_a_run_of_unique_sentences_is_one_step_of_next_difference(window, ferry, qtbot):
    run = _block_with(window, RUN[0])
    assert window.navigator.blocks[run].anchors == tuple(RUN)
    total = len(window.navigator.blocks)
    window.navigator.go_to(run - 1)
    window.actions_.next_diff.trigger()
    assert window.aligned.current_position() == RUN[0]
    assert window.nav_counter.text() == f"{run + 1} of {total}"
    window.actions_.next_diff.trigger()  # over the rest of the run, to the next difference
    assert window.aligned.current_position() not in RUN
    assert window.nav_counter.text() == f"{run + 2} of {total}"
    window.actions_.prev_diff.trigger()
    assert window.aligned.current_position() == RUN[0]


def test_the_counter_follows_the_selected_sentence_and_says_when_it_is_between_differences(window, ferry):
    total = len(window.navigator.blocks)
    window.aligned.show_sentence(*RUN[1])  # inside the run
    assert window.nav_counter.text() == f"{_block_with(window, RUN[0]) + 1} of {total}"
    window.aligned.show_sentence("A", 1)  # identical in both articles
    assert window.nav_counter.text() == f"{total} differences"


def test_next_difference_works_in_the_reading_view_too(window, ferry):
    window.set_view("reading")
    window.reading.show_sentence("A", 1)
    window.actions_.next_diff.trigger()
    assert window.reading.current_position() == RUN[0]


def test_the_overview_bar_marks_every_block_in_row_order(window, ferry, qtbot):
    bar = window.aligned.overview
    qtbot.waitUntil(lambda: len(bar.marks) == len(window.navigator.blocks))
    tops = [m.top for m in bar.marks]
    assert tops == sorted(tops)
    run = next(m for m in bar.marks if m.index == _block_with(window, RUN[0]))
    assert run.kinds == (DiffKind.UNIQUE,)
    assert run.bottom - run.top > bar.marks[0].bottom - bar.marks[0].top  # three rows tall, not one
    assert "unique · 3 rows" in run.tip


def test_hovering_a_mark_shows_its_tip(window, ferry, qtbot, monkeypatch):
    """A tooltip event (QHelpEvent has pos(), not the mouse events' position()) finds the mark under the pointer."""
    bar = window.aligned.overview
    qtbot.waitUntil(lambda: len(bar.marks) == len(window.navigator.blocks))
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *args: shown.append(text))
    mark = bar.marks[0]
    point = bar.mark_rect(mark).center().toPoint()
    assert bar.event(QHelpEvent(QEvent.Type.ToolTip, point, bar.mapToGlobal(point)))
    assert shown == [mark.tip]


def test_clicking_a_mark_goes_to_its_difference(window, ferry, qtbot):
    bar = window.aligned.overview
    qtbot.waitUntil(lambda: len(bar.marks) == len(window.navigator.blocks))
    index = _block_with(window, RUN[0])
    mark = next(m for m in bar.marks if m.index == index)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.mark_rect(mark).center().toPoint())
    assert window.aligned.current_position() == RUN[0]
    assert bar.current == index
    assert window.differences.list.currentIndex().data(Qt.ItemDataRole.UserRole + 2).sentence == RUN[0][1]


def test_clicking_between_marks_scrolls_there(window, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    window.resize(1000, 420)  # short enough to scroll
    table = window.aligned.table
    bar = window.aligned.overview
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    table.verticalScrollBar().setValue(0)
    free = next(y for y in range(bar.height() - 3, 0, -1) if bar.mark_at(y) is None)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(8, free))
    assert table.verticalScrollBar().value() > 0
    assert bar.span[0] > 0


def test_hiding_a_kind_in_the_filters_takes_it_out_of_navigation_and_the_overview(window, ferry, qtbot):
    before = len(window.navigator.blocks)
    window.differences.chips[DiffKind.UNIQUE].setChecked(False)
    assert all(DiffKind.UNIQUE not in b.kinds for b in window.navigator.blocks)
    assert len(window.navigator.blocks) < before
    qtbot.waitUntil(lambda: len(window.aligned.overview.marks) == len(window.navigator.blocks))
    window.aligned.show_sentence("A", 1)
    window.actions_.next_diff.trigger()
    assert window.aligned.current_position() not in RUN


def test_past_the_last_difference_next_stays_and_says_so(window, ferry):
    window.navigator.go_to(len(window.navigator.blocks) - 1)
    where = window.aligned.current_position()
    window.actions_.next_diff.trigger()
    assert window.aligned.current_position() == where
    assert window.status.text() == "No more differences below"


def test_marks_of_a_table_shorter_than_the_view_sit_level_with_their_rows(window, ferry, qtbot):
    view = window.aligned
    bar = view.overview
    table = view.table
    qtbot.waitUntil(lambda: len(bar.marks) == len(window.navigator.blocks))
    assert table.verticalHeader().length() < table.viewport().height()  # nine rows on a tall window
    row = view.model.row_of(*RUN[0])

    def level() -> bool:
        mark = next(m for m in bar.marks if m.index == _block_with(window, RUN[0]))
        bar_y = (bar.mark_rect(mark).top() - bar._track().top()) / bar._track().height()
        return abs(bar_y - table.rowViewportPosition(row) / table.viewport().height()) < 0.03

    qtbot.waitUntil(level, timeout=2000)  # marks follow the settled row heights


def test_the_marks_are_drawn_once_and_scrolling_only_moves_the_frame(window, ferry, qtbot, monkeypatch):
    """Scrolling repaints the bar at every step: the marks come from a picture drawn when they, the bar's size or
    its palette change, and look the same as drawn afresh."""
    from desktop.ui import overview_bar

    bar = window.aligned.overview
    qtbot.waitUntil(lambda: len(bar.marks) == len(window.navigator.blocks) > 1)
    drawn = []
    real = overview_bar.paint_mark
    monkeypatch.setattr(overview_bar, "paint_mark", lambda *args: drawn.append(args[2]) or real(*args))
    marks = len(bar.marks)
    bar.set_marks(list(bar.marks))
    bar.set_span(0.0, 0.4)
    first = bar.grab().toImage()
    assert len(drawn) == marks
    bar.set_span(0.5, 0.9)
    scrolled = bar.grab().toImage()
    bar.set_span(0.2, 0.6)
    bar.grab()
    assert len(drawn) == marks  # the frame moved twice, no mark was drawn again
    assert scrolled != first
    bar.set_marks(list(bar.marks))  # the same marks handed over again: drawn afresh, looking the same
    bar.set_span(0.5, 0.9)
    assert bar.grab().toImage() == scrolled
    assert len(drawn) == 2 * marks
    bar.resize(bar.width(), bar.height() + 40)
    bar.grab()
    assert len(drawn) == 3 * marks
