"""The one orchestrator: segment, align, diff and classify loaded articles into a ``Comparison``.

Every front end (CLI, desktop worker, batch engine) calls ``compare``; progress and cancellation arrive as
plain callables so the core never needs to know who is listening.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING

from desktop.core import collector
from desktop.core.align import matching, worddiff
from desktop.core.align.cancellation import ComparisonCancelled as ComparisonCancelled  # raised by compare
from desktop.core.align.cancellation import check
from desktop.core.detect import commentary, commentary_model, commentary_verdict, conflicts, corrections
from desktop.core.detect.summary import summarise
from desktop.core.engine import Engine
from desktop.core.model import (
    Article,
    ArticleResult,
    Comparison,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Label,
    MatchEvidence,
    Role,
    Sentence,
    Settings,
    Span,
    Status,
    UserLink,
    WordDiff,
)
from desktop.core.text.facts.extraction import QUOTED_KINDS, extract_facts, introduced_surnames, speaker_words
from desktop.core.text.language import detect_language
from desktop.core.text.normalize import canonical, matching_key

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_STAGES = 5


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
            progress(done, _STAGES)

    step(0)
    articles = [a if a.language else replace(a, language=detect_language(a.text)) for a in articles]
    spans = [engine.segment(a.text, a.language, settings.presegmented) for a in articles]
    step(1)

    ids = [a.id for a in articles]
    reference = ids.index(settings.reference) if settings.reference in ids else 0
    matched_by = matching.resolve(settings.match, [a.language for a in articles])
    # Only a comparison that matches by meaning touches the encoder (and its model, and the cache file).
    encoder = engine.encoder if matched_by != "fuzzy" else None
    raw_sets = aligned_sets(articles, spans, settings, matched_by, reference, cancelled, encoding, encoder=encoder)
    raw_sets = corrections.apply_to_sets(raw_sets, user_links, ids, [len(s) for s in spans])
    raw_sets.sort(key=lambda found: min((min(idx), art) for art, idx in found[0].items()))
    step(2)

    groups = [
        _build_group(
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

    results = corrections.apply_to_sentences(_classify_sentences(articles, spans, groups, encoder), user_links)
    found_facts = _find_facts(results, groups, engine)
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
        conflicts=conflicts.find_conflicts(results, groups),
        matched_by=matched_by,
        user_links=tuple(user_links),
    )


RawSet = tuple[dict[int, tuple[int, ...]], float, MatchEvidence | None]


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


def _span_text(article: Article, spans: Sequence[Span], indices: Sequence[int]) -> str:
    return " ".join(article.text[spans[i].start : spans[i].end] for i in indices)


def _build_group(
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


def _classify_sentences(
    articles: Sequence[Article], spans: Sequence[Sequence[Span]], groups: Sequence[Group], encoder: Encoder | None
) -> list[ArticleResult]:
    """Each sentence's status, commentary cues and labels; ``encoder`` (a comparison matched by meaning) lets the
    commentary classifier judge what the rules leave open."""
    group_of = {(aid, i): g for g in groups for aid, indices in g.members.items() for i in indices}
    inserted_cues = _cues_in_insertions(articles, groups, spans)
    commentary_model.prepare(
        [
            (a.text[span.start : span.end], a.language)
            for a, article_spans in zip(articles, spans, strict=True)
            for span in article_spans
            if span.role != Role.BOILERPLATE
        ],
        encoder,
    )
    # A sentence is identical when another outlet's member of its group reads the same, even if the group also
    # holds a third outlet's paraphrase (the group as a whole is then reworded).
    folded = {
        (a.id, i): canonical(a.text[s[i].start : s[i].end])
        for a, s in zip(articles, spans, strict=True)
        for i in range(len(s))
        if (a.id, i) in group_of
    }

    def status(aid: str, index: int, group: Group | None) -> Status:
        if group is None:
            return Status.UNIQUE
        if group.status == Status.IDENTICAL:
            return Status.IDENTICAL
        mine = folded[(aid, index)]
        same = any(folded[(other, i)] == mine for other, ix in group.members.items() if other != aid for i in ix)
        return Status.IDENTICAL if same else Status.REWORDED

    results = []
    for article, article_spans in zip(articles, spans, strict=True):
        sentences = []
        for index, span in enumerate(article_spans):
            text = article.text[span.start : span.end]
            group = group_of.get((article.id, index))
            boilerplate = span.role == Role.BOILERPLATE
            cues = commentary_verdict.commentary_cues(text, article.language, encoder) if not boilerplate else ()
            cues = tuple(dict.fromkeys(cues + inserted_cues.get((article.id, index), ())))
            labels = () if boilerplate else commentary.find_labels(text, article.language)
            sentences.append(
                Sentence(
                    index=index,
                    start=span.start,
                    end=span.end,
                    text=text,
                    role=span.role,
                    status=status(article.id, index, group),
                    commentary=bool(cues),
                    cues=cues,
                    group=group.id if group else None,
                    labels=tuple(Label(span.start + c.start, span.start + c.end, c.text, c.neutral) for c in labels),
                )
            )
        results.append(ArticleResult(article, tuple(sentences)))
    return results


def _cues_in_insertions(
    articles: Sequence[Article], groups: Sequence[Group], spans: Sequence[Sequence[Span]] | None = None
) -> dict[tuple[str, int], tuple[str, ...]]:
    """Evaluative words one outlet added to a shared sentence count as commentary in that outlet's sentence.

    With the sentence spans, a cue goes to the one member sentence it stands in (a headline merged into a
    group with a reporting sentence must not lend that sentence its cues); without them, to every member.
    """
    language = {a.id: a.language for a in articles}
    lengths = {
        a.id: [s.end - s.start for s in article_spans] for a, article_spans in zip(articles, spans or (), strict=False)
    }
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for group in groups:
        for diff in group.diffs:
            for side, op in ((diff.target, DiffOp.INSERT), (diff.source, DiffOp.DELETE)):
                changed = worddiff.changed_spans(diff.ops, op)
                if not changed:
                    continue
                # Judge the added words inside the side's own text, so one added inside a quotation stays
                # reporting; the ``=`` parts plus this side's parts rebuild that text exactly.
                text = "".join(t for kind, t in diff.ops if kind in (DiffOp.EQUAL, op))
                members = group.members[side]
                bounds, position = [], 0
                for i in members:
                    length = lengths[side][i] if side in lengths else len(text)
                    bounds.append((i, position, position + length))
                    position += length + 1  # members are joined with one space
                for cue in commentary.cue_matches_in_spans(text, changed, language[side]):
                    owners = [i for i, lo, hi in bounds if lo <= cue.start < hi] if side in lengths else members
                    for i in owners or members:
                        found[(side, i)] = tuple(dict.fromkeys((*found.get((side, i), ()), cue.text)))
    return found


def _find_facts(results: Sequence[ArticleResult], groups: Sequence[Group], engine: Engine) -> list[Fact]:
    """Every fact with the articles that lack it.

    Each article's body is indexed once, so checking a fact is a set lookup however long the other article is.
    Quotations cannot be compared word for word across languages: there a quotation counts as present when
    its sentence has an aligned counterpart in the other article, or the other article quotes the same speaker.
    """
    indexes = {
        r.article.id: engine.fact_index(
            " ".join(s.text for s in r.sentences if s.role != Role.BOILERPLATE), r.article.language
        )
        for r in results
    }
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
                            o.id for o in others if not indexes[o.id].contains(text, kind, article.language)
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
                        present = aligned or indexes[oid].quotes_someone_named(speakers)
                    else:
                        present = indexes[oid].contains(text, kind, article.language)
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
