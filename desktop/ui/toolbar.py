"""The main toolbar: file commands, the view switch, the similarity slider, difference navigation with its
"3 of 12" counter, and the outputs. Buttons carry SVG icons in the palette's colours (rebuilt when the theme
changes); on a narrow window buttons drop their text one by one, least needed first, keeping icon and tooltip,
so every button stays on screen at 1280 px.

Each button is the command's own ``QAction`` or a short-named mirror of it that follows its enabled state and
tooltip through ``QAction.changed``, so the window never has to keep the two in step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QWidget

from desktop.ui.actions import Actions
from desktop.ui.icons import themed_icon
from desktop.ui.settings_dialog import ThresholdSlider


def mirror(source: QAction, text: str, parent: QWidget) -> QAction:
    """A toolbar action named ``text`` that triggers ``source`` and follows its enabled state and tooltip."""
    action = QAction(text, parent)
    action.triggered.connect(source.trigger)

    def follow() -> None:
        action.setEnabled(source.isEnabled())
        action.setToolTip(source.toolTip())
        action.setStatusTip(source.statusTip())

    source.changed.connect(follow)
    follow()
    return action


class MainToolbar(QToolBar):
    def __init__(self, actions: Actions, threshold: ThresholdSlider, parent: QWidget | None = None) -> None:
        super().__init__("Main toolbar", parent)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.setIconSize(QSize(18, 18))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = actions
        self.addAction(a.open)
        self.add_article = mirror(a.add_article, "Add Article", self)
        self.open_url = mirror(a.open_url, "Open URL", self)
        self.paste = mirror(a.paste, "Paste", self)
        self.addActions([self.add_article, self.open_url, self.paste])
        self.addSeparator()
        self.addActions([a.aligned, a.reading])
        self.addSeparator()
        label = QLabel("Similarity")
        label.setObjectName("toolbarLabel")
        label.setBuddy(threshold.slider)
        self.addWidget(label)
        self.addWidget(threshold)
        self.addSeparator()
        self.previous = mirror(a.prev_diff, "Previous", self)
        self.addAction(self.previous)
        self.counter = QLabel()
        self.counter.setObjectName("navCounter")
        self.counter.setAccessibleName("Current difference")
        self.counter.setToolTip(
            "Which difference is selected, of all the differences the filters show; a run of "
            "sentences only one article has counts as one"
        )
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance("888 differences") + 8)
        self.addWidget(self.counter)
        self.next = mirror(a.next_diff, "Next", self)
        self.addAction(self.next)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.save_json = mirror(a.save_json, "Save JSON", self)
        self.export_html = mirror(a.export_html, "Export HTML", self)
        self.addActions([self.save_json, self.export_html])
        self._icons = {
            a.open: "open",
            self.add_article: "add-article",
            self.open_url: "open-url",
            self.paste: "paste",
            a.aligned: "aligned",
            a.reading: "reading",
            self.previous: "previous",
            self.next: "next",
            self.save_json: "save-json",
            self.export_html: "export-html",
        }
        # Dropped one by one on a narrow window, in this order (icon and tooltip stay); the others keep their text.
        self._shrinking = [
            self.previous,
            self.next,
            self.paste,
            self.open_url,
            self.add_article,
            self.save_json,
            self.export_html,
        ]
        for action in self.actions():
            widget = self.widgetForAction(action)
            if isinstance(widget, QToolButton):
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable with Tab, not grabbed by clicks
                if action.text():
                    widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self._widths: list[int] = []  # the toolbar's width with the first n buttons shrunk, n = 0 …
        self.shrunk = 0
        self.refresh_icons()

    def focus_widgets(self) -> list[QWidget]:
        """The toolbar's stops for Tab, left to right (the slider inside its value label's widget)."""
        found: list[QWidget] = []
        for action in self.actions():
            widget = self.widgetForAction(action)
            if isinstance(widget, ThresholdSlider):
                found.append(widget.slider)
            elif isinstance(widget, QToolButton):
                found.append(widget)
        return found

    def refresh_icons(self) -> None:
        palette = self.palette()
        for action, name in self._icons.items():
            action.setIcon(themed_icon(name, palette))
        self._widths = []  # measured again with the new icons

    def shrink(self, count: int) -> None:
        """Icons alone on the first ``count`` buttons of the shrinking order, text beside the icon on the rest."""
        self.shrunk = count
        for n, action in enumerate(self._shrinking):
            widget = self.widgetForAction(action)
            if isinstance(widget, QToolButton):
                widget.setToolButtonStyle(
                    Qt.ToolButtonStyle.ToolButtonIconOnly if n < count else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                )

    def _fit(self) -> None:
        """As much text as fits the width."""
        if not self._widths:
            shrunk = self.shrunk
            for count in range(len(self._shrinking) + 1):
                self.shrink(count)
                self._widths.append(self.sizeHint().width())
            self.shrink(shrunk)
        width = self.width()
        count = next((n for n, needed in enumerate(self._widths) if needed <= width), len(self._shrinking))
        if count != self.shrunk:
            self.shrink(count)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
            QEvent.Type.ThemeChange,
        ):
            self.refresh_icons()
            self._fit()
