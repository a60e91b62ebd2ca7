"""Models and highlights on literal comparisons, without a window; hostile article text stays text."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette

from desktop.core.model import (
    Article,
    ArticleResult,
    Comparison,
    DiffOp,
    Group,
    Role,
    Sentence,
    Settings,
    Status,
    WordDiff,
)
from desktop.core.pipeline import compare
from desktop.core.presentation import present
from desktop.core.presentation.collation import collate
from desktop.ui.article_header import ArticleHeader
from desktop.ui.delegates import build_document
from desktop.ui.highlights import DiffKind, MarkKind, differences, make_cell, sentence_marks
from desktop.ui.models import AlignedModel, DifferencesModel, cell_tooltip
from desktop.ui.theme import theme_for


def small_comparison() -> Comparison:
    a = Article("A", "a.txt", "The mayor opened the bridge on Monday. It rained.", language="en")
    b = Article("B", "b.txt", "The corrupt mayor finally opened the bridge on Monday. Crowds cheered.", language="en")
    return compare([a, b], Settings(threshold=0.5))


def test_inserted_and_deleted_words_are_marked_on_their_own_side():
    comparison = small_comparison()
    marks = sentence_marks(comparison)
    b_text = comparison.article("B").sentences[0].text
    inserted = " ".join(b_text[m.start : m.end] for m in marks[("B", 0)] if m.kind == MarkKind.INSERTED)
    assert "corrupt" in inserted and "finally" in inserted
    assert "bridge on Monday" not in inserted
    assert not [m for m in marks.get(("A", 0), []) if m.kind == MarkKind.INSERTED]


def test_a_reference_word_one_article_lacks_is_struck_in_the_cell_with_the_articles_that_lack_it():
    """The rule itself is pinned in tests/test_presentation.py; here: the aligned model's cell carries it."""
    sentence = "Police closed the old road"
    a = Article("A", "a", sentence, language="en")
    ops_b = (
        (DiffOp.EQUAL, "Police closed the "),
        (DiffOp.DELETE, "old"),
        (DiffOp.INSERT, "new"),
        (DiffOp.EQUAL, " road"),
    )
    ops_c = (
        (DiffOp.DELETE, "Police"),
        (DiffOp.INSERT, "Officers"),
        (DiffOp.EQUAL, " closed the "),
        (DiffOp.DELETE, "old "),
        (DiffOp.EQUAL, "road"),
    )

    def result(aid, text):
        return ArticleResult(
            Article(aid, aid, text), (Sentence(0, 0, len(text), text, Role.BODY, Status.REWORDED, group=0),)
        )

    comparison = Comparison(
        Settings(),
        (
            ArticleResult(a, result("A", sentence).sentences),
            result("B", "Police closed the new road"),
            result("C", "Officers closed the road"),
        ),
        (
            Group(
                0,
                {"A": (0,), "B": (0,), "C": (0,)},
                0.8,
                Status.REWORDED,
                (WordDiff("A", "B", ops_b), WordDiff("A", "C", ops_c)),
            ),
        ),
        (),
    )
    model = AlignedModel()
    model.set_comparison(comparison)
    cell = model.cell(model.row_of("A", 0), 0)
    struck = [(cell.text[m.start : m.end], m.tip) for m in cell.marks if m.kind == MarkKind.DELETED]
    assert struck == [("Police", "not in C"), ("old", "not in B, C")]


def test_aligned_model_puts_group_members_on_one_row_and_gaps_elsewhere():
    comparison = small_comparison()
    model = AlignedModel()
    model.set_comparison(comparison)
    row = model.row_of("A", 0)
    assert row == model.row_of("B", 0)
    unique_row = model.row_of("B", 1)
    assert model.cell(unique_row, 0).is_gap
    assert model.cell(unique_row, 1).status == Status.UNIQUE


def test_differences_list_every_kind_with_counts():
    comparison = small_comparison()
    model = AlignedModel()
    model.set_comparison(comparison)
    diffs = DifferencesModel()
    diffs.set_comparison(comparison, model.rows)
    counts = {str(k): n for k, n in diffs.counts().items()}
    assert counts["unique"] == 2  # "It rained." and "Crowds cheered."
    assert counts["reworded"] == 1
    rows = [d.row for d in differences(comparison, model.rows)]
    assert rows == sorted(rows)


