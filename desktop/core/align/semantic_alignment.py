"""Align sentences by meaning: n:m groups from sentence vectors, for articles in different languages.

The fuzzy aligner compares letters and words, which says nothing when one article is German and the other
English. Here the bead engine (``beads``) runs on the cosine of sentence vectors (``embeddings``) instead, so splits,
merges and reordering survive the change of signal: a bead's similarity is the cosine between the summed vectors of
its two sides (``scoring.Cosine``). Several weakly related sentences summed still drift towards anything on the same
topic, so every sentence beyond two in a bead costs ``Taus.size``. Pass 2 realigns small gaps (≤ 3 × 3) including
the stretches before the first bead and after the last; the engine's fourth pass (boundaries and attaching by word
containment) has no counterpart in vectors and does not run.

"Both" (one language): a bead's similarity is the mean of the cosine and the fuzzy aligner's word/4-gram dice
(``STRING_WEIGHT``, ``scoring.Mixed``), computed from the fuzzy aligner's own sparse index.

Thresholds: each article pair gets a calibration (``Taus``): ``CROSS`` for different languages, whose true pairs
have lower cosines (0.43–0.81 on the bundled German/English pair, non-pairs mostly < 0.3), ``SAME`` and ``BOTH``
within one language, swept on DEplain-web (German original vs plain German, exact n:m F1). The user threshold
``t`` (default 0.5, the fuzzy aligner's scale) scales all of them by t / 0.5.

DEplain-web, all 147 test pairs through ``evaluate.py`` (exact n:m F1 / atomic F1 / status macro-F1): fuzzy
0.702 / 0.546 / 0.731, both 0.695 / 0.529 / 0.726, semantic 0.667 / 0.485 / 0.705. Within one language the
sentence vectors do not beat string matching on this data, so "auto" stays fuzzy there. In-process sweeps (exact
F1): SAME bead τ 0.35/0.45/0.55/0.65/0.75 → 0.589/0.609/0.621/0.668/0.668; BOTH bead τ 0.4/0.45/0.5/0.55 →
0.684/0.693/0.697/0.694 and dice weight 0.3/0.5/0.7 → 0.687/0.697/0.696; keeping the fuzzy groups and aligning
only the leftovers by meaning scored 0.639–0.695, below fuzzy alone.
Pairs of articles with more than ``DENSE_CELLS`` sentence pairs keep each sentence's ``TOP_K`` best candidates,
and the DP runs inside the segments that mutual-best candidates of at least ``ANCHOR`` cut the pair into
(``segments``), so memory stays linear. With the best candidates alone (before), a loose translation kept few of
its pairs: its cosines (0.43 and up) are above the DP's bar but many below the bar of a pair found out of order
(2 x 2,000 translated sentences: pair F1 0.756 → 0.960; ``benchmarks/bilingual_documents.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desktop.core.align import beads, segments
from desktop.core.align.beads import AlignedSet, Bead, Passes
from desktop.core.align.cancellation import check
from desktop.core.align.candidates import article_features, pair_index
from desktop.core.align.scoring import Cosine, Dice, Mixed

Vectors = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

MAX_SPLIT = 4
MAX_MERGE = 3
GAP = (3, 3)
DENSE_CELLS = 4_000_000
TOP_K = 4  # candidates per sentence kept when the pair is too large for the dense DP
ANCHOR = 0.6  # cosine of a mutual-best pair that may bound a segment of a long pair (segments)
DEFAULT_THRESHOLD = 0.5
STRING_WEIGHT = 0.5  # share of the fuzzy aligner's dice in a bead's similarity in "both" mode


@dataclass(frozen=True, slots=True)
class Taus:
    """What a bead must score to be kept, per pass, at the default user threshold; ``size`` is charged for
    every sentence beyond two in a bead, since summed vectors of weakly related sentences drift together."""

    bead: float
    gap: float
    reorder: float
    size: float


CROSS = Taus(bead=0.4, gap=0.2, reorder=0.5, size=0.05)  # German/English sample pair and unrelated-article check
SAME = Taus(bead=0.65, gap=0.2, reorder=0.75, size=0.0)  # semantic only, one language: DEplain-web
BOTH = Taus(bead=0.5, gap=0.2, reorder=0.7, size=0.0)  # cosine and dice mixed, one language: DEplain-web


def align(
    vectors: Sequence[Vectors],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    reference: int = 0,
    cancelled: Callable[[], bool] | None = None,
    keys: Sequence[Sequence[str]] | None = None,
    languages: Sequence[str] | None = None,
) -> list[AlignedSet]:
    """Groups of sentences that say the same thing, from one unit vector per sentence and article.

    With ``keys`` (the fuzzy aligner's matching keys) a bead's similarity between articles of one language mixes
    the cosine with the fuzzy aligner's word and 4-gram dice ("both"). ``languages`` choose the calibration per
    article pair: cross-language cosines of true pairs run lower than same-language ones.
    """
    langs = list(languages) if languages is not None else [""] * len(vectors)

    def pair(a: int, b: int, left_a: list[int], left_b: list[int]) -> list[Bead]:
        cross = bool(langs[a] and langs[b] and langs[a] != langs[b])
        mixed = keys is not None and not cross
        strings = None
        if keys is not None and mixed and len(left_a) * len(left_b) <= DENSE_CELLS:  # only the dense path reads them
            strings = string_evidence([keys[a][i] for i in left_a], [keys[b][j] for j in left_b])
        taus = CROSS if cross else BOTH if mixed else SAME
        return align_pair(vectors[a][left_a], vectors[b][left_b], threshold, cancelled, taus=taus, strings=strings)

    return beads.align_articles([len(v) for v in vectors], reference, pair)


def align_pair(
    a: Vectors,
    b: Vectors,
    threshold: float = DEFAULT_THRESHOLD,
    cancelled: Callable[[], bool] | None = None,
    *,
    taus: Taus = CROSS,
    strings: Dice | None = None,
) -> list[Bead]:
    """Beads between two articles given as unit vectors, one row per sentence (the engine's passes 1–3)."""
    scale = threshold / DEFAULT_THRESHOLD
    passes = Passes(
        bead=taus.bead * scale,
        gap=taus.gap * scale,
        reorder=min(taus.reorder * scale, 1.0),
        max_split=MAX_SPLIT,
        max_merge=MAX_MERGE,
        gap_limit=GAP,
        edge_gaps=True,
        size=taus.size,
    )
    return beads.align_pair(_Meaning(a, b, strings, DENSE_CELLS, cancelled), passes, cancelled)


def string_evidence(keys_a: Sequence[str], keys_b: Sequence[str]) -> Dice:
    """The fuzzy aligner's word and 4-gram dice between two lists of matching keys, from its own sparse index."""
    index = pair_index(article_features(keys_a), article_features(keys_b))
    return Dice.of_index(index, range(len(keys_a)), range(len(keys_b)))


class _Meaning:
    """The semantic signal of one article pair: one dense block scored by the cosine of summed vectors (mixed with
    the dice of ``strings`` where given), or, past ``dense_cells`` pairs, each sentence's best candidates, and
    dense blocks only within the segments those candidates cut the pair into (``segments``)."""

    def __init__(
        self, a: Vectors, b: Vectors, strings: Dice | None, dense_cells: int, cancelled: Callable[[], bool] | None
    ) -> None:
        self.a, self.b = a, b
        self.dense_cells = dense_cells
        self.whole: Cosine | Mixed | None = None
        self._best: tuple[Ints, Ints, Floats] | None = None
        if len(a) * len(b) <= dense_cells:
            meaning = Cosine.of(a, b)
            self.whole = meaning if strings is None else Mixed(meaning, strings, STRING_WEIGHT)
        else:
            self._best = _top_candidates(a, b, cancelled)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.a), len(self.b)

    def blocks(self) -> list[tuple[range, range]]:
        if self._best is None:
            return [(range(len(self.a)), range(len(self.b)))]
        rows, cols, sims = self._best
        cut = segments.cut(rows, cols, sims, len(self.a), len(self.b), anchor=ANCHOR, dense_cells=self.dense_cells)
        return [(a, b) for a, b in cut if len(a) * len(b) <= self.dense_cells]

    def scorer(self, rows: range, cols: range) -> Cosine | Mixed:
        if self.whole is not None:
            return self.whole
        return Cosine.of(self.a[rows.start : rows.stop], self.b[cols.start : cols.stop])

    def candidates(self, tau: float, cancelled: Callable[[], bool] | None) -> tuple[Ints, Ints, Floats]:
        if self._best is not None:
            return self._best
        assert self.whole is not None
        pair_sim = self.whole.pairs()
        rows, cols = np.nonzero(pair_sim >= tau)
        return rows, cols, pair_sim[rows, cols]


def _top_candidates(a: Vectors, b: Vectors, cancelled: Callable[[], bool] | None) -> tuple[Ints, Ints, Floats]:
    """The ``TOP_K`` most similar sentences of B for every sentence of A, computed in row blocks."""
    rows, cols, sims = [], [], []
    k = min(TOP_K, len(b))
    step = max(1, DENSE_CELLS // len(b))
    for start in range(0, len(a), step):
        check(cancelled)
        cos = a[start : start + step] @ b.T
        top = np.argpartition(-cos, k - 1, axis=1)[:, :k]
        rows.append(np.repeat(np.arange(start, start + len(cos)), k))
        cols.append(top.ravel())
        sims.append(np.take_along_axis(cos, top, axis=1).ravel().astype(np.float64))
    return np.concatenate(rows), np.concatenate(cols).astype(np.int64), np.concatenate(sims)
