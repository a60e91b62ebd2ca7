"""Correcting a match by hand: link sentences, unlink a sentence or a group, mark a sentence as reporting, undo.

``Corrections`` owns the commands (Edit menu, context menu, shortcuts), the sentences picked for a link and the
undo history. A correction is appended to the session's list and the session compares again on its worker (the
core applies every correction, in order, on every run); Undo and Redo put the list back as it was before or after
one correction and compare again. Linking works as in KDiff3's manual alignment: pick a sentence (Link With…,
Ctrl+K, or Ctrl+click), then choose the one in another article that reports the same fact (Ctrl+K again, or
Ctrl+click it and Ctrl+K); Ctrl+click toggles a pick, Esc forgets the picks.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.core.model import Comparison, CorrectionKind, UserLink
from desktop.core.model import Sentence as SentenceResult
from desktop.core.presentation import correction_command, correction_line, sentence_name
from desktop.ui.highlights import Cell
from desktop.ui.models import CELL_ROLE
from desktop.ui.placed_links import Placed

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.ui.aligned_view import AlignedView
    from desktop.ui.reading_view import ReadingColumn, ReadingView
    from desktop.ui.session import Session

Sentence = tuple[str, int]  # (article id, sentence index) in the comparison on screen
BADGE = "↔"  # drawn on a sentence picked for a link


class CorrectionCommand(QUndoCommand):
    """One correction on the undo stack: the session's corrections before and after it (placed, so they stay
    right when columns move), set back and forth by Undo and Redo."""

    def __init__(self, controller: Corrections, before: Placed, after: Placed, text: str, line: str) -> None:
        super().__init__(text)
        self._controller = controller
        self.before = before
        self.after = after
        self.line = line  # what it did, for the status bar: "Linked A 3 ↔ B 3"

    def redo(self) -> None:
        self._controller.apply(self.after, f"{self.line} · Edit ▸ Undo ({self._controller.undo_keys()}) takes it back")

    def undo(self) -> None:
        self._controller.apply(self.before, f"Undone: {self.line}")


class PickMarks(QWidget):
    """An outline around each picked sentence, drawn over a view's viewport (it takes no clicks). The rectangles
    are asked for at every paint, so they follow scrolling and row heights without bookkeeping."""

    def __init__(self, view: QAbstractItemView, rects: Callable[[], list[QRect]]) -> None:
        super().__init__(view.viewport())
        self._view = view
        self._rects = rects
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.viewport().installEventFilter(self)
        self.setGeometry(view.viewport().rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def moveEvent(self, event: QMoveEvent) -> None:
        # Scrolling moves the viewport's children with its pixels: stay put and redraw at the new positions.
        if self.pos() != QPoint(0, 0):
            self.move(0, 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        rects = self._rects()
        if not rects:
            return
        # Unlike the selection's frame and the focus ring: a tint, a frame and a "↔" badge in the corner.
        colour = self.palette().highlight().color()
        tint = QColor(colour)
        tint.setAlpha(40)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        badge_width = painter.fontMetrics().horizontalAdvance(BADGE) + 10
        badge_height = painter.fontMetrics().height() + 2
        for rect in rects:
            inner = rect.adjusted(2, 2, -2, -2)
            painter.setPen(QPen(colour, 2.5))
            painter.setBrush(tint)
            painter.drawRoundedRect(inner, 4, 4)
            badge = QRect(inner.right() - badge_width - 2, inner.top() + 2, badge_width, badge_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(badge, badge_height / 2, badge_height / 2)
            painter.setPen(self.palette().highlightedText().color())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, BADGE)
        painter.end()


class Corrections(QObject):
    """The window's correction commands, picks and undo history (see the module docstring). ``current_view`` is
    the view on screen; the commands' shortcuts belong to ``window``."""

    message = Signal(str)  # for the status bar

    def __init__(
        self,
        session: Session,
        aligned: AlignedView,
        reading: ReadingView,
        current_view: Callable[[], AlignedView | ReadingView],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.aligned = aligned
        self.reading = reading
        self.current_view = current_view
        self.stack = QUndoStack(self)
        self.picked: list[Sentence] = []
        # Set while this object changes the session's corrections or brings the undo stack in line with them, so
        # neither answers the other.
        self._applying = False
        self._base: Placed = self.session.corrections  # the corrections below the first command on the stack
        self._number = self.session.comparison_number
        self._announce = ""  # said in the status bar once the run with the change is shown
        self._consumed_press = False
        self._marks: list[PickMarks] = []

        def make(text: str, shortcut: str | None, tip: str) -> QAction:
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            window.addAction(action)
            return action

        self.undo = self.stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo.setStatusTip("Take back the last correction and compare again")
        self.redo = self.stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setStatusTip("Make the correction taken back again and compare again")
        window.addActions([self.undo, self.redo])
        self.link = make(
            "&Link With…",
            "Ctrl+K",
            "Pick this sentence, then the sentence in another article that "
            "reports the same fact, and link them (Ctrl+click picks several)",
        )
        self.unlink = make(
            "&Unlink Sentence", "Ctrl+Shift+K", "Take the selected sentence out of its group of matching sentences"
        )
        self.unlink_group = make(
            "Unlink &Group", None, "Split the selected sentence's group: each of its sentences stands alone"
        )
        self.not_commentary = make(
            "Not Commen&tary",
            None,
            "The selected sentence reports, whatever its wording: no longer marked as commentary",
        )
        self.clear_picks = make("Forget Picked Sentences", None, "Forget the sentences picked for a link (Esc)")
        self.link.triggered.connect(self.link_current)
        self.unlink.triggered.connect(self.unlink_sentence)
        self.unlink_group.triggered.connect(self.unlink_current_group)
        self.not_commentary.triggered.connect(self.mark_reporting)
        self.clear_picks.triggered.connect(self.forget_picks)

        self.session.comparison_changed.connect(self._comparison_changed)
        self.session.corrections_changed.connect(self._corrections_changed)
        self.session.sources_changed.connect(self.update_actions)
        aligned.position_changed.connect(lambda *_: self.update_actions())
        reading.position_changed.connect(lambda *_: self.update_actions())
        reading.columns_changed.connect(self._watch_reading)
        self._watch(aligned.table, self._aligned_rects)
        self.update_actions()

    @property
    def actions(self) -> list[QAction]:
        """The correction commands, as the Edit and context menus list them (Undo and Redo apart)."""
        return [self.link, self.unlink, self.unlink_group, self.not_commentary]

    def context_actions(self) -> list[QAction]:
        """The commands a right-click on a sentence offers (it has just been selected)."""
        self.update_actions()
        return [*self.actions, *([self.clear_picks] if self.picked else [])]

    # -- what is selected -------------------------------------------------------------------------------------
    def _comparison(self) -> Comparison | None:
        """The comparison on screen, if corrections can be made to it now."""
        if self.session.opening_new:
            return None
        return self.session.comparison

    def _current(self) -> Sentence | None:
        if self._comparison() is None:
            return None
        position = self.current_view().current_position()
        return position if position is not None and position[1] >= 0 else None

    def _sentence(self, sentence: Sentence) -> SentenceResult | None:
        comparison = self._comparison()
        # The views may still show the comparison before this one (a removed article's letter, a shorter text).
        result = next((r for r in comparison.articles if r.article.id == sentence[0]), None) if comparison else None
        if result is None:
            return None
        return result.sentences[sentence[1]] if 0 <= sentence[1] < len(result.sentences) else None

    def _group_of(self, sentence: Sentence | None) -> int | None:
        found = self._sentence(sentence) if sentence is not None else None
        return found.group if found is not None else None

    def update_actions(self) -> None:
        current = self._current()
        shown = self._sentence(current) if current is not None else None
        chosen = self._chosen(current)
        links = len({article for article, _index in chosen}) >= 2
        self.link.setEnabled(bool(chosen))
        self.link.setText("&Link Picked Sentences" if links else "&Link With…")
        self.unlink.setEnabled(shown is not None and shown.group is not None)
        self.unlink_group.setEnabled(shown is not None and shown.group is not None)
        self.not_commentary.setEnabled(shown is not None and shown.commentary)
        self.clear_picks.setEnabled(bool(self.picked))

    def _chosen(self, current: Sentence | None) -> list[Sentence]:
        return list(dict.fromkeys([*self.picked, *([current] if current is not None else [])]))

    # -- commands ---------------------------------------------------------------------------------------------
    def link_current(self) -> None:
        """Link the picked sentences and the selected one if they span two articles; else pick the selected one."""
        current = self._current()
        chosen = self._chosen(current)
        if len({article for article, _index in chosen}) >= 2:
            groups = {self._group_of(s) for s in chosen}
            self.forget_picks()
            if len(groups) == 1 and None not in groups:
                self.say(f"{' and '.join(map(sentence_name, sorted(chosen)))} are already in one group")
                return
            self.record(UserLink(CorrectionKind.LINK, tuple(sorted(chosen))))
            return
        if current is None:
            self.say("Select a sentence first")
            return
        if current not in self.picked:
            self.picked.append(current)
            self._picks_changed()
        names = " and ".join(sentence_name(s) for s in self.picked)
        self.say(
            f"Picked {names}. Select the sentence in another article that reports the same fact and press "
            f"{self._keys(self.link)} (or Ctrl+click it); Esc forgets the pick"
        )

    def unlink_sentence(self) -> None:
        current = self._current()
        if current is not None and self._group_of(current) is not None:
            self.record(UserLink(CorrectionKind.UNLINK, (current,)))

    def unlink_current_group(self) -> None:
        comparison = self._comparison()
        group = self._group_of(self._current())
        if comparison is None or group is None:
            return
        members = comparison.group(group).members
        self.record(
            UserLink(
                CorrectionKind.UNLINK,
                tuple(sorted((article, index) for article, indices in members.items() for index in indices)),
            )
        )

    def mark_reporting(self) -> None:
        current = self._current()
        shown = self._sentence(current) if current is not None else None
        if current is not None and shown is not None and shown.commentary:
            self.record(UserLink(CorrectionKind.NOT_COMMENTARY, (current,)))

    def record(self, link: UserLink) -> None:
        """Add a correction of the comparison on screen and compare again (on the session's worker)."""
        placed = self.session.place(link)
        if placed is None:
            self.say("That article is no longer in the comparison")
            return
        before = self.session.corrections
        self.stack.push(
            CorrectionCommand(self, before, (*before, placed), correction_command(link), correction_line(link))
        )

    def apply(self, corrections: Placed, line: str) -> None:
        """Undo, Redo and a new correction land here: the session compares again with ``corrections`` and ``line``
        goes to the status bar once the result is shown."""
        if self._applying or corrections == self.session.corrections:
            return
        self._announce = line
        self._applying = True  # the session's corrections_changed is this change, not one to follow
        try:
            self.session.set_corrections(corrections)
        finally:
            self._applying = False

    def forget_picks(self) -> None:
        if self.picked:
            self.picked.clear()
            self._picks_changed()

    def say(self, text: str) -> None:
        self.message.emit(text)

    @staticmethod
    def _keys(action: QAction) -> str:
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def undo_keys(self) -> str:
        return self._keys(self.undo)

    # -- keeping up with the session --------------------------------------------------------------------------
    def _comparison_changed(self, comparison: Comparison | None) -> None:
        if self.session.comparison_number != self._number:
            # Another comparison: its history is not this one's.
            self._number = self.session.comparison_number
            self.stack.clear()
            self._base = self.session.corrections
            self._announce = ""
        self.picked.clear()  # letters and groups may have changed under them
        self._picks_changed()
        # The views show the new comparison only after this (they hear the same signal later): look again then.
        QTimer.singleShot(0, self.update_actions)
        if self._announce and comparison is not None:
            self.say(self._announce)
        self._announce = ""

    def _state(self) -> Placed:
        index = self.stack.index()
        command = self.stack.command(index - 1) if index > 0 else None
        return command.after if isinstance(command, CorrectionCommand) else self._base

    def _corrections_changed(self, corrections: Placed) -> None:
        """The session's corrections changed without a command (a run cancelled or failed and its change was taken
        back, or another comparison came): the history steps back to match them, or starts afresh."""
        if self._applying or self.session.opening_new or corrections == self._state():
            return
        self._applying = True
        try:
            while self.stack.index() > 0 and self._state() != corrections:
                self.stack.undo()
        finally:
            self._applying = False
        if self._state() != corrections:
            self.stack.clear()
            self._base = corrections
        self._announce = ""
        self.update_actions()

    # -- picking with the mouse, marks ------------------------------------------------------------------------
    def _watch(self, view: QAbstractItemView, rects: Callable[[], list[QRect]]) -> None:
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._marks = [m for m in self._marks if shiboken6.isValid(m)]
        self._marks.append(PickMarks(view, rects))

    def _watch_reading(self) -> None:
        for column in self.reading.columns:
            self._watch(column.list, functools.partial(self._reading_rects, column))

    def _aligned_rects(self) -> list[QRect]:
        view = self.aligned
        rects = []
        for article, index in self.picked:
            row = view.model.row_of(article, index)
            if row >= 0 and article in view.model.article_ids:
                rects.append(view.table.visualRect(view.model.index(row, view.model.article_ids.index(article))))
        return rects

    def _reading_rects(self, column: ReadingColumn) -> list[QRect]:
        rects = []
        for article, index in self.picked:
            if article == column.article_id and column.model.row_of(index) >= 0:
                rects.append(column.list.visualRect(column.model.index(column.model.row_of(index), 0)))
        return rects

    def _picks_changed(self) -> None:
        for marks in self._marks:
            if shiboken6.isValid(marks):
                marks.update()
        self.update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self.picked:
                self.forget_picks()
                self.say("Picks forgotten")
                return True
            return False
        if kind == QEvent.Type.MouseButtonRelease and self._consumed_press:
            self._consumed_press = False
            return True
        if (
            kind != QEvent.Type.MouseButtonPress
            or not isinstance(event, QMouseEvent)
            or event.button() != Qt.MouseButton.LeftButton
            or not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return False
        view = watched.parent() if isinstance(watched, QWidget) else None
        if not isinstance(view, QAbstractItemView) or self._comparison() is None:
            return False
        index = view.indexAt(event.position().toPoint())
        cell = index.data(CELL_ROLE) if index.isValid() else None
        if not isinstance(cell, Cell) or cell.is_gap:
            return False
        self.toggle_pick((cell.article, cell.sentences[0]))
        self._consumed_press = True
        return True

    def toggle_pick(self, sentence: Sentence) -> None:
        """Ctrl+click: pick a sentence (with the selected one, the first time, as a Ctrl+click adds to a selection)
        or drop it from the picks. A picked sentence becomes the selected one."""
        if sentence in self.picked:
            self.picked.remove(sentence)  # the selection stays where it is: Ctrl+K would pick it again
        else:
            current = self._current()
            if not self.picked and current is not None and current != sentence:
                self.picked.append(current)
            self.picked.append(sentence)
            self.current_view().select_sentence(*sentence)
        self._picks_changed()
        if self.picked:
            names = " and ".join(sentence_name(s) for s in self.picked)
            self.say(f"Picked {names}: {self._keys(self.link)} links them; Esc forgets the picks")
