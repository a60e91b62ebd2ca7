"""The one orchestrator: segment, align, diff and classify loaded articles into a ``Comparison``.

Every front end (CLI, desktop worker, batch engine) calls ``compare``; progress and cancellation arrive as
plain callables so the core never needs to know who is listening.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
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
    from desktop.core.align.combined_alignment import FuzzyGroups
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
    characters = sum(len(a.text) for a in articles)
    with ExitStack() as stack:
        # Long articles: a child process indexes the articles' facts (and, matched by strings, aligns them first)
        # on the other core. It starts now, to import the pipeline while this process segments. Matched by
        # strings, the alignment comes back first while this process reads the sentences ahead: it then builds the
        # groups, classifies the sentences and finds the conflicts while the child still indexes. (This process
        # indexing half the articles itself kept it from the groups for longer than the child took to index them:
        # 2 x 10,000 in 5.6 s instead of 6.0; the child's second index also reuses the first one's per-sentence
        # readings.) Matched by both, the child finds the fuzzy aligner's groups instead of the alignment, and this
        # process goes on from them with its encoder; matched by meaning alone, the child first encodes two thirds
        # of the sentences into the vector store while this process reads ahead and encodes the rest.
        running = stack.enter_context(aside.Aside(prepare=(__name__,))) if aside.worth_it(characters) else None
        spans = [engine.segment(a.text, a.language, settings.presegmented) for a in articles]
        step(1)
        matched_by = matching.resolve(
            settings.match,
            [a.language for a in articles],
            [_aligned_count(s) for s in spans],
            characters,
        )
        # Only a comparison that matches by meaning touches the encoder (and its model, and the cache file).
        encoder = engine.encoder if matched_by != "fuzzy" else None

        raw_sets: list[RawSet] | None = None
        found_by_fuzzy: FuzzyGroups | None = None
        unindexed: list[tuple[str, str]] = []
        if running is not None:
            # ``find_facts`` checks the first article's facts against the others' indexes first, and needs the
            # first article's own index last: the child builds them in that order, and each is taken as it comes.
            unindexed = _unindexed_bodies([*articles[1:], articles[0]], [*spans[1:], spans[0]], engine)
            index_facts = [partial(_fact_index, text, language) for text, language in unindexed]
            # By meaning alone, with a vector store: the sentences this process encodes, and the child's.
            shares: tuple[list[str], list[str]] | None = None
            if matched_by == "fuzzy":
                running.run(partial(aligned_sets, articles, spans, settings, matched_by, reference), *index_facts)
            elif matched_by == "combined":
                running.run(partial(fuzzy_groups, articles, spans, settings, reference), *index_facts)
            elif (store := _store_path(encoder)) is not None:
                shares = _encoding_shares(articles, spans, settings)
                running.run(partial(_encode_into, store, shares[1]), *index_facts)
            else:
                running.run(*index_facts)
            sentences.read_ahead(articles, spans)
            check(cancelled)
            omissions.read_ahead(articles, spans)
            if shares is not None:
                assert encoder is not None
                report = None if encoding is None else partial(_share_progress, encoding, sum(map(len, shares)))
                encoder.encode(shares[0], progress=report, cancelled=cancelled)
            # Still waiting (2 x 50,000 sentences: ~2 s), this process reads the sentences the conflicts will.
            conflicts.read_ahead(articles, spans, partial(_waiting, running, cancelled))
            if matched_by == "fuzzy":
                raw_sets = running.result(cancelled)
            elif matched_by == "combined":
                found_by_fuzzy = running.result(cancelled)
            elif shares is not None:
                running.result(cancelled)  # the child's share is in the store: the aligner reads it there
        if raw_sets is None:
            raw_sets = aligned_sets(
                articles,
                spans,
                settings,
                matched_by,
                reference,
                cancelled,
                encoding,
                encoder=encoder,
                found_by_fuzzy=found_by_fuzzy,
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
        fact_index = engine.fact_index if running is None else partial(_kept, running, unindexed, engine, cancelled)
        found_facts = omissions.find_facts(results, groups, fact_index)
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


def _aligned_positions(spans: Sequence[Span]) -> list[int]:
    """The positions of the sentences of an article the aligners see: all but its page furniture."""
    return [i for i, span in enumerate(spans) if span.role != Role.BOILERPLATE]


def _aligned_count(spans: Sequence[Span]) -> int:
    return len(_aligned_positions(spans))


def _waiting(child: aside.Aside, cancelled: Cancelled | None) -> bool:
    """Whether the child's next answer is still to come; raises ``ComparisonCancelled`` once cancelled."""
    check(cancelled)
    return child.waiting()


def _unindexed_bodies(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], engine: Engine
) -> list[tuple[str, str]]:
    """The bodies (text, language) of the articles whose fact index ``engine`` does not hold yet, each once (an
    article given twice is indexed once)."""
    bodies = [(omissions.article_body(a, s), a.language) for a, s in zip(articles, spans, strict=True)]
    return list(dict.fromkeys(body for body in bodies if not engine.holds_fact_index(*body)))


@collector.paused()  # in the child as in ``compare``: 0.4-0.6 s of the child's ~3 s was collecting live objects
def _fact_index(text: str, language: str, cancelled: Cancelled | None = None) -> FactIndex:
    """The fact index of an article body: a long comparison's child process (``align.aside``) builds them after
    the alignment."""
    return FactIndex.build(text, language)


