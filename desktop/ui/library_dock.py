"""The library's place in the window: the Library dock and menu (Ctrl+L search, Add Articles from Library), and
the saved comparisons offered in File ▸ Open Recent Comparison and on the start page.

Without a library the menu says why instead of disappearing. It docks through the window's ``add_panel`` and
opens through ``LibraryLink``; it knows the window only as a ``QMainWindow``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from desktop.ui.dock_layout import LibraryDockLayout
from desktop.ui.library_link import LibraryLink
from desktop.ui.library_panel import distinct_names
from desktop.ui.start_page import StartPage

AddPanel = Callable[..., QDockWidget]


class LibraryDock(QObject):
    def __init__(
        self,
        window: QMainWindow,
        library: LibraryLink,
        differences: QDockWidget,
        add_panel: AddPanel,
        help_menu: QMenu,
        panel_menus: dict[str, QMenu],
        first_run: bool = False,
    ) -> None:
        """``first_run``: no saved window layout, so the panel shows once the library turns out to hold something."""
        super().__init__(window)
        self.library = library
        self.dock: QDockWidget | None = None
        self.layout: LibraryDockLayout | None = None
        panel = library.panel
        if panel is None:
            menu = QMenu("&Library", window)
            unavailable = menu.addAction("Library &Unavailable")
            unavailable.setEnabled(False)
            unavailable.setStatusTip(library.error)
            window.menuBar().insertMenu(help_menu.menuAction(), menu)
            return
        dock = add_panel(panel, "Library", menu_title="&Library")
        toggle = dock.toggleViewAction()
        toggle.setText("Show &Library Panel")
        toggle.setStatusTip("Saved comparisons and articles: reopen, rename, search, add to this comparison")
        self.dock = dock
        self.layout = LibraryDockLayout(window, dock, differences)
        search = QAction("&Search the Library", window)
        search.setShortcut("Ctrl+L")
        search.setStatusTip("Bring the library to the front and type in its search field")
        search.triggered.connect(self.show_library)
        panel_menus["Library"].insertAction(toggle, search)
        # First run: the panel is worth showing once there is something in it; afterwards the saved state decides.
        dock.setVisible(False)
        self._first_run = first_run
        library.recent_changed.connect(self._first_list)
        window.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
        articles = panel_menus["Library"].addAction("&Add Articles from Library…")
        articles.setStatusTip("Pick saved articles to add to the comparison on screen")
        articles.triggered.connect(self.show_library_articles)

    def _first_list(self) -> None:
        if self._first_run and self.dock is not None:
            self.dock.setVisible(bool(self.library.recent))
        self._first_run = False

    def show_library(self) -> None:
        """Ctrl+L: the library in front (over the Differences panel when they share a column), its search focused."""
        panel = self.library.panel
        if self.layout is None or panel is None:
            return
        self.layout.bring_forward()
        panel.tabs.setCurrentIndex(0)
        panel.search.setFocus()

    def show_library_articles(self) -> None:
        panel = self.library.panel
        if self.layout is None or panel is None:
            return
        self.layout.bring_forward()
        panel.tabs.setCurrentWidget(panel.articles)
        panel.articles.search.setFocus()


def refresh_recent_comparisons(library: LibraryLink, menu: QMenu, start_page: StartPage | None) -> None:
    """File ▸ Open Recent Comparison, and the start page's list when it is on screen (``start_page`` not None), from
    the library's ``recent`` as last read (left as they are until the worker's first answer)."""
    entries = library.recent
    if entries is None and library.available:
        return
    menu.clear()
    names = distinct_names(entries or ())
    for number, info in enumerate(entries or (), start=1):
        label = names[info.id].replace("&", "&&")
        action = menu.addAction(f"&{number} {label}" if number < 10 else label)
        action.setStatusTip(" · ".join(info.outlets))
        action.triggered.connect(lambda _=False, cid=info.id: library.open_saved(cid))
    if not entries:
        empty = menu.addAction("No saved comparisons yet" if entries is not None else "Library unavailable")
        empty.setEnabled(False)
    if start_page is not None:
        start_page.set_recent(entries, f"The library could not be opened: {library.error}")
