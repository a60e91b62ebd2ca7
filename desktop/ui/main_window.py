"""The main window: menus, toolbar, the two views, the differences dock, legend and status bar.

It wires signals between the ``Session`` (what is compared), the views and the panel; it holds no comparison
logic of its own.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.model import Comparison
from desktop.core.presentation import Presentation, present
from desktop.core.resources import resource_path, sample_paths
from desktop.core.sources.errors import LoadError
from desktop.export import write_json
from desktop.library import LibraryStore
from desktop.ui.actions import Actions
from desktop.ui.aligned_view import AlignedView
from desktop.ui.article_header import ArticleHeader, language_name
from desktop.ui.corrections import Corrections
from desktop.ui.crash_guard import CrashGuard
from desktop.ui.difference_blocks import Block
from desktop.ui.difference_navigator import DifferenceNavigator
from desktop.ui.differences_panel import DifferencesPanel
from desktop.ui.dock_layout import LibraryDockLayout
from desktop.ui.file_names import ARTICLE_FILTER, suggested_stem
from desktop.ui.focus_order import FocusOrder
from desktop.ui.highlights import Cell, Difference
from desktop.ui.info_bar import InfoBar
from desktop.ui.legend import Legend
from desktop.ui.library_link import LibraryLink
from desktop.ui.library_panel import distinct_names
from desktop.ui.models import CELL_ROLE, AlignedModel
from desktop.ui.notes import NoteIndex
from desktop.ui.preferences import Preferences, ViewPrefs
from desktop.ui.reading_view import ReadingView
from desktop.ui.recovery import Recovery
from desktop.ui.session import Session
from desktop.ui.settings_dialog import ThresholdSlider
from desktop.ui.settings_link import SettingsLink
from desktop.ui.start_page import StartPage
from desktop.ui.toolbar import MainToolbar
from desktop.ui.worker import RunResult

# Whether HTML export is available, without importing it (Jinja2) before the window is up; the menu item is
# disabled, not faked, in a build without it.
HTML_EXPORT = importlib.util.find_spec("desktop.export.html") is not None

log = logging.getLogger(__name__)
FILE_FILTER = ARTICLE_FILTER


class MainWindow(QMainWindow):
    def __init__(self, session: Session, prefs: Preferences, parent: QWidget | None = None, *,
                 library: LibraryStore | None = None, library_path: Path | None = None, library_error: str = "",
                 recovery: Recovery | None = None) -> None:
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
        self.differences_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                          | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.differences_dock.setTitleBarWidget(QWidget())  # the panel has its own title
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.differences_dock)
        self.resizeDocks([self.differences_dock], [290], Qt.Orientation.Horizontal)

        self.threshold = ThresholdSlider(compact=True)
        self.settings_link = SettingsLink(session, prefs, self.threshold, self.actions_.hide_boilerplate, self)
        self._build_status_bar()
        self.library = LibraryLink(session, self.info_bar, library, library_path, library_error, self)
        self.library.message.connect(self.status.setText)
        # Through a lambda: tests replace ``show_error`` on the window (a dialog is modal).
        self.library.alert.connect(lambda title, text: self.show_error(title, text))
        self.corrections = Corrections(session, self.aligned, self.reading, self.current_view, self)
        self.corrections.message.connect(self.status.setText)
        self._build_menus()
        self._build_toolbar()
        self._build_library_dock()
        self._connect()
        self._build_focus_order()
        self._apply_view_prefs()
        self._update_enabled()
        geometry, state = prefs.geometry()
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
            self.info_bar.ask("library", "The comparison library could not be opened, so comparisons are not "
                              f"saved in this session.\n{library_error}")

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

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status = QLabel("Ready")
        self.status.setObjectName("statusText")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Comparison progress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        # Says how the shown comparison was aligned when that is not plain text matching (e.g. across languages);
        # a permanent widget, so messages like "Saved …" in the status text do not wipe it.
        self.match_note = QLabel()
        self.match_note.setObjectName("matchNote")
        self.match_note.setTextFormat(Qt.TextFormat.PlainText)
        self.match_note.setAccessibleName("How the articles were aligned")
        self.match_note.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel comparison")
        self.cancel_button.hide()
        bar.addWidget(self.status, 1)
        bar.addPermanentWidget(self.match_note)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

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
        self._refresh_recent()

    def _build_toolbar(self) -> None:
        self.toolbar = MainToolbar(self.actions_, self.threshold, self)
        self.nav_counter = self.toolbar.counter
        self.addToolBar(self.toolbar)

    def _build_library_dock(self) -> None:
        """The Library menu and dock; without a library the menu says why instead of disappearing."""
        panel = self.library.panel
        if panel is None:
            menu = QMenu("&Library", self)
            unavailable = menu.addAction("Library &Unavailable")
            unavailable.setEnabled(False)
            unavailable.setStatusTip(self.library.error)
            self.menuBar().insertMenu(self._help_menu.menuAction(), menu)
            self.library_dock = None
            return
        dock = self.add_panel(panel, "Library", menu_title="&Library")
        toggle = dock.toggleViewAction()
        toggle.setText("Show &Library Panel")
        toggle.setStatusTip("Saved comparisons and articles: reopen, rename, search, add to this comparison")
        self.library_dock = dock
        self.library_layout = LibraryDockLayout(self, dock, self.differences_dock)
        search = QAction("&Search the Library", self)
        search.setShortcut("Ctrl+L")
        search.setStatusTip("Bring the library to the front and type in its search field")
        search.triggered.connect(self.show_library)
        self.panel_menus["Library"].insertAction(toggle, search)
        # First run: the panel is worth showing once there is something in it; afterwards the saved state decides.
        dock.setVisible(bool(self.library.recent()))
        self.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
        articles = self.panel_menus["Library"].addAction("&Add Articles from Library…")
        articles.setStatusTip("Pick saved articles to add to the comparison on screen")
        articles.triggered.connect(self.show_library_articles)

    def _build_focus_order(self) -> None:
        """Tab goes toolbar → Differences → the articles (or the start page) → library; F6 jumps pane to pane."""
        library = self.library.panel
        self.focus_order = FocusOrder([
            self.toolbar.focus_widgets,
            self.differences.focus_widgets,
            lambda: [*self.start_page.focus_widgets(), self.aligned.table, *(c.list for c in self.reading.columns)],
            library.focus_widgets if library is not None else lambda: [],
        ], self)
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

    def show_library(self) -> None:
        """Ctrl+L: the library in front (over the Differences panel when they share a column), its search focused."""
        if self.library_dock is None or self.library.panel is None:
            return
        self.library_layout.bring_forward()
        self.library.panel.tabs.setCurrentIndex(0)
        self.library.panel.search.setFocus()

    def show_library_articles(self) -> None:
        if self.library_dock is None or self.library.panel is None:
            return
        self.library_layout.bring_forward()
        self.library.panel.tabs.setCurrentWidget(self.library.panel.articles)
        self.library.panel.articles.search.setFocus()

    def _connect(self) -> None:
        a, s = self.actions_, self.session
        a.new.triggered.connect(self.new_comparison)
        a.note_comparison.triggered.connect(self.note_on_comparison)
        a.note_sentence.triggered.connect(self.note_on_sentence)
        a.note_group.triggered.connect(self.note_on_group)
        self.library.changed.connect(self._refresh_recent_comparisons)
        self.library.notes_changed.connect(self.show_notes)
        self.start_page.open_requested.connect(self.library.open_saved)
        self.start_page.samples_requested.connect(self.open_samples)
        s.new_failed.connect(self._new_failed, Qt.ConnectionType.QueuedConnection)
        s.run_cancelled.connect(self._cancelled)
        a.open.triggered.connect(self.open_files)
        a.add_article.triggered.connect(self.add_files)
        a.open_url.triggered.connect(self.open_url)
        a.paste.triggered.connect(self.paste_article)
        a.save_json.triggered.connect(self.save_json)
        a.export_html.triggered.connect(self.export_html)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.quit.triggered.connect(self.close)
        a.settings.triggered.connect(self.settings_link.show_dialog)
        a.recompare.triggered.connect(s.run)
        a.cancel.triggered.connect(s.cancel)
        a.aligned.triggered.connect(lambda: self.set_view("aligned"))
        a.reading.triggered.connect(lambda: self.set_view("reading"))
        a.hide_boilerplate.toggled.connect(self.set_hide_boilerplate)
        a.next_diff.triggered.connect(lambda: self.navigator.step(1))
        a.prev_diff.triggered.connect(lambda: self.navigator.step(-1))
        self.differences.shown_changed.connect(self.navigator.set_differences)
        self.navigator.blocks_changed.connect(self.aligned.set_blocks)
        self.navigator.current_changed.connect(self._show_block_position)
        self.navigator.jump_requested.connect(self._jump_to_block)
        self.navigator.edge_reached.connect(self._no_more_differences)
        self.aligned.block_activated.connect(self.navigator.go_to)
        self.aligned.position_changed.connect(self.navigator.locate)
        self.reading.position_changed.connect(self.navigator.locate)
        a.reference.triggered.connect(lambda: self._article_action("reference"))
        a.move_left.triggered.connect(lambda: self._article_action("left"))
        a.move_right.triggered.connect(lambda: self._article_action("right"))
        a.remove.triggered.connect(lambda: self._article_action("remove"))
        a.about.triggered.connect(self._about)
        self.cancel_button.clicked.connect(s.cancel)
        self.differences.jump_requested.connect(self.jump_to)
        self.aligned.position_changed.connect(lambda *_: self._update_enabled())
        self.reading.position_changed.connect(lambda *_: self._update_enabled())
        s.comparison_changed.connect(self.show_comparison)
        s.busy_changed.connect(self._busy)
        s.progress.connect(self._progress)
        # Queued: the views paint the articles that did load before the (modal) error dialog opens over them.
        s.load_failed.connect(self._load_failed, Qt.ConnectionType.QueuedConnection)
        s.run_failed.connect(self._run_failed)
        s.finished_run.connect(self._finished_run)
        s.sources_changed.connect(self._update_enabled)

    def _apply_view_prefs(self) -> None:
        prefs = self.view_prefs
        self.actions_.hide_boilerplate.setChecked(prefs.hide_boilerplate)
        (self.actions_.reading if prefs.view == "reading" else self.actions_.aligned).setChecked(True)
        self.differences_dock.setVisible(prefs.differences_visible)

    # -- extension point --------------------------------------------------------------------------------------
    def add_panel(self, widget: QWidget, title: str, *, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                  menu_title: str | None = None) -> QDockWidget:
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
        rows = self._rows
        self.differences.set_comparison(comparison, rows)
        title = comparison.title if comparison is not None else ""
        self.setWindowTitle(f"{title} — Parallax" if title else "Parallax")
        self._show_match_note(comparison)
        self.legend.set_cross_language(comparison is not None and comparison.cross_language)
        if comparison is None:
            self._refresh_recent_comparisons()
        if place is not None and comparison is not None:
            self.current_view().restore_place(place)
        self._update_enabled()

    def _show_match_note(self, comparison: Comparison | None) -> None:
        """Say plainly when the articles are in different languages: they were paired by meaning (when the
        encoder ran) and pairs across languages carry no word diff, which would otherwise look like a bug."""
        note = match_note(comparison) if comparison is not None else ""
        self.match_note.setText(note)
        self.match_note.setToolTip("Sentences in different languages are paired by what they mean and shown side "
                                   "by side; names, numbers and dates are still compared across the languages."
                                   if note else "")
        self.match_note.setVisible(bool(note))

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
            self.show_notes(self.library.notes, only=name)
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
            f"Note on the comparison: {notes.comparison}" if notes.comparison else "Write a note on the comparison")

    def jump_to(self, difference: Difference) -> None:
        self.current_view().show_sentence(difference.article, difference.sentence)

    def _jump_to_block(self, block: Block) -> None:
        """Next/Previous Difference or a click on the overview bar: show the block's first difference, and
        select it in the Differences panel too."""
        self.jump_to(block.first)
        self.differences.select(block.first)

    def _show_block_position(self, current: int, total: int) -> None:
        self.nav_counter.setText(self.navigator.text())
        self.aligned.set_current_block(current)

    def _no_more_differences(self, delta: int) -> None:
        if self.navigator.blocks:
            self.status.setText("No more differences below" if delta > 0 else "No more differences above")

    # -- commands ---------------------------------------------------------------------------------------------
    def new_comparison(self) -> None:
        """Close the articles (they stay in the library) and show the start page."""
        self.library.new_comparison()
        self.session.clear(self.prefs.comparison_settings())
        self.status.setText("Ready")

    def choose_files(self, title: str) -> list[str]:
        """Article files picked in one dialog ([] if cancelled). Tests replace this method."""
        paths, _ = QFileDialog.getOpenFileNames(self, title, self._last_folder(), FILE_FILTER)
        return list(paths)

    def open_files(self) -> None:
        """File ▸ Open: a new comparison of the files chosen (two or more, in one dialog)."""
        paths = self.choose_files("Open Articles for a New Comparison (choose two or more)")
        if paths:
            self.open_new(paths)

    def add_files(self) -> None:
        """File ▸ Add Article to This Comparison."""
        paths = self.choose_files("Add Articles to This Comparison")
        if paths:
            self.add_locations(paths)

    def open_new(self, locations: list[str]) -> None:
        """Start a new comparison of ``locations``; the one on screen stays until it has a result. A single file
        cannot be a comparison on its own, so with a comparison on screen it is offered as an addition."""
        if len(locations) == 1 and self.comparison is not None:
            if self.ask_add_single(locations[0]):
                self.add_locations(locations)
            return
        self._refresh_recent(self.prefs.add_recent(locations))
        self.session.start_new(locations, self.prefs.comparison_settings())

    def ask_add_single(self, location: str) -> bool:
        """Whether to add one chosen file to the comparison on screen. Tests replace this method."""
        box = QMessageBox(QMessageBox.Icon.Question, "One article chosen",
                          f"{Path(location).name}\n\nA new comparison needs two or more articles, chosen together "
                          "in the dialog (Ctrl-click or Shift-click). Add this one to the comparison on screen "
                          "instead?", QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        add = box.addButton("Add to This Comparison", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is add

    def open_samples(self) -> None:
        """The start page's "Try the samples": the bundled English reports of one invented event."""
        try:
            paths = [str(p) for p in sample_paths("en")]
        except OSError as error:
            self.show_error("Samples not found", f"The bundled samples could not be found: {error}")
            return
        self.session.start_new(paths, self.prefs.comparison_settings())

    def _new_failed(self, errors: list[LoadError]) -> None:
        """A new comparison (File ▸ Open) gave nothing to show: the one on screen stays, and so does its place."""
        self.status.setText("No new comparison was opened; the one on screen stays as it was")
        self._update_enabled()
        if errors:
            title = "Could not open an article" if len(errors) == 1 else f"Could not open {len(errors)} articles"
            self.show_error(title, "\n".join(str(e) for e in errors) + "\n\nA comparison needs two articles, so "
                            "no new one was started; the comparison on screen stays open.")

    def add_locations(self, locations: list[str]) -> None:
        self._refresh_recent(self.prefs.add_recent(locations))
        self.session.add_sources(locations)

    def open_url(self) -> None:
        url, ok = QInputDialog.getText(self, "Open URL", "Web address of the article:")
        if ok and url.strip():
            self.add_locations([url.strip()])

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("Nothing to paste", "The clipboard holds no text to add as an article.")
            return
        self.session.add_text(text)

    def save_json(self) -> None:
        if self.comparison is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save Comparison", self._default_name(".json"), "JSON (*.json)")
        if path:
            self._write(write_json, path)

    def export_html(self) -> None:
        if self.comparison is None or not HTML_EXPORT:
            return
        from desktop.export import write_html

        path, _ = QFileDialog.getSaveFileName(self, "Export HTML", self._default_name(".html"), "HTML (*.html)")
        if path:
            self._write(functools.partial(write_html, notes=self.library.export_notes()), path)

    def _write(self, writer: Callable[[Comparison, str], object], path: str) -> None:
        """Write an export; on a read-only folder or a full disk say so plainly; the comparison stays open."""
        if self.comparison is None:
            return
        try:
            writer(self.comparison, path)
        except OSError as error:
            reason = error.strerror or str(error)
            self.show_error("Could not save", f"{path}\n\nThe file could not be written: {reason}.\n\n"
                            "Nothing was lost: the comparison is still open. Choose another folder or free some "
                            "space and save again.")
            self.status.setText(f"Not saved: {path}: {reason}")
            return
        self.prefs.save_export_folder(str(Path(path).parent))
        self.status.setText(f"Saved {path}")

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

    # -- notes ------------------------------------------------------------------------------------------------
    def ask_note(self, title: str, label: str, current: str) -> str | None:
        """The note text, or None if cancelled; an empty text removes the note. Tests replace this method."""
        text, ok = QInputDialog.getMultiLineText(self, title, label, current)
        return text if ok else None

    def _selected_sentence(self) -> tuple[str, int] | None:
        position = self.current_view().current_position() if self.comparison is not None else None
        if position is None or position[1] < 0:
            self.status.setText("Select a sentence first")
            return None
        return position

    def note_on_comparison(self) -> None:
        if self.comparison is None:
            return
        text = self.ask_note("Note on Comparison", "Note on the whole comparison (empty removes it):",
                             self.library.notes.comparison)
        if text is not None:
            self.library.set_note(text)

    def note_on_sentence(self) -> None:
        position = self._selected_sentence()
        if position is None:
            return
        article, sentence = position
        current = self.library.notes.sentences.get(position, "")
        text = self.ask_note("Note on Sentence", f"Note on sentence {sentence + 1} of article {article} "
                             "(e.g. “confirmed omission”; empty removes it):", current)
        if text is not None:
            self.library.set_note(text, article=article, sentence=sentence)

    def note_on_group(self) -> None:
        position = self._selected_sentence()
        if position is None or self.comparison is None:
            return
        group = self.comparison.article(position[0]).sentences[position[1]].group
        if group is None:
            self.status.setText("That sentence has no counterpart, so it is in no group; add a sentence note")
            return
        text = self.ask_note("Note on Group", "Note on this group of matching sentences (e.g. “false match”; "
                             "empty removes it):", self.library.notes.groups.get(group, ""))
        if text is not None:
            self.library.set_note(text, group=group)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click on a sentence in either view: notes and article commands for that sentence."""
        cell = self._cell_at(event.globalPos())
        if cell is None:
            super().contextMenuEvent(event)
            return
        a = self.actions_
        menu = QMenu(self)
        menu.addAction(a.note_sentence)
        if cell.group is not None:
            menu.addAction(a.note_group)
        menu.addAction(a.note_comparison)
        menu.addSeparator()
        menu.addActions(self.corrections.context_actions())
        menu.addSeparator()
        menu.addActions([a.reference, a.move_left, a.move_right, a.remove])
        for action in (a.note_sentence, a.note_group, a.note_comparison):
            action.setEnabled(self.library.available)
        self.exec_menu(menu, event.globalPos())

    def exec_menu(self, menu: QMenu, position: QPoint) -> None:
        """Run a popup menu (tests replace this: a popup is modal)."""
        menu.exec(position)

    def _cell_at(self, global_pos: QPoint) -> Cell | None:
        """Select the sentence under the pointer and return its cell (None outside the sentence lists)."""
        if self.comparison is None:
            return None
        views: list[QAbstractItemView] = [self.aligned.table] if self.current_view() is self.aligned else [
            c.list for c in self.reading.columns]
        for view in views:
            viewport = view.viewport()
            local = viewport.mapFromGlobal(global_pos)
            if not viewport.isVisible() or not viewport.rect().contains(local):
                continue
            index = view.indexAt(local)
            cell = index.data(CELL_ROLE) if index.isValid() else None
            if not isinstance(cell, Cell) or cell.is_gap:
                return None
            self.current_view().show_sentence(cell.article, cell.sentences[0])
            return cell
        return None

    # -- feedback ---------------------------------------------------------------------------------------------
    def show_error(self, title: str, text: str) -> None:
        """A warning dialog in plain text: file names and messages may contain markup-like characters."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _load_failed(self, errors: list[LoadError]) -> None:
        kept = len(self.session.sources)
        lines = "\n".join(str(e) for e in errors)
        if kept == 1:
            more = "\n\nThe other article stays open."
        else:
            more = f"\n\nThe other {kept} articles stay open." if kept else ""
        title = "Could not open an article" if len(errors) == 1 else f"Could not open {len(errors)} articles"
        self.show_error(title, lines + more)

    def _run_failed(self, message: str) -> None:
        kept = " The previous result stays on screen." if self.comparison is not None else ""
        self.status.setText("Comparison failed." + kept)
        self.show_error("Comparison failed", f"{message}\n\nYour articles are unchanged.{kept}")

    def _cancelled(self) -> None:
        self.status.setText("Comparison cancelled" + (": the previous result stays on screen"
                                                      if self.comparison is not None else ""))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.actions_.cancel.setEnabled(busy)
        if busy:
            self._run_started = time.perf_counter()
            self.progress.setRange(0, 0)
            self.status.setText(f"Comparing {len(self.session.sources)} articles…")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished_run(self, result: RunResult) -> None:
        comparison = result.comparison
        if comparison is None:
            count = len(result.articles)
            self.status.setText(f"{count} article{'s' if count != 1 else ''} loaded · a comparison needs two")
            return
        sentences = sum(len(r.sentences) for r in comparison.articles)
        self.status.setText(
            f"{len(comparison.articles)} articles · {sentences:,} sentences · {len(comparison.groups):,} alignment "
            f"groups · loaded in {result.load_seconds:.2f} s · compared in {result.compare_seconds:.2f} s · "
            f"threshold {comparison.settings.threshold:.2f} · {_matched_label(comparison)} · "
            f"reference: {comparison.settings.reference}"
        )

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
        a.cancel.setEnabled(self.session.busy)
        a.new.setEnabled(bool(self.session.sources))
        a.add_article.setEnabled(bool(self.session.sources))
        for action in (a.note_comparison, a.note_sentence, a.note_group):
            action.setEnabled(has and self.library.available)

    def _refresh_recent(self, recent: list[str] | None = None) -> None:
        recent = self.prefs.recent_files() if recent is None else recent
        self.recent_menu.clear()
        for number, location in enumerate(recent, start=1):
            label = f"&{number} {Path(location).name if '://' not in location else location}"
            action = self.recent_menu.addAction(label)
            action.setStatusTip(location)
            action.triggered.connect(lambda _=False, loc=location: self.add_locations([loc]))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions_.clear_recent)
        self.actions_.clear_recent.setEnabled(bool(recent))

    def _refresh_recent_comparisons(self) -> None:
        entries = self.library.recent()
        menu = self.recent_comparisons_menu
        menu.clear()
        names = distinct_names(entries or ())
        for number, info in enumerate(entries or (), start=1):
            label = names[info.id].replace("&", "&&")
            action = menu.addAction(f"&{number} {label}" if number < 10 else label)
            action.setStatusTip(" · ".join(info.outlets))
            action.triggered.connect(lambda _=False, cid=info.id: self.library.open_saved(cid))
        if not entries:
            empty = menu.addAction("No saved comparisons yet" if entries is not None else "Library unavailable")
            empty.setEnabled(False)
        if self.comparison is None:
            self.start_page.set_recent(entries, f"The library could not be opened: {self.library.error}")
            self.focus_order.apply()  # the recent comparisons are Tab stops

    def _clear_recent(self) -> None:
        self.prefs.clear_recent()
        self._refresh_recent([])

    def _about(self) -> None:
        QMessageBox.about(self, "About Parallax",
                          f"Parallax {__version__}\n\nCompare how different outlets report the same event.\n"
                          "GPL-3.0-or-later")

    def _last_folder(self) -> str:
        recent = [r for r in self.prefs.recent_files() if "://" not in r]
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _default_name(self, suffix: str) -> str:
        """The title cut at a word boundary, in the folder the last export went to (else the articles' folder)."""
        stem = suggested_stem(self.comparison.title if self.comparison is not None else "")
        return str(Path(self.prefs.export_folder() or self._last_folder()) / f"{stem}{suffix}")

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
    @staticmethod
    def dropped_locations(mime: QMimeData) -> list[str]:
        """Local files as paths, web links as URLs; a dragged text that is a URL counts too."""
        found = []
        for url in mime.urls():
            if url.isLocalFile():
                found.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                found.append(url.toString())
        if not found and mime.hasText():
            url = QUrl(mime.text().strip())
            if url.scheme() in ("http", "https"):
                found.append(url.toString())
        return found

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_locations(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        locations = self.dropped_locations(event.mimeData())
        if locations:
            event.acceptProposedAction()
            self.add_locations(locations)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_view_prefs()
        self.prefs.save_geometry(self.saveGeometry(), self.saveState())
        # A comparison's settings are saved with it in the library; the defaults for new comparisons change only
        # in the settings dialog, so nothing about them is saved here.
        self.session.cancel()
        self.session.wait(5000)
        self.library.wait(10000)  # the last autosave lands before the process ends
        if self.guard is not None:
            self.guard.close()
        super().closeEvent(event)


_MATCHED = {"fuzzy": "matched by text", "semantic": "matched by meaning", "both": "matched by text and meaning",
            "combined": "matched by all evidence"}


def _matched_label(comparison: Comparison) -> str:
    from desktop.core.align.matching import matched_by  # the alignment engine is imported on the worker, not at start

    return _MATCHED.get(matched_by(comparison), f"matched by {comparison.settings.match}")


def match_note(comparison: Comparison) -> str:
    """The status-bar note for a cross-language comparison (“German and English: aligned by meaning, no word
    diff between languages”), so missing strike/underline marks read as intended; "" for one language."""
    if not comparison.cross_language:
        return ""
    names = [language_name(code) for code in dict.fromkeys(r.article.language for r in comparison.articles) if code]
    languages = ", ".join(names[:-1]) + " and " + names[-1]
    from desktop.core.align.matching import matched_by

    how = matched_by(comparison)
    if how == "fuzzy":
        # The encoder is missing (or fuzzy was chosen): translations will mostly stay unpaired.
        aligned = "aligned by text only, so translated sentences mostly stay unpaired"
    else:
        aligned = {"semantic": "aligned by meaning", "combined": "aligned by meaning, names and numbers"}.get(
            how, "aligned by text and meaning"
        )
    return f"{languages}: {aligned}, no word diff between languages"
