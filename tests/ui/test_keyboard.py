"""Keyboard use (issue 17, item 3): Tab and Shift+Tab move between panes instead of walking the grid cell by cell,
the arrows move inside the grid, F6 jumps pane to pane, and the focus is visible everywhere, gap cells included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from desktop.ui.app import stylesheet


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def focused():
    return QApplication.focusWidget()


def tab_through(qtbot, count, backwards=False):
    seen = []
    for _ in range(count):
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        seen.append(focused())
    return seen


def test_tab_leaves_the_grid_at_once_and_shift_tab_comes_back(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    table = active.aligned.table
    table.setFocus()
    table.setCurrentIndex(active.aligned_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert focused() is not table
    assert table.currentIndex().column() == 0  # Tab did not move to the next cell
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is table


def test_tab_reaches_the_toolbar_filters_list_and_library(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    active.library_dock.show()
    active.aligned.table.setFocus()
    seen = tab_through(qtbot, 40)
    toolbar = active.toolbar.focus_widgets()
    assert toolbar[0] in seen and active.threshold.slider in seen
    assert all(chip in seen for chip in active.differences.chips.values())
    assert active.differences.list in seen
    assert active.library.panel.search in seen and active.library.panel.view in seen
    assert active.aligned.table in seen  # and round again


def test_arrows_move_inside_the_grid(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    table = active.aligned.table
    table.setFocus()
    table.setCurrentIndex(active.aligned_model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 0)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 1)
    assert focused() is table


def test_f6_jumps_from_pane_to_pane(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    active.library_dock.show()
    active.aligned.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert active.library.panel.isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is active.toolbar.focus_widgets()[0]
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert focused() is next(iter(active.differences.chips.values()))
    qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is active.toolbar.focus_widgets()[0]


def test_left_and_right_move_between_reading_columns(active, open_articles, article_files, qtbot):
    comparison = open_articles(article_files[:3])
    active.set_view("reading")
    group = next(g for g in comparison.groups if {"A", "B"} <= set(g.members))
    a, b = active.reading.column("A"), active.reading.column("B")
    active.reading.show_sentence("A", group.members["A"][0])
    a.list.setFocus()
    qtbot.keyClick(a.list, Qt.Key.Key_Right)
    assert focused() is b.list
    assert b.model.cell(b.list.currentIndex().row()).sentences[0] == group.members["B"][0]
    qtbot.keyClick(b.list, Qt.Key.Key_Left)
    assert focused() is a.list


def _paint(view, index, focus):
    """The cell as the view's delegate draws it, with or without the keyboard focus on it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    rect = view.visualRect(index)
    option.rect = rect.translated(-rect.topLeft())
    option.state |= QStyle.StateFlag.State_Enabled
    if focus:
        option.state |= QStyle.StateFlag.State_HasFocus
    image = QImage(rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    return image


def test_the_focused_cell_is_marked_even_when_it_is_a_gap(active, open_articles, article_files):
    open_articles(article_files[:3])
    table, model = active.aligned.table, active.aligned_model
    gap = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.cell(r, c).is_gap
    )
    assert _paint(table, gap, focus=True) != _paint(table, gap, focus=False)
    filled = next(model.index(r, 0) for r in range(model.rowCount()) if not model.cell(r, 0).is_gap)
    assert _paint(table, filled, focus=True) != _paint(table, filled, focus=False)


def test_the_differences_list_marks_its_focused_item(active, open_articles, article_files):
    open_articles(article_files[:3])
    view = active.differences.list
    index = view.model().index(0, 0)
    assert _paint(view, index, focus=True) != _paint(view, index, focus=False)


def test_focused_toolbar_buttons_chips_and_slider_look_different(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    active.setStyleSheet(stylesheet())
    table = active.aligned.table
    slider = active.threshold.slider
    shown = {slider: active.threshold}  # the slider's frame is drawn by the widget around it
    for widget in (active.toolbar.focus_widgets()[0], next(iter(active.differences.chips.values())), slider):
        table.setFocus()
        qtbot.waitUntil(lambda: focused() is table)
        before = shown.get(widget, widget).grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: focused() is w)
        assert shown.get(widget, widget).grab().toImage() != before


def test_a_comparison_opened_from_the_start_page_takes_the_keyboard(active, article_files, qtbot):
    active.start_page.buttons[0].setFocus()
    qtbot.waitUntil(lambda: focused() is active.start_page.buttons[0])
    with qtbot.waitSignal(active.session.comparison_changed, timeout=30000):
        active.opening.open_new(article_files[:2])
    assert focused() is active.aligned.table


def test_switching_views_takes_the_keyboard_along(active, open_articles, article_files, qtbot):
    open_articles(article_files[:3])
    active.aligned.show_sentence("A", 1)
    active.aligned.table.setFocus()
    qtbot.waitUntil(lambda: focused() is active.aligned.table)
    active.actions_.reading.trigger()
    assert focused() is active.reading.column("A").list
    active.actions_.aligned.trigger()
    assert focused() is active.aligned.table
