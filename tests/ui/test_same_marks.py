"""The app and the HTML export show the same marks (issue 20): the bundled samples rendered through the app's models
and delegate (offscreen Qt) and through the export, compared sentence by sentence and character by character.

Both sides are read back from what they render — the cells the views ask their models for and the formats the
delegate lays out; the DOM of the exported page — never from the presentation they share.
"""

from __future__ import annotations

import pytest
from export_dom import dom_marks, parse, presented_marks
from PySide6.QtGui import QFont, QPalette, QTextCharFormat

from desktop.core.model import Comparison, Status
from desktop.core.pipeline import compare
from desktop.core.presentation import MarkKind
from desktop.core.resources import resource_path
from desktop.core.sources.loading import load_article
from desktop.export import render_html
from desktop.ui.delegates import build_document, mark_at
from desktop.ui.highlights import Cell
from desktop.ui.models import CELL_ROLE, AlignedModel, ReadingModel
from desktop.ui.theme import Theme, theme_for

EVENTS = ("en", "de", "cross")

Marked = dict[tuple[str, int], tuple[str, set[tuple[str, int, str]]]]


@pytest.fixture(scope="module", params=EVENTS)
def sample(request) -> Comparison:
    paths = sorted(p for p in resource_path("samples", request.param).iterdir() if p.suffix == ".txt")
    return compare([load_article(str(p), aid) for p, aid in zip(paths, "ABC", strict=False)])


def _split(cell: Cell, texts: dict[tuple[str, int], str], found: Marked) -> None:
    """A cell's marks back onto its sentences (the cell joins them with single spaces), non-space characters only."""
    offset = 0
    for index in cell.sentences:
        text = texts[(cell.article, index)]
        assert cell.text[offset : offset + len(text)] == text
        chars = found.setdefault((cell.article, index), (text, set()))[1]
        for mark in cell.marks:
            for n in range(max(mark.start, offset), min(mark.end, offset + len(text))):
                if not cell.text[n].isspace():
                    chars.add((str(mark.kind), n - offset, mark.tip))
        offset += len(text) + 1


def _texts(comparison: Comparison) -> dict[tuple[str, int], str]:
    return {(r.article.id, s.index): s.text for r in comparison.articles for s in r.sentences}


