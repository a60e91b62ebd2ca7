"""The open comparison: which articles, in what order, against which reference, with what settings.

The session launches a worker whenever any of that changes, keeps only the newest result (generation ids),
and tells the window through signals. It owns no widgets, so tests drive it directly.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.core.errors import LoadError
from desktop.core.model import Article, Comparison, Settings
from desktop.ui.worker import CompareWorker, Display, RunResult, Source

log = logging.getLogger(__name__)
DEBOUNCE_MS = 300


def text_article(text: str, number: int) -> Article:
    """An article from pasted text (the loader extracts pasted HTML like a saved page). Each paste gets its own
    name, which doubles as its place in the session. Raises ``LoadError`` for empty or oversized text."""
    from desktop.core.loading import article_from_text  # the loader's imports are heavy; pasting is rare

    return article_from_text(text, "A", path=f"Pasted text {number}")


class Session(QObject):
    comparison_changed = Signal(object)  # Comparison | None
    busy_changed = Signal(bool)
    progress = Signal(int, int)
    load_failed = Signal(list)  # list[LoadError]
    run_failed = Signal(str)
    sources_changed = Signal()
    finished_run = Signal(object)  # RunResult, for the status bar

    def __init__(self, parent: QObject | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.sources: list[Source] = []
        self.settings = settings or Settings()
        self.reference: str | None = None
        self.comparison: Comparison | None = None
        self.articles: tuple[Article, ...] = ()
        self.last_result: RunResult | None = None
        self.display: Display | None = None
        self.generation = 0
        self._cache: dict[str, Article] = {}
        self._workers: dict[int, CompareWorker] = {}
        self._pasted = 0
        self._pool = QThreadPool(self)
        # One run at a time: a superseded run is cancelled and the next waits for the core to notice, which keeps
        # the second core free for the GUI thread on small machines.
        self._pool.setMaxThreadCount(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run)

    # -- what is compared -------------------------------------------------------------------------------------
    def add_sources(self, locations: list[str]) -> None:
        known = {s.location for s in self.sources}
        added = [Source(loc) for loc in dict.fromkeys(locations) if loc not in known]
        if not added:
            return
        self.sources.extend(added)
        self.sources_changed.emit()
        self.run()

    def add_text(self, text: str) -> None:
        self._pasted += 1
        try:
            article = text_article(text, self._pasted)
        except LoadError as error:
            self.load_failed.emit([error])
            return
        self.sources.append(Source(article.path, article))
        self.sources_changed.emit()
        self.run()

    def set_sources(self, locations: list[str]) -> None:
        self.sources = [Source(loc) for loc in dict.fromkeys(locations)]
        self.reference = None
        self.sources_changed.emit()
        self.run()

    def remove(self, position: int) -> None:
        if 0 <= position < len(self.sources):
            removed = self.sources.pop(position)
            if removed.location == self.reference:
                self.reference = None
            self.sources_changed.emit()
            self.run()

    def move(self, position: int, delta: int) -> None:
        target = position + delta
        if 0 <= position < len(self.sources) and 0 <= target < len(self.sources):
            self.sources.insert(target, self.sources.pop(position))
            self.sources_changed.emit()
            self.run()

    def set_reference(self, position: int) -> None:
        if 0 <= position < len(self.sources):
            self.reference = self.sources[position].location
            self.run()

    def position_of(self, article_id: str) -> int:
        """Where the article lettered ``article_id`` in the current result sits in ``sources``."""
        for article in self.articles:
            if article.id == article_id:
                for n, source in enumerate(self.sources):
                    if source.location == article.path or (source.article and source.article.path == article.path):
                        return n
        return -1

    # -- settings ---------------------------------------------------------------------------------------------
    def update_settings(self, *, debounce: bool = True, **changes: object) -> None:
        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        if debounce:
            self._debounce.start()
        else:
            self.run()

    # -- running ----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def run(self) -> None:
        self._debounce.stop()
        self.cancel()
        self.generation += 1
        worker = CompareWorker(self.generation, self.sources, self.settings, self._cache, self.reference)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        worker.signals.progress.connect(self._progress)
        was_busy = self.busy
        self._workers[self.generation] = worker
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(worker)

    def cancel(self) -> None:
        for worker in self._workers.values():
            worker.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker pool is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _done(self, generation: int) -> bool:
        """Forget the worker; True if its result is still the newest wanted."""
        self._workers.pop(generation, None)
        if not self._workers:
            self.busy_changed.emit(False)
        return generation == self.generation

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    def _finished(self, result: RunResult) -> None:
        if not self._done(result.generation):
            log.debug("dropped stale result of run %s", result.generation)
            return
        self.accept(result)

    def accept(self, result: RunResult) -> None:
        """Take a finished run's result, unless a newer run has started since."""
        if result.generation != self.generation:
            return
        self._cache.update(result.loaded)
        failed = {e.source for e in result.errors}
        if failed:
            self.sources = [s for s in self.sources if s.location not in failed]
            self.sources_changed.emit()
        self.articles = result.articles
        self.comparison = result.comparison
        self.display = result.display
        self.last_result = result
        self.finished_run.emit(result)
        self.comparison_changed.emit(result.comparison)
        if failed:  # after the result is shown, so the error dialog sits over the articles that did open
            self.load_failed.emit(list(result.errors))

    def _failed(self, generation: int, message: str) -> None:
        if self._done(generation):
            self.run_failed.emit(message)

    def _cancelled(self, generation: int) -> None:
        self._done(generation)

    def errors_text(self, errors: list[LoadError]) -> str:
        return "\n".join(str(e) for e in errors)
