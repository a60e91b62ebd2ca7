"""Loaded labels in the window (issue 14), File ▸ Open as a new comparison and the start page (issue 17).

Articles are invented for these tests."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import QLabel

from desktop.core.model import Article, Settings
from desktop.core.pipeline import compare
from desktop.core.presentation import label_tip as export_label_tip
from desktop.ui.delegates import build_document, label_lines, mark_at, paint_label_waves
from desktop.ui.highlights import MarkKind, label_tip, sentence_marks
from desktop.ui.legend import Legend
from desktop.ui.models import AlignedModel, ReadingModel
from desktop.ui.theme import theme_for

JUNTA_A = "Kurz notiert. Die Militärregierung kündigte am Montag Wahlen für 2027 an."
JUNTA_B = "Kurz notiert. Die Junta kündigte am Montag Wahlen für 2027 an."


@pytest.fixture(scope="module")
def junta():
    a = Article("A", "a.txt", JUNTA_A, language="de")
    b = Article("B", "b.txt", JUNTA_B, language="de")
    return compare([a, b], Settings(threshold=0.5))


def _junta_cell(model: AlignedModel):
    for row in range(model.rowCount()):
        cell = model.cell(row, 1)
        if "Junta" in cell.text:
            return row, cell
    raise AssertionError("no row holds B's Junta sentence")


def test_a_loaded_label_is_a_mark_of_its_own_with_the_neutral_word(junta):
    sentence = next(s for s in junta.article("B").sentences if "Junta" in s.text)
    labels = [m for m in sentence_marks(junta)[("B", sentence.index)] if m.kind == MarkKind.LABEL]
    assert [(sentence.text[m.start : m.end], m.tip) for m in labels] == [
        ("Junta", "loaded label — neutral: Militärregierung")
    ]
    # The app and the export say the same thing about a label.
    assert label_tip("Präsident") == export_label_tip("Präsident") == "loaded label — neutral: Präsident"
    assert label_tip("") == export_label_tip("") == "loaded label"


def test_aligned_cell_keeps_its_kind_and_says_label_in_tooltip_and_for_screen_readers(qtbot, junta):
    model = AlignedModel()
    model.set_comparison(junta)
    row, cell = _junta_cell(model)
    assert not cell.commentary
    index = model.index(row, 1)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "“Junta”: loaded label — neutral: Militärregierung" in tip
    assert "not commentary" in tip and "Commentary cues" not in tip
    assert "loaded label Junta" in model.data(index, Qt.ItemDataRole.AccessibleTextRole)


def test_reading_cell_carries_the_label_mark(qtbot, junta):
    model = ReadingModel()
    model.set_article(junta, "B")
    cells = [model.cell(r) for r in range(model.rowCount())]
    marked = [(c.text[m.start : m.end], m.tip) for c in cells for m in c.marks if m.kind == MarkKind.LABEL]
    assert marked == [("Junta", "loaded label — neutral: Militärregierung")]


def test_label_is_drawn_with_a_wavy_underline_unlike_facts_and_added_words(qtbot, junta):
    model = AlignedModel()
    model.set_comparison(junta)
    _row, cell = _junta_cell(model)
    theme = theme_for(QPalette())
    doc, prefix = build_document(cell, QFont(), theme, 400)
    label = next(m for m in cell.marks if m.kind == MarkKind.LABEL)
    cursor = QTextCursor(doc)
    cursor.setPosition(prefix + label.start + 1)
    assert cursor.charFormat().toolTip() == "loaded label — neutral: Militärregierung"
    # One wave under the label's words, from its first letter to its last (not under the next word).
    [(x_from, x_to, y)] = label_lines(cell, doc, prefix)
    line = doc.firstBlock().layout().lineForTextPosition(prefix + label.start)
    assert x_from == pytest.approx(line.cursorToX(prefix + label.start)[0])
    assert x_to == pytest.approx(line.cursorToX(prefix + label.end)[0])
    assert line.y() + line.ascent() < y < line.y() + line.height()
    # It is painted: the pixels under the word differ from a cell without the label.
    plain = dataclasses.replace(cell, marks=tuple(m for m in cell.marks if m.kind != MarkKind.LABEL))
    assert label_lines(plain, doc, prefix) == []
    assert _painted(cell, theme) != _painted(plain, theme)
    # Hovering the label's words shows its own tooltip; elsewhere there is none of its own.
    assert mark_at(cell, label.start) == label
    assert mark_at(cell, cell.text.index("kündigte")) is None


def _painted(cell, theme) -> bytes:
    doc, prefix = build_document(cell, QFont(), theme, 400)
    image = QImage(420, 120, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    doc.drawContents(painter)
    paint_label_waves(painter, cell, doc, prefix, theme.label_line)
    painter.end()
    return bytes(image.constBits())


def test_legend_has_an_entry_for_loaded_labels(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    texts = [label.text() for label in legend.findChildren(QLabel)]
    assert "loaded label (neutral word on hover)" in texts


# -- File ▸ Open starts a new comparison (issue 17, item 1) --------------------------------------------------------


def _saved(path):
    from desktop.library import open_library

    store = open_library(path)
    try:
        return {info.id: [r.article.path for r in store.load(info.id).articles] for info in store.list()}
    finally:
        store.db.close()


def _settle(window, qtbot):
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    for _ in range(3):  # the save lands, then the lists it asks for are read
        window.library.wait(30000)
        qtbot.wait(20)


def test_open_starts_a_new_comparison_and_autosave_keeps_the_old_entry(
    window, open_articles, article_files, private_library, qtbot
):
    open_articles(article_files[:2])
    _settle(window, qtbot)
    first = window.library.current_id
    window.opening.choose_files = lambda title: article_files[2:4]
    with qtbot.waitSignal(window.session.new_started, timeout=30000):
        window.actions_.open.trigger()
    _settle(window, qtbot)
    assert [r.article.path for r in window.comparison.articles] == article_files[2:4]
    assert window.library.current_id != first
    assert _saved(private_library) == {first: article_files[:2], window.library.current_id: article_files[2:4]}


def test_add_article_adds_to_the_comparison_on_screen_and_its_entry(
    window, open_articles, article_files, private_library, qtbot
):
    open_articles(article_files[:2])
    _settle(window, qtbot)
    first = window.library.current_id
    window.opening.choose_files = lambda title: article_files[2:3]
    assert window.actions_.add_article.isEnabled()
    with qtbot.waitSignal(window.session.finished_run, timeout=30000):
        window.actions_.add_article.trigger()
    _settle(window, qtbot)
    assert [r.article.path for r in window.comparison.articles] == article_files[:3]
    assert window.library.current_id == first
    assert _saved(private_library) == {first: article_files[:3]}


def test_a_new_comparison_that_cannot_open_leaves_the_one_on_screen_and_its_entry(
    window, open_articles, article_files, private_library, tmp_path, qtbot, monkeypatch
):
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    shown = open_articles(article_files[:2])
    _settle(window, qtbot)
    first = window.library.current_id
    window.opening.choose_files = lambda title: [str(tmp_path / "gone-1.txt"), str(tmp_path / "gone-2.txt")]
    with qtbot.waitSignal(window.session.new_failed, timeout=30000):
        window.actions_.open.trigger()
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert window.comparison is shown
    assert [s.location for s in window.session.sources] == article_files[:2]
    assert "gone-1.txt" in errors[0] and "comparison on screen stays open" in errors[0]
    assert window.library.current_id == first
    assert _saved(private_library) == {first: article_files[:2]}
    # A re-run afterwards still compares the articles on screen.
    with qtbot.waitSignal(window.session.finished_run, timeout=30000):
        window.actions_.recompare.trigger()
    assert [r.article.path for r in window.comparison.articles] == article_files[:2]


def test_opening_one_file_with_a_comparison_on_screen_offers_to_add_it(window, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    asked = []
    window.opening.ask_add_single = lambda location: asked.append(location) or True
    window.opening.choose_files = lambda title: article_files[2:3]
    with qtbot.waitSignal(window.session.finished_run, timeout=30000):
        window.actions_.open.trigger()
    assert asked == article_files[2:3]
    assert len(window.comparison.articles) == 3


def test_without_files_the_window_shows_the_start_page_and_try_the_samples_opens_them(window, qtbot):
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.samples_button.isVisible()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.start_page.samples_button.click()
    assert window.comparison is not None and len(window.comparison.articles) == 3
    assert window.stack.currentWidget() is not window.start_page


def test_the_start_page_lists_recent_comparisons(window, own_library, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    _settle(window, qtbot)
    window.actions_.new.trigger()
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.entry_ids() == [own_library.list()[0].id]


def test_gui_command_opens_the_samples_only_when_asked(monkeypatch):
    import desktop.ui.app as app
    from desktop.cli import main

    calls = []
    monkeypatch.setattr(app, "run", lambda files, db=None, samples=False: calls.append((files, samples)) or 0)
    assert main([]) == 0
    assert main(["--samples"]) == 0
    assert main(["a.txt", "b.txt"]) == 0
    assert calls == [([], False), ([], True), (["a.txt", "b.txt"], False)]
