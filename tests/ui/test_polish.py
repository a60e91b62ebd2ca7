"""Polish (issue 17, item 8): icons that follow the theme, the cross-language colour in the legend, README shortcuts
that are true, the file dialog's filter, the export's suggested name and folder, plain grammar, filter chips that
say what a click does, and an empty library search that says so."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.core.model import Settings
from desktop.core.resources import resource_path
from desktop.core.sources import loading
from desktop.ui.file_names import ARTICLE_FILTER, suggested_stem
from desktop.ui.highlights import DiffKind
from desktop.ui.icons import themed_icon

README = Path(__file__).resolve().parents[2] / "README.md"
CROSS = [str(resource_path("samples", "cross", name)) for name in ("1-de.txt", "2-en.txt")]


def _plain(text):
    return text.replace("&", "").replace("…", "").strip()


def _menu_shortcuts(window):
    """(menu title, action text) → its shortcuts, for every menu command that has one."""
    found = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else ():
            keys = {k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()}
            if keys and action.text():
                found[(_plain(menu.title()), _plain(action.text()))] = keys
    return found


def _readme_shortcuts():
    table = README.read_text(encoding="utf-8").split("| Keys | Command |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        keys, command = (cell.strip() for cell in line.strip("|").split("|"))
        menu, _, item = command.partition(" ▸ ")
        portable = {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in keys.split(", ")}
        rows[(menu, _plain(re.sub(r"\s*\(.*\)$", "", item)))] = portable
    return rows


def test_the_readme_shortcut_table_is_true_and_complete(window):
    actual, documented = _menu_shortcuts(window), _readme_shortcuts()
    assert documented
    for command, keys in documented.items():
        assert command in actual, command
        assert keys <= actual[command], (command, keys, actual[command])
    for command, keys in actual.items():
        assert command in documented, (command, keys)


def test_the_open_dialog_lists_every_kind_of_article_the_loader_reads():
    suffixes = (
        loading._HTML_SUFFIXES
        | loading._MHTML_SUFFIXES
        | loading._MARKDOWN_SUFFIXES
        | loading._TEXT_SUFFIXES
        | loading._DOCUMENT_SUFFIXES
    )
    first = ARTICLE_FILTER.split(";;")[0]
    for suffix in suffixes:
        assert f"*{suffix} " in first or f"*{suffix})" in first, suffix
    assert "*.xhtml" in first and "*.mhtml" in first


def test_the_suggested_export_name_is_cut_at_a_word():
    title = "Port Ellery bus drivers walk off the job after contract talks collapse"
    assert suggested_stem(title) == "Port Ellery bus drivers walk off the job after contract"
    assert suggested_stem("Union’s 140,000 riders: “enough!”") == "Unions 140 000 riders enough"
    assert suggested_stem("") == "comparison"
    assert suggested_stem("x" * 80) == "x" * 60


def test_the_export_is_suggested_in_the_folder_of_the_last_export(
    window, open_articles, article_files, tmp_path, monkeypatch
):
    open_articles(article_files[:2])
    offered = []
    target = tmp_path / "reports" / "first.json"
    target.parent.mkdir()

    def save_as(parent, caption, suggested, file_filter):
        offered.append(suggested)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.actions_.save_json.trigger()
    assert target.exists()
    window.actions_.save_json.trigger()
    assert Path(offered[0]).parent != target.parent  # nothing exported there yet
    assert Path(offered[1]).parent == target.parent
    assert Path(offered[1]).name == suggested_stem(window.comparison.title) + ".json"


def test_one_article_left_after_a_failed_open_is_the_other_article_that_stays_open(
    window, article_files, tmp_path, qtbot, monkeypatch
):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    with qtbot.waitSignal(window.session.finished_run, timeout=30000):
        window.session.set_sources([article_files[0], str(tmp_path / "missing.txt")])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0].endswith("The other article stays open.")


def test_filter_chips_say_what_a_click_does(window, open_articles, article_files):
    open_articles(article_files[:3])
    chip = window.differences.chips[DiffKind.UNIQUE]
    count = window.differences.model.counts()[DiffKind.UNIQUE]
    assert chip.text() == f"✓ {count} unique"
    assert chip.toolTip().startswith("Click to hide sentences unique to one article")
    chip.click()
    assert chip.text() == f"{count} unique (hidden)"
    assert chip.toolTip().startswith("Hidden: click to show")


def test_an_empty_library_search_says_no_matches(window, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    window.library.wait(30000)
    qtbot.wait(20)
    panel = window.library.panel
    window.library_dock.show()
    with qtbot.waitSignal(panel.listed):  # the search runs on the library worker
        panel.search.setText("zebra crossing")
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "No matches for “zebra crossing”"
    assert panel.empty_note.isVisible() and "No matches" in panel.empty_note.text()
    with qtbot.waitSignal(panel.listed):
        panel.search.setText("")
    assert not panel.empty_note.isVisible()
    with qtbot.waitSignal(panel.articles.listed):
        panel.tabs.setCurrentWidget(panel.articles)
    with qtbot.waitSignal(panel.articles.listed):
        panel.articles.search.setText("zebra crossing")
    assert panel.articles.status.text() == "No matches for “zebra crossing”"


def test_the_legend_explains_the_grey_of_a_pair_across_languages(window, open_articles, article_files, qtbot):
    open_articles(article_files[:2])
    paired = window.legend.entries["paired"]
    assert paired.isHidden()
    with qtbot.waitSignal(window.session.comparison_changed, timeout=60000):
        window.session.start_new(CROSS, Settings(match="fuzzy"))
    assert window.comparison.cross_language
    assert not paired.isHidden()


def _icon_colour(icon):
    image = icon.pixmap(24, 24).toImage()
    inked = [image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 200]
    return sum(c.lightness() for c in inked) / len(inked)


def test_toolbar_icons_are_drawn_in_the_themes_text_colour(window, qtbot):
    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#2b2b2b"))
    light.setColor(QPalette.ColorRole.ButtonText, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.ButtonText, QColor("#eeeeee"))
    assert _icon_colour(themed_icon("open", light)) < 80
    assert _icon_colour(themed_icon("open", dark)) > 200
    open_action = window.actions_.open
    before = _icon_colour(open_action.icon())
    window.toolbar.setPalette(dark)
    QApplication.sendPostedEvents(window.toolbar, QEvent.Type.PaletteChange)
    qtbot.waitUntil(lambda: _icon_colour(open_action.icon()) > 200)
    assert before < 128
    assert window.toolbar.widgetForAction(open_action).toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonTextOnly
