"""What the window shows with no comparison loaded: how to start, and the library's recent comparisons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import ComparisonInfo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HINT = "Open two or more articles to compare them: File ▸ Open… (Ctrl+O), drop files or links here, " \
       "or paste text with Ctrl+Shift+V."


class StartPage(QWidget):
    open_requested = Signal(int)  # a saved comparison's library id

    def __init__(self, open_action: QAction, paste_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("Parallax")
        title.setObjectName("startTitle")
        hint = QLabel(HINT)
        hint.setObjectName("emptyState")
        hint.setWordWrap(True)
        self.hint = hint
        open_button = QPushButton("Open Articles…")
        open_button.clicked.connect(open_action.trigger)
        paste_button = QPushButton("Paste Text as Article")
        paste_button.clicked.connect(paste_action.trigger)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(paste_button)
        buttons.addStretch(1)
        self.recent_title = QLabel("Recent comparisons")
        self.recent_title.setObjectName("startSection")
        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.setAccessibleName("Recent comparisons")
        self.recent.setWordWrap(True)
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)
        self.recent_note = QLabel()
        self.recent_note.setObjectName("emptyState")
        self.recent_note.setWordWrap(True)
        self.recent_note.setTextFormat(Qt.TextFormat.PlainText)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(hint)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 1)
        column.addWidget(self.recent_note)
        holder = QWidget()
        holder.setMaximumWidth(720)
        holder.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(holder, 4)
        outer.addStretch(1)

    def set_recent(self, entries: tuple[ComparisonInfo, ...] | None, note: str = "") -> None:
        """``None``: no library this session (``note`` says why)."""
        self.recent.clear()
        for info in entries or ():
            outlets = " · ".join(info.outlets)
            item = QListWidgetItem(f"{info.name}\n{outlets} — changed {info.updated[:16].replace('T', ' ')}")
            item.setData(ID_ROLE, info.id)
            item.setToolTip(info.title or info.name)
            self.recent.addItem(item)
        has = bool(entries)
        self.recent.setVisible(has)
        self.recent_title.setVisible(entries is not None)
        if entries is None:
            self.recent_note.setText(note)
        elif not entries:
            self.recent_note.setText("Comparisons are saved to the library as you make them; they will be listed here.")
        else:
            self.recent_note.setText("")
        self.recent_note.setVisible(bool(self.recent_note.text()))

    def entry_ids(self) -> list[int]:
        return [int(self.recent.item(n).data(ID_ROLE)) for n in range(self.recent.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(int(item.data(ID_ROLE)))
