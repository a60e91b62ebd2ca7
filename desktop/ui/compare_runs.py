"""The runs of the compare worker for one session: one at a time, the newest the only one wanted.

Each run gets a generation number; a result, failure or cancellation of any run but the newest is dropped (as Meld's
matcher worker drops stale chunks), and starting a run cancels the one before. A run started with ``hold`` reports
its result as ``held`` instead of ``finished``, so what is on screen stays until the user takes it. The runs share
one ``Engine``, so what an earlier run worked out serves the next.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.core.engine import Engine
from desktop.core.model import Article, Settings
from desktop.ui.placed_links import Placed
from desktop.ui.worker import CompareWorker, RunResult, Source

log = logging.getLogger(__name__)


class CompareRuns(QObject):
    busy_changed = Signal(bool)
    progress = Signal(int, int)  # of the newest run
    finished = Signal(object)  # RunResult of the newest run
    held = Signal(object)  # RunResult of the newest run, started with ``hold``
    failed = Signal(str)  # the newest run failed
    cancelled = Signal()  # the newest run was cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._engine = Engine()  # the runs of this window share sentence spans, fact indexes and the encoder
        self._workers: dict[int, CompareWorker] = {}
        self._held: set[int] = set()  # generations whose result waits for the user instead of showing
        self._pool = QThreadPool(self)
        # One run at a time: a superseded run is cancelled and the next waits for the core to notice, which keeps
        # the second core free for the GUI thread on small machines.
        self._pool.setMaxThreadCount(1)

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def start(
        self,
        sources: list[Source],
        settings: Settings,
        cache: dict[str, Article],
        reference: str | None,
        corrections: Placed,
        *,
        hold: bool = False,
    ) -> int:
        """Cancel the running comparison and compare ``sources`` again; returns the new run's generation."""
        self.supersede()
        if hold:
            self._held.add(self.generation)
        worker = CompareWorker(self.generation, sources, settings, cache, reference, corrections, engine=self._engine)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        worker.signals.progress.connect(self._progress)
        was_busy = self.busy
        self._workers[self.generation] = worker
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(worker)
        return self.generation

    def supersede(self) -> None:
        """Whatever is running belongs to what was compared before: cancelled, and its outcome dropped."""
        self.cancel()
        self.generation += 1

    def cancel(self) -> None:
        """Stop the running comparison; ``cancelled`` follows once it has noticed."""
        for worker in self._workers.values():
            worker.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker pool is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _done(self, generation: int) -> bool:
        """Forget the worker; True if its outcome is still the newest wanted."""
        self._held.discard(generation)
        self._workers.pop(generation, None)
        if not self._workers:
            self.busy_changed.emit(False)
        return generation == self.generation

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    def _finished(self, result: RunResult) -> None:
        held = result.generation in self._held
        if not self._done(result.generation):
            log.debug("dropped stale result of run %s", result.generation)
            return
        (self.held if held else self.finished).emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if self._done(generation):
            self.failed.emit(message)

    def _cancelled(self, generation: int) -> None:
        if self._done(generation):
            self.cancelled.emit()
