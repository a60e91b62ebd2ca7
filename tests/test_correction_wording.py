"""How the user's corrections read: one wording for the export's "Your corrections", the app's Undo and the match
line of a group the user linked. Articles are invented for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from correction_articles import A, B
from export_dom import parse

from desktop.core.model import CorrectionKind, Settings, UserLink
from desktop.core.pipeline import compare
from desktop.core.presentation import (
    CORRECTED_MARK,
    corrected_tip,
    correction_command,
    correction_line,
    present,
    sentence_corrections,
)
from desktop.core.presentation.match_display import LINKED_BY_YOU, match_lines
from desktop.export import render_html

LINK = UserLink(CorrectionKind.LINK, (("A", 2), ("B", 2)))
UNLINK = UserLink(CorrectionKind.UNLINK, (("A", 0),))
REPORTING = UserLink(CorrectionKind.NOT_COMMENTARY, (("B", 1),))
WHEN = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def test_each_kind_reads_as_done_with_sentences_counted_from_one():
    assert correction_line(LINK) == "Linked A 3 ↔ B 3"
    assert correction_line(UNLINK) == "A 1 taken out of its group"
    assert correction_line(REPORTING) == "B 2 marked as reporting"
    group = UserLink(CorrectionKind.UNLINK, (("A", 0), ("B", 0), ("C", 1)))
    assert correction_line(group) == "A 1, B 1 and C 2 taken apart"


def test_each_kind_reads_as_a_command_for_undo():
    assert correction_command(LINK) == "Link A 3 ↔ B 3"
    assert correction_command(UNLINK) == "Unlink A 1"
    assert correction_command(REPORTING) == "Mark B 2 as Reporting"


def test_a_linked_group_says_so_instead_of_a_score():
    linked = compare([A, B], Settings(match="fuzzy"), user_links=[LINK])
    group = linked.article("A").sentences[2].group
    assert group is not None
    assert match_lines(linked)[group] == LINKED_BY_YOU


def test_the_presentation_lists_the_corrections_oldest_first_and_flags_a_stale_one():
    stale = UserLink(CorrectionKind.LINK, (("A", 40), ("B", 2)))
    corrected = compare([A, B], Settings(match="fuzzy"), user_links=[LINK, REPORTING, stale])
    views = present(corrected).corrections
    assert [v.text for v in views] == ["Linked A 3 ↔ B 3", "B 2 marked as reporting", "Linked A 41 ↔ B 3"]
    assert [v.applied for v in views] == [True, True, False]


def test_the_export_lists_the_corrections_linked_to_their_sentences():
    stale = UserLink(CorrectionKind.NOT_COMMENTARY, (("C", 0),))
    corrected = compare([A, B], Settings(match="fuzzy"), user_links=[LINK, UNLINK, REPORTING, stale])
    root, _ = parse(render_html(corrected, generated=WHEN))
    section = next(s for s in root.find_all("section") if s.attrs.get("aria-labelledby") == "h-corrections")
    assert section.find_all("h2")[0].text() == "Your corrections"
    items = [" ".join(li.text().split()) for li in section.find_all("li")]
    assert items[:3] == ["Linked A 3 ↔ B 3", "A 1 taken out of its group", "B 2 marked as reporting"]
    assert items[3].startswith("C 1 marked as reporting (names a sentence the article no longer has")
    targets = [a.attrs["href"] for a in section.find_all("a")]
    assert targets == ["#s-A-2", "#s-B-2", "#s-A-0", "#s-B-1"]  # the stale one links nowhere
    anchors = {node.attrs.get("id") for node in root.iter()}
    assert all(t[1:] in anchors for t in targets)


def test_an_export_without_corrections_has_no_such_section():
    html = render_html(compare([A, B], Settings(match="fuzzy")), generated=WHEN)
    assert "Your corrections" not in html


def test_each_sentence_a_correction_changed_says_how_as_things_stand_after_all_of_them():
    relinked = UserLink(CorrectionKind.LINK, (("A", 0), ("B", 0)))
    corrected = compare([A, B], Settings(match="fuzzy"), user_links=[LINK, UNLINK, REPORTING, relinked])
    cues = sentence_corrections(corrected)
    assert cues[("A", 2)] == cues[("B", 2)] == ("linked by you",)
    assert cues[("A", 0)] == ("linked by you",)  # taken out, then linked again: the link holds
    assert cues[("B", 1)] == ("marked as reporting by you",)
    assert ("A", 1) not in cues
    apart = sentence_corrections(compare([A, B], Settings(match="fuzzy"), user_links=[UNLINK]))
    assert apart == {("A", 0): ("taken out of its group by you",)}
    view = present(corrected).sentence("B", 1)
    assert view.corrected == ("marked as reporting by you",)
    assert corrected_tip(view.corrected) == f"{CORRECTED_MARK} Marked as reporting by you"


def test_the_export_marks_a_corrected_sentence_and_explains_the_mark():
    corrected = compare([A, B], Settings(match="fuzzy"), user_links=[LINK])
    root, _ = parse(render_html(corrected, generated=WHEN))
    marked = {
        node.attrs["id"]
        for node in root.find_all("div")
        if any("uc" in child.classes for child in node.children if not isinstance(child, str))
    }
    assert marked == {"s-A-2", "s-B-2"}
    sign = next(n for n in root.find_all("span", "uc") if n.attrs.get("title"))
    assert sign.attrs["title"] == "linked by you" and sign.text() == CORRECTED_MARK
    legend = next(ul for ul in root.find_all("ul") if "legend" in ul.classes)
    assert CORRECTED_MARK in legend.text()
