"""The inputs of one comparison loaded and lettered A, B, …: one loop for the command line, the app and batch mode.

Each input is a path or URL, text already in hand (a corpus row, a paste) or an article loaded before; whatever
cannot be read becomes a ``LoadError`` in its place and the others go on. A front end keeps what is its own: the app
its progress bar and cache, batch mode the corpus's names for each article.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from desktop.core.model import Article, article_ids
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, load_article


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One input of a comparison.

    ``location`` is the path or URL that is read, or, with ``text``, the name the text goes by (``Article.path``
    and the error messages show it). ``article`` is an article loaded before (a paste in the app, a library
    article): it is only lettered. ``refused`` says why the input may not be read at all (a corpus's source policy).
    """

    location: str
    text: str | None = None
    article: Article | None = None
    refused: str = ""


@dataclass(frozen=True, slots=True)
class LoadedArticles:
    """One outcome per input, in the order given: the lettered article, or why it could not be loaded."""

    outcomes: tuple[Article | LoadError, ...]
    # Articles read from their location by this call (not given, not from the cache), by location: for a cache.
    fresh: dict[str, Article] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        return [o for o in self.outcomes if isinstance(o, Article)]

    @property
    def errors(self) -> list[LoadError]:
        return [o for o in self.outcomes if isinstance(o, LoadError)]


def load_articles(
    inputs: Sequence[ArticleInput | str],
    *,
    presegmented: bool = False,
    compact: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], None] | None = None,
    cache: Mapping[str, Article] | None = None,
) -> LoadedArticles:
    """Load every input, lettered by its place: a failed B leaves A and C, so each letter stays with its input (the
    command line's messages and a corpus's rows name them). ``compact`` letters only the readable ones, A, B, …
    (the app, whose columns are the articles that opened).

    ``stop()`` and then ``progress(done, total)`` are called before each input: to cancel, ``stop`` raises (the
    app's raises the exception a cancelled ``compare`` raises, so one handler serves the whole run; loading reads no
    later stage, so it names no exception of its own). ``cache`` holds articles read earlier, by location.
    ``presegmented``: the sentence limit counts non-blank lines, as the comparison will.
    """
    letters = article_ids(len(inputs))
    outcomes: list[Article | LoadError] = []
    fresh: dict[str, Article] = {}
    readable = 0
    for done, given in enumerate(inputs):
        if stop is not None:
            stop()
        if progress is not None:
            progress(done, len(inputs))
        source = ArticleInput(given) if isinstance(given, str) else given
        letter = letters[readable if compact else done]
        try:
            article = _article(source, letter, presegmented, cache, fresh)
        except LoadError as error:
            outcomes.append(error)
            continue
        outcomes.append(article if article.id == letter else replace(article, id=letter))
        readable += 1
    return LoadedArticles(tuple(outcomes), fresh)


def _article(
    source: ArticleInput,
    letter: str,
    presegmented: bool,
    cache: Mapping[str, Article] | None,
    fresh: dict[str, Article],
) -> Article:
    if source.article is not None:
        return source.article
    if source.refused:
        raise LoadError(source.location, source.refused)
    if source.text is not None:
        return article_from_text(source.text, letter, path=source.location, presegmented=presegmented)
    cached = cache.get(source.location) if cache is not None else None
    if cached is not None:
        return cached
    article = load_article(source.location, letter, presegmented=presegmented)
    fresh[source.location] = article
    return article
