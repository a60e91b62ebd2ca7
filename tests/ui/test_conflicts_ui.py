"""Where the outlets disagree, in the app: the double-underlined values, their tooltip, the Differences entries."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QFont, QImage, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import QLabel

from desktop.core.model import Article, ConflictKind, Settings
from desktop.core.pipeline import compare
from desktop.core.presentation.collation import collate
from desktop.ui.delegates import build_document, label_lines, mark_at, paint_conflict_lines
from desktop.ui.highlights import DiffKind, MarkKind, differences, sentence_marks
from desktop.ui.legend import Legend
from desktop.ui.models import DIFFERENCE_ROLE, AlignedModel, cell_description, cell_tooltip
from desktop.ui.theme import theme_for

CONTEXT = "Thousands gathered in the city centre on Saturday. {} The march ended peacefully at the town hall."
TEXTS = {
    "A": CONTEXT.format("Police said 20,000 people marched through the old town."),
    "B": CONTEXT.format("Police said 6,000 people marched through the old town."),
}
TIP = "Disagreement (number, people): A 20,000 · B 6,000"


@pytest.fixture(scope="module")
def crowd():
    articles = [Article(aid, f"{aid.lower()}.txt", text, language="en") for aid, text in TEXTS.items()]
    comparison = compare(articles, Settings(threshold=0.5))
    [conflict] = comparison.conflicts  # the planted disagreement is found, and only it
    assert conflict.kind == ConflictKind.NUMBER
    assert [v.text for v in conflict.values] == ["20,000", "6,000"]
    return comparison


def _conflict_cell(model: AlignedModel, column: int):
    for row in range(model.rowCount()):
        cell = model.cell(row, column)
        if any(m.kind == MarkKind.CONFLICT for m in cell.marks):
            return row, cell
    raise AssertionError("no disagreement mark")


def test_each_outlets_value_is_marked_with_a_tooltip_naming_every_value(crowd):
    marks = sentence_marks(crowd)
    for aid, value in (("A", "20,000"), ("B", "6,000")):
        sentence = crowd.article(aid).sentences[1]
        [mark] = [m for m in marks[(aid, 1)] if m.kind == MarkKind.CONFLICT]
        assert sentence.text[mark.start : mark.end] == value
        assert mark.tip == TIP


def test_aligned_cells_carry_the_mark_in_one_row_and_the_tooltip_says_who_said_what(qtbot, crowd):
    model = AlignedModel()
    model.set_comparison(crowd)
    row_a, _cell_a = _conflict_cell(model, 0)
    row_b, cell_b = _conflict_cell(model, 1)
    assert row_a == row_b
    mark = next(m for m in cell_b.marks if m.kind == MarkKind.CONFLICT)
    assert cell_b.text[mark.start : mark.end] == "6,000"
    assert mark_at(cell_b, mark.start) == mark  # hovering the value shows the disagreement first
    assert "Disagreement (number, people): A 20,000 · B 6,000" in cell_tooltip(cell_b)
    assert "disagree on 6,000" in cell_description(cell_b)


def test_disagreement_is_drawn_as_a_double_underline_under_the_value_only(qtbot, crowd):
    model = AlignedModel()
    model.set_comparison(crowd)
    _row, cell = _conflict_cell(model, 0)
    theme = theme_for(QPalette())
    doc, prefix = build_document(cell, QFont(), theme, 400)
    mark = next(m for m in cell.marks if m.kind == MarkKind.CONFLICT)
    cursor = QTextCursor(doc)
    cursor.setPosition(prefix + mark.start + 1)
    assert cursor.charFormat().toolTip() == TIP
    assert not cursor.charFormat().fontUnderline()  # the painted double line replaces Qt's single one
    [(x_from, x_to, _y)] = label_lines(cell, doc, prefix, MarkKind.CONFLICT)
    line = doc.firstBlock().layout().lineForTextPosition(prefix + mark.start)
    assert x_from == pytest.approx(line.cursorToX(prefix + mark.start)[0])
    assert x_to == pytest.approx(line.cursorToX(prefix + mark.end)[0])
    plain = dataclasses.replace(cell, marks=tuple(m for m in cell.marks if m.kind != MarkKind.CONFLICT))
    assert _painted(cell, theme) != _painted(plain, theme)


def _painted(cell, theme) -> bytes:
    doc, prefix = build_document(cell, QFont(), theme, 400)
    image = QImage(420, 120, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    doc.drawContents(painter)
    paint_conflict_lines(painter, cell, doc, prefix, theme.conflict_line)
    painter.end()
    return bytes(image.constBits())


def test_differences_list_one_disagreement_naming_both_values(crowd):
    rows = collate(crowd)
    found = [d for d in differences(crowd, rows) if d.kind == DiffKind.CONFLICT]
    [item] = found
    assert item.heading == "Disagreement · number · people"
    assert item.text == "A 20,000 · B 6,000"
    assert item.tip == TIP
    assert (item.article, item.sentence) == ("A", 1)
    assert item.articles == ("A", "B")


def test_legend_has_an_entry_for_disagreements(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    assert "outlets disagree (values on hover)" in [label.text() for label in legend.findChildren(QLabel)]


def test_window_lists_the_disagreement_filters_it_and_jumps_to_it(window, open_articles, tmp_path):
    folder = tmp_path / "crowd"
    folder.mkdir()
    files = []
    for aid, text in TEXTS.items():
        path = folder / f"{aid.lower()}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    comparison = open_articles(files)
    assert len(comparison.conflicts) == 1
    panel = window.differences
    chip = panel.chips[DiffKind.CONFLICT]
    assert chip.text() == "✓ 1 disagreement"
    proxy = panel.proxy
    items = [proxy.data(proxy.index(n, 0), DIFFERENCE_ROLE) for n in range(proxy.rowCount())]
    assert items[0].kind == DiffKind.CONFLICT  # the weightiest difference in its row comes first
    assert items[0].text == "A 20,000 · B 6,000"
    panel.step(+1)
    assert window.aligned.current_position() == ("A", 1)
    total = proxy.rowCount()
    chip.setChecked(False)
    assert proxy.rowCount() == total - 1
    assert all(
        proxy.data(proxy.index(n, 0), DIFFERENCE_ROLE).kind != DiffKind.CONFLICT for n in range(proxy.rowCount())
    )
    window.set_view("reading")
    column = window.reading.columns[1]
    marked = [column.model.cell(r) for r in range(column.model.rowCount())]
    tips = [m.tip for c in marked for m in c.marks if m.kind == MarkKind.CONFLICT]
    assert tips == [TIP]