def test_an_omitted_quotation_is_listed_in_its_own_quotation_marks_only():
    """A quotation reported as a fact keeps the outlet's marks; the list does not wrap it in a second pair."""
    said = 'Mayor Brennan said the bridge was "safe for everyone and every car" on Monday. It rained in Leeds.'
    a = Article("A", "a.txt", said, language="en")
    b = Article("B", "b.txt", "The mayor said the bridge opened on Monday. It rained in Leeds.", language="en")
    comparison = compare([a, b], Settings(threshold=0.5))
    model = AlignedModel()
    model.set_comparison(comparison)
    facts = [d.text for d in differences(comparison, model.rows) if d.kind == DiffKind.FACT]
    assert '"safe for everyone and every car" (A)' in facts
    assert "“Brennan” (A)" in facts  # a name is quoted by the list
    assert not any(text.startswith(('“"', "““")) for text in facts)


HOSTILE = 'Breaking: <script>alert("x")</script> <b>bold</b> & <img src=x onerror=1> ends.'


def test_script_in_article_text_is_never_interpreted_as_markup(qtbot):
    a = Article("A", "<i>a</i>.txt", HOSTILE + " Second sentence here.", title="<h1>Title</h1>", language="en")
    b = Article("B", "b.txt", HOSTILE.replace("Breaking", "News") + " Another one.", language="en")
    comparison = compare([a, b], Settings(threshold=0.3))
    cell = make_cell(present(comparison), "A", (0,))
    tip = cell_tooltip(replace(cell, commentary=True, cues=("<script>",)))
    assert "<script>" not in tip and "&lt;script&gt;" in tip
    doc, prefix = build_document(cell, QFont(), theme_for(QPalette()), 400)
    assert doc.toPlainText()[prefix:] == cell.text
    assert '<script>alert("x")</script>' in doc.toPlainText()
    header = ArticleHeader()
    qtbot.addWidget(header)
    header.set_article(comparison, "A")
    assert header.title.textFormat() == header.meta.textFormat() == Qt.TextFormat.PlainText
    assert "<h1>Title</h1>" in header.title.text()
    diffs = DifferencesModel()
    diffs.set_comparison(comparison, collate(comparison))
    for row in range(diffs.rowCount()):
        assert "<script>" not in diffs.data(diffs.index(row, 0), Qt.ItemDataRole.ToolTipRole)


def test_a_rewording_is_named_by_its_longest_replaced_phrase():
    from desktop.ui.highlights import _main_change

    ops = (
        (DiffOp.DELETE, "The"),
        (DiffOp.INSERT, "A"),
        (DiffOp.EQUAL, " strike "),
        (DiffOp.DELETE, "shut"),
        (DiffOp.INSERT, "closed"),
        (DiffOp.EQUAL, " "),
        (DiffOp.DELETE, "the"),
        (DiffOp.INSERT, "every"),
        (DiffOp.EQUAL, " port."),
    )
    assert _main_change(ops) == ("shut the", "closed every")


def test_a_sentence_replaced_wholesale_gets_no_word_marks():
    def result(aid, text):
        return ArticleResult(
            Article(aid, aid, text), (Sentence(0, 0, len(text), text, Role.BODY, Status.REWORDED, group=0),)
        )

    old, new = "Police closed the old road", "Nobody expected what followed"
    ops = ((DiffOp.DELETE, old), (DiffOp.INSERT, new))
    comparison = Comparison(
        Settings(),
        (result("A", old), result("B", new)),
        (Group(0, {"A": (0,), "B": (0,)}, 0.5, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (),
    )
    assert sentence_marks(comparison) == {}


def _luminance(colour) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_highlight_backgrounds_keep_text_readable_in_light_and_dark_palettes():
    from PySide6.QtGui import QColor

    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2d30"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    for palette, is_dark in ((light, False), (dark, True)):
        theme = theme_for(palette)
        assert theme.dark is is_dark
        for background in (
            theme.reworded_bg,
            theme.unique_bg,
            theme.commentary_bg,
            theme.deleted_bg,
            theme.inserted_bg,
            theme.gap_bg,
        ):
            assert _contrast(theme.text, background) >= 4.5, background.name()
        for background in (theme.reworded_bg, theme.unique_bg, theme.commentary_bg):
            assert _contrast(theme.fact_fg, background) >= 4.5, background.name()
