"""The notes on the comparison on screen: what they are (``index``), writing one, carrying them to each new result,
and the library's copy of them for the report.

Every read and write goes through the library worker. A note on a comparison whose first autosave has not landed
yet waits (and shows at once) and is written when that save lands (``landed``), so the GUI thread never waits for
it. ``LibraryLink`` owns one and tells it what the library did (a comparison opened, a save landed, a new result).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.model import Comparison, Note
from desktop.library import LibraryStore
from desktop.ui.library_worker import LibraryWorker, SaveTarget
from desktop.ui.notes import EMPTY, NoteIndex, WaitingNotes, describe_lost, remap_notes
from desktop.ui.session import Session


class ComparisonNotes(QObject):
    changed = Signal(object)  # NoteIndex of the comparison on screen
    written = Signal()  # the library's notes changed (its list shows the comparison note)
    message = Signal(str)  # for the status bar
    alert = Signal(str, str)  # title, text

    def __init__(
        self, session: Session, worker: LibraryWorker | None, error: str = "", parent: QObject | None = None
    ) -> None:
        """``worker``: None without a library (``error`` says why), and every note is refused."""
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.error = error
        self.index: NoteIndex = EMPTY
        self._saved: tuple[Note, ...] = ()  # the library's notes on the comparison on screen, as last read
        self._writes = 0  # writes asked of the worker and not answered yet
        # Notes on a comparison whose first save has not landed yet, by the save target they wait for.
        self._waiting: list[tuple[SaveTarget, WaitingNotes]] = []

    @property
    def available(self) -> bool:
        return self.worker is not None

    @property
    def waiting(self) -> bool:
        """Whether a note is still on its way to the library: waiting for its comparison's first save, or written
        by the worker and not yet answered."""
        return any(w for _t, w in self._waiting) or self._writes > 0

    def set_note(
        self, text: str, *, article: str | None = None, sentence: int | None = None, group: int | None = None
    ) -> bool:
        """Write a note on the comparison on screen. Before its first autosave has landed it has no library row:
        the note then waits (and shows at once) and is written when that save lands, not blocking the GUI."""
        comparison = self.session.comparison
        if self.worker is None or comparison is None:
            self.alert.emit("Notes need the library", self._why_unavailable())
            return False
        note = Note(text.strip(), article, sentence, group)
        comparison_id = self.worker.current_id
        if comparison_id is not None:
            self._write(comparison_id, [note])
            return True
        self.worker.save(comparison)  # the first save may still be queued; this one replaces it, or updates
        target = self.worker.target
        assert target is not None
        waiting = self._waiting_for(target)
        if waiting is None:
            waiting = WaitingNotes()
            self._waiting.append((target, waiting))
        waiting.add(note)
        self._show(waiting.index())
        return True

    def from_library(self, notes: tuple[Note, ...]) -> None:
        """The library's notes on what is now on screen (a comparison reopened or adopted; ``()``: none, or a new
        comparison)."""
        self._saved = notes
        self._show(NoteIndex.of(notes))

    def landed(self, comparison_id: int) -> None:
        """A save landed: the notes waiting for that comparison's row are written now."""
        for target, waiting in [w for w in self._waiting if w[0].id == comparison_id]:
            self._waiting.remove((target, waiting))
            self._write(comparison_id, waiting.take())

    def follow(self, old: Comparison, new: Comparison) -> None:
        """``new`` replaces ``old`` on screen (articles moved, removed, re-aligned): notes waiting for the first save
        are re-keyed at once, the library's are re-keyed on the worker after the save of ``new`` queued before."""
        if self.worker is None or old is new:
            return
        waiting = self._waiting_for(self.worker.target)
        if waiting:
            waiting.follow(old, new)
            self._show(waiting.index())
        # A note still being written is not shown yet, but the worker runs in order: it is in the library before
        # the carry reads it. (Carried only when shown, a note written just before its article was removed stayed
        # on a sentence no longer there.)
        if self.index.sentences or self.index.groups or self._writes:
            self._carry(old, new)

    def for_report(self) -> tuple[Note, ...] | None:
        """The library's notes on the comparison on screen, for the report; None if it has no library entry."""
        current = self.worker.current_id if self.worker is not None else None
        return self._saved if current is not None else None

    def _carry(self, old: Comparison, new: Comparison) -> None:
        """Re-key sentence and group notes to the new result; a note whose sentence is gone is appended to the
        comparison note rather than dropped."""
        assert self.worker is not None
        comparison_id = self.worker.current_id
        if comparison_id is None:
            return
        self._writes += 1
        reply = self.worker.ask(lambda store: _carried(store, comparison_id, old, new))
        reply.done.connect(lambda notes: self._written(comparison_id, notes))
        reply.failed.connect(lambda error: self._failed(f"Notes could not be moved to the new result: {error}"))

    def _waiting_for(self, target: SaveTarget | None) -> WaitingNotes | None:
        return next((waiting for t, waiting in self._waiting if t is target), None)

    def _write(self, comparison_id: int, notes: list[Note]) -> None:
        """Write on the worker, then show the library's notes as they are after it."""
        assert self.worker is not None
        self._writes += 1
        reply = self.worker.ask(lambda store: _written(store, comparison_id, notes))
        reply.done.connect(lambda saved: self._written(comparison_id, saved))
        reply.failed.connect(lambda error: self._failed(str(error), alert=True))

    def _written(self, comparison_id: int, saved: tuple[Note, ...] | None) -> None:
        """``saved``: the comparison's notes after a write; None: nothing needed writing."""
        self._writes -= 1
        if saved is None or self.worker is None:
            return
        if comparison_id == self.worker.current_id:  # not if another comparison was opened meanwhile
            self.from_library(saved)
        self.written.emit()

    def _failed(self, message: str, *, alert: bool = False) -> None:
        """A note the user typed could not be kept: said in a dialog; notes not carried to a new result: the status."""
        self._writes -= 1
        if alert:
            self.alert.emit("Could not save the note", message)
        else:
            self.message.emit(message)

    def _show(self, notes: NoteIndex) -> None:
        self.index = notes
        self.changed.emit(notes)

    def _why_unavailable(self) -> str:
        if self.worker is None:
            return f"The library could not be opened, so notes cannot be kept.\n\n{self.error}"
        return "Open or compare articles first: notes belong to a comparison."


def _written(store: LibraryStore, comparison_id: int, notes: list[Note]) -> tuple[Note, ...]:
    """On the worker: write ``notes`` (an empty text removes one) and read the comparison's notes back."""
    for note in notes:
        store.notes.set(comparison_id, note.text, article=note.article, sentence=note.sentence, group=note.group)
    return store.notes.of(comparison_id)


def _carried(store: LibraryStore, comparison_id: int, old: Comparison, new: Comparison) -> tuple[Note, ...] | None:
    """On the worker: the comparison's notes moved from ``old`` to ``new`` (see ``remap_notes``), a lost one folded
    into the comparison note; None if none had to move."""
    current = store.notes.of(comparison_id)
    moved = remap_notes(current, old, new)
    if list(moved.notes) == list(current) and not moved.lost:
        return None
    placed = [n for n in current if n.article is not None or n.group is not None]
    changes = [Note("", n.article, n.sentence, n.group) for n in placed]
    changes += [n for n in moved.notes if n.article is not None or n.group is not None]
    if moved.lost:
        overall = [n.text for n in moved.notes if n.article is None and n.group is None]
        changes.append(Note("\n".join(overall + [describe_lost(n, old) for n in moved.lost])))
    return _written(store, comparison_id, changes)
