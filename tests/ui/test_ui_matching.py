"""The matching choice in the settings dialog, and how a German/English comparison is shown."""

from __future__ import annotations

from desktop.core import pipeline
from desktop.core.align import matching
from desktop.core.model import Status
from desktop.core.resources import resource_path
from desktop.ui.article_header import ArticleHeader
from desktop.ui.highlights import MarkKind
from desktop.ui.models import CELL_ROLE, cell_tooltip
from desktop.ui.preferences import MATCH_MODES, Preferences
from desktop.ui.settings_dialog import MATCH_CHOICES
from desktop.ui.worker import ProgressScale

CROSS = [str(resource_path("samples", "cross", name)) for name in ("1-de.txt", "2-en.txt")]


def test_match_modes_are_the_cores():
    assert MATCH_MODES == matching.MODES
    assert tuple(value for value, _ in MATCH_CHOICES) == matching.MODES


def test_match_choice_realigns_this_comparison_only(window, open_articles, article_files, qtbot, store):
    before = open_articles(article_files[:2])
    assert before.settings.match == "auto"
    assert window.match_note.isHidden()  # one language: nothing unusual to explain
    dialog = window.settings_link.show_dialog()
    choice = dialog.match
    assert choice.match() == "auto"
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        choice.setCurrentIndex(choice.findData("fuzzy"))
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=30000)
    assert window.comparison is not before
    assert window.comparison.settings.match == "fuzzy"
    assert "matched by text" in window.status.text()
    store.sync()
    assert Preferences(store).comparison_settings().match == "auto"  # the defaults for new comparisons stay
    dialog.close()


def test_unknown_stored_match_falls_back_to_automatic(store):
    store.setValue("compare/match", "telepathy")
    assert Preferences(store).comparison_settings().match == "auto"
    store.setValue("compare/match", "semantic")
    assert Preferences(store).comparison_settings().match == "semantic"


def test_progress_gives_embedding_room_inside_the_align_stage():
    scale = ProgressScale(sources=2, stages=pipeline.STAGES)
    assert pipeline.STAGES == 5
    assert (scale.loading(2), scale.compared(1), scale.total) == (200, 300, 700)
    assert scale.encoded(0, 40) == 300
    assert scale.total == 1500  # eight more stages' room once sentences are being embedded
    assert scale.encoded(20, 40) == 700
    assert scale.encoded(40, 40) == 1100
    assert scale.compared(2) == 1200
    assert scale.compared(5) == scale.total


def test_german_and_english_are_aligned_by_meaning_without_word_diff(window, open_articles, qtbot):
    steps = []
    window.session.progress.connect(lambda done, total: steps.append((done, total)))
    comparison = open_articles(CROSS)
    assert comparison.cross_language
    assert window.match_note.isVisible()
    assert window.match_note.text() == (
        "German and English: aligned by meaning, names and numbers, no word diff between languages"
    )
    assert "matched by all evidence" in window.status.text()
    cards = window.findChildren(ArticleHeader)
    metas = [card.meta.text() for card in cards]
    assert any("German" in m for m in metas) and any("English" in m for m in metas)
    # Every pair is worded differently across languages: the cards count them as paired, not as rewordings.
    assert all(
        "paired across languages" in card.counts.text() and "reworded" not in card.counts.text() for card in cards
    )

    # The embedding progress moved the bar inside the align stage, and the bar only ever went forward.
    assert any(total == 1500 and 300 < done < 1100 for done, total in steps)
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)

    pairs = [g for g in comparison.groups if set(g.members) == {"A", "B"}]
    assert len(pairs) >= 8  # the two reports share most of their sentences
    model = window.aligned_model
    cells = [model.index(r, c).data(CELL_ROLE) for r in range(model.rowCount()) for c in range(model.columnCount())]
    paired = [c for c in cells if c is not None and c.group is not None and c.status == Status.REWORDED]
    assert len(paired) >= 2 * len(pairs) - 2
    for cell in paired:
        assert cell.other_language
        assert not [m for m in cell.marks if m.kind in (MarkKind.INSERTED, MarkKind.DELETED)]
        assert "another language" in cell_tooltip(cell)
    # Facts are still compared across the languages: the English report names Northwood, the German one not.
    facts = [
        cell.text[m.start : m.end] for cell in cells if cell is not None for m in cell.marks if m.kind == MarkKind.FACT
    ]
    assert "Northwood" in facts


# Two outlets' own reports of one event: the same facts, hardly a sentence alike word for word.
HARBOUR = (
    "Harbour council approves new ferry timetable.\n\n"
    "The council of Port Ellery voted on Tuesday to add two evening crossings to the island ferry.\n\n"
    "The new timetable starts in May, and the extra crossings will cost the town 380,000 euros a year.\n\n"
    "Mayor Ines Kerr called the decision overdue.\n"
)
ISLAND = (
    "Islanders win later boats.\n\n"
    "Two more ferries will leave for the island each evening from May, Port Ellery's councillors decided on "
    "Tuesday.\n\n"
    "Running them costs 380,000 euros every year, the town says.\n\n"
    "Commuters had asked for later boats for a decade.\n"
)


def test_two_outlets_paired_by_strings_get_an_offer_to_align_by_all_evidence(window, open_articles, tmp_path, qtbot):
    files = []
    for name, text in (("harbour.txt", HARBOUR), ("island.txt", ISLAND)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    shown = open_articles(files)
    assert matching.matched_by(shown) == "fuzzy"
    bar = window.info_bar
    assert bar.isVisible() and bar.topic == "match-by-evidence"
    assert "matched word for word" in bar.message.text()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=60000):
        bar.button("Align by all evidence").click()
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=60000)
    assert window.comparison.settings.match == "combined"
    assert _paired(window.comparison) > _paired(shown)
    assert bar.isHidden()  # the offer is taken: nothing more to suggest for this comparison


def _paired(comparison):
    return sum(s.group is not None for r in comparison.articles for s in r.sentences)


def test_a_dismissed_offer_stays_away_when_the_same_articles_are_realigned(window, open_articles, tmp_path, qtbot):
    files = []
    for name, text in (("harbour.txt", HARBOUR), ("island.txt", ISLAND)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    open_articles(files)
    bar = window.info_bar
    assert bar.topic == "match-by-evidence"
    bar.close_button.click()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=60000):
        window.session.update_settings(threshold=0.45, debounce=False)
    qtbot.waitUntil(lambda: not window.session.runs.busy, timeout=60000)
    assert window.comparison.settings.threshold == 0.45
    assert matching.few_paired(window.comparison) is not None  # still few paired, but the user said no
    assert bar.topic != "match-by-evidence"


def test_no_offer_for_two_versions_of_one_text(window, open_articles, tmp_path):
    files = []
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(HARBOUR, encoding="utf-8")
        files.append(str(tmp_path / name))
    open_articles(files)
    assert window.info_bar.topic != "match-by-evidence"
