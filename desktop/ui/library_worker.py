"""Every use of the library off the GUI thread: autosaving each finished comparison, reopening one, and the quick
requests (the lists and searches, renames, deletes, notes), so the window never waits on the database.

sqlite3 connections stay on the thread that made them, so each job opens its own connection with
``open_library`` (a few milliseconds); WAL mode and ``BEGIN IMMEDIATE`` in the store let it write while another
process reads. Jobs run one at a time in order, so a reopen or a list always sees the saves and renames queued
before it, and a save overtaken by a newer result for the same comparison is skipped: a burst of threshold changes
costs one write, not ten. Reopening also builds the comparison's presentation here (what every sentence and word
shows, and the row order), as a compare run does, so the GUI thread only builds the views.

A quick request is a function of the store (``ask``); its ``Reply`` says ``done(result)`` or ``failed(error)`` on the
GUI thread. ``error`` is what the store raised, its own ``LibraryError`` or a ``LookupError`` (``UnknownComparison``,
an article id it does not have), so the asker can word it for its one status line.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.model import Comparison, Note
from desktop.core.presentation import Presentation, present
from desktop.library import (
    ComparisonInfo,
    LibraryError,
    LibraryStore,
    ResultRows,
    UnknownComparison,
    open_library,
)

log = logging.getLogger(__name__)
NAME_LENGTH = 80


def comparison_name(comparison: Comparison) -> str:
    """A name a person recognises in the list: the first article's headline, else its file name."""
    for result in comparison.articles:
        article = result.article
        name = " ".join((article.title or "").split())
        if not name:
            path = article.path.rstrip("/")
            name = path.rsplit("/", 1)[-1] if "://" in path else Path(path).stem
        if name:
            return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"
    return " ".join((comparison.title or "Untitled comparison").split())[:NAME_LENGTH]


@dataclass(frozen=True)
class Opened:
    """A saved comparison read back, ready to show."""

    id: int
    comparison: Comparison
    info: ComparisonInfo
    notes: tuple[Note, ...]
    realign_reason: str
    display: Presentation
    seconds: float


@dataclass
class SaveTarget:
    """The library row one comparison on screen is saved to; ``id`` is None until its first save. A new row is
    named ``name``, or after the comparison's first article when that is empty."""

    name: str
    id: int | None = None
    latest: int = 0  # number of the newest save queued for this target


class _Signals(QObject):
    saved = Signal(int, float)  # comparison id, seconds the save took
    failed = Signal(str)
    opened = Signal(object)  # Opened
    open_failed = Signal(int, str)  # comparison id, message
    answered = Signal(int, bool, object)  # request number, whether it succeeded, its result or the error


class Reply(QObject):
    """The answer to one ``LibraryWorker.ask``, on the GUI thread: ``done`` with what the request returned, or
    ``failed`` with the error the store raised. Exactly one of them is emitted, then the reply is deleted."""

    done = Signal(object)
    failed = Signal(object)  # LibraryError or LookupError; any other Exception is a bug, logged on the worker


