"""Why a pair was matched, as the user sees it: the evidence line in the app's tooltips and under the export's
rows, the partial-match cue "≈" in both (with its legend entry), and groups the reference article has no part in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from export_dom import parse as parse_dom
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel

from desktop.core.model import (
    Article,
    ArticleResult,
    Comparison,
    Fact,
    FactKind,
    Group,
    MatchEvidence,
    Role,
    Sentence,
    Settings,
    Status,
)
from desktop.core.pipeline import compare
from desktop.core.presentation.collation import collate
from desktop.core.presentation.match_display import match_line, match_lines, shown_anchors
from desktop.export import render_html
from desktop.ui.delegates import build_document
from desktop.ui.legend import Legend
from desktop.ui.models import AlignedModel, ReadingModel
from desktop.ui.theme import theme_for

WHEN = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)


def parse(html: str):
    return parse_dom(html)[0]


TOOLTIP = Qt.ItemDataRole.ToolTipRole

SHARED_NAME = MatchEvidence(0.97, ("konti",), ("shared names and numbers", "same meaning"))
PARTIAL_402 = MatchEvidence(0.934, ("402",), ("shared words", "same meaning"), partial=True)


def _article(aid: str, sentences: list[tuple[str, Status, int | None]]) -> ArticleResult:
    text = " ".join(s for s, _, _ in sentences)
    out, pos = [], 0
    for n, (s, status, group) in enumerate(sentences):
        out.append(Sentence(n, pos, pos + len(s), s, Role.BODY, status, group=group))
        pos += len(s) + 1
    return ArticleResult(Article(aid, f"{aid.lower()}.txt", text, language="en"), tuple(out))


def _fact(result: ArticleResult, sentence: int, text: str, kind: FactKind) -> Fact:
    s = result.sentences[sentence]
    start = s.start + s.text.index(text)
    return Fact(text, kind, result.article.id, sentence, start, start + len(text))


def evidence_comparison(*, evidence: bool = True) -> Comparison:
    """Three invented reports: all share the lead (by the name Conti); only B and C report the 402 votes, and
    C's sentence holds only part of B's (a partial match the reference article A has no part in)."""
    rw, un = Status.REWORDED, Status.UNIQUE
    a = _article(
        "A",
        [("The parliament elected Maria Conti on Tuesday.", rw, 0), ("The vote followed weeks of talks.", un, None)],
    )
    b = _article(
        "B",
        [
            ("Maria Conti won the presidency on Tuesday.", rw, 0),
            ("She received 402 votes, more than the 361 needed, after a long night.", rw, 1),
        ],
    )
    c = _article("C", [("Lawmakers chose Conti on Tuesday.", rw, 0), ("402 members backed her.", rw, 1)])
    groups = (
        Group(0, {"A": (0,), "B": (0,), "C": (0,)}, 0.7, rw, evidence=SHARED_NAME if evidence else None),
        Group(1, {"B": (1,), "C": (1,)}, 0.4, rw, evidence=PARTIAL_402 if evidence else None),
    )
    facts = (
        _fact(a, 0, "Maria Conti", FactKind.NAME),
        _fact(b, 0, "Maria Conti", FactKind.NAME),
        _fact(c, 0, "Conti", FactKind.NAME),
        _fact(b, 1, "402", FactKind.NUMBER),
        _fact(c, 1, "402", FactKind.NUMBER),
    )
    return Comparison(Settings(reference="A", match="combined"), (a, b, c), groups, facts, title="Conti elected")


# --- the wording, shared by app and export --------------------------------------------------------------------


def test_match_line_reads_score_anchors_and_signals():
    assert match_line(PARTIAL_402) == "Matched: 93 % — shared: 402 — shared words, same meaning"


def test_an_uncertain_score_is_rounded_down_never_up_to_100():
    assert match_line(MatchEvidence(0.9998)).startswith("Matched: 99 %")
    assert match_line(MatchEvidence(1.0)).startswith("Matched: 100 %")


def test_folded_anchors_are_spelled_as_the_sentences_write_them():
    comparison = evidence_comparison()
    assert shown_anchors(("konti", "402", "varsav"), comparison.facts) == ["Conti", "402", "varsav"]
    assert match_lines(comparison) == {
        0: "Matched: 97 % — shared: Conti — shared names and numbers, same meaning",
        1: "Matched: 93 % — shared: 402 — shared words, same meaning",
    }


def test_groups_without_evidence_have_no_line():
    assert match_lines(evidence_comparison(evidence=False)) == {}


# --- collation: a group the reference article has no part in ------------------------------------------------------


def test_a_group_of_only_b_and_c_gets_one_row_with_a_gap_for_the_reference():
    rows = collate(evidence_comparison())
    assert [(r.group, r.cells) for r in rows] == [
        (0, {"A": (0,), "B": (0,), "C": (0,)}),
        (None, {"A": (1,)}),
        (1, {"B": (1,), "C": (1,)}),
    ]


# --- the app ----------------------------------------------------------------------------------------------------


@pytest.fixture
def aligned(qtbot):
    model = AlignedModel()
    model.set_comparison(evidence_comparison())
    return model


def test_tooltip_of_a_matched_cell_says_why_it_was_matched(aligned):
    row = aligned.row_of_group(0)
    for column in range(3):
        tip = aligned.data(aligned.index(row, column), TOOLTIP)
        assert "Matched: 97 % — shared: Conti — shared names and numbers, same meaning" in tip
        assert "Partial match" not in tip
        assert not aligned.cell(row, column).partial


def test_partial_group_of_b_and_c_shows_its_evidence_and_partial_note_beside_a_gap(aligned):
    row = aligned.row_of_group(1)
    assert aligned.cell(row, 0).is_gap
    assert aligned.data(aligned.index(row, 0), TOOLTIP) == "Not in A: no counterpart sentence"
    for column in (1, 2):
        cell = aligned.cell(row, column)
        assert cell.partial
        tip = aligned.data(aligned.index(row, column), TOOLTIP)
        assert "Matched: 93 % — shared: 402 — shared words, same meaning" in tip
        assert "≈</b> Partial match: one sentence says only part of what the other says" in tip
        assert "partial match" in aligned.data(aligned.index(row, column), Qt.ItemDataRole.AccessibleTextRole)


def test_unique_sentence_tooltip_has_no_match_line(aligned):
    tip = aligned.data(aligned.index(aligned.row_of("A", 1), 0), TOOLTIP)
    assert "Unique to this article" in tip and "Matched" not in tip


def test_cells_of_a_comparison_without_evidence_keep_their_old_tooltip(qtbot):
    model = AlignedModel()
    model.set_comparison(evidence_comparison(evidence=False))
    tip = model.data(model.index(model.row_of_group(1), 1), TOOLTIP)
    assert "Reworded" in tip and "Matched" not in tip and "Partial" not in tip
    assert not model.cell(model.row_of_group(1), 1).partial


def test_reading_view_cells_carry_the_same_evidence(qtbot):
    model = ReadingModel()
    comparison = evidence_comparison()
    model.set_article(comparison, "C")
    tip = model.data(model.index(model.row_of(1), 0), TOOLTIP)
    assert "Matched: 93 %" in tip and "Partial match" in tip


def test_partial_cell_draws_the_mark_after_its_number_and_others_do_not(aligned, qtbot):
    theme = theme_for(QPalette())
    partial = aligned.cell(aligned.row_of_group(1), 2)
    whole = aligned.cell(aligned.row_of_group(0), 2)
    doc, prefix = build_document(partial, QFont(), theme, 400)
    assert doc.toPlainText().startswith("2\u2002≈\u2002402 members")
    assert doc.toPlainText()[prefix:] == partial.text
    doc, prefix = build_document(whole, QFont(), theme, 400)
    assert "≈" not in doc.toPlainText() and doc.toPlainText()[prefix:] == whole.text


def test_legend_explains_the_partial_mark(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    labels = [label.text() for label in legend.findChildren(QLabel)]
    assert any(text.startswith("partial match") for text in labels)


# --- the export -------------------------------------------------------------------------------------------------


def _row(root, anchor):
    return next(n for n in root.find_all("tr") if n.attrs.get("id") == anchor)


def test_export_shows_each_rows_evidence_under_it_and_in_its_title():
    comparison = evidence_comparison()
    root = parse(render_html(comparison, generated=WHEN))
    lines = [n.text(skip_sr=True) for n in root.find_all("p", "match")]
    assert lines == [
        "Matched: 97 % — shared: Conti — shared names and numbers, same meaning",
        "≈ partial · Matched: 93 % — shared: 402 — shared words, same meaning",
    ]
    assert _row(root, "r1").attrs["title"] == lines[0]
    assert "pt" not in _row(root, "r1").classes


def test_export_marks_the_partial_row_of_b_and_c_and_leaves_a_gap_for_a():
    root = parse(render_html(evidence_comparison(), generated=WHEN))
    row = _row(root, "r3")  # lead, A's unique sentence, then the B–C group
    assert "pt" in row.classes
    cells = row.find_all("td")
    assert "gap" in cells[0].classes and "not in A" in cells[0].text()
    for cell in cells[1:]:
        sentence = cell.find_all("div", "s")[0]
        assert [n.text() for n in sentence.find_all("span", "pm")] == ["≈"]
        assert "partial match: " in sentence.text()  # the screen-reader label
    assert not _row(root, "r1").find_all("span", "pm")
    match = root.find_all("p", "match")[1]
    assert "one sentence says only part of what the other says" in match.text()


def test_export_legend_explains_the_partial_mark_and_the_evidence_line():
    legend = parse(render_html(evidence_comparison(), generated=WHEN)).find_all("ul", "legend")[0].text()
    assert "≈ partial: one sentence says only part of what the other says" in legend
    assert "why its sentences were matched" in legend


def test_export_without_evidence_has_no_match_lines_or_partial_legend():
    root = parse(render_html(evidence_comparison(evidence=False), generated=WHEN))
    assert not root.find_all("p", "match") and not root.find_all("span", "pm")
    assert "partial" not in root.find_all("ul", "legend")[0].text()


def test_export_of_a_real_three_article_comparison_shows_every_groups_evidence():
    articles = [
        Article(
            "A",
            "a.txt",
            "The parliament in Rome elected Maria Conti as president on Tuesday. "
            "She received 402 votes, 361 were needed. The vote followed weeks of talks.",
            language="en",
        ),
        Article(
            "B",
            "b.txt",
            "Maria Conti won the presidency on Tuesday. 402 members backed her, eleven fewer "
            "than her coalition holds. Critics called the process rushed.",
            language="en",
        ),
        Article(
            "C",
            "c.txt",
            "Lawmakers chose Maria Conti as president on Tuesday. Critics called the whole process rushed and opaque.",
            language="en",
        ),
    ]
    comparison = compare(articles, Settings())
    assert comparison.groups and all(g.evidence is not None for g in comparison.groups)
    html = render_html(comparison, generated=WHEN)
    shown = [n.text(skip_sr=True) for n in parse(html).find_all("p", "match")]
    expected = match_lines(comparison)
    order = [r.group for r in collate(comparison) if r.group is not None]
    assert [line.removeprefix("≈ partial · ") for line in shown] == [expected[g] for g in order]
    partial = replace(
        comparison, groups=tuple(replace(g, evidence=replace(g.evidence, partial=True)) for g in comparison.groups)
    )
    assert parse(render_html(partial, generated=WHEN)).find_all("b", "pm")
