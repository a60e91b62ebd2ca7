"""The view keeps its place (issue 17, item 4): after a re-run, a failed open, and across Aligned ↔ Reading, the
selected sentence stays selected and the same sentence's row stays at the top (by sentence, not by pixel).

Articles are invented for these tests."""

from __future__ import annotations

import pytest

from desktop.ui.highlights import Place

SENTENCES = 60


@pytest.fixture
def long_files(tmp_path):
    """Two long reports of one (invented) council session, sentence by sentence in other words."""
    a = ["Harbourtown council meets on port budget\n"]
    b = ["Council of Harbourtown debates the port budget\n"]
    for n in range(1, SENTENCES + 1):
        a.append(f"On agenda item {n} the council of Harbourtown approved {n * 3} new berths for the eastern quay.")
        b.append(f"Under item {n}, Harbourtown's council backed {n * 3} additional berths on the eastern quay.")
    paths = []
    for name, lines in (("a.txt", a), ("b.txt", b)):
        path = tmp_path / name
        path.write_text(lines[0] + "\n" + " ".join(lines[1:]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _scrolled_to(window, qtbot, top: int, selected: int) -> Place:
    """Select sentence ``selected`` of A and scroll the Aligned view so A's sentence ``top`` heads it."""
    view = window.aligned
    view.show_sentence("A", selected)
    view.scroll_to_row(view.model.row_of("A", top))
    qtbot.wait(80)  # row sizing in chunks and the column fit run from the event loop
    place = view.place()
    assert place.top == ("A", top) and place.selected == ("A", selected)
    assert view.table.verticalScrollBar().value() > 0
    return place


def test_a_rerun_keeps_the_selected_sentence_and_the_row_at_the_top(window, open_articles, long_files, qtbot):
    open_articles(long_files)
    before = _scrolled_to(window, qtbot, 30, 34)
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.actions_.recompare.trigger()
    qtbot.wait(80)
    after = window.aligned.place()
    assert (after.top, after.selected) == (before.top, before.selected)


def test_a_threshold_change_keeps_the_place_by_sentence(window, open_articles, long_files, qtbot):
    open_articles(long_files)
    before = _scrolled_to(window, qtbot, 40, 41)
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.set_threshold(0.42)
    qtbot.wait(80)
    after = window.aligned.place()
    assert (after.top, after.selected) == (before.top, before.selected)


def test_switching_aligned_and_reading_keeps_selection_and_top_sentence(window, open_articles, long_files, qtbot):
    open_articles(long_files)
    _scrolled_to(window, qtbot, 25, 28)
    window.actions_.reading.trigger()
    qtbot.wait(80)
    reading = window.reading.place()
    assert reading.selected == ("A", 28)
    assert reading.top == ("A", 25)
    assert window.reading.column("A").list.verticalScrollBar().value() > 0
    window.actions_.aligned.trigger()
    qtbot.wait(80)
    aligned = window.aligned.place()
    assert (aligned.top, aligned.selected) == (("A", 25), ("A", 28))


def test_a_failed_open_leaves_the_view_where_it_was(window, open_articles, long_files, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(window, "show_error", lambda title, text: None)
    open_articles(long_files)
    before = _scrolled_to(window, qtbot, 33, 35)
    window.opening.choose_files = lambda title: [str(tmp_path / "gone-1.txt"), str(tmp_path / "gone-2.txt")]
    with qtbot.waitSignal(window.session.new_failed, timeout=30000):
        window.actions_.open.trigger()
    qtbot.wait(80)
    after = window.aligned.place()
    assert (after.top, after.selected) == (before.top, before.selected)


def test_adding_an_unreadable_article_reruns_without_losing_the_place(
    window, open_articles, long_files, tmp_path, qtbot, monkeypatch
):
    monkeypatch.setattr(window, "show_error", lambda title, text: None)
    open_articles(long_files)
    before = _scrolled_to(window, qtbot, 20, 22)
    window.opening.choose_files = lambda title: [str(tmp_path / "gone.txt")]
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.actions_.add_article.trigger()
    qtbot.wait(80)
    after = window.aligned.place()
    assert (after.top, after.selected) == (before.top, before.selected)


def test_a_new_comparison_starts_at_the_top(window, open_articles, long_files, article_files, qtbot):
    open_articles(long_files)
    _scrolled_to(window, qtbot, 30, 31)
    window.opening.choose_files = lambda title: article_files[:2]
    with qtbot.waitSignal(window.session.new_started, timeout=30000):
        window.actions_.open.trigger()
    qtbot.wait(80)
    assert window.aligned.table.verticalScrollBar().value() == 0
    assert window.aligned.place().selected is None
