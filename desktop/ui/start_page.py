"""What the window shows with no comparison loaded: how to start, and the library's recent comparisons."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.library import ComparisonInfo
from desktop.ui.library_panel import when_saved

HINT = (
    "Open two or more articles to compare them: File ▸ Open… (Ctrl+O), drop files or links here, "
    "or paste text with Ctrl+Shift+V."
)
MAX_OUTLETS_SHOWN = 4


class StartPage(QWidget):
    open_requested = Signal(int)  # a saved comparison's library id
    samples_requested = Signal()  # "Try the samples": the bundled example articles

    def __init__(self, open_action: QAction, paste_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("Parallax")
        title.setObjectName("startTitle")
        self.hint = QLabel(HINT)
        self.hint.setObjectName("emptyState")
        self.hint.setWordWrap(True)
        open_button = QPushButton("Open Articles…")
        open_button.clicked.connect(open_action.trigger)
        paste_button = QPushButton("Paste Text as Article")
        paste_button.clicked.connect(paste_action.trigger)
        self.buttons = [open_button, paste_button]
        self.samples_button = QPushButton("Try the Samples")
        self.samples_button.setToolTip("Compare three invented reports of one event, bundled with Parallax")
        self.samples_button.clicked.connect(self.samples_requested)
        self.buttons.append(self.samples_button)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(paste_button)
        buttons.addWidget(self.samples_button)
        buttons.addStretch(1)
        self.recent_title = QLabel("Recent comparisons")
        self.recent_title.setObjectName("startSection")
        self.recent = QVBoxLayout()
        self.recent.setSpacing(12)
        self.entries: list[QLabel] = []
        self._ids: list[int] = []
        self.recent_note = QLabel()
        self.recent_note.setObjectName("hint")
        self.recent_note.setWordWrap(True)
        self.recent_note.setTextFormat(Qt.TextFormat.PlainText)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(self.hint)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(self.recent_title)
        column.addLayout(self.recent)
        column.addWidget(self.recent_note)
        column.addStretch(1)
        holder = QWidget()
        holder.setMaximumWidth(720)
        holder.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 40, 32, 32)
        outer.addStretch(1)
        outer.addWidget(holder, 4)
        outer.addStretch(1)

    def set_recent(self, entries: tuple[ComparisonInfo, ...] | None, note: str = "") -> None:
        """``None``: no library this session (``note`` says why)."""
        for label in self.entries:
            self.recent.removeWidget(label)
            label.deleteLater()
        self.entries, self._ids = [], []
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for info in entries or ():
            outlets = list(info.outlets[:MAX_OUTLETS_SHOWN])
            if len(info.outlets) > MAX_OUTLETS_SHOWN:
                outlets.append(f"{len(info.outlets) - MAX_OUTLETS_SHOWN} more")
            # Names and titles come from articles (hostile input): escaped, and links carry only the numeric id.
            label = QLabel(
                f"<a href='comparison:{info.id}'><b>{html.escape(info.name)}</b></a><br>"
                f"<span style='color: {muted}'>{html.escape(' · '.join(outlets))}<br>"
                f"{len(info.outlets)} articles · changed {html.escape(when_saved(info.updated))}</span>"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.setAccessibleName(f"{info.name}: {len(info.outlets)} articles")
            label.setToolTip(info.title or info.name)
            label.linkActivated.connect(self._activated)
            self.recent.addWidget(label)
            self.entries.append(label)
            self._ids.append(info.id)
        self.recent_title.setVisible(entries is not None)
        if entries is None:
            self.recent_note.setText(note)
        elif not entries:
            self.recent_note.setText("Comparisons are saved to the library as you make them; they will be listed here.")
        else:
            self.recent_note.setText("")
        self.recent_note.setVisible(bool(self.recent_note.text()))

    def focus_widgets(self) -> list[QWidget]:
        """The page's stops for Tab: its buttons, then the recent comparisons."""
        return [*self.buttons, *self.entries]

    def entry_ids(self) -> list[int]:
        return list(self._ids)

    def _activated(self, link: str) -> None:
        kind, _, number = link.partition(":")
        if kind == "comparison" and number.isdigit():
            self.open_requested.emit(int(number))
