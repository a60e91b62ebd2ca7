"""The one orchestrator: segment, align, diff and classify loaded articles into a ``Comparison``.

Every front end (CLI, desktop worker, batch engine) calls ``compare``; progress and cancellation arrive as
plain callables so the core never needs to know who is listening.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING

from desktop.core import collector
from desktop.core.align import aside, matching
from desktop.core.align.cancellation import ComparisonCancelled as ComparisonCancelled  # raised by compare
from desktop.core.align.cancellation import check
from desktop.core.align.groups import build_group
from desktop.core.detect import conflicts, corrections, omissions, sentences
from desktop.core.detect.summary import summarise
from desktop.core.engine import Engine
from desktop.core.model import (
    Article,
    Comparison,
    MatchEvidence,
    Role,
    Settings,
    Span,
    UserLink,
)
from desktop.core.text.facts.index import FactIndex
from desktop.core.text.language import detect_language
from desktop.core.text.normalize import canonical, matching_key

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

STAGES = 5  # progress(done, STAGES): the steps compare reports


@collector.paused()  # millions of live objects and no garbage cycles: collecting was ~1 s of 8 (2 x 10,000)
def compare(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    encoding: Progress | None = None,
    user_links: Sequence[UserLink] = (),
    engine: Engine | None = None,
) -> Comparison:
    """``encoding(done, total)`` reports sentences embedded inside stage 2 when semantic matching runs;
    ``user_links`` are the user's corrections, applied over what the matcher and the detectors find; ``engine``
    keeps what a front end's comparisons share (sentence spans, fact indexes, the encoder), a fresh one if none."""
    settings = settings or Settings()
    engine = engine or Engine()
    if len(articles) < 2:
        raise ValueError("a comparison needs at least two articles")

    def step(done: int) -> None:
        check(cancelled)
        if progress is not None:
            progress(done, STAGES)

    step(0)
    articles = [a if a.language else replace(a, language=detect_language(a.text)) for a in articles]
    ids = [a.id for a in articles]
    reference = ids.index(settings.reference) if settings.reference in ids else 0
    matched_by = matching.resolve(settings.match, [a.language for a in articles])
    # Only a comparison that matches by meaning touches the encoder (and its model, and the cache file).
    encoder = engine.encoder if matched_by != "fuzzy" else None
    with ExitStack() as stack:
        # Long articles matched by strings: a child process aligns, then indexes the articles' facts, while this
        # one reads the sentences ahead on the other core. It starts now, to import the aligner while this process
        # segments. The alignment comes back first: this process builds the groups, classifies the sentences and
        # finds the conflicts while the child still indexes. (This process indexing half the articles itself kept
        # it from the groups for longer than the child took to index them: 2 x 10,000 in 5.6 s instead of 6.0;
        # the child's second index also reuses the first one's per-sentence readings.)
        running = (
            stack.enter_context(aside.Aside(prepare=(__name__,)))
            if matched_by == "fuzzy" and aside.worth_it(sum(len(a.text) for a in articles))
            else None
        )
        spans = [engine.segment(a.text, a.language, settings.presegmented) for a in articles]
        step(1)

        if running is not None:
            bodies = [(omissions.article_body(a, s), a.language) for a, s in zip(articles, spans, strict=True)]
            unindexed = [body for body in bodies if not engine.holds_fact_index(*body)]
            running.run(
                partial(aligned_sets, articles, spans, settings, matched_by, reference),
                partial(_fact_indexes, unindexed),
            )
            sentences.read_ahead(articles, spans)
            check(cancelled)
            omissions.read_ahead(articles, spans)
            raw_sets: list[RawSet] = running.result(cancelled)
        else:
            raw_sets = aligned_sets(
                articles, spans, settings, matched_by, reference, cancelled, encoding, encoder=encoder
            )
        raw_sets = corrections.apply_to_sets(raw_sets, user_links, ids, [len(s) for s in spans])
        raw_sets.sort(key=lambda found: min((min(idx), art) for art, idx in found[0].items()))
        step(2)

        groups = [
            build_group(
                number,
                {ids[art]: idx for art, idx in sorted(members.items())},
                similarity,
                articles,
                spans,
                ids[reference],
                evidence,
            )
            for number, (members, similarity, evidence) in enumerate(raw_sets)
        ]
        step(3)

        results = corrections.apply_to_sentences(
            sentences.classify_sentences(articles, spans, groups, encoder), user_links
        )
        found_conflicts = conflicts.find_conflicts(results, groups)  # before the child's indexes are asked for
        if running is not None:
            for (text, language), index in zip(unindexed, running.result(cancelled), strict=True):
                engine.keep_fact_index(text, language, index)
        found_facts = omissions.find_facts(results, groups, engine.fact_index)
    step(4)

    summary = summarise(results, found_facts)
    step(5)
    title = next((a.title for a in articles if a.title), "")
    return Comparison(
        settings=replace(settings, reference=ids[reference]),
        articles=tuple(results),
        groups=tuple(groups),
        facts=tuple(found_facts),
        summary=summary,
        title=title,
        conflicts=found_conflicts,
        matched_by=matched_by,
        user_links=tuple(user_links),
    )


RawSet = tuple[dict[int, tuple[int, ...]], float, MatchEvidence | None]


@collector.paused()  # in the child as in ``compare``: 0.4-0.6 s of the child's ~3 s was collecting live objects
def _fact_indexes(bodies: Sequence[tuple[str, str]], cancelled: Cancelled | None = None) -> list[FactIndex]:
    """The fact indexes of article ``bodies`` (text, language): a long comparison's second call for its child
    process (``align.aside``), after the alignment."""
    return [FactIndex.build(text, language) for text, language in bodies]


@collector.paused()  # in the child as in ``compare``
def aligned_sets(
    articles: Sequence[Article],
    spans: Sequence[Sequence[Span]],
    settings: Settings,
    matched_by: str,
    reference: int = 0,
    cancelled: Cancelled | None = None,
    encoding: Progress | None = None,
    model: object = None,
    encoder: Encoder | None = None,
) -> list[RawSet]:
    """Every sentence that is not furniture, aligned by the resolved ``matched_by`` (``matching.align_sentences``
    decides how headlines and body meet); public so the fitting script scores held-out events on exactly what
    ``compare`` aligns, with its own link ``model``."""
    # Outlets share many sentences word for word: each distinct sentence is keyed once.
    key_of = cache(
        partial(matching_key, ignore_case=settings.ignore_case, ignore_punctuation=settings.ignore_punctuation)
    )
    positions = [[i for i, span in enumerate(spans_of) if span.role != Role.BOILERPLATE] for spans_of in spans]
    sentences = [[a.text[s[i].start : s[i].end] for i in p] for a, s, p in zip(articles, spans, positions, strict=True)]
    found = matching.align_sentences(
        matched_by,
        [[key_of(text) for text in article] for article in sentences],
        # display text for the encoder; the fuzzy aligner does not need it
        [[canonical(text) for text in article] for article in sentences] if matched_by != "fuzzy" else [],
        [[s[i].role == Role.TITLE for i in p] for s, p in zip(spans, positions, strict=True)],
        threshold=settings.threshold,
        reference=reference,
        languages=[a.language for a in articles],
        cancelled=cancelled,
        progress=encoding,
        model=model,
        encoder=encoder,
    )
    return [
        ({art: tuple(positions[art][i] for i in idx) for art, idx in raw.members.items()}, raw.similarity, raw.evidence)
        for raw in found
    ]
