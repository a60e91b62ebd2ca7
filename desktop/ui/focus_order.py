"""Keyboard focus across the window's panes: the Tab order (toolbar, Differences panel, the view, the library)
and Go ▸ Next/Previous Pane (F6, Shift+F6), which jumps from pane to pane without stopping at every button.

Tab never walks cell by cell through a grid (the views turn ``tabKeyNavigation`` off; arrows move inside them),
so one Tab leaves a pane. Panes are given as functions returning their widgets, because the Reading view builds
its columns anew with every comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

Pane = Callable[[], Sequence[QWidget]]


def focusable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


class FocusOrder(QObject):
    """Chains the panes' widgets for Tab in the order given, and moves the focus between panes."""

    def __init__(self, panes: Sequence[Pane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = list(panes)

    def apply(self) -> None:
        """Set the Tab order: each pane's widgets in turn (call again when a pane's widgets change)."""
        widgets = [w for pane in self.panes for w in pane()]
        for before, after in pairwise(widgets):
            QWidget.setTabOrder(before, after)

    def pane_of(self, widget: QWidget | None) -> int:
        """Which pane holds ``widget`` (or one of its parents), -1 for none."""
        while widget is not None:
            for number, pane in enumerate(self.panes):
                if widget in pane():
                    return number
            widget = widget.parentWidget()
        return -1

    def step(self, delta: int) -> QWidget | None:
        """Focus the first widget that can take it in the next (``1``) or previous (``-1``) pane with one."""
        here = self.pane_of(QApplication.focusWidget())
        count = len(self.panes)
        start = here if here >= 0 else (-1 if delta > 0 else count)
        for offset in range(1, count + 1):
            pane = self.panes[(start + delta * offset) % count]
            target = next((w for w in pane() if focusable(w)), None)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return target
        return None
