"""Correcting a match in the app (issue 17, item 6): link two sentences, unlink, mark as reporting, undo and redo;
every correction is compared on the worker, kept through re-runs, column moves and the library, and exported.

Articles are invented for these tests: the last sentences report the same resignation in words no matcher pairs,
and B's second sentence is the outlet's own verdict."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.model import CorrectionKind, UserLink
from desktop.ui.models import CELL_ROLE

A_TEXT = (
    "Council approves harbour budget\n\n"
    "The council approved the harbour budget on Monday. The vote was 31 to 12. "
    "The mayor will step down in spring.\n"
)
B_TEXT = (
    "Harbour budget passes\n\n"
    "On Monday the council approved the harbour budget. This is a shameful betrayal of every taxpayer. "
    "Come April, the town hall gets a new head.\n"
)
MAYOR = ("A", 3)  # the sentence indices count the headline
HEAD = ("B", 3)
LINK = UserLink(CorrectionKind.LINK, (MAYOR, HEAD))


@pytest.fixture
def council(tmp_path):
    paths = []
    for name, text in (("a.txt", A_TEXT), ("b.txt", B_TEXT)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def group(window, sentence):
    return window.comparison.article(sentence[0]).sentences[sentence[1]].group


def rerun(window, qtbot, action):
    """Trigger ``action`` and wait for the comparison it starts to be shown."""
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        action()
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)


def link_by_keyboard(window, qtbot):
    """Select A 4, Link With… (Ctrl+K), select B 4, Ctrl+K again."""
    window.aligned.show_sentence(*MAYOR)
    window.corrections.link.trigger()
    assert window.corrections.picked == [MAYOR]
    window.aligned.show_sentence(*HEAD)
    assert window.corrections.link.text() == "&Link Picked Sentences"
    rerun(window, qtbot, window.corrections.link.trigger)


def test_linking_two_sentences_joins_them_in_one_group_and_undo_takes_it_back(window, open_articles, council, qtbot):
    open_articles(council)
    assert group(window, MAYOR) is None and group(window, HEAD) is None
    link_by_keyboard(window, qtbot)
    assert group(window, MAYOR) is not None and group(window, MAYOR) == group(window, HEAD)
    assert window.comparison.user_links == (LINK,)
    assert window.comparison.group(group(window, MAYOR)).evidence.signals == ("linked by you",)
    assert window.aligned.current_position() == HEAD  # the view keeps its place
    assert window.corrections.picked == []
    assert window.corrections.undo.text() == "&Undo Link A 4 ↔ B 4"
    assert "Linked A 4 ↔ B 4" in window.status.text()

    rerun(window, qtbot, window.corrections.undo.trigger)
    assert group(window, MAYOR) is None and window.comparison.user_links == ()
    assert window.corrections.redo.isEnabled() and not window.corrections.undo.isEnabled()
    rerun(window, qtbot, window.corrections.redo.trigger)
    assert group(window, MAYOR) == group(window, HEAD) is not None
    assert window.comparison.user_links == (LINK,)


def test_ctrl_click_picks_a_sentence_in_each_column_and_the_link_command_joins_them(
    window, open_articles, council, qtbot
):
    open_articles(council)
    table = window.aligned.table
    model = window.aligned.model

    def ctrl_click(sentence):
        index = model.index(model.row_of(*sentence), model.article_ids.index(sentence[0]))
        table.scrollTo(index)
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            table.visualRect(index).center(),
        )

    window.aligned.show_sentence("A", 1)
    ctrl_click(MAYOR)  # the first Ctrl+click adds to the selected sentence, as in a list
    assert window.corrections.picked == [("A", 1), MAYOR]
    ctrl_click(("A", 1))  # and a second one on a picked sentence drops it
    ctrl_click(HEAD)
    assert window.corrections.picked == [MAYOR, HEAD]
    assert window.aligned.current_position() == HEAD
    marks = window.corrections._marks[0]
    assert marks.isVisible() and len(window.corrections._aligned_rects()) == 2
    rerun(window, qtbot, window.corrections.link.trigger)
    assert group(window, MAYOR) == group(window, HEAD) is not None


def test_escape_forgets_the_picks(window, open_articles, council, qtbot):
    open_articles(council)
    window.aligned.show_sentence(*MAYOR)
    window.corrections.link.trigger()
    window.aligned.table.setFocus()
    qtbot.keyClick(window.aligned.table, Qt.Key.Key_Escape)
    assert window.corrections.picked == []
    assert window.corrections.link.text() == "&Link With…"


def test_a_settings_rerun_and_a_moved_column_keep_the_link(window, open_articles, council, qtbot):
    open_articles(council)
    link_by_keyboard(window, qtbot)
    rerun(window, qtbot, lambda: window.set_threshold(0.42))
    assert window.comparison.settings.threshold == pytest.approx(0.42)
    assert group(window, MAYOR) == group(window, HEAD) is not None
    assert window.comparison.user_links == (LINK,)
    # B moves in front of A: the letters swap, the correction follows the articles, not the letters.
    rerun(window, qtbot, lambda: window.session.move(1, -1))
    assert window.comparison.article("A").article.path.endswith("b.txt")
    assert group(window, ("A", 3)) == group(window, ("B", 3)) is not None
    assert window.comparison.user_links == (UserLink(CorrectionKind.LINK, (("B", 3), ("A", 3))),)
    assert window.corrections.undo.isEnabled()  # the history survives the move


def test_unlink_group_and_not_commentary(window, open_articles, council, qtbot):
    open_articles(council)
    budget = group(window, ("A", 1))
    assert budget is not None and budget == group(window, ("B", 1))
    window.aligned.show_sentence("A", 1)
    assert window.corrections.unlink_group.isEnabled()
    rerun(window, qtbot, window.corrections.unlink_group.trigger)
    assert group(window, ("A", 1)) is None and group(window, ("B", 1)) is None
    assert window.comparison.user_links == (UserLink(CorrectionKind.UNLINK, (("A", 1), ("B", 1))),)

    verdict = ("B", 2)
    assert window.comparison.article("B").sentences[2].commentary
    window.aligned.show_sentence(*verdict)
    assert window.corrections.not_commentary.isEnabled()
    rerun(window, qtbot, window.corrections.not_commentary.trigger)
    assert not window.comparison.article("B").sentences[2].commentary
    assert not window.corrections.not_commentary.isEnabled()
    assert window.comparison.user_links[-1] == UserLink(CorrectionKind.NOT_COMMENTARY, (verdict,))
    rerun(window, qtbot, window.corrections.undo.trigger)
    assert window.comparison.article("B").sentences[2].commentary
    assert len(window.comparison.user_links) == 1


def test_a_cancelled_correction_is_taken_back_with_its_undo_step(window, open_articles, council, qtbot, monkeypatch):
    from desktop.core import pipeline

    open_articles(council)

    def waits_for_cancel(*args, cancelled=None, **kwargs):
        while not cancelled():
            time.sleep(0.005)
        raise pipeline.ComparisonCancelled()

    monkeypatch.setattr(pipeline, "compare", waits_for_cancel)
    window.aligned.show_sentence(*MAYOR)
    window.corrections.link.trigger()
    window.aligned.show_sentence(*HEAD)
    window.corrections.link.trigger()
    assert window.session.corrections and window.corrections.undo.isEnabled()
    with qtbot.waitSignal(window.session.run_cancelled, timeout=30000):
        window.session.cancel()
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    assert window.session.corrections == ()
    assert not window.corrections.undo.isEnabled()
    assert group(window, MAYOR) is None


def test_a_comparison_reopened_from_the_library_keeps_its_corrections_through_a_rerun(
    window, own_library, open_articles, council, qtbot
):
    open_articles(council)
    link_by_keyboard(window, qtbot)
    window.library.wait(30000)
    cid = window.library.current_id
    assert own_library.load(cid).user_links == (LINK,)
    window.new_comparison()
    assert window.session.corrections == () and not window.corrections.undo.isEnabled()
    with qtbot.waitSignal(window.library.opened, timeout=30000):
        assert window.library.open_saved(cid)
    assert window.comparison.user_links == (LINK,)
    rerun(window, qtbot, window.actions_.recompare.trigger)
    assert group(window, MAYOR) == group(window, HEAD) is not None
    assert window.comparison.user_links == (LINK,)


def test_the_html_export_lists_the_corrections(window, open_articles, council, qtbot, tmp_path, monkeypatch):
    open_articles(council)
    link_by_keyboard(window, qtbot)
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions_.export_html.trigger()
    page = target.read_text(encoding="utf-8")
    assert "Your corrections" in page
    assert '<a href="#s-A-3">A 4</a> ↔ <a href="#s-B-3">B 4</a>' in page


def test_the_context_menu_offers_the_corrections_for_the_sentence_under_the_pointer(
    window, open_articles, council, qtbot, monkeypatch
):
    open_articles(council)
    offered = []
    monkeypatch.setattr(
        window.note_commands,
        "exec_menu",
        lambda menu, _pos: offered.extend(a.text() for a in menu.actions() if a.isEnabled()),
    )
    table = window.aligned.table
    model = window.aligned.model
    index = model.index(model.row_of("B", 2), model.article_ids.index("B"))
    table.scrollTo(index)
    point = table.viewport().mapToGlobal(table.visualRect(index).center())
    from PySide6.QtGui import QContextMenuEvent

    window.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(), point))
    assert "&Link With…" in offered and "Not Commen&tary" in offered
    assert "&Unlink Sentence" not in offered  # the verdict is in no group


def test_a_session_restored_after_a_crash_keeps_its_corrections(window, open_articles, council, qtbot, store, tmp_path):
    from desktop.ui.app import create_window
    from desktop.ui.recovery import Recovery, Snapshot

    open_articles(council)
    link_by_keyboard(window, qtbot)
    snapshot = Snapshot.from_json(window.guard.snapshot().to_json())
    assert snapshot.corrections == (UserLink(CorrectionKind.LINK, ((council[0], 3), (council[1], 3))),)
    folder = tmp_path / "crashed"
    left = Recovery(folder)
    left.write(snapshot)
    left.abandon()  # as a killed process leaves it
    restored = create_window([], store, recovery=Recovery(folder))
    qtbot.addWidget(restored)
    restored.show()
    qtbot.waitUntil(lambda: restored.info_bar.topic == "recovery", timeout=5000)
    with qtbot.waitSignal(restored.session.comparison_changed, timeout=30000):
        restored.info_bar.button("Restore").click()
    assert restored.comparison.user_links == (LINK,)
    assert group(restored, MAYOR) == group(restored, HEAD) is not None
    restored.session.runs.wait(10000)
    restored.library.wait(10000)
    restored.close()


def test_a_corrected_sentence_carries_the_pencil_and_its_tooltip_says_how(window, open_articles, council, qtbot):
    from desktop.ui.delegates import CORRECTED_PREFIX, build_document
    from desktop.ui.theme import theme_for

    open_articles(council)
    link_by_keyboard(window, qtbot)
    model = window.aligned.model
    index = model.index(model.row_of(*HEAD), model.article_ids.index("B"))
    cell = index.data(CELL_ROLE)
    assert cell.corrected == ("linked by you",)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "✎ Linked by you" in tip and tip.count("Linked by you") == 1
    doc, prefix = build_document(cell, window.font(), theme_for(window.palette()), 300)
    assert doc.toPlainText()[:prefix].endswith(CORRECTED_PREFIX)
    untouched = model.index(model.row_of("A", 1), 0).data(CELL_ROLE)
    assert untouched.corrected == ()


def test_the_reading_view_links_by_keyboard_and_ctrl_click_too(window, open_articles, council, qtbot):
    open_articles(council)
    window.actions_.reading.trigger()
    reading = window.reading
    reading.show_sentence(*MAYOR)
    window.corrections.link.trigger()
    column = reading.column("B")
    index = column.model.index(column.model.row_of(HEAD[1]), 0)
    column.list.scrollTo(index)
    qtbot.mouseClick(
        column.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        column.list.visualRect(index).center(),
    )
    assert window.corrections.picked == [MAYOR, HEAD]
    assert reading.current_position() == HEAD
    assert window.corrections._reading_rects(column) == [column.list.visualRect(index)]
    rerun(window, qtbot, window.corrections.link.trigger)
    assert group(window, MAYOR) == group(window, HEAD) is not None
    assert window.reading.current_position() == HEAD


def test_legend_explains_the_corrected_mark(qtbot):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.legend import Legend, Swatch

    legend = Legend()
    qtbot.addWidget(legend)
    assert "changed by your corrections (Edit menu)" in [label.text() for label in legend.findChildren(QLabel)]
    assert "corrected" in [swatch.kind for swatch in legend.findChildren(Swatch)]
