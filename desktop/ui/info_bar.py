"""A message strip above the views for things that need an answer but must not block the window.

Re-aligning an old comparison, restoring after a crash, a library that could not be opened: each is a question
or a notice the user may take up later, so it sits in the window (as editors' "file changed on disk" bars do)
instead of a modal dialog that stops everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class InfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Notice")
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages carry file names and article titles
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss notice")
        self.close_button.clicked.connect(self.dismiss)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.message, 1)
        self._layout.addWidget(self.close_button)
        self.buttons: list[QPushButton] = []
        self.topic = ""
        self._on_dismiss: Callable[[], None] | None = None
        self.hide()

    def ask(
        self,
        topic: str,
        text: str,
        choices: Sequence[tuple[str, Callable[[], None]]] = (),
        on_dismiss: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text`` with a button per choice; any choice (or ✕) closes the bar. ``topic`` names the
        question, so a later one on the same topic replaces it and callers can tell what is showing."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.topic = topic
        self.message.setText(text)
        self._on_dismiss = on_dismiss
        for label, action in choices:
            button = QPushButton(label, self)
            button.setAccessibleName(label.replace("&", ""))
            button.clicked.connect(lambda _=False, act=action: self._choose(act))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.show()

    def button(self, label: str) -> QPushButton:
        return next(b for b in self.buttons if b.text().replace("&", "") == label)

    def _choose(self, action: Callable[[], None]) -> None:
        self._on_dismiss = None
        self.close_bar()
        action()

    def dismiss(self) -> None:
        callback, self._on_dismiss = self._on_dismiss, None
        self.close_bar()
        if callback is not None:
            callback()

    def close_bar(self, topic: str | None = None) -> None:
        """Hide the bar (only if it shows ``topic``, when given)."""
        if topic is not None and topic != self.topic:
            return
        self.topic = ""
        self.hide()
