"""Which signal aligns the sentences (fuzzy strings, sentence meaning, or both) and running it.

``auto`` is ``combined`` (the fuzzy aligner's groups plus the calibrated link model over words, anchors, sentence
meaning and roles) when several outlets are compared (three or more articles) or the languages differ: that is
what finds what independent outlets report in their own words (real-news dev sets, pair F1 0.15 with fuzzy alone,
0.47 combined). Two articles of one language stay ``fuzzy``: most such pairs are versions of one text, where the
bead search is calibrated (DEplain-web, 40 pairs: exact n:m F1 0.69 fuzzy, 0.61 combined, 0.66 with a strict
link bar). Where the encoder is not installed everything falls back to fuzzy; it is loaded only when used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.align import alignment
from desktop.core.align.beads import AlignedSet
from desktop.core.model import Comparison, Role

MODES = ("auto", "fuzzy", "semantic", "both", "combined")


def cross_language(languages: Sequence[str]) -> bool:
    """Two detected languages differ; an undetected language ("") does not count as different."""
    return len({lang for lang in languages if lang}) > 1


def resolve(requested: str, languages: Sequence[str]) -> str:
    """The mode that will run: ``auto`` decided by the languages, and semantic modes only where the encoder
    is installed (otherwise fuzzy, which the caller reports through ``Comparison.matched_by``)."""
    if requested not in MODES:
        raise ValueError(f"unknown match mode {requested!r}; expected one of {', '.join(MODES)}")
    mode = requested
    if mode == "auto":
        mode = "combined" if len(languages) > 2 or cross_language(languages) else "fuzzy"
    if mode != "fuzzy":
        from desktop.core.align import embeddings

        if not embeddings.available():
            return "fuzzy"
    return mode


def align_combined(
    keys: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    titles: Sequence[Sequence[bool]],
    *,
    threshold: float,
    reference: int,
    languages: Sequence[str],
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    model: Any = None,
) -> list[AlignedSet]:
    """The combined aligner (``combined_alignment``) with the shared encoder; ``progress`` counts sentences
    encoded; ``model`` replaces the bundled link model (a ``news_model.LinkModel``)."""
    from desktop.core.align import combined_alignment
    from desktop.core.align.vector_cache import shared_encoder

    encoder = shared_encoder()
    total = sum(len(t) for t in texts)
    done = 0

    def encode(batch: Sequence[str]) -> Any:
        nonlocal done
        before = done

        def report(count: int, _todo: int) -> None:
            if progress is not None:
                progress(min(total, before + count), total)

        vectors = encoder.encode(batch, progress=report, cancelled=cancelled)
        done += len(batch)
        return vectors

    return combined_alignment.align(
        keys,
        texts,
        titles,
        languages,
        threshold=threshold,
        reference=reference,
        encode=encode,
        cancelled=cancelled,
        model=model,
    )


def matched_by(comparison: Comparison) -> str:
    """The signal a comparison's sentences were aligned with, for the JSON and the app's status line: as
    recorded when it was aligned, or, for a comparison saved before that was recorded, worked out again."""
    if comparison.matched_by:
        return comparison.matched_by
    try:
        return resolve(comparison.settings.match, [r.article.language for r in comparison.articles])
    except ValueError:
        return comparison.settings.match


def align_sentences(
    mode: str,
    keys: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    *,
    threshold: float,
    reference: int,
    languages: Sequence[str] = (),
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[AlignedSet]:
    """Aligned sets by the resolved ``mode``; ``keys`` feed the fuzzy signal, ``texts`` (display text) the
    encoder. ``progress(done, total)`` counts sentences encoded."""
    if mode == "fuzzy":
        return alignment.align(keys, threshold=threshold, reference=reference, cancelled=cancelled)
    from desktop.core.align import semantic_alignment
    from desktop.core.align.vector_cache import shared_encoder

    encoder = shared_encoder()
    total = sum(len(t) for t in texts)
    done = 0
    vectors = []
    for article_texts in texts:

        def report(count: int, _todo: int, before: int = done) -> None:
            if progress is not None:
                progress(before + count, total)

        vectors.append(encoder.encode(article_texts, progress=report, cancelled=cancelled))
        done += len(article_texts)
    return semantic_alignment.align(
        vectors,
        threshold=threshold,
        reference=reference,
        cancelled=cancelled,
        keys=keys if mode == "both" else None,
        languages=languages or None,
    )


FEW_PAIRED = 0.3  # share of the shorter article's sentences the fuzzy aligner paired, below which it is a hint


def advice(comparison: Comparison) -> str:
    """A one-line hint when the default left two articles to fuzzy matching and it paired few of their
    sentences: they are probably independent outlets, for which the combined matcher pairs far more (two-outlet
    subsets of the real-news dev sets: pair F1 0.12 fuzzy, 0.50 combined). "" when there is nothing to say.

    Only a hint: two versions of one text (an edit, a plain-language rewrite) are where fuzzy matching is the
    better judge, and they cannot be told apart from two outlets reliably enough to switch on their own.
    """
    if comparison.settings.match != "auto" or matched_by(comparison) != "fuzzy" or len(comparison.articles) != 2:
        return ""
    content = [sum(s.role != Role.BOILERPLATE for s in r.sentences) for r in comparison.articles]
    paired = [sum(s.group is not None for s in r.sentences) for r in comparison.articles]
    shorter = min(range(2), key=lambda k: content[k])
    if content[shorter] == 0 or paired[shorter] >= FEW_PAIRED * content[shorter]:
        return ""
    return (
        f"few sentences matched word for word ({paired[shorter]} of {content[shorter]}); if these are two "
        "outlets' own reports, compare them with --match combined (Settings ▸ Matching ▸ All evidence)"
    )
