"""The library panel on a temporary library: list, sort, search, reopen, rename, duplicate, delete.

The panel reads and changes the library through its worker, so each test waits for the answer (``listed``)."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.library import open_library
from desktop.ui.library_panel import ID_ROLE, NAME, UPDATED, LibraryModel, LibraryPanel
from desktop.ui.library_worker import LibraryWorker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the library samples live in tests/
from library_samples import engine_comparison, rich_comparison


@pytest.fixture
def library(tmp_path):
    store = open_library(tmp_path / "library.sqlite3")
    yield store
    store.db.close()


@pytest.fixture
def panel(qtbot, library, tmp_path):
    library.save(rich_comparison(), "Bridge opening")
    library.save(engine_comparison(), "Elbe ceremony")
    worker = LibraryWorker(tmp_path / "library.sqlite3")
    widget = LibraryPanel(worker)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.listed):
        widget.show()
    yield widget
    worker.wait(10000)


def shown_names(panel: LibraryPanel) -> list[str]:
    return [panel.proxy.index(row, NAME).data() for row in range(panel.proxy.rowCount())]


def select_name(panel: LibraryPanel, name: str) -> int:
    row = shown_names(panel).index(name)
    panel.view.selectRow(row)
    return int(panel.proxy.index(row, NAME).data(ID_ROLE))


def test_model_rows_carry_name_outlets_and_id_without_a_widget(library):
    cid = library.save(engine_comparison(), "Elbe ceremony")
    model = LibraryModel()
    model.set_rows(library.list())
    assert model.rowCount() == 1
    assert model.index(0, NAME).data() == "Elbe ceremony"
    assert model.index(0, 1).data() == "Daily A · Herald B · Courier C"
    assert model.index(0, NAME).data(ID_ROLE) == cid
    assert "3 articles" in model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)


def test_list_starts_newest_first_and_sorts_by_name(panel):
    assert shown_names(panel) == ["Elbe ceremony", "Bridge opening"]
    panel.view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert shown_names(panel) == ["Bridge opening", "Elbe ceremony"]
    panel.view.sortByColumn(UPDATED, Qt.SortOrder.AscendingOrder)
    assert shown_names(panel) == ["Bridge opening", "Elbe ceremony"]


def test_search_box_filters_through_full_text_search(panel, qtbot):
    with qtbot.waitSignal(panel.listed):
        panel.search.setText("shameful")  # only in an article of the Elbe comparison
    assert shown_names(panel) == ["Elbe ceremony"]
    with qtbot.waitSignal(panel.listed):
        panel.search.setText("Subscr")
    assert shown_names(panel) == ["Bridge opening"]
    with qtbot.waitSignal(panel.listed):
        panel.search.clear()
    assert len(shown_names(panel)) == 2


def test_typing_fast_shows_only_the_answer_to_the_newest_search(panel, qtbot):
    """Each key asks the worker again; answers to the keys before the last are dropped, not shown in turn."""
    shown = []
    panel.listed.connect(lambda: shown.append(shown_names(panel)))
    for text in ("s", "sh", "sham", "shameful"):
        panel.search.setText(text)
    panel.worker.wait(10000)
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(20)
    assert shown == [["Elbe ceremony"]]


def test_double_click_and_open_button_request_the_selected_comparison(panel, qtbot):
    cid = select_name(panel, "Bridge opening")
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [cid]
    index = panel.proxy.index(shown_names(panel).index("Elbe ceremony"), NAME)
    panel.view.selectRow(index.row())
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.view.doubleClicked.emit(index)
    assert opened.args == [index.data(ID_ROLE)]


def test_buttons_are_disabled_without_a_selection(panel):
    panel.view.clearSelection()
    assert not panel.open_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    select_name(panel, "Bridge opening")
    assert panel.open_button.isEnabled()


def test_typing_a_new_name_renames_in_the_store(panel, library, qtbot):
    cid = select_name(panel, "Bridge opening")
    index = panel.proxy.index(shown_names(panel).index("Bridge opening"), NAME)
    with qtbot.waitSignals([panel.changed, panel.listed]):
        panel.proxy.setData(index, "Northwood affair")
    assert library.info(cid).name == "Northwood affair"
    assert "Northwood affair" in shown_names(panel)
    assert panel.selected_id() == cid


def test_duplicate_adds_a_copy_and_selects_it(panel, library, qtbot):
    cid = select_name(panel, "Bridge opening")
    with qtbot.waitSignals([panel.changed, panel.listed]):
        panel.duplicate_selected()
    assert "Bridge opening (copy)" in shown_names(panel)
    copy = panel.selected_id()
    assert copy != cid
    assert library.load(copy) == library.load(cid)


def test_delete_asks_first_and_keeps_the_comparison_when_declined(panel, library, monkeypatch, qtbot):
    cid = select_name(panel, "Bridge opening")
    asked = []
    monkeypatch.setattr(panel, "confirm_delete", lambda info: asked.append(info.name) or False)
    panel.delete_selected()
    panel.worker.wait(10000)
    qtbot.wait(20)
    assert asked == ["Bridge opening"]
    assert library.info(cid).name == "Bridge opening"


def test_delete_confirmed_removes_it_and_says_which(panel, library, monkeypatch, qtbot):
    cid = select_name(panel, "Bridge opening")
    monkeypatch.setattr(panel, "confirm_delete", lambda info: True)
    gone = []
    panel.deleted.connect(gone.append)
    with qtbot.waitSignals([panel.deleted, panel.listed]):
        panel.delete_selected()
    assert gone == [cid]
    assert shown_names(panel) == ["Elbe ceremony"]
    assert cid not in [i.id for i in library.list()]


def test_comparison_deleted_elsewhere_shows_a_message_instead_of_failing(panel, library, qtbot):
    cid = select_name(panel, "Bridge opening")
    library.delete(cid)  # another window or process
    failed = []
    panel.failed.connect(failed.append)
    with qtbot.waitSignals([panel.failed, panel.listed]):
        panel.duplicate_selected()
    assert "no longer in the library" in failed[0]
    assert "no longer in the library" in panel.status.text()
    assert shown_names(panel) == ["Elbe ceremony"]


def test_refresh_picks_up_saves_from_elsewhere(panel, library, qtbot):
    library.save(rich_comparison(), "Saved by the CLI")
    with qtbot.waitSignal(panel.listed):
        panel.refresh()
    assert shown_names(panel)[0] == "Saved by the CLI"
    assert panel.status.text() == "3 saved comparisons"


def test_articles_tab_lists_library_articles_and_searches_their_text(panel, qtbot):
    with qtbot.waitSignal(panel.articles.listed):
        panel.tabs.setCurrentWidget(panel.articles)
    assert panel.articles.proxy.rowCount() == 5  # 2 + 3 articles, no duplicates
    with qtbot.waitSignal(panel.articles.listed):
        panel.articles.search.setText("shameful")
    assert panel.articles.proxy.rowCount() == 1
    assert panel.articles.proxy.index(0, 1).data() == "Daily A"


def test_add_to_comparison_hands_over_the_selected_article_ids(panel, library, qtbot):
    with qtbot.waitSignal(panel.articles.listed):
        panel.tabs.setCurrentWidget(panel.articles)
    with qtbot.waitSignal(panel.articles.listed):
        panel.articles.search.setText("Subscribe")
    panel.articles.view.selectAll()
    with qtbot.waitSignal(panel.add_articles_requested) as requested:
        qtbot.mouseClick(panel.articles.add_button, Qt.MouseButton.LeftButton)
    [library_id] = requested.args[0]
    assert library.articles.get(library_id, "C").source == "Herald B"


def test_the_changed_column_shows_local_time_for_today_and_the_date_before(monkeypatch):
    import time

    from desktop.ui.library_panel import _short_when

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        assert _short_when("2026-11-25T14:56:03.123456+00:00", today="2026-11-25") == "15:56"
        assert _short_when("2026-11-25T23:30:00+00:00", today="2026-11-25") == "2026-11-26"
        assert _short_when("2026-11-20T09:05:00+00:00", today="2026-11-25") == "2026-11-20"
    finally:
        monkeypatch.undo()
        time.tzset()
