"""The comparison library inside the window: the Library dock, autosave, reopening, the recent comparisons.

``MainWindow`` shows comparisons; this object decides what the library has to do with them. Everything it asks of
the library goes through a ``LibraryWorker``, on the worker's thread: the GUI thread never waits on the database,
and shows each answer (the recent list, a comparison read back, articles read) when its signal arrives. Two parts
have their own object: the notes on the comparison on screen (``notes``, ``ComparisonNotes``) and the offer to
re-align a reopened comparison (``realign_offer``, ``RealignOffer``).
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
from desktop.library import ComparisonInfo
from desktop.ui.comparison_notes import ComparisonNotes
from desktop.ui.info_bar import InfoBar
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.library_worker import LibraryWorker, Opened
from desktop.ui.realign_offer import RealignOffer
from desktop.ui.session import Session
from desktop.ui.worker import RunResult

log = logging.getLogger(__name__)
RECENT_COUNT = 10


class LibraryLink(QObject):
    opened = Signal(int)  # a saved comparison is on screen
    recent_changed = Signal()  # ``recent`` was read again (after a save, rename or delete): redraw the recent lists
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
        self.session = session
        self.path = path
        self.error = error
        # The newest saved comparisons, for File ▸ Open Recent Comparison and the start page; None until the worker
        # has answered (or without a library).
        self.recent: tuple[ComparisonInfo, ...] | None = None
        self.panel: LibraryPanel | None = None
        self.worker: LibraryWorker | None = LibraryWorker(path, self) if path is not None else None
        self.opening: int | None = None  # the saved comparison being read back
        self.last_save_seconds: float | None = None
        self._shown: Comparison | None = None  # the result the notes are keyed to
        self._info_bar = info_bar
        self.notes = ComparisonNotes(session, self.worker, error, self)
        self.notes.written.connect(self.refresh)
        self.notes.message.connect(self.message)
        self.notes.alert.connect(self.alert)
        self.realign_offer = RealignOffer(session, info_bar, self)
        self.realign_offer.message.connect(self.message)
        self.session.finished_run.connect(self._finished_run)
        self.session.sources_changed.connect(self._sources_changed)
        # File ▸ Open's new comparison gets its own library entry: detached before its first result is saved.
        self.session.new_started.connect(self.new_comparison)
        if self.worker is None:
            return
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
        self.realign_offer.withdraw()
        self._shown = opened.comparison
        self.session.show_saved(opened.comparison, opened.display)
        self.notes.from_library(opened.notes)
        shown = time.perf_counter() - started
        self.message.emit(
            f"Opened “{opened.info.name}” from the library (saved result, not re-aligned): read in "
            f"{opened.seconds:.2f} s, shown in {shown:.2f} s"
        )
        if self.panel is not None:
            self.panel.select(opened.id)
        if opened.realign_reason:
            self.realign_offer.offer(opened.info.name, opened.realign_reason)
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
        self.notes.from_library(notes)

    # -- autosave ---------------------------------------------------------------------------------------------
    def _finished_run(self, result: RunResult) -> None:
        old, new = self._shown, result.comparison
        self._shown = new
        if new is None or self.worker is None:
            return
        self.worker.save(new, result.library_rows)
        if old is not None:
            self.notes.follow(old, new)

    def _sources_changed(self) -> None:
        if not self.session.sources:  # everything removed: the next articles start a new library entry
            if self.worker is not None:
                self.worker.detach()
            self._shown = None
            self.notes.from_library(())

    def new_comparison(self) -> None:
        if self.worker is not None:
            self.worker.detach()
        self._shown = None
        self.realign_offer.withdraw()
        self.notes.from_library(())

    def _saved(self, comparison_id: int, seconds: float) -> None:
        self.last_save_seconds = seconds
        log.info("autosaved comparison %s in %.3f s", comparison_id, seconds)
        self.notes.landed(comparison_id)
        # The list shows which entry is on screen.
        self.refresh(select=comparison_id if comparison_id == self.current_id else None)

    def _save_failed(self, message: str) -> None:
        self._info_bar.ask("autosave", message + "\nThe comparison stays open; export it to keep a copy.")

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
            self.notes.from_library(())

    # -- adding library articles ------------------------------------------------------------------------------
    def add_articles(self, library_ids: list[int]) -> None:
        """Read the articles on the worker; the session adds them when they arrive."""
        if self.worker is None:
            return
        ids = list(library_ids)
        reply = self.worker.ask(lambda store: [store.articles.get(i) for i in ids])
        reply.done.connect(self.session.add_articles)
        reply.failed.connect(lambda error: self.alert.emit("Could not add the article", str(error)))
