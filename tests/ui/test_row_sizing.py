"""Rows of the Aligned view get their heights in chunks from the event loop, each chunk bounded by time, not by a
number of rows: a long comparison leaves the window answering between chunks. Articles are invented for these
tests: a few hundred numbered sentences, some long enough to wrap."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui import aligned_view


def _article(path, outlet: str, sentences: int) -> str:
    lines = [f"{outlet} on the harbour works\n"]
    for n in range(sentences):
        tail = " and the crews said the new rota left them with long shifts on the island line" * (n % 3)
        lines.append(f"Sentence {n} of the {outlet} report says the pier was closed on day {n}{tail}.")
    path.write_text(lines[0] + "\n" + " ".join(lines[1:]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def long_comparison(tmp_path, open_articles):
    files = [_article(tmp_path / "a.txt", "Wire", 300), _article(tmp_path / "b.txt", "Gazette", 280)]
    return open_articles(files)


def _heights(view):
    return [view.table.rowHeight(row) for row in range(view.model.rowCount())]


def test_each_chunk_sizes_what_its_time_allows_and_every_row_ends_sized(window, long_comparison, qtbot, monkeypatch):
    view = window.aligned
    # Rows of height 1 below would fit the viewport and take the scroll bar away, widening the columns (and so
    # changing every wrapped row's height) while the chunks run: the bar stays, so the widths do.
    view.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    qtbot.wait(200)  # the columns refit to the narrower viewport
    qtbot.waitUntil(lambda: not view._pending_rows)
    monkeypatch.setattr(aligned_view, "CHUNK_SECONDS", 60.0)  # all at once: the heights to expect
    view._size_rows_from(0)
    view._size_chunk()
    expected = _heights(view)
    assert not view._pending_rows and len(set(expected)) > 1  # wrapped rows are taller

    for row in range(view.model.rowCount()):
        view.table.setRowHeight(row, 1)
    monkeypatch.setattr(aligned_view, "CHUNK_SECONDS", 0.0)  # no time at all: one row a chunk
    view._size_rows_from(0)
    left = len(view._pending_rows)
    assert left == view.model.rowCount() - aligned_view.FIRST_CHUNK  # the rows on screen come first, by count
    view._size_chunk()
    assert len(view._pending_rows) == left - 1
    qtbot.waitUntil(lambda: not view._pending_rows, timeout=20000)  # the rest from the event loop
    assert _heights(view) == expected
