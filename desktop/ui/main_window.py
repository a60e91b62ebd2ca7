"""The main window: menus, toolbar, the two views, the differences dock, legend and status bar.

It wires signals between the ``Session`` (what is compared), the views and the panel; it holds no comparison
logic of its own.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.model import Comparison
from desktop.core.presentation import Presentation, present
from desktop.core.resources import resource_path
from desktop.ui.actions import Actions
from desktop.ui.aligned_view import AlignedView
from desktop.ui.article_header import ArticleHeader
from desktop.ui.article_opening import ArticleOpening, dropped_locations
from desktop.ui.corrections import Corrections
from desktop.ui.crash_guard import CrashGuard
from desktop.ui.difference_jumps import DifferenceJumps
from desktop.ui.difference_navigator import DifferenceNavigator
from desktop.ui.differences_panel import DifferencesPanel
from desktop.ui.exports import HTML_EXPORT, Exports
from desktop.ui.focus_order import FocusOrder
from desktop.ui.info_bar import InfoBar
from desktop.ui.legend import Legend
from desktop.ui.library_dock import LibraryDock, refresh_recent_comparisons
from desktop.ui.library_link import LibraryLink
from desktop.ui.meaning_offer import MeaningOffer
from desktop.ui.models import AlignedModel
from desktop.ui.note_commands import NoteCommands
from desktop.ui.notes import NoteIndex
from desktop.ui.preferences import Preferences, ViewPrefs
from desktop.ui.reading_view import ReadingView
from desktop.ui.recovery import Recovery
from desktop.ui.run_status import RunStatus
from desktop.ui.session import Session
from desktop.ui.settings_dialog import ThresholdSlider
from desktop.ui.settings_link import SettingsLink
from desktop.ui.start_page import StartPage
from desktop.ui.toolbar import MainToolbar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        library_path: Path | None = None,
        library_error: str = "",
        recovery: Recovery | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.view_prefs = prefs.view_prefs()
        self.comparison: Comparison | None = None
        self._presentation: Presentation | None = None
        self._rows: list = []  # type: ignore[type-arg]
        self._stale_views: set[str] = set()
        self._run_started = 0.0
        self._shown_number = -1  # ``Session.comparison_number`` of the comparison on screen
        self.panel_menus: dict[str, QMenu] = {}
        self.setWindowTitle("Parallax")
        self.setAcceptDrops(True)
        icon = resource_path("icons", "parallax.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

        self.actions_ = Actions(self)
        self.aligned_model = AlignedModel(self)
        self.aligned = AlignedView(self.aligned_model)
        self.reading = ReadingView()
        self.stack = QStackedWidget()
        self.stack.setObjectName("views")
        self.start_page = StartPage(self.actions_.open, self.actions_.paste)
        self.empty = self.start_page
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.aligned)
        self.stack.addWidget(self.reading)
        self.legend = Legend()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.info_bar = InfoBar()
        layout.addWidget(self.info_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self.differences = DifferencesPanel()
        self.navigator = DifferenceNavigator(self)
        self.differences_dock = QDockWidget("Differences", self)
        self.differences_dock.setObjectName("differencesDock")
        self.differences_dock.setWidget(self.differences)
        self.differences_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.differences_dock.setTitleBarWidget(QWidget())  # the panel has its own title
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.differences_dock)
        self.resizeDocks([self.differences_dock], [290], Qt.Orientation.Horizontal)

        self.threshold = ThresholdSlider(compact=True)
        self.settings_link = SettingsLink(session, prefs, self.threshold, self.actions_.hide_boilerplate, self)
        self.run_status = RunStatus(session, self.statusBar(), self)
        self.status = self.run_status.status
        self.match_note = self.run_status.match_note
        self.cancel_button = self.run_status.cancel_button
        self.run_status.alert.connect(self.alert)
        self.library = LibraryLink(session, self.info_bar, library_path, library_error, self)
        self.meaning_offer = MeaningOffer(session, self.info_bar, self)
        self.library.message.connect(self.status.setText)
        self.library.alert.connect(self.alert)
        self.corrections = Corrections(session, self.aligned, self.reading, self.current_view, self)
        self.corrections.message.connect(self.status.setText)
        # Before ArticleOpening's own (queued) slot: the commands are up to date when its error dialog opens.
        session.new_failed.connect(lambda _errors: self._update_enabled(), Qt.ConnectionType.QueuedConnection)
        self._build_menus()
        self._build_toolbar()
        geometry, state = prefs.geometry()
        self.library_area = LibraryDock(
            self,
            self.library,
            self.differences_dock,
            self.add_panel,
            self._help_menu,
            self.panel_menus,
            first_run=state is None,
        )
        self.library_dock = self.library_area.dock
        self._connect()
        self._build_focus_order()
        self._apply_view_prefs()
        self._update_enabled()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_run_geometry()
        if state is not None:
            self.restoreState(state)
        self._refresh_recent_comparisons()
        self.guard = CrashGuard(session, self.library, self.info_bar, recovery, self) if recovery is not None else None
        if self.guard is not None:
            self.guard.message.connect(self.status.setText)
        if library_error:
            self.info_bar.ask(
                "library",
                "The comparison library could not be opened, so comparisons are not "
                f"saved in this session.\n{library_error}",
            )

    # -- construction -----------------------------------------------------------------------------------------
    def _first_run_geometry(self) -> None:
        """Side-by-side columns want room: fill a small screen, take most of a large one."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 900)
            return
        available = screen.availableGeometry()
        if available.width() <= 1700:
            self.setGeometry(available)
        else:
            self.resize(int(available.width() * 0.85), int(available.height() * 0.85))

    def _build_menus(self) -> None:
        a = self.actions_
        menu = self.menuBar()
        file = menu.addMenu("&File")
        file.addActions([a.new, a.open, a.add_article, a.open_url])
        self.recent_menu = QMenu("Add &Recent File", self)
        file.addMenu(self.recent_menu)
        self.recent_comparisons_menu = QMenu("Open Recent &Comparison", self)
        file.addMenu(self.recent_comparisons_menu)
        file.addSeparator()
        file.addActions([a.save_json, a.export_html])
        file.addSeparator()
        file.addAction(a.quit)
        edit = menu.addMenu("&Edit")
        edit.addActions([self.corrections.undo, self.corrections.redo])
        edit.addSeparator()
        edit.addAction(a.paste)
        edit.addSeparator()
        edit.addActions([a.note_sentence, a.note_group, a.note_comparison])
        edit.addSeparator()
        edit.addActions(self.corrections.actions)
        edit.addSeparator()
        edit.addAction(a.settings)
        view = menu.addMenu("&View")
        view.addActions([a.aligned, a.reading])
        view.addSeparator()
        view.addAction(a.hide_boilerplate)
        panel = self.differences_dock.toggleViewAction()
        panel.setText("&Differences Panel")
        panel.setShortcut("F9")
        view.addAction(panel)
        view.addSeparator()
        view.addActions([a.recompare, a.cancel])
        go = menu.addMenu("&Go")
        go.addActions([a.next_diff, a.prev_diff])
        go.addSeparator()
        go.addActions([a.next_pane, a.prev_pane])
        articles = menu.addMenu("&Articles")
        articles.addActions([a.reference, a.move_left, a.move_right])
        articles.addSeparator()
        articles.addAction(a.remove)
        self._help_menu = menu.addMenu("&Help")
        self._help_menu.addAction(a.about)
        self.opening = ArticleOpening(
            self.session, self.prefs, self.recent_menu, a.clear_recent, lambda: self.comparison is not None, self
        )
        self.opening.alert.connect(self.alert)
        self.opening.message.connect(self.status.setText)
        self.exports = Exports(
            self.prefs, lambda: self.comparison, self.library.notes.for_report, self.opening.last_folder, self
        )
        self.exports.alert.connect(self.alert)
        self.exports.message.connect(self.status.setText)

    def _build_toolbar(self) -> None:
        self.toolbar = MainToolbar(self.actions_, self.threshold, self)
        self.nav_counter = self.toolbar.counter
        self.addToolBar(self.toolbar)

    def _build_focus_order(self) -> None:
        """Tab goes toolbar → Differences → the articles (or the start page) → library; F6 jumps pane to pane."""
        library = self.library.panel
        self.focus_order = FocusOrder(
            [
                self.toolbar.focus_widgets,
                self.differences.focus_widgets,
                lambda: [*self.start_page.focus_widgets(), self.aligned.table, *(c.list for c in self.reading.columns)],
                library.focus_widgets if library is not None else lambda: [],
            ],
            self,
        )
        self.focus_order.apply()
        self.reading.columns_changed.connect(self.focus_order.apply)
        self.actions_.next_pane.triggered.connect(lambda: self.focus_order.step(1))
        self.actions_.prev_pane.triggered.connect(lambda: self.focus_order.step(-1))

    def _focus_view(self) -> None:
        """Give the keyboard to the articles on screen (the table, or the reading column of the selection)."""
        if self.current_view() is self.aligned:
            self.aligned.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        article = self.reading.current_article()
        column = self.reading.column(article) if article else None
        column = column or (self.reading.columns[0] if self.reading.columns else None)
        if column is not None:
            column.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect(self) -> None:
        a, s = self.actions_, self.session
        a.new.triggered.connect(self.new_comparison)
        self.note_commands = NoteCommands(
            a,
            self.library.notes,
            self.aligned,
            self.reading,
            self.current_view,
            lambda: self.comparison,
            self.corrections.context_actions,
            self,
        )
        self.note_commands.message.connect(self.status.setText)
        self.library.recent_changed.connect(self._refresh_recent_comparisons)
        self.library.notes.changed.connect(self.show_notes)
        self.start_page.open_requested.connect(self.library.open_saved)
        self.start_page.samples_requested.connect(self.opening.open_samples)
        a.open.triggered.connect(self.opening.open_files)
        a.add_article.triggered.connect(self.opening.add_files)
        a.open_url.triggered.connect(self.opening.open_url)
        a.paste.triggered.connect(self.opening.paste_article)
        a.save_json.triggered.connect(self.exports.save_json)
        a.export_html.triggered.connect(self.exports.export_html)
        a.quit.triggered.connect(self.close)
        a.settings.triggered.connect(self.settings_link.show_dialog)
        a.recompare.triggered.connect(s.run)
        a.cancel.triggered.connect(s.cancel)
        a.aligned.triggered.connect(lambda: self.set_view("aligned"))
        a.reading.triggered.connect(lambda: self.set_view("reading"))
        a.hide_boilerplate.toggled.connect(self.set_hide_boilerplate)
        self.jumps = DifferenceJumps(
            self.navigator,
            self.differences,
            self.aligned,
            self.reading,
            self.current_view,
            self.nav_counter,
            a.next_diff,
            a.prev_diff,
            self,
        )
        self.jumps.message.connect(self.status.setText)
        a.reference.triggered.connect(lambda: self._article_action("reference"))
        a.move_left.triggered.connect(lambda: self._article_action("left"))
        a.move_right.triggered.connect(lambda: self._article_action("right"))
        a.remove.triggered.connect(lambda: self._article_action("remove"))
        a.about.triggered.connect(self._about)
        self.aligned.position_changed.connect(lambda *_: self._update_enabled())
        self.reading.position_changed.connect(lambda *_: self._update_enabled())
        s.comparison_changed.connect(self.show_comparison)
        s.busy_changed.connect(self.actions_.cancel.setEnabled)
        s.sources_changed.connect(self._update_enabled)

    def _apply_view_prefs(self) -> None:
        prefs = self.view_prefs
        self.actions_.hide_boilerplate.setChecked(prefs.hide_boilerplate)
        (self.actions_.reading if prefs.view == "reading" else self.actions_.aligned).setChecked(True)
        self.differences_dock.setVisible(prefs.differences_visible)

    # -- extension point --------------------------------------------------------------------------------------
    def add_panel(
        self,
        widget: QWidget,
        title: str,
        *,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        menu_title: str | None = None,
    ) -> QDockWidget:
        """Dock another panel (e.g. the comparison library) with a menu of its own before Help."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower().replace(' ', '_')}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        menu = QMenu(menu_title or f"&{title}", self)
        toggle = dock.toggleViewAction()
        toggle.setText(f"Show {title} Panel")
        menu.addAction(toggle)
        self.menuBar().insertMenu(self._help_menu.menuAction(), menu)
        self.panel_menus[title] = menu
        return dock

    # -- showing results --------------------------------------------------------------------------------------
    def show_comparison(self, comparison: Comparison | None) -> None:
        # A re-run of the comparison on screen keeps the reader's place; a different comparison starts at the top.
        same = self.comparison is not None and self._shown_number == self.session.comparison_number
        place = self.current_view().place() if same else None
        self._shown_number = self.session.comparison_number
        self.comparison = comparison
        presentation = self.session.display if comparison is not None else None
        if comparison is not None and (presentation is None or presentation.comparison is not comparison):
            presentation = present(comparison)
        self._presentation = presentation
        self._rows = list(presentation.rows) if presentation is not None else []
        self.navigator.set_comparison(comparison, self._rows)
        self._stale_views = {"aligned", "reading"}
        self._render_current()
        gathered = self.session.differences if presentation is self.session.display else None
        self.differences.set_comparison(comparison, self._rows, gathered)
        title = comparison.title if comparison is not None else ""
        self.setWindowTitle(f"{title} — Parallax" if title else "Parallax")
        self.legend.set_cross_language(comparison is not None and comparison.cross_language)
        if comparison is None:
            self._refresh_recent_comparisons()
        if place is not None and comparison is not None:
            self.current_view().restore_place(place)
        self._update_enabled()

    def _cards(self) -> list[ArticleHeader]:
        cards = []
        assert self.comparison is not None
        for result in self.comparison.articles:
            card = ArticleHeader()
            card.set_article(self.comparison, result.article.id)
            card.reference_requested.connect(lambda aid: self._article_action("reference", aid))
            card.move_requested.connect(lambda aid, d: self._article_action("left" if d < 0 else "right", aid))
            card.remove_requested.connect(lambda aid: self._article_action("remove", aid))
            cards.append(card)
        return cards

    def _render_current(self) -> None:
        if self.comparison is None:
            self.aligned_model.set_comparison(None)
            self.stack.setCurrentWidget(self.empty)
            return
        name = "reading" if self.actions_.reading.isChecked() else "aligned"
        hide = self.actions_.hide_boilerplate.isChecked()
        if name in self._stale_views:
            started = time.perf_counter()
            view = self.reading if name == "reading" else self.aligned
            view.set_comparison(self.comparison, self._presentation, hide_boilerplate=hide, cards=self._cards())
            self._stale_views.discard(name)
            self.show_notes(self.library.notes.index, only=name)
            log.info("%s view built in %.3f s", name, time.perf_counter() - started)
        # The focus was on the start page (now hidden) or on the view being swapped out: it goes to the articles.
        focus = QApplication.focusWidget()
        shown = self.stack.currentWidget()
        follow = focus is None or (shown is not None and (shown is focus or shown.isAncestorOf(focus)))
        self.stack.setCurrentWidget(self.reading if name == "reading" else self.aligned)
        if follow:
            self._focus_view()

    def current_view(self) -> AlignedView | ReadingView:
        return self.reading if self.actions_.reading.isChecked() else self.aligned

    def set_view(self, name: str) -> None:
        """Switch between Aligned and Reading, at the same sentence: selected, and its row at the top."""
        # The view on screen, not ``current_view()``: a triggered view action is checked before this runs.
        shown = self.stack.currentWidget()
        place = shown.place() if isinstance(shown, AlignedView | ReadingView) and self.comparison else None
        (self.actions_.reading if name == "reading" else self.actions_.aligned).setChecked(True)
        self._render_current()
        if place is not None:
            self.current_view().restore_place(place)
        self._save_view_prefs()

    def set_hide_boilerplate(self, hide: bool) -> None:
        if self.comparison is not None:
            place = self.current_view().place()
            self._stale_views = {"aligned", "reading"}
            self._render_current()
            self.current_view().restore_place(place)
        self._save_view_prefs()

    def show_notes(self, notes: NoteIndex, only: str | None = None) -> None:
        """Notes as tooltips and corner markers in the views (``only``: the view just rebuilt)."""
        if only in (None, "aligned"):
            self.aligned_model.set_notes(notes)
        if only in (None, "reading"):
            for column in self.reading.columns:
                column.model.set_notes(notes)
        self.actions_.note_comparison.setToolTip(
            f"Note on the comparison: {notes.comparison}" if notes.comparison else "Write a note on the comparison"
        )

    # -- commands ---------------------------------------------------------------------------------------------
    def new_comparison(self) -> None:
        """Close the articles (they stay in the library) and show the start page."""
        self.library.new_comparison()
        self.session.clear(self.prefs.comparison_settings())
        self.status.setText("Ready")

    def set_threshold(self, value: float) -> None:
        """The comparison on screen with another similarity threshold (the toolbar slider's change)."""
        self.settings_link.set_threshold(value)

    def _article_action(self, action: str, article: str | None = None) -> None:
        article = article or self.current_view().current_article()
        if article is None:
            return
        position = self.session.position_of(article)
        if position < 0:
            return
        if action == "reference":
            self.session.set_reference(position)
        elif action == "left":
            self.session.move(position, -1)
        elif action == "right":
            self.session.move(position, 1)
        elif action == "remove":
            self.session.remove(position)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click on a sentence in either view: notes and article commands for that sentence."""
        if not self.note_commands.context_menu(event.globalPos()):
            super().contextMenuEvent(event)

    # -- feedback ---------------------------------------------------------------------------------------------
    def alert(self, title: str, text: str) -> None:
        """The controllers' warnings; through ``show_error`` looked up each time, as tests replace it."""
        self.show_error(title, text)

    def show_error(self, title: str, text: str) -> None:
        """A warning dialog in plain text: file names and messages may contain markup-like characters."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _update_enabled(self) -> None:
        a = self.actions_
        has = self.comparison is not None
        a.save_json.setEnabled(has)
        a.export_html.setEnabled(has and HTML_EXPORT)
        if not HTML_EXPORT:
            a.export_html.setStatusTip("HTML export is not available in this build")
        for action in (a.next_diff, a.prev_diff):
            action.setEnabled(has)
        current = self.current_view().current_article() if has else None
        for action in (a.reference, a.move_left, a.move_right, a.remove):
            action.setEnabled(current is not None)
        a.recompare.setEnabled(len(self.session.sources) >= 2)
        a.cancel.setEnabled(self.session.runs.busy)
        a.new.setEnabled(bool(self.session.sources))
        a.add_article.setEnabled(bool(self.session.sources))
        for action in (a.note_comparison, a.note_sentence, a.note_group):
            action.setEnabled(has and self.library.available)

    def _refresh_recent_comparisons(self) -> None:
        start_page = self.start_page if self.comparison is None else None
        refresh_recent_comparisons(self.library, self.recent_comparisons_menu, start_page)
        if start_page is not None:
            self.focus_order.apply()  # the recent comparisons are Tab stops

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Parallax",
            f"Parallax {__version__}\n\nCompare how different outlets report the same event.\nGPL-3.0-or-later",
        )

    def _save_view_prefs(self) -> None:
        self.view_prefs = ViewPrefs(
            hide_boilerplate=self.actions_.hide_boilerplate.isChecked(),
            view="reading" if self.actions_.reading.isChecked() else "aligned",
            differences_visible=(
                self.differences_dock.isVisible() if self.isVisible() else self.view_prefs.differences_visible
            ),
        )
        self.prefs.save_view_prefs(self.view_prefs)

    # -- drag and drop, closing -------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_locations(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        locations = dropped_locations(event.mimeData())
        if locations:
            event.acceptProposedAction()
            self.opening.add_locations(locations)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_view_prefs()
        self.prefs.save_geometry(self.saveGeometry(), self.saveState())
        # A comparison's settings are saved with it in the library; the defaults for new comparisons change only
        # in the settings dialog, so nothing about them is saved here.
        self.session.cancel()
        self.session.runs.wait(5000)
        self.library.wait(10000)  # the last autosave lands before the process ends
        if self.guard is not None:
            self.guard.close()
        super().closeEvent(event)
