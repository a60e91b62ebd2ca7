"""The main window on literal articles: opening, highlights against the JSON summary, navigation, linking, errors."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.cli import main as cli_main
from desktop.core.model import Role, Status
from desktop.export import read_json
from desktop.ui.article_opening import dropped_locations
from desktop.ui.highlights import MarkKind, missing_fact_count


def test_opening_two_articles_shows_two_columns_with_headers(window, open_articles, article_files):
    comparison = open_articles(article_files[:2])
    assert [r.article.id for r in comparison.articles] == ["A", "B"]
    assert window.aligned_model.columnCount() == 2
    assert window.aligned_model.rowCount() >= 4
    titles = [card.title.text() for card in window.aligned.strip.cards]
    assert [t[:4] for t in titles] == ["A · ", "B · "]
    assert window.status.text().startswith("2 articles")


def test_opening_four_articles_places_every_sentence_exactly_once(window, open_articles, article_files):
    comparison = open_articles(article_files)
    model = window.aligned_model
    assert model.columnCount() == 4
    for column, result in enumerate(comparison.articles):
        seen = [i for row in range(model.rowCount()) for i in model.cell(row, column).sentences]
        assert sorted(seen) == [s.index for s in result.sentences]


def test_highlight_counts_equal_the_json_summary_for_the_same_files(window, open_articles, article_files, tmp_path):
    out = tmp_path / "cli.json"
    assert cli_main(["compare", *article_files[:3], "--json", str(out), "--quiet"]) == 0
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    comparison = open_articles(article_files[:3])
    window.set_view("reading")
    for column in window.reading.columns:
        cells = [column.model.cell(r) for r in range(column.model.rowCount())]
        content = [c for c in cells if not c.boilerplate]
        expected = summary[column.article_id]
        assert len(cells) == expected["sentences"]
        assert sum(c.status == Status.IDENTICAL for c in content) == expected["identical"]
        assert sum(c.status == Status.REWORDED for c in content) == expected["reworded"]
        assert sum(c.status == Status.UNIQUE for c in content) == expected["unique"]
        assert sum(c.commentary for c in content) == expected["commentary"]
        assert len(cells) - len(content) == expected["boilerplate"]
        assert missing_fact_count(comparison, column.article_id) == expected["missing_facts"]
    fact_marks = sum(
        1
        for column in window.reading.columns
        for r in range(column.model.rowCount())
        for m in column.model.cell(r).marks
        if m.kind == MarkKind.FACT
    )
    assert fact_marks == sum(1 for f in comparison.facts if f.missing_from)
    assert fact_marks > 0
    assert summary["B"]["commentary"] >= 1  # the partisan piece's opinion language is really there


def test_next_and_previous_difference_move_the_aligned_selection(window, open_articles, article_files):
    open_articles(article_files[:3])
    blocks = window.navigator.blocks
    assert len(blocks) >= 3
    window.navigator.go_to(0)
    first, second = blocks[1].first, blocks[2].first
    window.actions_.next_diff.trigger()
    assert window.aligned.table.currentIndex().row() == window.aligned_model.row_of(first.article, first.sentence)
    window.actions_.next_diff.trigger()
    assert window.aligned.table.currentIndex().row() == window.aligned_model.row_of(second.article, second.sentence)
    window.actions_.prev_diff.trigger()
    assert window.aligned.current_position() == (first.article, first.sentence)


def test_difference_filter_hides_unticked_kinds(window, open_articles, article_files):
    open_articles(article_files[:3])
    panel = window.differences
    total = panel.proxy.rowCount()
    unique = panel.model.counts()[next(k for k in panel.chips if str(k) == "unique")]
    assert unique > 0
    panel.chips[next(k for k in panel.chips if str(k) == "unique")].setChecked(False)
    assert panel.proxy.rowCount() == total - unique


def test_the_differences_of_a_run_are_gathered_off_the_gui_thread(window, open_articles, article_files, monkeypatch):
    """The comparison's worker gathers the Differences list with its presentation, so the window only shows it
    (a long comparison's list took ~0.07 s on the GUI thread); a saved comparison opened from the library has
    none gathered and is listed as before."""
    from desktop.ui import models
    from desktop.ui.highlights import differences

    gathered_here = []
    real = models.differences
    monkeypatch.setattr(models, "differences", lambda *args: gathered_here.append(1) or real(*args))
    comparison = open_articles(article_files[:3])
    expected = differences(comparison, list(window.session.display.rows))
    assert expected and window.differences.model.items() == expected
    assert gathered_here == []
    window.session.show_saved(comparison)  # no presentation or list handed over with it
    assert window.differences.model.items() == expected
    assert gathered_here == [1]


def test_selecting_a_sentence_in_reading_view_selects_its_counterparts(window, open_articles, article_files):
    comparison = open_articles(article_files[:3])
    window.set_view("reading")
    group = next(g for g in comparison.groups if {"A", "B", "C"} <= set(g.members))
    assert window.reading.show_sentence("A", group.members["A"][0])
    selected = window.reading.selected_counterparts()
    for aid in ("B", "C"):
        column = window.reading.column(aid)
        assert selected[aid] == column.model.row_of(group.members[aid][0])
    assert window.reading.linked_group == group.id


def test_aligned_selection_covers_the_whole_row(window, open_articles, article_files):
    comparison = open_articles(article_files[:3])
    group = next(g for g in comparison.groups if {"A", "B"} <= set(g.members))
    window.aligned.show_sentence("A", group.members["A"][0])
    columns = {i.column() for i in window.aligned.table.selectionModel().selectedIndexes()}
    assert columns == {0, 1, 2}


def test_threshold_change_realigns(window, open_articles, article_files, qtbot):
    before = open_articles(article_files[:3])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.set_threshold(0.95)
    after = window.comparison
    assert after.settings.threshold == 0.95

    def grouped(comparison):
        return sum(len(indices) for g in comparison.groups for indices in g.members.values())

    assert grouped(after) < grouped(before)  # a stricter threshold leaves looser paraphrases unpaired
    assert window.prefs.comparison_settings().threshold == 0.5  # this comparison's, not the defaults (item 5)


def test_bad_file_shows_an_error_naming_it_and_keeps_the_rest(
    window, open_articles, article_files, monkeypatch, tmp_path, qtbot
):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    missing = str(tmp_path / "no-such-article.txt")
    comparison = open_articles([article_files[0], missing, article_files[1]])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)  # the dialog opens after the loaded articles are shown
    assert len(shown) == 1
    assert "no-such-article.txt" in shown[0]
    assert "Traceback" not in shown[0]
    assert [r.article.path for r in comparison.articles] == [article_files[0], article_files[1]]
    assert [s.location for s in window.session.sources] == [article_files[0], article_files[1]]


def test_paste_as_new_article_adds_a_column(window, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    QApplication.clipboard().setText("Dock workers went on strike on Tuesday at Harbourtown port. Nobody was hurt.")
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.actions_.paste.trigger()
    assert window.aligned_model.columnCount() == 3


def test_reference_and_reorder_change_the_comparison(window, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.set_reference(2)
    assert window.comparison.settings.reference == "C"
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.session.move(0, 1)
    assert [r.article.path for r in window.comparison.articles][:2] == [article_files[1], article_files[0]]


def test_hide_boilerplate_removes_boilerplate_rows(window, open_articles, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Talks resume on Monday in Harbourtown.\n\nPhoto: Jane Doe / Harbour Press\n", encoding="utf-8")
    b.write_text("Talks resume on Monday in Harbourtown, the union said.\n", encoding="utf-8")
    comparison = open_articles([str(a), str(b)])
    boilerplate = sum(s.role == Role.BOILERPLATE for r in comparison.articles for s in r.sentences)
    rows = window.aligned_model.rowCount()
    window.actions_.hide_boilerplate.setChecked(True)
    assert window.aligned_model.rowCount() <= rows - (1 if boilerplate else 0)
    assert all(not window.aligned_model.cell(r, 0).boilerplate for r in range(window.aligned_model.rowCount()))


def test_dropped_files_and_links_become_locations():
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.txt"), QUrl("https://example.org/story"), QUrl("ftp://x/y")])
    assert dropped_locations(mime) == ["/tmp/a.txt", "https://example.org/story"]
    text = QMimeData()
    text.setText("https://example.org/other")
    assert dropped_locations(text) == ["https://example.org/other"]


def test_settings_and_geometry_survive_a_restart(window, store, open_articles, article_files):
    open_articles(article_files[:2])
    window.set_threshold(0.7)
    window.actions_.hide_boilerplate.setChecked(True)
    window.set_view("reading")
    window.close()
    from desktop.ui.preferences import Preferences

    prefs = Preferences(store)
    assert prefs.view_prefs().hide_boilerplate is True
    assert prefs.view_prefs().view == "reading"
    assert prefs.geometry()[0] is not None


def test_opened_files_go_to_the_recent_menu(window, article_files, qtbot):
    with qtbot.waitSignal(window.session.comparison_changed, timeout=30000):
        window.opening.add_locations(article_files[:2])
    labels = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert labels[:2] == ["&1 wire.txt", "&2 partisan.txt"]


def test_save_json_writes_a_comparison_that_reads_back(window, open_articles, article_files, monkeypatch, tmp_path):
    open_articles(article_files[:2])
    target = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions_.save_json.trigger()
    assert read_json(target).summary == window.comparison.summary
    assert str(target) in window.status.text()


def test_export_html_is_enabled_and_writes_the_report(window, open_articles, article_files, monkeypatch, tmp_path):
    open_articles(article_files[:2])
    assert window.actions_.export_html.isEnabled()
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions_.export_html.trigger()
    assert "Harbourtown" in target.read_text(encoding="utf-8")


def test_unexpected_errors_become_a_dialog_without_traceback(qtbot, monkeypatch):
    import sys

    from desktop.ui.app import install_exception_hook

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook()
    try:
        raise ValueError("the <b>frobnicator</b> broke")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    assert "ValueError: the <b>frobnicator</b> broke" in shown[0]
    assert "Traceback" not in shown[0]


def test_every_menu_action_has_a_shortcut_shown_or_is_reachable_by_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_pasting_empty_text_explains_instead_of_adding(window, open_articles, article_files, monkeypatch, qtbot):
    open_articles(article_files[:2])
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    QApplication.clipboard().setText("   \n")
    window.actions_.paste.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert len(shown) == 1 and "no text" in shown[0]
    assert len(window.session.sources) == 2


def test_two_pastes_stay_two_articles(window, open_articles, article_files, qtbot):
    open_articles(article_files[:1])
    for text in ("Dock workers struck on Tuesday in Harbourtown.", "The union wants more pay, a spokesman said."):
        QApplication.clipboard().setText(text)
        with qtbot.waitSignal(window.session.finished_run, timeout=30000):
            window.actions_.paste.trigger()
    assert [r.article.path for r in window.comparison.articles][1:] == ["Pasted text 1", "Pasted text 2"]


def test_resting_the_pointer_on_a_sentence_brings_its_counterpart_into_view(window, open_articles, tmp_path, qtbot):
    a, b = tmp_path / "short.txt", tmp_path / "long.txt"
    a.write_text("The harbour strike began on Tuesday morning. Nothing else was reported.", encoding="utf-8")
    filler = " ".join(f"Weather note {n}: {n * 3} millimetres of rain fell in zone {n}." for n in range(60))
    b.write_text(filler + " The harbour strike began on Tuesday morning.", encoding="utf-8")
    comparison = open_articles([str(a), str(b)])
    window.set_view("reading")
    group = comparison.article("A").sentences[0].group
    assert group is not None
    left, right = window.reading.columns
    target = window.reading.counterpart_rows(right, group)[0]
    assert not window.reading._row_visible(right, target)
    rect = left.list.visualRect(left.model.index(0, 0))
    qtbot.mouseMove(left.list.viewport(), rect.center())
    qtbot.waitUntil(lambda: window.reading._row_visible(right, target), timeout=3000)
    assert window.reading.hover_group == group
