"""Which signal aligns the sentences (fuzzy strings, sentence meaning, or both) and running it.

``auto`` is ``combined`` (the fuzzy aligner's groups plus the calibrated link model over words, anchors, sentence
meaning and roles) when several outlets are compared (three or more articles) or the languages differ: that is
what finds what independent outlets report in their own words (real-news dev sets, pair F1 0.15 with fuzzy alone,
0.47 combined). Two articles of one language stay ``fuzzy``: most such pairs are versions of one text, where the
bead search is calibrated (DEplain-web, 40 pairs: exact n:m F1 0.69 fuzzy, 0.61 combined, 0.66 with a strict
link bar). Articles in different languages too long for ``combined`` to score their pairs are aligned ``semantic``
instead (``_too_long_to_score``). Where the encoder is not installed everything falls back to fuzzy; it is loaded
only when used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from desktop.core.align import alignment, sections
from desktop.core.align.beads import AlignedSet
from desktop.core.model import Comparison, MatchMode, Role
from desktop.core.text.segmentation import MAX_SENTENCES

if TYPE_CHECKING:
    from desktop.core.align.combined_alignment import FuzzyGroups
    from desktop.core.align.embeddings import Encoder

MODES = tuple(MatchMode)
# How much text in all long articles in two languages may hold to be aligned by meaning rather than left to what
# the string aligner finds across the languages (``_too_long_to_score``): as much as two articles at the limits
# (sentences, and the 2 million characters of an article) hold, the heaviest of which took 40 s with the vectors
# encoded as it ran (``docs/robustness.md``).
SEMANTIC_SENTENCES = 2 * MAX_SENTENCES
SEMANTIC_CHARACTERS = 4_000_000


def cross_language(languages: Sequence[str]) -> bool:
    """Two detected languages differ; an undetected language ("") does not count as different."""
    return len({lang for lang in languages if lang}) > 1


def resolve(requested: str, languages: Sequence[str], sizes: Sequence[int] = (), characters: int = 0) -> str:
    """The mode that will run: ``auto`` decided by the languages (and, where known, the articles' ``sizes``,
    sentences the aligners see, and their ``characters`` in all), and semantic modes only where the encoder is
    installed (otherwise fuzzy, which the caller reports through ``Comparison.matched_by``)."""
    if requested not in MODES:
        raise ValueError(f"unknown match mode {requested!r}; expected one of {', '.join(MODES)}")
    mode = requested
    if mode == "auto":
        mode = "combined" if len(languages) > 2 or cross_language(languages) else "fuzzy"
        if mode == "combined" and _too_long_to_score(languages, sizes, characters):
            mode = "semantic"
    if mode != "fuzzy":
        from desktop.core.align import embeddings

        if not embeddings.available():
            return "fuzzy"
    return mode


def _too_long_to_score(languages: Sequence[str], sizes: Sequence[int], characters: int) -> bool:
    """Whether two of the articles, in different languages, are too long for the combined aligner to score their
    pairs (``combined_alignment.MAX_CELLS``): it would keep only the fuzzy aligner's groups, which across languages
    are next to none, while the semantic aligner cuts a long pair into segments by meaning (2 x 2,000 translated
    sentences: pair F1 0.000 by the one, 0.960 by the other; three articles of 10,000, one German and two English:
    0.05 and 0.97 across the languages, 0.94 and 0.89 between the two English ones). Only up to
    ``SEMANTIC_SENTENCES`` and ``SEMANTIC_CHARACTERS`` in all: the semantic aligner encodes every sentence, ~2,000
    a second on one core, and three articles at the sentence limit took 87 s instead of 21, beyond the minute any
    accepted input may take (``docs/robustness.md``)."""
    if len(sizes) != len(languages) or sum(sizes) > SEMANTIC_SENTENCES or characters > SEMANTIC_CHARACTERS:
        return False
    from desktop.core.align.combined_alignment import MAX_CELLS

    return any(
        la and lb and la != lb and na * nb > MAX_CELLS
        for (la, na), (lb, nb) in combinations(zip(languages, sizes, strict=True), 2)
    )


def matched_by(comparison: Comparison) -> str:
    """The signal a comparison's sentences were aligned with, for the JSON and the app's status line: as
    recorded when it was aligned, or, for a comparison saved before that was recorded, worked out again."""
    if comparison.matched_by:
        return comparison.matched_by
    try:
        return resolve(
            comparison.settings.match,
            [r.article.language for r in comparison.articles],
            [sum(1 for s in r.sentences if s.role != Role.BOILERPLATE) for r in comparison.articles],
            sum(len(r.article.text) for r in comparison.articles),
        )
    except ValueError:
        return comparison.settings.match


def align_sentences(
    mode: str,
    keys: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    titles: Sequence[Sequence[bool]],
    *,
    threshold: float,
    reference: int,
    languages: Sequence[str] = (),
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    model: Any = None,
    encoder: Encoder | None = None,
    found_by_fuzzy: FuzzyGroups | None = None,
) -> list[AlignedSet]:
    """Aligned sets by the resolved ``mode`` over the sentences given (furniture left out): ``keys`` feed the fuzzy
    signal, ``texts`` (display text; none needed for fuzzy) the encoder, ``titles`` mark the headlines.
    ``progress(done, total)`` counts sentences encoded; ``model`` replaces the combined aligner's link model (a
    ``news_model.LinkModel``); ``encoder`` turns sentences into vectors for every mode but fuzzy;
    ``found_by_fuzzy`` is the combined aligner's fuzzy groups where another process found them
    (``combined_alignment.fuzzy_groups``).

    The combined aligner takes headlines and body together (a role is one of its signals); the bead aligners align
    the two apart (``sections``), with one progress count over both, so a bar never jumps back between them.
    """
    if mode == "combined":
        from desktop.core.align import combined_alignment

        encode = _counting_encoder(_needed(encoder), sum(len(t) for t in texts), progress, cancelled)
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
            found_by_fuzzy=found_by_fuzzy,
        )
    found: list[AlignedSet] = []
    parts = sections.split(titles)
    total = sum(len(p) for part in parts for p in part)
    done = 0
    for positions in parts:

        def part_progress(count: int, _total: int, before: int = done) -> None:
            if progress is not None:
                progress(before + count, total)

        done += sum(len(p) for p in positions)
        part_texts = sections.pick(texts, positions) if mode != "fuzzy" else []
        part = _bead_sets(
            mode,
            sections.pick(keys, positions),
            part_texts,
            threshold,
            reference,
            languages,
            cancelled,
            part_progress,
            encoder,
        )
        found += sections.place(positions, part)
    return found


def _bead_sets(
    mode: str,
    keys: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    threshold: float,
    reference: int,
    languages: Sequence[str],
    cancelled: Callable[[], bool] | None,
    progress: Callable[[int, int], None],
    encoder: Encoder | None,
) -> list[AlignedSet]:
    """One section aligned by a bead aligner: by words (fuzzy), or by sentence vectors (semantic, or both)."""
    if mode == "fuzzy":
        return alignment.align(keys, threshold=threshold, reference=reference, cancelled=cancelled)
    from desktop.core.align import semantic_alignment

    encode = _counting_encoder(_needed(encoder), sum(len(t) for t in texts), progress, cancelled)
    return semantic_alignment.align(
        [encode(article_texts) for article_texts in texts],
        threshold=threshold,
        reference=reference,
        cancelled=cancelled,
        keys=keys if mode == "both" else None,
        languages=languages or None,
    )


def _needed(encoder: Encoder | None) -> Encoder:
    if encoder is None:
        raise ValueError("matching by meaning needs an encoder")
    return encoder


def _counting_encoder(
    encoder: Encoder, total: int, progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None
) -> Callable[[Sequence[str]], Any]:
    """``encoder``'s vectors, reporting ``progress(done, total)`` across all its calls (at most ``total``)."""
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

    return encode


