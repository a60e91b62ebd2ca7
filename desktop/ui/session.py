"""The open comparison: which articles, in what order, against which reference, with what settings.

The session compares again whenever any of that changes (its ``runs``, ``CompareRuns``, keep only the newest
result), takes what a change that gave no result asked for back, and tells the window through signals. It owns no
widgets, so tests drive it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from desktop.core.model import Article, Comparison, Settings, UserLink
from desktop.core.presentation import Presentation
from desktop.core.sources.errors import LoadError
from desktop.ui.compare_runs import CompareRuns
from desktop.ui.highlights import Difference
from desktop.ui.placed_links import Placed, placed
from desktop.ui.worker import RunResult, Source

DEBOUNCE_MS = 300
# The settings a result carries that the session's settings follow (the reference is kept as a location).
COMPARED_SETTINGS = ("threshold", "ignore_case", "ignore_punctuation", "presegmented", "match")


def text_article(text: str, number: int) -> Article:
    """An article from pasted text (the loader extracts pasted HTML like a saved page). Each paste gets its own
    name, which doubles as its place in the session. Raises ``LoadError`` for empty or oversized text."""
    from desktop.core.sources.loading import article_from_text  # the loader's imports are heavy; pasting is rare

    return article_from_text(text, "A", path=f"Pasted text {number}")


def _pasted_number(location: str) -> int:
    """The N of a "Pasted text N" source, so a new paste after reopening gets a fresh name."""
    prefix = "Pasted text "
    tail = location[len(prefix) :] if location.startswith(prefix) else ""
    return int(tail) if tail.isdigit() else 0


@dataclass(frozen=True)
class _Kept:
    """What a comparison on screen needs back if a new one fails to open in its place."""

    sources: list[Source]
    settings: Settings
    reference: str | None
    corrections: Placed = ()


class Session(QObject):
    comparison_changed = Signal(object)  # Comparison | None
    busy_changed = Signal(bool)  # ``runs.busy`` changed
    progress = Signal(int, int)  # of the newest run
    load_failed = Signal(list)  # list[LoadError]
    run_failed = Signal(str)
    sources_changed = Signal()
    finished_run = Signal(object)  # RunResult, for the status bar
    run_cancelled = Signal()  # the newest run was cancelled: what was shown before stays
    realigned = Signal(object)  # RunResult of a held run (``realign``), shown only once ``accept`` takes it
    # A new comparison (``start_new``) produced its first result and replaces the one on screen: whatever belonged
    # to the old one (its library entry, notes, the place in the view) must let go before it is shown and saved.
    new_started = Signal()
    new_failed = Signal(list)  # list[LoadError]: a new comparison gave no result; the one before it stays
    # ``settings`` changed: a slider moved, a result or a reopened comparison brought its own, or a change that
    # gave no result (cancelled, failed) was taken back. The controls show these, never a value on no screen.
    settings_changed = Signal(object)  # Settings
    # ``corrections`` changed: the user made or undid one, another comparison brought its own (or none), or one that
    # gave no result (cancelled, failed) was taken back, as settings are.
    corrections_changed = Signal(object)  # Placed

    def __init__(self, parent: QObject | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.sources: list[Source] = []
        self._settings = settings or Settings()
        self.reference: str | None = None
        self.comparison: Comparison | None = None
        self.articles: tuple[Article, ...] = ()
        self.last_result: RunResult | None = None
        self.display: Presentation | None = None
        self.differences: tuple[Difference, ...] | None = None  # those of ``display``, when gathered with it
        self._cache: dict[str, Article] = {}
        self._pasted = 0
        # The user's corrections, placed (keyed by source location, ``placed_links``), applied on every run; and those
        # of the result on screen, which a change that gives no result goes back to.
        self._corrections: Placed = ()
        self._shown_corrections: Placed = ()
        # Counts the different comparisons shown (a new one, a reopened one, none): a view keeps its place only
        # across results with the same number, i.e. re-runs of one comparison.
        self.comparison_number = 0
        self._before_new: _Kept | None = None  # the comparison on screen while a new one loads
        self.runs = CompareRuns(self)
        self.runs.busy_changed.connect(self.busy_changed)
        self.runs.progress.connect(self.progress)
        self.runs.finished.connect(self.accept)
        self.runs.held.connect(self.realigned)
        self.runs.failed.connect(lambda message: self._no_result(self.run_failed, message))
        self.runs.cancelled.connect(lambda: self._no_result(self.run_cancelled))
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

    def add_articles(self, articles: list[Article]) -> None:
        """Add ready articles (from the library); one already in the comparison is not added twice."""
        known = {s.location for s in self.sources} | {s.article.text for s in self.sources if s.article}
        added = []
        for article in articles:
            if article.path not in known and article.text not in known:
                added.append(Source(article.path, article))
                known |= {article.path, article.text}
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
        self._set_corrections(())
        self.sources_changed.emit()
        self.run()

    def start_new(self, locations: list[str], settings: Settings | None = None) -> None:
        """Compare ``locations`` as a new comparison (File ▸ Open). What is on screen stays there until the new one
        has a result; if none comes (every file failed, fewer than two loaded, cancelled), it stays for good and
        ``new_failed`` says so. ``settings``: the defaults for new comparisons (the shown one's may be a saved
        comparison's own)."""
        locations = list(dict.fromkeys(locations))
        if not locations:
            return
        self._debounce.stop()
        if self._before_new is None:
            self._before_new = _Kept(list(self.sources), self.settings, self.reference, self._corrections)
        self.sources = [Source(loc) for loc in locations]
        self.reference = None
        self._set_corrections(())
        if settings is not None:
            self.settings = settings
        self.sources_changed.emit()
        self.run()

    @property
    def opening_new(self) -> bool:
        """A new comparison is loading while the previous one stays on screen."""
        return self._before_new is not None

    def _no_result(self, said: SignalInstance, *args: object) -> None:
        """The newest run gave no result (failed, cancelled, or a change waiting for its run was dropped): back to the
        settings and corrections of the result on screen, say so with ``said``, and a new comparison that was loading
        gives way to the one on screen. A change must not stay in the controls when it is on no screen."""
        if self.comparison is not None:
            self.settings = replace(
                self.settings, **{name: getattr(self.comparison.settings, name) for name in COMPARED_SETTINGS}
            )
            self._set_corrections(self._shown_corrections)
        said.emit(*args)
        self._new_failed()

    def _new_failed(self, errors: list[LoadError] | None = None) -> None:
        """The new comparison gave nothing to show: the one on screen keeps its sources and settings."""
        kept, self._before_new = self._before_new, None
        if kept is None:
            return
        self.sources, self.settings, self.reference = kept.sources, kept.settings, kept.reference
        self._set_corrections(kept.corrections)
        self.sources_changed.emit()
        self.new_failed.emit(errors or [])

    def show_saved(self, comparison: Comparison, display: Presentation | None = None) -> None:
        """Show a finished comparison (from the library) as it is, without loading or aligning anything.

        Its articles become the sources, carrying their saved text, so a later change (another article, a new
        threshold) re-aligns those texts instead of re-reading files that may have changed or gone.
        """
        self._debounce.stop()
        self.runs.supersede()  # whatever was running belongs to the previous comparison
        self._before_new = None
        self.comparison_number += 1
        articles = tuple(r.article for r in comparison.articles)
        self.sources = [Source(a.path, a) for a in articles]
        self.reference = next((a.path for a in articles if a.id == comparison.settings.reference), None)
        self.settings = comparison.settings
        self._shown_corrections = placed(comparison.user_links, {a.id: a.path for a in articles})
        self._set_corrections(self._shown_corrections)
        self._pasted = max([self._pasted, *(_pasted_number(a.path) for a in articles)])
        self.articles = articles
        self.comparison = comparison
        self.display = display
        self.differences = None
        self.last_result = None
        self.sources_changed.emit()
        self.comparison_changed.emit(comparison)

    def restore(
        self, sources: list[Source], settings: Settings, reference: str | None, corrections: Placed = ()
    ) -> None:
        """Take back a session kept for crash recovery and compare it again."""
        self.sources = list(sources)
        self.settings = settings
        self.reference = reference
        self._set_corrections(corrections)
        self._pasted = max([self._pasted, *(_pasted_number(s.location) for s in sources)])
        self.sources_changed.emit()
        self.run()

    def clear(self, settings: Settings | None = None) -> None:
        """Start a new, empty comparison (the window shows its start page); ``settings``: the defaults for new
        comparisons, which the next articles are compared with."""
        self._debounce.stop()
        self.runs.supersede()
        self._before_new = None
        self.comparison_number += 1
        self.sources = []
        self.reference = None
        self._shown_corrections = ()
        self._set_corrections(())
        self.articles = ()
        self.comparison = None
        self.display = None
        self.differences = None
        self.last_result = None
        if settings is not None:
            self.settings = settings
        self.sources_changed.emit()
        self.comparison_changed.emit(None)

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
    @property
    def settings(self) -> Settings:
        """What the comparison on screen is compared with (or is being compared with, while a run is going)."""
        return self._settings

    @settings.setter
    def settings(self, value: Settings) -> None:
        if value != self._settings:
            self._settings = value
            self.settings_changed.emit(value)

    # -- corrections ------------------------------------------------------------------------------------------
    @property
    def corrections(self) -> Placed:
        """The user's corrections of this comparison, oldest first, placed (see ``placed_links``)."""
        return self._corrections

    def set_corrections(self, corrections: Placed) -> None:
        """Compare again with these corrections (the user made or undid one); nothing happens if they are the same."""
        if corrections != self._corrections:
            self._set_corrections(corrections)
            self.run()

    def place(self, link: UserLink) -> UserLink | None:
        """A correction of the comparison on screen (article ids) as the session keeps it (source locations);
        None if it names an article the session no longer has."""
        locations = {}
        for article_id, _index in link.sentences:
            position = self.position_of(article_id)
            if position < 0:
                return None
            locations[article_id] = self.sources[position].location
        found = placed([link], locations)
        return found[0] if found else None

    def _set_corrections(self, corrections: Placed) -> None:
        if corrections != self._corrections:
            self._corrections = corrections
            self.corrections_changed.emit(corrections)

    def update_settings(self, *, debounce: bool = True, **changes: object) -> None:
        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        if debounce:
            self._debounce.start()
        else:
            self.run()

    # -- running ----------------------------------------------------------------------------------------------
    def run(self, settings: Settings | None = None, *, hold: bool = False) -> int:
        """Compare the sources again; with ``hold`` the result goes to ``realigned`` and waits for ``accept``
        while the current comparison stays on screen. Returns the run's generation."""
        self._debounce.stop()
        return self.runs.start(
            self.sources, settings or self.settings, self._cache, self.reference, self._corrections, hold=hold
        )

    def realign(self, settings: Settings) -> int:
        """Re-align what is shown with ``settings``, keeping the shown result until ``accept``."""
        return self.run(settings, hold=True)

    def cancel(self) -> None:
        """Stop the running comparison; a change still waiting for its run (the slider's debounce) is dropped and
        taken back, as a cancelled run's is."""
        if self._debounce.isActive():
            self._debounce.stop()
            if not self.runs.busy:
                self._no_result(self.run_cancelled)
        self.runs.cancel()

    def accept(self, result: RunResult) -> None:
        """Take a finished run's result, unless a newer run has started since."""
        if result.generation != self.runs.generation:
            return
        self._cache.update(result.loaded)
        if self._before_new is not None:
            if result.comparison is None and self.comparison is not None:
                self._new_failed(list(result.errors))
                return
            self._before_new = None
            self.comparison_number += 1
            self.new_started.emit()
        if result.comparison is not None:
            self.settings = replace(
                self.settings, **{name: getattr(result.comparison.settings, name) for name in COMPARED_SETTINGS}
            )
            # Every change of the corrections starts a run, so the newest run's result was made with these.
            self._shown_corrections = self._corrections
        failed = {e.source for e in result.errors}
        if failed:
            self.sources = [s for s in self.sources if s.location not in failed]
            self.sources_changed.emit()
        self.articles = result.articles
        self.comparison = result.comparison
        self.display = result.display
        self.differences = result.differences
        self.last_result = result
        self.finished_run.emit(result)
        self.comparison_changed.emit(result.comparison)
        if failed:  # after the result is shown, so the error dialog sits over the articles that did open
            self.load_failed.emit(list(result.errors))
