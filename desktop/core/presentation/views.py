"""The presentation of a finished comparison: what each sentence and article shows, for every renderer.

``present(comparison)`` is the one place that decides a sentence's kind (identical, reworded, unique,
boilerplate), its cues (commentary, title, partial match, paired across languages), its marks
(``desktop.core.presentation.marks``) and each article's counts and shown location. The app's models and
delegates, the HTML export and a comparison reopened from the library only draw it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.detect.summary import facts_missing_from, summarise
from desktop.core.model import ArticleSummary, Comparison, Group, Role, Sentence, Status
from desktop.core.presentation.collation import Row, collate
from desktop.core.presentation.corrections import CorrectionView, correction_views, sentence_corrections
from desktop.core.presentation.marks import Mark, sentence_marks
from desktop.core.presentation.match_display import is_partial
from desktop.core.presentation.wording import shown_location


class SentenceKind(StrEnum):
    """What a sentence's background and rule show: one kind per sentence, boilerplate before its status."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    UNIQUE = "unique"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence as shown: its kind, cues and marks (sentence-local offsets into ``text``)."""

    article: str
    index: int
    text: str
    kind: SentenceKind
    status: Status
    group: int | None = None
    title: bool = False
    commentary: bool = False
    cues: tuple[str, ...] = ()
    partial: bool = False  # its group is a partial match: one sentence says only part of the other
    other_language: bool = False  # paired with a sentence in another language: no word diff to show
    marks: tuple[Mark, ...] = ()
    corrected: tuple[str, ...] = ()  # what the user's corrections changed here ("linked by you", …)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article's card: where it came from (``location``: a file name or URL, never a local folder) and its
    counts, including how many of its facts each other article lacks."""

    id: str
    location_kind: str  # "file" or "URL"
    location: str
    summary: ArticleSummary
    facts_missing_from: tuple[tuple[str, int], ...] = ()

    @property
    def found_elsewhere(self) -> int:
        """Percent of its content sentences (boilerplate aside) another article also has, identical or reworded."""
        s = self.summary
        content = s.identical + s.reworded + s.unique
        return round(100 * (s.identical + s.reworded) / content) if content else 0


@dataclass(frozen=True, slots=True)
class Presentation:
    comparison: Comparison
    articles: tuple[ArticleView, ...]
    sentences: dict[str, tuple[SentenceView, ...]]  # per article id, by sentence index
    rows: tuple[Row, ...] = field(default_factory=tuple)
    corrections: tuple[CorrectionView, ...] = ()  # the user's, oldest first

    def sentence(self, article: str, index: int) -> SentenceView:
        return self.sentences[article][index]

    def article(self, article: str) -> ArticleView:
        return next(a for a in self.articles if a.id == article)


def present(comparison: Comparison, *, full_paths: bool = False) -> Presentation:
    """The whole presentation; ``full_paths`` shows local files by their full path instead of their name."""
    marks = sentence_marks(comparison)
    groups = _groups(comparison)
    languages = {r.article.id: r.article.language for r in comparison.articles}
    across = comparison.cross_language
    corrected = sentence_corrections(comparison)
    sentences = {}
    for result in comparison.articles:
        aid = result.article.id
        sentences[aid] = tuple(
            _sentence_view(aid, s, groups.get(s.group) if s.group is not None else None, languages, across,
                           marks.get((aid, s.index), ()), corrected.get((aid, s.index), ()))
            for s in result.sentences
        )  # fmt: skip
    return Presentation(
        comparison, _articles(comparison, full_paths), sentences, tuple(collate(comparison)),
        correction_views(comparison),
    )  # fmt: skip


def _groups(comparison: Comparison) -> dict[int, Group]:
    return {g.id: g for g in comparison.groups}


_KIND_OF_STATUS = {
    Status.IDENTICAL: SentenceKind.IDENTICAL,
    Status.REWORDED: SentenceKind.REWORDED,
    Status.UNIQUE: SentenceKind.UNIQUE,
}  # a dict, not SentenceKind(status): the enum lookup was a fifth of present() on 6,000 sentences


def sentence_kind(sentence: Sentence) -> SentenceKind:
    if sentence.role == Role.BOILERPLATE:
        return SentenceKind.BOILERPLATE
    return _KIND_OF_STATUS[sentence.status]


def _sentence_view(
    aid: str,
    sentence: Sentence,
    group: Group | None,
    languages: dict[str, str],
    across: bool,
    marks: tuple[Mark, ...],
    corrected: tuple[str, ...] = (),
) -> SentenceView:
    language = languages.get(aid, "")
    other_language = (
        across
        and group is not None
        and any(languages.get(other, "") not in ("", language) for other in group.members if other != aid)
    )
    return SentenceView(
        article=aid,
        index=sentence.index,
        text=sentence.text,
        kind=sentence_kind(sentence),
        status=sentence.status,
        group=sentence.group,
        title=sentence.role == Role.TITLE,
        commentary=sentence.commentary,
        cues=sentence.cues,
        partial=is_partial(group),
        other_language=other_language,
        marks=marks,
        corrected=corrected,
    )


def _articles(comparison: Comparison, full_paths: bool) -> tuple[ArticleView, ...]:
    stored = comparison.summary
    computed = (
        None
        if all(r.article.id in stored for r in comparison.articles)
        else summarise(comparison.articles, comparison.facts)
    )
    views = []
    ids = [r.article.id for r in comparison.articles]
    for result in comparison.articles:
        aid = result.article.id
        summary = stored.get(aid) or (computed or {})[aid]
        missing = tuple((other, facts_missing_from(comparison.facts, aid, other)) for other in ids if other != aid)
        kind, location = shown_location(result.article.path, full_paths=full_paths)
        views.append(ArticleView(aid, kind, location, summary, missing))
    return tuple(views)


def cell_status(views: Sequence[SentenceView]) -> Status:
    """The status of several sentences shown as one (an n:m cell): unique wins, then reworded."""
    statuses = {v.status for v in views}
    if Status.UNIQUE in statuses:
        return Status.UNIQUE
    return Status.REWORDED if Status.REWORDED in statuses else Status.IDENTICAL
