"""Layout (issue 17, item 7): below ~1400 px the library shares the Differences column instead of taking its own,
so three articles fit at 1280 × 720; identical library names get outlets and date beside them; a selected row is
framed or tinted, never filled solid over its highlights."""

from __future__ import annotations

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
    rows = [info(1, "Port strike"), info(2, "Port strike", ("Radio", "Brief")), info(3, "Ferry news")]
    names = distinct_names(rows)
    assert names[3] == "Ferry news"
    assert names[1].startswith("Port strike — Wire, Partisan · ")
    assert names[2].startswith("Port strike — Radio, Brief · ")
    assert names[1] != names[2]
    same = distinct_names([info(7, "Y"), info(8, "Y")])
    assert same[7].endswith(" · #7") and same[8].endswith(" · #8")
    many = distinct_names([info(1, "X", ("/home/me/a-long-folder/wire.txt", "B", "C", "D")), info(2, "x")])
    assert many[1].startswith("X — wire.txt, B, C +1 · ")


def test_the_library_list_and_recent_menu_tell_twin_names_apart(window, open_articles, article_files, qtbot):
    store = window.library.store
    comparison = open_articles(article_files[:2])
    for _ in range(2):
        store.save(comparison, "Harbour strike")
    window.library.refresh()
    model = window.library.panel.model
    shown = [model.index(r, NAME).data() for r in range(model.rowCount())]
    twins = [s for s in shown if s.startswith("Harbour strike — ")]
    assert len(twins) == 2 and twins[0] != twins[1]
    assert model.index(0, NAME).data(Qt.ItemDataRole.EditRole) == "Harbour strike"  # renaming starts from the name
    labels = [a.text() for a in window.recent_comparisons_menu.actions()]
    assert all(Counter(labels)[label] == 1 for label in labels)


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
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if not model.cell(r, c).is_gap and model.cell(r, c).status == "identical")
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
