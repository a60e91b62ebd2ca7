"""The comparison library inside the window: the Library dock, autosave, reopening, re-align offers, notes.

``MainWindow`` shows comparisons; this object decides what the library has to do with them. It holds the GUI
thread's ``LibraryStore`` (reads, renames, notes) and an ``LibraryWorker`` that writes results from its own thread.
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
from desktop.library import ComparisonInfo, LibraryError, LibraryStore, UnknownComparison
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
    changed = Signal()  # saved comparisons were added, renamed or deleted: recent lists need a refresh
    notes_changed = Signal(object)  # NoteIndex of the comparison on screen
    message = Signal(str)  # for the status bar
    alert = Signal(str, str)  # title, text: a warning the user has to acknowledge

    def __init__(
        self,
        session: Session,
        info_bar: InfoBar,
        store: LibraryStore | None,
        path: Path | None,
        error: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.info_bar = info_bar
        self.session = session
        self.store = store
        self.path = path
        self.error = error
        self.notes: NoteIndex = EMPTY
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
        if store is None or path is None:
            return
        self.worker = LibraryWorker(path, self)
        self.worker.saved.connect(self._saved)
        self.worker.failed.connect(self._save_failed)
        self.worker.opened.connect(self._opened)
        self.worker.open_failed.connect(self._open_failed)
        self.panel = LibraryPanel(store)
        self.panel.open_requested.connect(self.open_saved)
        self.panel.add_articles_requested.connect(self.add_articles)
        self.panel.deleted.connect(self._deleted)
        self.panel.changed.connect(self.changed)
        self.panel.failed.connect(self.message)

    @property
    def available(self) -> bool:
        return self.store is not None

    @property
    def current_id(self) -> int | None:
        return self.worker.current_id if self.worker is not None else None

    def recent(self) -> tuple[ComparisonInfo, ...] | None:
        """The newest saved comparisons, for File ▸ Open Recent Comparison and the start page; None: no library."""
        if self.store is None:
            return None
        try:
            return self.store.list(limit=RECENT_COUNT)
        except LibraryError as error:
            log.warning("cannot list the library: %s", error)
            return ()

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
        self._set_notes(NoteIndex.of(opened.notes))
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
        """After a crash restore: new results keep updating the entry the lost session was saved to."""
        if comparison_id is None or self.store is None or self.worker is None:
            return
        try:
            info = self.store.info(comparison_id)
            notes = self.store.notes(comparison_id)
        except (UnknownComparison, LibraryError):
            return
        self.worker.adopt(comparison_id, info.name)
        self._set_notes(NoteIndex.of(notes))

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
        sentence is gone is appended to the comparison note rather than dropped."""
        comparison_id = self.current_id
        if self.store is None or comparison_id is None:
            return
        try:
            current = self.store.notes(comparison_id)
            moved = remap_notes(current, old, new)
            if list(moved.notes) == list(current) and not moved.lost:
                return
            for note in current:
                if note.article is not None or note.group is not None:
                    self.store.set_note(
                        comparison_id, "", article=note.article, sentence=note.sentence, group=note.group
                    )
            for note in moved.notes:
                if note.article is not None or note.group is not None:
                    self.store.set_note(
                        comparison_id, note.text, article=note.article, sentence=note.sentence, group=note.group
                    )
            if moved.lost:
                overall = [n.text for n in moved.notes if n.article is None and n.group is None]
                lines = overall + [describe_lost(n, old) for n in moved.lost]
                self.store.set_note(comparison_id, "\n".join(lines))
            self._set_notes(NoteIndex.of(self.store.notes(comparison_id)))
        except (LibraryError, UnknownComparison) as error:
            self.message.emit(f"Notes could not be moved to the new result: {error}")

    def _sources_changed(self) -> None:
        if not self.session.sources:  # everything removed: the next articles start a new library entry
            if self.worker is not None:
                self.worker.detach()
            self._shown = None
            self._set_notes(EMPTY)

    def new_comparison(self) -> None:
        if self.worker is not None:
            self.worker.detach()
        self._shown = None
        self.pending = None
        self.info_bar.close_bar(REALIGN)
        self._set_notes(EMPTY)

    def _saved(self, comparison_id: int, seconds: float) -> None:
        self.last_save_seconds = seconds
        log.info("autosaved comparison %s in %.3f s", comparison_id, seconds)
        for target, waiting in [w for w in self._waiting if w[0].id == comparison_id]:
            self._waiting.remove((target, waiting))
            self._write_notes(comparison_id, waiting.take())
        self.refresh()
        if self.panel is not None and comparison_id == self.current_id:
            self.panel.select(comparison_id)  # the list shows which entry is on screen

    def _save_failed(self, message: str) -> None:
        self.info_bar.ask("autosave", message + "\nThe comparison stays open; export it to keep a copy.")

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()
        self.changed.emit()

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs) if self.worker is not None else True

    def _deleted(self, comparison_id: int) -> None:
        if comparison_id == self.current_id and self.worker is not None:
            self.worker.detach()  # what is on screen is no longer in the library; a change saves it anew
            self._set_notes(EMPTY)

    # -- adding library articles ------------------------------------------------------------------------------
    def add_articles(self, library_ids: list[int]) -> None:
        if self.store is None:
            return
        try:
            articles = [self.store.article(i) for i in library_ids]
        except (LookupError, LibraryError) as error:
            self.alert.emit("Could not add the article", str(error))
            return
        self.session.add_articles(articles)

    # -- notes ------------------------------------------------------------------------------------------------
    def set_note(
        self, text: str, *, article: str | None = None, sentence: int | None = None, group: int | None = None
    ) -> bool:
        """Write a note on the comparison on screen. Before its first autosave has landed it has no library row:
        the note then waits (and shows at once) and is written when that save lands, not blocking the GUI."""
        comparison = self.session.comparison
        if self.store is None or self.worker is None or comparison is None:
            self.alert.emit("Notes need the library", self._why_unavailable())
            return False
        note = Note(text.strip(), article, sentence, group)
        comparison_id = self.worker.current_id
        if comparison_id is not None:
            return self._write_notes(comparison_id, [note])
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
        """Whether a note still waits for its comparison's first save."""
        return any(self._waiting)

    def _waiting_for(self, target: SaveTarget | None) -> WaitingNotes | None:
        return next((waiting for t, waiting in self._waiting if t is target), None)

    def _write_notes(self, comparison_id: int, notes: list[Note]) -> bool:
        assert self.store is not None
        try:
            for note in notes:
                self.store.set_note(
                    comparison_id, note.text, article=note.article, sentence=note.sentence, group=note.group
                )
            saved = self.store.notes(comparison_id)
        except (LibraryError, UnknownComparison) as error:
            self.alert.emit("Could not save the note", str(error))
            return False
        if comparison_id == self.current_id:  # not if another comparison was opened meanwhile
            self._set_notes(NoteIndex.of(saved))
        self.refresh()
        return True

    def export_notes(self) -> tuple[Note, ...] | None:
        comparison_id = self.current_id
        if self.store is None or comparison_id is None:
            return None
        try:
            return self.store.notes(comparison_id)
        except (LibraryError, UnknownComparison):
            return None

    def _set_notes(self, notes: NoteIndex) -> None:
        self.notes = notes
        self.notes_changed.emit(notes)

    def _why_unavailable(self) -> str:
        if self.store is None:
            return f"The library could not be opened, so notes cannot be kept.\n\n{self.error}"
        return "Open or compare articles first: notes belong to a comparison."
