"""The facts of every article (names, numbers, dates, quotations) and the articles that lack each one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from desktop.core.model import Article, ArticleResult, Fact, FactKind, Group, Role, Sentence, Span
from desktop.core.text.facts.extraction import QUOTED_KINDS, extract_facts, introduced_surnames, speaker_words
from desktop.core.text.facts.index import FactIndex


def body(sentences: Iterable[tuple[str, Role]]) -> str:
    """An article as its fact index reads it: its sentences (text and role) without the page's furniture."""
    return " ".join(text for text, role in sentences if role != Role.BOILERPLATE)


def article_body(article: Article, spans: Sequence[Span]) -> str:
    return body((article.text[s.start : s.end], s.role) for s in spans)


def read_ahead(articles: Sequence[Article], spans: Sequence[Sequence[Span]]) -> None:
    """Read each sentence's facts now, as ``find_facts`` will (extraction remembers its sentences), while a child
    process aligns and builds the fact indexes (``align.aside``)."""
    for article, article_spans in zip(articles, spans, strict=True):
        surnames: set[str] = set()
        for span in article_spans:
            if span.role != Role.BOILERPLATE:
                text = article.text[span.start : span.end]
                surnames.update(introduced_surnames(extract_facts(text, article.language, surnames)))


def find_facts(
    results: Sequence[ArticleResult], groups: Sequence[Group], index: Callable[[str, str], FactIndex]
) -> list[Fact]:
    """Every fact with the articles that lack it.

    Each article's body is indexed once, so checking a fact is a set lookup however long the other article is.
    Quotations cannot be compared word for word across languages: there a quotation counts as present when
    its sentence has an aligned counterpart in the other article, or the other article quotes the same speaker.
    """
    bodies = {r.article.id: (body((s.text, s.role) for s in r.sentences), r.article.language) for r in results}

    @cache
    def index_of(article_id: str) -> FactIndex:
        """Asked for when first needed: a long comparison's child process hands the indexes over one by one."""
        return index(*bodies[article_id])

    group_by_id = {g.id: g for g in groups}
    found = []
    for result in results:
        article = result.article
        others = [r.article for r in results if r.article.id != article.id]
        across = any(o.language != article.language for o in others)
        # A fact the article states again (a name, a figure) is looked up once; only quotations checked across
        # languages depend on their sentence.
        lacking: dict[tuple[str, FactKind], tuple[str, ...]] = {}
        surnames: set[str] = set()
        for sentence in result.sentences:
            if sentence.role == Role.BOILERPLATE:
                continue
            group = group_by_id.get(sentence.group) if sentence.group is not None else None
            extracted = extract_facts(sentence.text, article.language, surnames)
            surnames.update(introduced_surnames(extracted))
            speakers: list[str] | None = None  # worked out only for a quotation checked across languages
            for text, kind, start, end in extracted:
                if not across or kind not in QUOTED_KINDS:
                    known = lacking.get((text, kind))
                    if known is None:
                        known = lacking[(text, kind)] = tuple(
                            o.id for o in others if not index_of(o.id).contains(text, kind, article.language)
                        )
                    found.append(_fact(text, kind, article.id, sentence, start, end, known))
                    continue
                missing = []
                for other in results:
                    oid = other.article.id
                    if oid == article.id:
                        continue
                    if kind in QUOTED_KINDS and other.article.language != article.language:
                        if speakers is None:
                            speakers = speaker_words(sentence.text, extracted)
                        aligned = group is not None and oid in group.members
                        present = aligned or index_of(oid).quotes_someone_named(speakers)
                    else:
                        present = index_of(oid).contains(text, kind, article.language)
                    if not present:
                        missing.append(oid)
                found.append(_fact(text, kind, article.id, sentence, start, end, tuple(missing)))
    return found


def _fact(
    text: str, kind: FactKind, article: str, sentence: Sentence, start: int, end: int, missing: tuple[str, ...]
) -> Fact:
    return Fact(
        text=text,
        kind=kind,
        article=article,
        sentence=sentence.index,
        start=sentence.start + start,
        end=sentence.start + end,
        missing_from=missing,
    )