def _aligned_marks(comparison: Comparison) -> Marked:
    model = AlignedModel()
    model.set_comparison(comparison)
    found: Marked = {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            cell = model.data(model.index(row, column), CELL_ROLE)
            if not cell.is_gap:
                _split(cell, _texts(comparison), found)
    return found


def _reading_cells(comparison: Comparison) -> list[Cell]:
    cells = []
    for result in comparison.articles:
        model = ReadingModel()
        model.set_article(comparison, result.article.id)
        cells += [model.data(model.index(row, 0), CELL_ROLE) for row in range(model.rowCount())]
    return cells


def _reading_marks(comparison: Comparison) -> Marked:
    found: Marked = {}
    for cell in _reading_cells(comparison):
        _split(cell, _texts(comparison), found)
    return found


def test_the_app_and_the_export_mark_the_same_characters_with_the_same_tooltips(sample):
    root, _ = parse(render_html(sample))
    exported = dom_marks(root)
    assert exported == _aligned_marks(sample)
    assert exported == _reading_marks(sample)
    assert exported == presented_marks(sample)
    assert any(chars for _, chars in exported.values())  # the samples do carry marks


def test_a_word_only_one_other_outlet_lacks_is_struck_in_the_app_and_the_export():
    """The old disagreement: the app struck a word only when every other article lacked it."""
    paths = sorted(resource_path("samples", "en").iterdir())
    comparison = compare([load_article(str(p), aid) for p, aid in zip(paths[:3], "ABC", strict=True)])
    root, _ = parse(render_html(comparison))
    app = _aligned_marks(comparison)
    struck = [(key, n, tip) for key, (_, chars) in app.items() for kind, n, tip in chars if kind == "deleted"]
    partly = {(key, n) for key, n, tip in struck if "," not in tip}
    assert partly  # struck against one of the two other articles only ("not in C")
    exported = {(key, n) for key, (_, chars) in dom_marks(root).items() for kind, n, tip in chars if kind == "deleted"}
    assert partly <= exported
    model = AlignedModel()
    model.set_comparison(comparison)
    ((article, index), n), *_ = sorted(partly)
    cell = model.cell(model.row_of(article, index), model.article_ids.index(article))
    before = cell.sentences.index(index)
    offset = sum(len(comparison.article(article).sentences[i].text) + 1 for i in cell.sentences[:before])
    hovered = mark_at(cell, offset + n)  # the delegate's own tooltip for a struck word names the article that lacks it
    assert hovered is not None and hovered.kind == MarkKind.DELETED and hovered.tip.startswith("not in ")


def _classes(cell: Cell) -> set[str]:
    """A reading cell's sentence-level cues in the export's class names."""
    found = {"bp"} if cell.boilerplate else {{Status.UNIQUE: "un", Status.REWORDED: "rw"}.get(cell.status, "id")}
    if cell.commentary:
        found.add("cm")
    if cell.title:
        found.add("tt")
    if cell.partial:
        found.add("partial")
    return found


def test_every_sentence_has_the_same_kind_and_cues_in_the_app_and_the_export(sample):
    root, _ = parse(render_html(sample))
    exported = {}
    for block in root.find_all("div", "s"):
        _, article, index = block.attrs["id"].split("-")
        classes = block.classes - {"s"}
        if block.find_all("span", "pm"):
            classes.add("partial")
        exported[(article, int(index))] = classes
    app = {(c.article, c.sentences[0]): _classes(c) for c in _reading_cells(sample)}
    assert app == exported


def _drawn(fmt: QTextCharFormat, theme: Theme) -> set[str]:
    """The marks a laid-out character shows, read from its format as the delegate set it."""
    found = set()
    if fmt.fontStrikeOut():
        found.add(str(MarkKind.DELETED))
    if fmt.background().color() == theme.inserted_bg and fmt.background().style().value:
        found.add(str(MarkKind.INSERTED))
    if fmt.foreground().color() == theme.fact_fg:
        found.add(str(MarkKind.FACT))
    if fmt.toolTip():
        found.add("label or conflict")  # both are painted lines with the mark's tooltip on the characters
    return found


def test_the_delegate_draws_each_cells_marks_on_exactly_their_characters(sample, qtbot):
    theme = theme_for(QPalette())
    for cell in _reading_cells(sample):
        doc, prefix = build_document(cell, QFont(), theme, 420)
        drawn: dict[int, set[str]] = {}
        block = doc.firstBlock()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                for n in range(fragment.position(), fragment.position() + fragment.length()):
                    if n >= prefix and not cell.text[n - prefix].isspace():
                        drawn[n - prefix] = _drawn(fragment.charFormat(), theme)
                fragments += 1
            block = block.next()
        expected: dict[int, set[str]] = {n: set() for n in drawn}
        for mark in cell.marks:
            kind = "label or conflict" if mark.kind in (MarkKind.LABEL, MarkKind.CONFLICT) else str(mark.kind)
            for n in range(mark.start, mark.end):
                if n in expected:
                    expected[n].add(kind)
        assert drawn == expected, cell.text


def test_a_comparison_reopened_from_the_library_shows_the_marks_its_export_shows(window, own_library, qtbot):
    """The library's reopen path: the job prepares the presentation off the GUI thread, the views draw it."""
    paths = sorted(resource_path("samples", "en").iterdir())
    saved = compare([load_article(str(p), aid) for p, aid in zip(paths[:3], "ABC", strict=True)])
    cid = own_library.save(saved, "Bus strike")
    with qtbot.waitSignal(window.library.opened, timeout=30000):
        assert window.library.open_saved(cid)
    reopened = window.comparison
    assert reopened == saved
    assert window.session.display is not None and window.session.display.comparison is reopened
    model = window.aligned_model
    shown: Marked = {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            cell = model.data(model.index(row, column), CELL_ROLE)
            if not cell.is_gap:
                _split(cell, _texts(reopened), shown)
    root, _ = parse(render_html(reopened))
    assert shown == dom_marks(root)
