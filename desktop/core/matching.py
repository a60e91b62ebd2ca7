"""Which signal aligns the sentences (fuzzy strings, sentence meaning, or both) and running it.

``auto`` picks fuzzy matching when every article is in the same language, since that is where it was measured
to win (DEplain-web, see ``semantic_alignment``) and it needs no model, and semantic matching when the
languages differ, where strings share almost nothing. The encoder is loaded only on the semantic paths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core import alignment
from desktop.core.alignment import AlignedSet
from desktop.core.model import Comparison

MODES = ("auto", "fuzzy", "semantic", "both")


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
        mode = "semantic" if cross_language(languages) else "fuzzy"
    if mode != "fuzzy":
        from desktop.core import embeddings

        if not embeddings.available():
            return "fuzzy"
    return mode


def matched_by(comparison: Comparison) -> str:
    """The signal a comparison's sentences were aligned with, for the JSON and the app's status line."""
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
    from desktop.core import semantic_alignment
    from desktop.core.embeddings import shared_encoder

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
        if cancelled is not None and cancelled():
            return []
    return semantic_alignment.align(
        vectors,
        threshold=threshold,
        reference=reference,
        cancelled=cancelled,
        keys=keys if mode == "both" else None,
        languages=languages or None,
    )
