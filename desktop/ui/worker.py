"""Loads and compares off the GUI thread: a thin ``QRunnable`` shell around ``load_article`` and ``compare``.

Each run carries a generation number; the session ignores anything from a generation it has moved past (as
Meld's matcher worker does), so a slow earlier run can never overwrite a newer result.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop.core.engine import Engine
from desktop.core.model import Article, Comparison, Settings, UserLink
from desktop.core.presentation import Presentation, present
from desktop.core.sources.errors import LoadError
from desktop.ui import placed_links
from desktop.ui.highlights import Difference, differences

if TYPE_CHECKING:
    from desktop.library import ResultRows

log = logging.getLogger(__name__)
_STEPS = 100  # progress units per loaded article or compare stage, so embedding can move the bar inside a stage
# Embedding sentences (semantic matching) takes far longer than any other stage: once it starts, the bar gives it
# this many stages' worth of room, so it does not sit still for seconds and then jump.
_ENCODING_STAGES = 8


@dataclass
class ProgressScale:
    """Maps the loader's and the pipeline's counts onto one bar: articles, then the compare stages, with the
    sentence-embedding count (``compare(..., encoding=)``) spread over extra room inside stage 2."""

    sources: int
    stages: int  # the steps compare reports (``pipeline.STAGES``, read once the engine is imported)
    encoding: bool = False

    @property
    def total(self) -> int:
        return (self.sources + self.stages + (_ENCODING_STAGES if self.encoding else 0)) * _STEPS

    def loading(self, done: int) -> int:
        return done * _STEPS

    def compared(self, stage: int) -> int:
        extra = _ENCODING_STAGES if self.encoding and stage >= 2 else 0
        return (self.sources + stage + extra) * _STEPS

    def encoded(self, done: int, total: int) -> int:
        self.encoding = True
        share = done / total if total > 0 else 1.0
        return (self.sources + 1) * _STEPS + round(share * _ENCODING_STAGES * _STEPS)


@dataclass(frozen=True)
class Source:
    """Where an article comes from: a path or URL, or text the user pasted (then ``article`` is preset)."""

    location: str
    article: Article | None = None


@dataclass(frozen=True)
class RunResult:
    generation: int
    comparison: Comparison | None
    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...] = ()
    loaded: dict[str, Article] = field(default_factory=dict)
    load_seconds: float = 0.0
    compare_seconds: float = 0.0
    display: Presentation | None = None  # what the views draw, prepared off the GUI thread
    library_rows: ResultRows | None = None  # what the autosave writes, laid out off the GUI thread too
    differences: tuple[Difference, ...] | None = None  # the Differences list of ``display``, gathered here too


class WorkerSignals(QObject):
    finished = Signal(object)  # RunResult
    failed = Signal(int, str)  # generation, message
    cancelled = Signal(int)
    progress = Signal(int, int, int)  # generation, done, total


class CompareWorker(QRunnable):
    """Loads the sources not already in ``cache``, letters them A, B, … in order and compares them, applying the
    user's corrections (``user_links``, placed: keyed by source location, see ``placed_links``)."""

    def __init__(
        self,
        generation: int,
        sources: list[Source],
        settings: Settings,
        cache: dict[str, Article],
        reference_location: str | None = None,
        user_links: tuple[UserLink, ...] = (),
        engine: Engine | None = None,
    ) -> None:
        """``engine`` is the session's: what its earlier runs worked out (sentence spans, fact indexes, the
        encoder and its vectors) serves this one."""
        super().__init__()
        self.setAutoDelete(False)  # the session holds the reference and drops it when done
        self.generation = generation
        self.signals = WorkerSignals()
        self._sources = list(sources)
        self._settings = settings
        self._cache = dict(cache)
        self._reference = reference_location
        self._user_links = user_links
        self._engine = engine or Engine()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        # The engine (numpy, rapidfuzz, trafilatura, lexicons) is imported here, on the worker thread, the first
        # time it is needed: the window paints about a second sooner than if the GUI thread imported it.
        from desktop.core.pipeline import ComparisonCancelled

        try:
            self._run()
        except ComparisonCancelled:
            self.signals.cancelled.emit(self.generation)
        except Exception as error:
            log.exception("comparison failed")
            self.signals.failed.emit(self.generation, f"The comparison failed: {error}")

    def _run(self) -> None:
        from desktop.core.pipeline import STAGES, ComparisonCancelled, compare
        from desktop.core.sources.articles import ArticleInput, load_articles
        from desktop.library import result_rows

        scale = ProgressScale(len(self._sources), STAGES)
        started = time.perf_counter()

        def stop() -> None:
            if self._cancel.is_set():
                raise ComparisonCancelled()

        def loading(done: int, _total: int) -> None:
            self.signals.progress.emit(self.generation, scale.loading(done), scale.total)

        # Lettered A, B, … over the articles that opened: the columns on screen.
        result = load_articles(
            [ArticleInput(s.location, article=s.article) for s in self._sources],
            compact=True,
            presegmented=self._settings.presegmented,
            progress=loading,
            stop=stop,
            cache=self._cache,
        )
        loaded, errors = result.fresh, result.errors
        by_source = zip(self._sources, result.outcomes, strict=True)
        articles = [(s.location, a) for s, a in by_source if isinstance(a, Article)]
        ids = [a.id for _, a in articles]
        lettered = [a for _, a in articles]
        reference = next((i for i, (loc, _) in zip(ids, articles, strict=True) if loc == self._reference), "A")
        load_seconds = time.perf_counter() - started
        comparison = None
        compare_started = time.perf_counter()
        if len(lettered) >= 2:

            def progress(done: int, _total: int) -> None:
                self.signals.progress.emit(self.generation, scale.compared(done), scale.total)

            def encoding(done: int, total: int) -> None:
                self.signals.progress.emit(self.generation, scale.encoded(done, total), scale.total)

            settings = replace(self._settings, reference=reference)
            letters = {location: i for i, (location, _) in zip(ids, articles, strict=True)}
            comparison = compare(
                lettered,
                settings,
                progress=progress,
                cancelled=self._cancel.is_set,
                encoding=encoding,
                user_links=placed_links.lettered(self._user_links, letters),
                engine=self._engine,
            )
        display = present(comparison) if comparison is not None else None
        found = tuple(differences(display.comparison, display.rows)) if display is not None else None
        # Laid out here, not by the save: on the save's thread it took the interpreter from the window while the
        # window showed the result (``rows.ResultRows``).
        library_rows = result_rows(comparison) if comparison is not None else None
        self.signals.finished.emit(
            RunResult(
                generation=self.generation,
                comparison=comparison,
                articles=tuple(lettered),
                errors=tuple(errors),
                loaded=loaded,
                load_seconds=load_seconds,
                compare_seconds=time.perf_counter() - compare_started,
                display=display,
                library_rows=library_rows,
                differences=found,
            )
        )