def _kept(
    child: aside.Aside,
    pending: list[tuple[str, str]],
    engine: Engine,
    cancelled: Cancelled | None,
    text: str,
    language: str,
) -> FactIndex:
    """``engine.fact_index``, taking the ``pending`` indexes (bodies in the order the child builds them) from the
    child as they come: the facts checked against the first can be while the child still builds the next."""
    while pending and not engine.holds_fact_index(text, language):
        body = pending.pop(0)
        engine.keep_fact_index(*body, child.result(cancelled))
    return engine.fact_index(text, language)


def _store_path(encoder: Encoder | None) -> Path | None:
    """Where ``encoder`` keeps its vectors on disk, if it does: a child process can encode into the same file."""
    from desktop.core.align.vector_cache import DiskVectorStore  # only a comparison by meaning gets here

    store = encoder.store if encoder is not None else None
    return store.path if isinstance(store, DiskVectorStore) else None


def _encoding_shares(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], settings: Settings
) -> tuple[list[str], list[str]]:
    """The distinct sentences the aligner will encode: a third for this process, which reads the sentences ahead
    first, then two thirds for the child (2 x 10,000 translated sentences, start to JSON: 13.3 s with a third
    here, 14.0 with two fifths, 14.2 with a quarter, 15.3 with a half, 19.7 all here)."""
    texts = _aligned_texts(articles, spans, [_aligned_positions(s) for s in spans])
    distinct = list(dict.fromkeys(canonical(text) for article in texts for text in article))
    middle = len(distinct) // 3
    return distinct[:middle], distinct[middle:]


def _share_progress(encoding: Progress, total: int, done: int, _mine: int) -> None:
    encoding(done, total)


def _encode_into(store: Path, texts: list[str], cancelled: Cancelled | None = None) -> None:
    """A long comparison by meaning: the child process encodes its share of the sentences into the vector store
    while this one reads the sentences ahead and encodes the rest. The encoder runs on one core (two BLAS threads
    changed the vectors' last bits); 2 x 10,000 translated sentences spent 11 of their 20 s in it. A vector the
    store could not keep (busy, full) is encoded again where the aligner asks for it; without a store on disk
    (``PARALLAX_VECTOR_CACHE=off``) this process encodes them all."""
    from desktop.core.align.embeddings import Encoder
    from desktop.core.align.vector_cache import DiskVectorStore

    Encoder(store=DiskVectorStore(store)).encode(texts)


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
    found_by_fuzzy: FuzzyGroups | None = None,
) -> list[RawSet]:
    """Every sentence that is not furniture, aligned by the resolved ``matched_by`` (``matching.align_sentences``
    decides how headlines and body meet); public so the fitting script scores held-out events on exactly what
    ``compare`` aligns, with its own link ``model``. ``found_by_fuzzy``: what ``fuzzy_groups`` gave for the same
    arguments in a child process."""
    positions, sentences, keys, titles = _aligner_input(articles, spans, settings)
    found = matching.align_sentences(
        matched_by,
        keys,
        # display text for the encoder; the fuzzy aligner does not need it
        [[canonical(text) for text in article] for article in sentences] if matched_by != "fuzzy" else [],
        titles,
        threshold=settings.threshold,
        reference=reference,
        languages=[a.language for a in articles],
        cancelled=cancelled,
        progress=encoding,
        model=model,
        encoder=encoder,
        found_by_fuzzy=found_by_fuzzy,
    )
    return [
        ({art: tuple(positions[art][i] for i in idx) for art, idx in raw.members.items()}, raw.similarity, raw.evidence)
        for raw in found
    ]


@collector.paused()  # in the child as in ``compare``
def fuzzy_groups(
    articles: Sequence[Article],
    spans: Sequence[Sequence[Span]],
    settings: Settings,
    reference: int = 0,
    cancelled: Cancelled | None = None,
) -> FuzzyGroups:
    """The combined aligner's fuzzy groups over the sentences ``aligned_sets`` aligns: a long comparison matched by
    meaning has its child process find them while this one reads the sentences ahead (``align.aside``)."""
    _positions, _sentences, keys, titles = _aligner_input(articles, spans, settings)
    from desktop.core.align import combined_alignment  # as in ``matching``: a comparison by strings never needs it

    return combined_alignment.fuzzy_groups(keys, titles, settings.threshold, reference, cancelled)


def _aligner_input(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], settings: Settings
) -> tuple[list[list[int]], list[list[str]], list[list[str]], list[list[bool]]]:
    """What the aligners see of each article: the positions of its sentences that are not furniture, their
    texts, their matching keys and whether each is a headline."""
    # Outlets share many sentences word for word: each distinct sentence is keyed once.
    key_of = cache(
        partial(matching_key, ignore_case=settings.ignore_case, ignore_punctuation=settings.ignore_punctuation)
    )
    positions = [_aligned_positions(spans_of) for spans_of in spans]
    sentences = _aligned_texts(articles, spans, positions)
    keys = [[key_of(text) for text in article] for article in sentences]
    titles = [[s[i].role == Role.TITLE for i in p] for s, p in zip(spans, positions, strict=True)]
    return positions, sentences, keys, titles


def _aligned_texts(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], positions: Sequence[Sequence[int]]
) -> list[list[str]]:
    """The texts of each article's sentences at ``positions``."""
    return [[a.text[s[i].start : s[i].end] for i in p] for a, s, p in zip(articles, spans, positions, strict=True)]
