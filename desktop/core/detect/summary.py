"""The per-article counts of a comparison (the JSON contract's ``summary``), worked out in this one place.

The pipeline stores them with every ``Comparison``; the presentation reads them from there and only calls this
for a comparison built without them (by hand, in tests), so the app, the export and the JSON never count apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.model import ArticleResult, ArticleSummary, Fact, Role, Status


def summarise(results: Sequence[ArticleResult], found_facts: Sequence[Fact]) -> dict[str, ArticleSummary]:
    """Sentences by status (boilerplate counted apart, not as content), commentary, and the distinct facts
    other articles report that each article lacks."""
    summary = {}
    for result in results:
        aid = result.article.id
        content = [s for s in result.sentences if s.role != Role.BOILERPLATE]
        summary[aid] = ArticleSummary(
            sentences=len(result.sentences),
            identical=sum(s.status == Status.IDENTICAL for s in content),
            reworded=sum(s.status == Status.REWORDED for s in content),
            unique=sum(s.status == Status.UNIQUE for s in content),
            commentary=sum(s.commentary for s in content),
            boilerplate=len(result.sentences) - len(content),
            missing_facts=lacking_facts(found_facts, aid),
        )
    return summary


def lacking_facts(found_facts: Iterable[Fact], article: str) -> int:
    """Distinct facts (one per ``fact_key``) other articles report that ``article`` lacks."""
    from desktop.core.text.facts.words import fact_key  # the fact lexicons stay off the app's start-up path

    return len({fact_key(f.text) for f in found_facts if article in f.missing_from})


def facts_missing_from(found_facts: Iterable[Fact], article: str, other: str) -> int:
    """Distinct facts of ``article`` that ``other`` lacks."""
    from desktop.core.text.facts.words import fact_key

    return len({fact_key(f.text) for f in found_facts if f.article == article and other in f.missing_from})
