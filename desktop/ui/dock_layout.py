"""Where the library dock goes, by the window's width: beside the articles on a wide window, as a tab over the
Differences panel's column on a narrow one, so the articles keep their room.

At 1280 × 720 a library docked on its own took 28 % of the width and left two and a half article columns with a
horizontal scroll bar. Below ``NARROW`` pixels it shares the Differences column instead (one click on its tab, or
Ctrl+L, brings it to the front); on a wide window it goes back beside the articles. The choice is made again only
when the width crosses the line, so a dock the user moved stays where they put it until then; a floating dock is
never moved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

NARROW = 1400
LIBRARY_WIDTH = 340


class LibraryDockLayout(QObject):
    def __init__(
        self, window: QMainWindow, library: QDockWidget, differences: QDockWidget, narrow: int = NARROW
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.differences = differences
        self.narrow_below = narrow
        self.narrow: bool | None = None  # the last width class acted on
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.fit()
        return False

    def fit(self) -> None:
        if not self.window.isVisible():
            return
        narrow = self.window.width() < self.narrow_below
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if self.library.isFloating():
            return
        shares = self.differences in self.window.tabifiedDockWidgets(self.library)
        if narrow and not shares:
            self.window.tabifyDockWidget(self.differences, self.library)
            self.differences.raise_()
        elif not narrow and shares:
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.library)
            self.window.resizeDocks([self.library], [LIBRARY_WIDTH], Qt.Orientation.Horizontal)

    def bring_forward(self) -> None:
        """Show the library, in front of the Differences panel when they share a column."""
        self.library.show()
        self.library.raise_()
