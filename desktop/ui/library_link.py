"""The comparison library inside the window: the Library dock, autosave, reopening, re-align offers, notes.

``MainWindow`` shows comparisons; this object decides what the library has to do with them. Everything it asks of
the library goes through a ``LibraryWorker``, on the worker's thread: the GUI thread never waits on the database,
and shows each answer (the recent list, a note written, articles read) when its signal arrives.
Without a library (it could not be opened) every method is a harmless no-op, so the window runs as before.
It never reaches into the window: it asks in the ``InfoBar`` it is given and says everything else by signal
(``message`` for the status bar, ``alert`` for a warning dialog).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.model import Comparison, Note
from desktop.library import ComparisonInfo, LibraryStore
from desktop.ui.info_bar import InfoBar
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.library_worker import LibraryWorker, Opened, SaveTarget
from desktop.ui.notes import EMPTY, NoteIndex, WaitingNotes, describe_lost, remap_notes
from desktop.ui.session import Session
from desktop.ui.worker import RunResult

log = logging.getLogger(__name__)
RECENT_COUNT = 10
REALIGN = "realign"


class LibraryLink(QObject):
    opened = Signal(int)  # a saved comparison is on screen
    recent_changed = Signal()  # ``recent`` was read again (after a save, rename or delete): redraw the recent lists
    notes_changed = Signal(object)  # NoteIndex of the comparison on screen
    message = Signal(str)  # for the status bar
    alert = Signal(str, str)  # title, text: a warning the user has to acknowledge

    def __init__(
        self,
        session: Session,
        info_bar: InfoBar,
        path: Path | None,
        error: str = "",
        parent: QObject | None = None,
    ) -> None:
        """``path``: the library file, checked by the caller; None if it could not be opened (``error`` says why)."""
        super().__init__(parent)
        self.info_bar = info_bar
        self.session = session
        self.path = path
        self.error = error
        self.notes: NoteIndex = EMPTY
        # The newest saved comparisons, for File ▸ Open Recent Comparison and the start page; None until the worker
        # has answered (or without a library).
        self.recent: tuple[ComparisonInfo, ...] | None = None
        self._saved_notes: tuple[Note, ...] = ()  # the library's notes on the comparison on screen, as last read
        self._note_writes = 0  # note writes asked of the worker and not answered yet
        self.panel: LibraryPanel | None = None
        self.worker: LibraryWorker | None = None
        self.opening: int | None = None  # the saved comparison being read back
        self.last_save_seconds: float | None = None
        self.pending: RunResult | None = None  # a re-aligned result waiting for the user's yes
        self._shown: Comparison | None = None  # the result the notes are keyed to
        self._realigning: int | None = None  # generation of the held re-align run
        # Notes on a comparison whose first save has not landed yet, by the save target they wait for.
        self._waiting: list[tuple[SaveTarget, WaitingNotes]] = []
        self.session.finished_run.connect(self._finished_run)
        self.session.realigned.connect(self._realigned)
        self.session.run_failed.connect(lambda _message: self._realign_over())
        self.session.run_cancelled.connect(self._realign_over)
        self.session.sources_changed.connect(self._sources_changed)
        # File ▸ Open's new comparison gets its own library entry: detached before its first result is saved.
        self.session.new_started.connect(self.new_comparison)
        if path is None:
            return
        self.worker = LibraryWorker(path, self)
        self.worker.saved.connect(self._saved)
        self.worker.failed.connect(self._save_failed)
        self.worker.opened.connect(self._opened)
        self.worker.open_failed.connect(self._open_failed)
        self.panel = LibraryPanel(self.worker)
        self.panel.open_requested.connect(self.open_saved)
        self.panel.add_articles_requested.connect(self.add_articles)
        self.panel.deleted.connect(self._deleted)
        self.panel.changed.connect(self.list_recent)
        self.panel.failed.connect(self.message)
        self.list_recent()

    @property
    def available(self) -> bool:
        return self.worker is not None

    @property
    def current_id(self) -> int | None:
        return self.worker.current_id if self.worker is not None else None

    def list_recent(self) -> None:
        """Read ``recent`` again; ``recent_changed`` follows. A library that cannot be read lists nothing."""
        if self.worker is None:
            return
        reply = self.worker.ask(lambda store: store.list(limit=RECENT_COUNT))
        reply.done.connect(self._recent_listed)
        reply.failed.connect(self._recent_failed)

    def _recent_listed(self, entries: tuple[ComparisonInfo, ...]) -> None:
        self.recent = entries
        self.recent_changed.emit()

    def _recent_failed(self, error: Exception) -> None:
        log.warning("cannot list the library: %s", error)
        self._recent_listed(())

    # -- reopening --------------------------------------------------------------------------------------------
    def open_saved(self, comparison_id: int) -> bool:
        """Show a saved comparison as it was saved, with its own settings (no loading of files, no aligning), then
        offer to re-align if the engine has changed since. Reading it back happens on the library worker, after any
        save still queued; ``opened`` follows."""
        if self.worker is None:
            return False
        if comparison_id == self.current_id and self.session.comparison is not None:
            self.opened.emit(comparison_id)  # already on screen (a double click sends two requests)
            return True
        self.opening = comparison_id
        self.worker.load(comparison_id)
        self.message.emit("Opening the saved comparison…")
        return True

    def _opened(self, opened: Opened) -> None:
        if opened.id != self.opening or self.worker is None:
            return  # the user asked for another one meanwhile
        self.opening = None
        started = time.perf_counter()
        self.worker.adopt(opened.id, opened.info.name)
        self.pending = None
        self.info_bar.close_bar(REALIGN)
        self._shown = opened.comparison
        self.session.show_saved(opened.comparison, opened.display)
        self._set_saved_notes(opened.notes)
        shown = time.perf_counter() - started
        self.message.emit(
            f"Opened “{opened.info.name}” from the library (saved result, not re-aligned): read in "
            f"{opened.seconds:.2f} s, shown in {shown:.2f} s"
        )
        if self.panel is not None:
            self.panel.select(opened.id)
        if opened.realign_reason:
            self._offer_realign(opened.info.name, opened.realign_reason)
        self.opened.emit(opened.id)

    def _open_failed(self, comparison_id: int, message: str) -> None:
        if comparison_id != self.opening:
            return
        self.opening = None
        self.message.emit("Ready")
        self.refresh()
        self.alert.emit("Could not open the comparison", message)

    def adopt(self, comparison_id: int | None) -> None:
        """After a crash restore: new results keep updating the entry the lost session was saved to, once the worker
        has found it (an entry deleted since is not adopted: the next save makes a new one)."""
        if comparison_id is None or self.worker is None:
            return
        reply = self.worker.ask(lambda store: (store.info(comparison_id).name, store.notes.of(comparison_id)))
        reply.done.connect(lambda found: self._adopted(comparison_id, *found))

    def _adopted(self, comparison_id: int, name: str, notes: tuple[Note, ...]) -> None:
        if self.worker is None or self.worker.target is not None:
            return  # something was saved meanwhile: that entry stays the one on screen
        self.worker.adopt(comparison_id, name)
        self._set_saved_notes(notes)

    def _offer_realign(self, name: str, reason: str) -> None:
        self.info_bar.ask(
            REALIGN,
            f"“{name}” was aligned differently from how Parallax would align it now ({reason}). "
            "Re-align? The saved result stays on screen until you accept the new one.",
            [("Re-align", self.realign), ("Keep", lambda: None)],
        )

    def realign(self) -> None:
        comparison = self.session.comparison
        if comparison is None:
            return
        self._realigning = self.session.realign(comparison.settings)
        self.info_bar.ask(
            REALIGN,
            "Re-aligning… the saved result stays on screen until you choose.",
            [("Cancel", self.session.cancel)],
        )

    def _realign_over(self) -> None:
        """The held run ended without a result, or another run replaced it: the "Re-aligning…" bar goes."""
        if self._realigning is None:
            return
        if self._realigning != self.session.generation or not self.session.busy:
            self._realigning = None
            self.info_bar.close_bar(REALIGN)

    def _realigned(self, result: RunResult) -> None:
        self._realigning = None
        old, new = self.session.comparison, result.comparison
        if new is None:
            self.info_bar.close_bar(REALIGN)
            return
        self.pending = result
        before = f" (was {len(old.groups):,})" if old is not None else ""
        self.info_bar.ask(
            REALIGN,
            f"The re-aligned result is ready: {len(new.groups):,} alignment groups{before}, threshold "
            f"{new.settings.threshold:.2f}. Show it and save it in place of the old one?",
            [("Use New Result", self.accept_realigned), ("Keep Old", self.discard_realigned)],
            on_dismiss=self.discard_realigned,
        )

    def accept_realigned(self) -> None:
        result, self.pending = self.pending, None
        if result is None:
            return
        if result.generation != self.session.generation:
            self.message.emit("The comparison changed after re-aligning; that result no longer applies")
            return
        self.session.accept(result)  # shows it, and finished_run autosaves it over the old row

    def discard_realigned(self) -> None:
        self.pending = None

    # -- autosave ---------------------------------------------------------------------------------------------
    def _finished_run(self, result: RunResult) -> None:
        if self._realigning is not None and result.generation != self._realigning:
            self._realign_over()  # a change by the user replaced the re-align run
        old, new = self._shown, result.comparison
        self._shown = new
        if new is None or self.worker is None:
            return
        waiting = self._waiting_for(self.worker.target)
        if waiting and old is not None and old is not new:
            waiting.follow(old, new)
            self._set_notes(waiting.index())
        self.worker.save(new)
        if old is not None and old is not new and (self.notes.sentences or self.notes.groups):
            self._carry_notes(old, new)

    def _carry_notes(self, old: Comparison, new: Comparison) -> None:
        """Re-key sentence and group notes to the new result (articles moved, removed, re-aligned); a note whose
        sentence is gone is appended to the comparison note rather than dropped. Read, re-keyed and written on the
        worker, after the save of ``new`` queued before it."""
        comparison_id = self.current_id
        if self.worker is None or comparison_id is None:
            return
        self._note_writes += 1
        reply = self.worker.ask(lambda store: _carried(store, comparison_id, old, new))
        reply.done.connect(lambda notes: self._notes_written(comparison_id, notes))
        reply.failed.connect(lambda error: self._notes_failed(f"Notes could not be moved to the new result: {error}"))

    def _sources_changed(self) -> None:
        if not self.session.sources:  # everything removed: the next articles start a new library entry
            if self.worker is not None:
                self.worker.detach()
            self._shown = None
            self._set_saved_notes(())

    def new_comparison(self) -> None:
        if self.worker is not None:
            self.worker.detach()
        self._shown = None
        self.pending = None
        self.info_bar.close_bar(REALIGN)
        self._set_saved_notes(())

    def _saved(self, comparison_id: int, seconds: float) -> None:
        self.last_save_seconds = seconds
        log.info("autosaved comparison %s in %.3f s", comparison_id, seconds)
        for target, waiting in [w for w in self._waiting if w[0].id == comparison_id]:
            self._waiting.remove((target, waiting))
            self._write_notes(comparison_id, waiting.take())
        # The list shows which entry is on screen.
        self.refresh(select=comparison_id if comparison_id == self.current_id else None)

    def _save_failed(self, message: str) -> None:
        self.info_bar.ask("autosave", message + "\nThe comparison stays open; export it to keep a copy.")

    def refresh(self, select: int | None = None) -> None:
        """Read the library panel's list and the recent comparisons again (after a save here or elsewhere)."""
        if self.panel is not None:
            self.panel.refresh(select)
        self.list_recent()

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs) if self.worker is not None else True

    def _deleted(self, comparison_id: int) -> None:
        if comparison_id == self.current_id and self.worker is not None:
            self.worker.detach()  # what is on screen is no longer in the library; a change saves it anew
            self._set_saved_notes(())

    # -- adding library articles ------------------------------------------------------------------------------
    def add_articles(self, library_ids: list[int]) -> None:
        """Read the articles on the worker; the session adds them when they arrive."""
        if self.worker is None:
            return
        ids = list(library_ids)
        reply = self.worker.ask(lambda store: [store.articles.get(i) for i in ids])
        reply.done.connect(self.session.add_articles)
        reply.failed.connect(lambda error: self.alert.emit("Could not add the article", str(error)))

    # -- notes ------------------------------------------------------------------------------------------------
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
            self._write_notes(comparison_id, [note])
            return True
        self.worker.save(comparison)  # the first save may still be queued; this one replaces it, or updates
        target = self.worker.target
        assert target is not None
        waiting = self._waiting_for(target)
        if waiting is None:
            waiting = WaitingNotes()
            self._waiting.append((target, waiting))
        waiting.add(note)
        self._set_notes(waiting.index())
        return True

    @property
    def notes_waiting(self) -> bool:
        """Whether a note is still on its way to the library: waiting for its comparison's first save, or written
        by the worker and not yet answered."""
        return any(self._waiting) or self._note_writes > 0

    def _waiting_for(self, target: SaveTarget | None) -> WaitingNotes | None:
        return next((waiting for t, waiting in self._waiting if t is target), None)

    def _write_notes(self, comparison_id: int, notes: list[Note]) -> None:
        """Write on the worker, then show the library's notes as they are after it."""
        assert self.worker is not None
        self._note_writes += 1
        reply = self.worker.ask(lambda store: _written(store, comparison_id, notes))
        reply.done.connect(lambda saved: self._notes_written(comparison_id, saved))
        reply.failed.connect(lambda error: self._notes_failed(str(error), alert=True))

    def _notes_written(self, comparison_id: int, saved: tuple[Note, ...] | None) -> None:
        """``saved``: the comparison's notes after a write; None: nothing needed writing."""
        self._note_writes -= 1
        if saved is None:
            return
        if comparison_id == self.current_id:  # not if another comparison was opened meanwhile
            self._set_saved_notes(saved)
        self.refresh()

    def _notes_failed(self, message: str, *, alert: bool = False) -> None:
        """A note the user typed could not be kept: said in a dialog; notes not carried to a new result: the status."""
        self._note_writes -= 1
        if alert:
            self.alert.emit("Could not save the note", message)
        else:
            self.message.emit(message)

    def export_notes(self) -> tuple[Note, ...] | None:
        """The library's notes on the comparison on screen, for the report; None if it has no library entry."""
        return self._saved_notes if self.current_id is not None else None

    def _set_saved_notes(self, notes: tuple[Note, ...]) -> None:
        self._saved_notes = notes
        self._set_notes(NoteIndex.of(notes))

    def _set_notes(self, notes: NoteIndex) -> None:
        self.notes = notes
        self.notes_changed.emit(notes)

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
