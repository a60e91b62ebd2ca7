"""Edit ▸ Note on Comparison / Sentence / Group and the right-click menu on a sentence: which sentence or group a
note is for, the dialog that asks for its text, and handing it to the library.

It reads the selection from the view on screen (``current_view``) and writes through ``ComparisonNotes.set_note``;
what needs saying (nothing selected, no group) goes out as ``message``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QWidget

from desktop.core.model import Comparison
from desktop.ui.actions import Actions
from desktop.ui.aligned_view import AlignedView
from desktop.ui.comparison_notes import ComparisonNotes
from desktop.ui.highlights import Cell
from desktop.ui.models import CELL_ROLE
from desktop.ui.reading_view import ReadingView


class NoteCommands(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        actions: Actions,
        notes: ComparisonNotes,
        aligned: AlignedView,
        reading: ReadingView,
        current_view: Callable[[], AlignedView | ReadingView],
        comparison: Callable[[], Comparison | None],
        corrections: Callable[[], list[QAction]],
        parent: QWidget,
    ) -> None:
        """``corrections``: the corrections' commands for the sentence under the pointer, for the context menu."""
        super().__init__(parent)
        self.actions = actions
        self.notes = notes
        self.aligned = aligned
        self.reading = reading
        self.current_view = current_view
        self.comparison = comparison
        self.corrections = corrections
        self._parent = parent
        actions.note_comparison.triggered.connect(self.note_on_comparison)
        actions.note_sentence.triggered.connect(self.note_on_sentence)
        actions.note_group.triggered.connect(self.note_on_group)

    def ask_note(self, title: str, label: str, current: str) -> str | None:
        """The note text, or None if cancelled; an empty text removes the note. Tests replace this method."""
        text, ok = QInputDialog.getMultiLineText(self._parent, title, label, current)
        return text if ok else None

    def _selected_sentence(self) -> tuple[str, int] | None:
        position = self.current_view().current_position() if self.comparison() is not None else None
        if position is None or position[1] < 0:
            self.message.emit("Select a sentence first")
            return None
        return position

    def note_on_comparison(self) -> None:
        if self.comparison() is None:
            return
        text = self.ask_note(
            "Note on Comparison", "Note on the whole comparison (empty removes it):", self.notes.index.comparison
        )
        if text is not None:
            self.notes.set_note(text)

    def note_on_sentence(self) -> None:
        position = self._selected_sentence()
        if position is None:
            return
        article, sentence = position
        current = self.notes.index.sentences.get(position, "")
        text = self.ask_note(
            "Note on Sentence",
            f"Note on sentence {sentence + 1} of article {article} (e.g. “confirmed omission”; empty removes it):",
            current,
        )
        if text is not None:
            self.notes.set_note(text, article=article, sentence=sentence)

    def note_on_group(self) -> None:
        position = self._selected_sentence()
        comparison = self.comparison()
        if position is None or comparison is None:
            return
        group = comparison.article(position[0]).sentences[position[1]].group
        if group is None:
            self.message.emit("That sentence has no counterpart, so it is in no group; add a sentence note")
            return
        text = self.ask_note(
            "Note on Group",
            "Note on this group of matching sentences (e.g. “false match”; empty removes it):",
            self.notes.index.groups.get(group, ""),
        )
        if text is not None:
            self.notes.set_note(text, group=group)

    # -- the right-click menu ---------------------------------------------------------------------------------
    def context_menu(self, global_pos: QPoint) -> bool:
        """Right-click on a sentence in either view: notes and article commands for that sentence. False outside
        the sentence lists (the window's own menu applies)."""
        cell = self._cell_at(global_pos)
        if cell is None:
            return False
        a = self.actions
        menu = QMenu(self._parent)
        menu.addAction(a.note_sentence)
        if cell.group is not None:
            menu.addAction(a.note_group)
        menu.addAction(a.note_comparison)
        menu.addSeparator()
        menu.addActions(self.corrections())
        menu.addSeparator()
        menu.addActions([a.reference, a.move_left, a.move_right, a.remove])
        for action in (a.note_sentence, a.note_group, a.note_comparison):
            action.setEnabled(self.notes.available)
        self.exec_menu(menu, global_pos)
        return True

    def exec_menu(self, menu: QMenu, position: QPoint) -> None:
        """Run a popup menu (tests replace this: a popup is modal)."""
        menu.exec(position)

    def _cell_at(self, global_pos: QPoint) -> Cell | None:
        """Select the sentence under the pointer and return its cell (None outside the sentence lists)."""
        if self.comparison() is None:
            return None
        views: list[QAbstractItemView] = (
            [self.aligned.table] if self.current_view() is self.aligned else [c.list for c in self.reading.columns]
        )
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