class _SaveJob(QRunnable):
    def __init__(
        self,
        path: Path,
        target: SaveTarget,
        comparison: Comparison,
        rows: ResultRows | None,
        number: int,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self._path = path
        self._target = target
        self._comparison = comparison
        self._rows = rows
        self._number = number
        self._signals = signals

    def run(self) -> None:
        if self._number != self._target.latest:
            return  # a newer result for the same comparison is queued behind this one
        started = time.perf_counter()
        try:
            store = open_library(self._path)
            try:
                self._write(store)
            finally:
                store.close()
        except (LibraryError, OSError) as error:
            self._signals.failed.emit(f"Could not save the comparison to the library: {error}")
            return
        except Exception as error:  # a bug must not kill the worker thread silently
            log.exception("autosave failed")
            self._signals.failed.emit(f"Could not save the comparison to the library: {error}")
            return
        assert self._target.id is not None
        self._signals.saved.emit(self._target.id, time.perf_counter() - started)

    def _write(self, store: LibraryStore) -> None:
        target = self._target
        if target.id is not None:
            try:
                store.update(target.id, self._comparison, rows=self._rows)
                return
            except UnknownComparison:
                log.info("comparison %s was deleted from the library; saving it anew", target.id)
        same = store.same_articles(self._comparison)
        if same is not None:
            # The same articles in the same order (the app started again on the same files): that entry is this
            # comparison, so it is brought up to date instead of piling up copies.
            store.update(same, self._comparison, rows=self._rows)
            target.id = same
            return
        target.id = store.save(self._comparison, target.name or comparison_name(self._comparison), rows=self._rows)


class _AskJob(QRunnable):
    """One quick request, on its own connection. The search index was checked when the app opened the library; a
    search that meets damage since raises ``SearchIndexDamaged``, so the check is not paid for again here."""

    def __init__(self, path: Path, job: Callable[[LibraryStore], object], number: int, signals: _Signals) -> None:
        super().__init__()
        self._path = path
        self._job = job
        self._number = number
        self._signals = signals

    def run(self) -> None:
        try:
            store = open_library(self._path, check_search_index=False)
            try:
                result = self._job(store)
            finally:
                store.close()
        except (LibraryError, LookupError) as error:
            self._signals.answered.emit(self._number, False, error)
            return
        except Exception as error:  # a bug must not kill the worker thread silently
            log.exception("library request failed")
            self._signals.answered.emit(self._number, False, error)
            return
        self._signals.answered.emit(self._number, True, result)


class _OpenJob(QRunnable):
    def __init__(self, path: Path, comparison_id: int, signals: _Signals) -> None:
        super().__init__()
        self._path = path
        self._id = comparison_id
        self._signals = signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            store = open_library(self._path)
            try:
                comparison = store.load(self._id)
                info = store.info(self._id)
                notes = store.notes.of(self._id)
                # Its settings are its own (the defaults for new comparisons do not apply to it): only a newer
                # engine is a reason to offer aligning it again.
                reason = store.realign_reason(self._id)
            finally:
                store.close()
            display = present(comparison)
        except UnknownComparison:
            self._signals.open_failed.emit(self._id, "That comparison is no longer in the library.")
            return
        except Exception as error:  # a damaged row must not kill the worker thread silently
            log.exception("reopening comparison %s failed", self._id)
            self._signals.open_failed.emit(self._id, f"Could not read it from the library: {error}")
            return
        self._signals.opened.emit(
            Opened(self._id, comparison, info, notes, reason, display, time.perf_counter() - started)
        )


class LibraryWorker(QObject):
    """The GUI thread's door to the library: jobs queued in order on one worker thread, answers by signal."""

    saved = Signal(int, float)
    failed = Signal(str)
    opened = Signal(object)
    open_failed = Signal(int, str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.target: SaveTarget | None = None
        # The pool first: children are deleted in the order they were made, and the pool's destructor waits for the
        # job still running, which must be able to emit through ``_signals`` (closing the window mid-job).
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # in order: the first save creates the row the later ones update
        self._signals = _Signals(self)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)
        self._signals.opened.connect(self.opened)
        self._signals.open_failed.connect(self.open_failed)
        self._signals.answered.connect(self._answered)
        self._replies: dict[int, Reply] = {}
        self._numbers = itertools.count(1)

    @property
    def current_id(self) -> int | None:
        return self.target.id if self.target is not None else None

    def detach(self) -> None:
        """The next finished comparison starts a new library entry."""
        self.target = None

    def adopt(self, comparison_id: int, name: str) -> None:
        """What is on screen is the saved comparison ``comparison_id``: later results update it."""
        self.target = SaveTarget(name, comparison_id)

    def save(self, comparison: Comparison, rows: ResultRows | None = None) -> None:
        """``rows``: the comparison's library rows, if laid out already (``RunResult.library_rows``)."""
        if self.target is None:
            self.target = SaveTarget(comparison_name(comparison))
        self.target.latest += 1
        self._pool.start(_SaveJob(self.path, self.target, comparison, rows, self.target.latest, self._signals))

    def load(self, comparison_id: int) -> None:
        """Read a saved comparison (after any queued saves); ``opened`` or ``open_failed`` follows."""
        self._pool.start(_OpenJob(self.path, comparison_id, self._signals))

    def ask(self, job: Callable[[LibraryStore], object]) -> Reply:
        """Run ``job`` on a store of its own, after everything queued before it; connect to the reply's signals.
        ``job`` runs on the worker thread, so it takes only plain values, never a widget."""
        number = next(self._numbers)
        reply = Reply(self)
        self._replies[number] = reply
        self._pool.start(_AskJob(self.path, job, number, self._signals))
        return reply

    def _answered(self, number: int, ok: bool, value: object) -> None:
        reply = self._replies.pop(number, None)
        if reply is None:
            return
        if ok:
            reply.done.emit(value)
        else:
            reply.failed.emit(value)
        reply.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued jobs are done (on closing, so the last autosave lands). Their replies arrive with the
        next turn of the event loop."""
        return self._pool.waitForDone(msecs)
