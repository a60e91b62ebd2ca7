"""Layout (issue 17, item 7): below ~1400 px the library shares the Differences column instead of taking its own,
so three articles fit at 1280 × 720; identical library names get outlets and date beside them; a selected row is
framed or tinted, never filled solid over its highlights."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.library import ComparisonInfo
from desktop.ui.app import stylesheet
from desktop.ui.library_panel import NAME, distinct_names


def info(cid, name, outlets=("Wire", "Partisan"), updated="2026-03-09T13:05:00+00:00"):
    return ComparisonInfo(cid, name, name, updated, updated, "0.2", tuple(outlets), "")


def test_at_1280_the_library_shares_the_differences_column_and_three_articles_fit(
    window, open_articles, article_files, qtbot
):
    open_articles(article_files[:3])
    window.library_dock.show()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.differences_dock in window.tabifiedDockWidgets(window.library_dock))
    qtbot.wait(100)  # the columns are fitted from the event loop
    assert window.aligned.table.horizontalScrollBar().maximum() == 0
    assert window.centralWidget().width() > 0.7 * window.width()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: not window.tabifiedDockWidgets(window.library_dock))
    assert window.dockWidgetArea(window.library_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_floating_library_is_left_where_it_is(window, qtbot):
    window.library_dock.show()
    window.library_dock.setFloating(True)
    window.resize(1280, 720)
    qtbot.wait(50)
    assert window.library_dock.isFloating()


def test_ctrl_l_brings_the_library_forward_and_types_into_its_search(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.resize(1280, 720)
    window.library_dock.show()
    qtbot.waitUntil(lambda: window.differences_dock in window.tabifiedDockWidgets(window.library_dock))
    window.differences_dock.raise_()
    qtbot.waitUntil(lambda: window.library_dock.visibleRegion().isEmpty())
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.library_dock.visibleRegion().isEmpty())
    assert QApplication.focusWidget() is window.library.panel.search


def test_identical_names_get_their_outlets_and_date_beside_them():
    rows = [info(1, "Port strike"), info(2, "Port strike", ("Radio", "Brief", "Wire")), info(3, "Ferry news")]
    names = distinct_names(rows)
    assert names[3] == "Ferry news"
    assert re.fullmatch(r"Port strike — 2026-03-09 \d\d:05 · 2 articles: Wire, Partisan", names[1])
    assert names[2].endswith(" · 3 articles: Radio, Brief, Wire")
    assert distinct_names(rows, "\n")[1].split("\n")[0] == "Port strike"
    many = distinct_names([info(1, "X", ("/home/me/a-long-folder/wire.txt", "B", "C", "D")), info(2, "x")])
    assert many[1].endswith(" · 4 articles: wire.txt, B, C +1")
    same = distinct_names([info(7, "Y"), info(8, "Y")])
    assert same[7].endswith(" · #7") and same[8].endswith(" · #8")


def test_the_library_list_and_recent_menu_tell_twin_names_apart(
    window, own_library, open_articles, article_files, qtbot
):
    store = own_library
    comparison = open_articles(article_files[:2])
    # The comparison's own autosave first: landing after the two saves below, it would update one of them
    # (same articles) instead of adding its own entry.
    qtbot.waitUntil(lambda: window.library.current_id is not None, timeout=10000)
    for _ in range(2):
        store.save(comparison, "Harbour strike")
    with qtbot.waitSignals([window.library.panel.listed, window.library.recent_changed]):
        window.library.refresh()
    window.library_dock.show()
    model = window.library.panel.model
    shown = [model.index(r, NAME).data() for r in range(model.rowCount())]
    twins = [s for s in shown if s.startswith("Harbour strike\n")]
    assert len(twins) == 2 and twins[0] != twins[1]
    view = window.library.panel.view
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == twins[0])
    single = next(r for r in range(model.rowCount()) if "\n" not in model.index(r, NAME).data())
    qtbot.waitUntil(lambda: view.rowHeight(row) > view.rowHeight(single))  # the second line has room
    assert model.index(row, NAME).data(Qt.ItemDataRole.EditRole) == "Harbour strike"  # a rename starts from the name
    labels = [a.text() for a in window.recent_comparisons_menu.actions()]
    assert all(Counter(labels)[label] == 1 for label in labels)
    assert all("\n" not in label for label in labels)


def test_a_narrow_library_gives_the_names_the_room(window, qtbot):
    panel = window.library.panel
    window.library_dock.show()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: panel.width() < 420)
    assert panel.view.isColumnHidden(1)
    window.resize(1800, 900)
    window.library_dock.setFloating(True)
    window.library_dock.resize(600, 500)
    qtbot.waitUntil(lambda: panel.width() >= 420)
    assert not panel.view.isColumnHidden(1)


def _highlight_share(image, rect, colour):
    hits = total = 0
    for x in range(rect.left() + 6, rect.right() - 6, 3):
        for y in range(rect.top() + 3, rect.bottom() - 3, 3):
            total += 1
            hits += image.pixelColor(x, y).rgb() == colour.rgb()
    return hits / max(1, total)


def test_a_selected_row_is_framed_not_filled_over_its_text(window, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    table, model = window.aligned.table, window.aligned_model
    row, column = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if not model.cell(r, c).is_gap and model.cell(r, c).status == "identical"
    )
    table.selectRow(row)
    qtbot.wait(50)
    image = table.viewport().grab().toImage()
    rect = table.visualRect(model.index(row, column))
    assert _highlight_share(image, rect, table.palette().color(QPalette.ColorRole.Highlight)) < 0.05


def test_the_library_selection_is_a_tint_with_an_outline(window, open_articles, article_files, qtbot):
    window.setStyleSheet(stylesheet())
    open_articles(article_files[:2])
    window.library.wait(30000)
    qtbot.wait(20)
    window.library.refresh()
    window.library_dock.show()
    view = window.library.panel.view
    view.selectRow(0)
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(0, NAME))
    assert _highlight_share(image, rect, QApplication.palette().color(QPalette.ColorRole.Highlight)) < 0.2