FEW_PAIRED = 0.3  # share of the shorter article's sentences the fuzzy aligner paired, below which it is a hint


def few_paired(comparison: Comparison) -> tuple[int, int] | None:
    """(paired, sentences) of the shorter article when the default left two articles to fuzzy matching and it
    paired few of their sentences: they are probably independent outlets, for which the combined matcher pairs
    far more (``benchmarks/news_pairs.py``, every same-language pair of outlets of the real-news dev sets: pair
    F1 0.13 by ``auto``, 0.53 combined). None when there is nothing to say.

    Only a hint for the CLI's ``advice`` and the app's offer: two versions of one text (an edit, a plain-language
    rewrite) are where fuzzy matching is the better judge, and they cannot be told apart from two outlets reliably
    enough to switch on their own.
    """
    if comparison.settings.match != "auto" or matched_by(comparison) != "fuzzy" or len(comparison.articles) != 2:
        return None
    content = [sum(s.role != Role.BOILERPLATE for s in r.sentences) for r in comparison.articles]
    paired = [sum(s.group is not None for s in r.sentences) for r in comparison.articles]
    shorter = min(range(2), key=lambda k: content[k])
    if content[shorter] == 0 or paired[shorter] >= FEW_PAIRED * content[shorter]:
        return None
    return paired[shorter], content[shorter]


def advice(comparison: Comparison) -> str:
    """The command line's one-line hint for ``few_paired``; "" when there is nothing to say."""
    few = few_paired(comparison)
    if few is None:
        return ""
    return (
        f"few sentences matched word for word ({few[0]} of {few[1]}); if these are two "
        "outlets' own reports, compare them with --match combined (Settings ▸ Matching ▸ All evidence)"
    )
