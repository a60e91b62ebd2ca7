"""The library's heavy work off the GUI thread: autosaving every finished comparison, and reopening one.

The window's ``LibraryStore`` connection belongs to the GUI thread (sqlite3 connections stay on the thread that
made them), so each job opens its own connection with ``open_library``; WAL mode and ``BEGIN IMMEDIATE`` in the
store let it write while the GUI thread reads the list. Jobs run one at a time in order, so a reopen always sees
the saves queued before it, and a save overtaken by a newer result for the same comparison is skipped: a burst
of threshold changes costs one write, not ten. Reopening also builds the comparison's presentation here (what every
sentence and word shows, and the row order), as a compare run does, so the GUI thread only builds the views.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.model import Comparison, Note
from desktop.core.presentation import Presentation, present
from desktop.library import ComparisonInfo, LibraryError, LibraryStore, UnknownComparison, open_library

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
    """The library row one comparison on screen is saved to; ``id`` is None until its first save."""

    name: str
    id: int | None = None
    latest: int = 0  # number of the newest save queued for this target


class _Signals(QObject):
    saved = Signal(int, float)  # comparison id, seconds the save took
    failed = Signal(str)
    opened = Signal(object)  # Opened
    open_failed = Signal(int, str)  # comparison id, message


class _SaveJob(QRunnable):
    def __init__(self, path: Path, target: SaveTarget, comparison: Comparison, number: int, signals: _Signals) -> None:
        super().__init__()
        self._path = path
        self._target = target
        self._comparison = comparison
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
                store.update(target.id, self._comparison)
                return
            except UnknownComparison:
                log.info("comparison %s was deleted from the library; saving it anew", target.id)
        same = store.same_articles(self._comparison)
        if same is not None:
            # The same articles in the same order (the app started again on the same files): that entry is this
            # comparison, so it is brought up to date instead of piling up copies.
            store.update(same, self._comparison)
            target.id = same
            return
        target.id = store.save(self._comparison, target.name)


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
                notes = store.notes(self._id)
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
    saved = Signal(int, float)
    failed = Signal(str)
    opened = Signal(object)
    open_failed = Signal(int, str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.target: SaveTarget | None = None
        self._signals = _Signals(self)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)
        self._signals.opened.connect(self.opened)
        self._signals.open_failed.connect(self.open_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # in order: the first save creates the row the later ones update

    @property
    def current_id(self) -> int | None:
        return self.target.id if self.target is not None else None

    def detach(self) -> None:
        """The next finished comparison starts a new library entry."""
        self.target = None

    def adopt(self, comparison_id: int, name: str) -> None:
        """What is on screen is the saved comparison ``comparison_id``: later results update it."""
        self.target = SaveTarget(name, comparison_id)

    def save(self, comparison: Comparison) -> None:
        if self.target is None:
            self.target = SaveTarget(comparison_name(comparison))
        self.target.latest += 1
        self._pool.start(_SaveJob(self.path, self.target, comparison, self.target.latest, self._signals))

    def load(self, comparison_id: int) -> None:
        """Read a saved comparison (after any queued saves); ``opened`` or ``open_failed`` follows."""
        self._pool.start(_OpenJob(self.path, comparison_id, self._signals))

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued jobs are done (on closing, so the last autosave lands)."""
        return self._pool.waitForDone(msecs)
