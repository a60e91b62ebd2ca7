"""A group of aligned sentences as the comparison shows it: whether its members read alike, and the word diff
of each member against the reference article's (or the first member's) wording."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.align import matching, worddiff
from desktop.core.model import Article, Group, MatchEvidence, Span, Status, WordDiff
from desktop.core.text.normalize import canonical


def _span_text(article: Article, spans: Sequence[Span], indices: Sequence[int]) -> str:
    return " ".join(article.text[spans[i].start : spans[i].end] for i in indices)


def build_group(
    number: int,
    members: dict[str, tuple[int, ...]],
    similarity: float,
    articles: Sequence[Article],
    spans: Sequence[Sequence[Span]],
    reference_id: str,
    evidence: MatchEvidence | None = None,
) -> Group:
    by_id = {a.id: (a, s) for a, s in zip(articles, spans, strict=True)}
    texts = {aid: _span_text(*by_id[aid], idx) for aid, idx in members.items()}
    distinct = set(texts.values())
    identical = len(distinct) == 1 or len({canonical(t) for t in distinct}) == 1
    source = reference_id if reference_id in members else next(iter(members))
    # Words of different languages cannot be diffed, and two free paraphrases share too few words for a diff to
    # mean anything (``worddiff.readable``): such a pair gets no WordDiff and is shown side by side.
    language = {a.id: a.language for a in articles}
    diffs = tuple(
        WordDiff(source, target, ops)
        for target in members
        if target != source and not matching.cross_language([language[source], language[target]])
        for ops in (worddiff.word_diff(texts[source], texts[target]),)
        if worddiff.readable(ops)
    )
    return Group(
        id=number,
        members=members,
        similarity=round(float(similarity), 4),
        status=Status.IDENTICAL if identical else Status.REWORDED,
        diffs=diffs,
        evidence=evidence,
    )
