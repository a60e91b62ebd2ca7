"""Align sentences by meaning: n:m groups from sentence vectors, for articles in different languages.

The fuzzy aligner compares letters and words, which says nothing when one article is German and the other
English. Here two articles are aligned on the cosine of their sentence vectors (``embeddings``), in the same
three passes as the fuzzy aligner, so splits, merges and reordering survive the change of signal:

1. A monotone bead DP chooses 1:1, 1:k (k ≤ ``MAX_SPLIT``) and n:1 (n ≤ ``MAX_MERGE``) beads; a bead earns
   ``cos − τ`` where ``cos`` is the cosine between the summed vectors of its two sides, and a lone sentence
   earns 0. Summing is the natural join for these vectors: a sentence that belongs to the other side's meaning
   raises the cosine of the sum, an unrelated one drags it down. Several weakly related sentences summed still
   drift towards anything on the same topic, so every sentence beyond two in a bead costs ``Taus.size``.
2. Small gaps between consecutive beads are aligned again with a lower τ (a pair sandwiched between agreed pairs
   is evidence of its own).
3. Sentences still unaligned are paired greedily across the whole article (best pair first) above a higher τ:
   that is what tolerates reordering.

"Both" (one language): a bead's similarity is the mean of the cosine and the fuzzy aligner's word/4-gram dice
(``STRING_WEIGHT``), computed from the fuzzy aligner's own sparse index.

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
Pairs of articles with more than ``DENSE_CELLS`` sentence pairs skip the DP and keep only the per-row best
candidates for pass 3, so memory stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

import numpy as np
import numpy.typing as npt

from desktop.core.align.alignment import AlignedSet, Bead, GroupUnion
from desktop.core.align.candidates import article_features, pair_index

Vectors = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]
Strings = list[tuple[Floats, Floats, Floats]]
"""Dense string evidence for "both": per feature family (words, 4-grams) the shared weight of every sentence
pair and each side's own weight, the parts of the fuzzy aligner's dice."""

MAX_SPLIT = 4
MAX_MERGE = 3
GAP = (3, 3)
DENSE_CELLS = 4_000_000
TOP_K = 4  # candidates per sentence kept when the pair is too large for the dense DP
DEFAULT_THRESHOLD = 0.5
STRING_WEIGHT = 0.5  # share of the fuzzy aligner's dice in a bead's similarity in "both" mode

_UP = 100


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


class _Cancelled(Exception):
    pass


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
    check = cancelled or (lambda: False)
    langs = list(languages) if languages is not None else [""] * len(vectors)
    groups = GroupUnion()
    others = [a for a in range(len(vectors)) if a != reference]
    try:
        # Every article against the reference on all sentences (groups join through the reference's sentences),
        # then the others among themselves on what is left, as the fuzzy aligner does.
        for a, b in [(reference, o) for o in others] + list(combinations(others, 2)):
            free = a != reference
            left_a = [i for i in range(len(vectors[a])) if not (free and groups.has((a, i)))]
            left_b = [j for j in range(len(vectors[b])) if not (free and groups.has((b, j)))]
            if not left_a or not left_b:
                continue
            cross = bool(langs[a] and langs[b] and langs[a] != langs[b])
            strings = None
            if keys is not None and not cross:
                strings = string_evidence([keys[a][i] for i in left_a], [keys[b][j] for j in left_b])
            taus = CROSS if cross else BOTH if strings is not None else SAME
            beads = align_pair(vectors[a][left_a], vectors[b][left_b], threshold, check, taus=taus, strings=strings)
            for bead in beads:
                groups.join([(a, left_a[i]) for i in bead.a] + [(b, left_b[j]) for j in bead.b], bead.similarity)
    except _Cancelled:
        return []
    return groups.sets()


def align_pair(
    a: Vectors,
    b: Vectors,
    threshold: float = DEFAULT_THRESHOLD,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    taus: Taus = CROSS,
    strings: Strings | None = None,
) -> list[Bead]:
    """Beads between two articles given as unit vectors, one row per sentence (passes 1–3)."""
    na, nb = len(a), len(b)
    if not na or not nb:
        return []
    scale = threshold / DEFAULT_THRESHOLD
    reorder = min(taus.reorder * scale, 1.0)
    if na * nb > DENSE_CELLS:
        rows, cols, sim = _top_candidates(a, b, cancelled)
        return _reordered([], rows, cols, sim, na, nb, reorder)
    cos = (a.astype(np.float64) @ b.astype(np.float64).T).clip(-1.0, 1.0)
    if cancelled():
        raise _Cancelled
    beads = _bead_dp(a, b, cos, taus.bead * scale, taus.size, strings)
    beads += _gap_beads(a, b, cos, beads, taus.gap * scale, taus.size, strings)
    pair_sim = cos
    if strings:
        dice = sum(
            2 * np.minimum(s, np.minimum(wa[:, None], wb[None, :])) / np.maximum(wa[:, None] + wb[None, :], 1e-9)
            for s, wa, wb in strings
        ) / len(strings)
        pair_sim = (1 - STRING_WEIGHT) * cos + STRING_WEIGHT * dice
    rows, cols = np.nonzero(pair_sim >= reorder)
    return _reordered(beads, rows, cols, pair_sim[rows, cols], na, nb, reorder)


def string_evidence(keys_a: Sequence[str], keys_b: Sequence[str]) -> Strings:
    """The fuzzy aligner's word and 4-gram weights as dense matrices, from its own sparse index."""
    index = pair_index(article_features(keys_a), article_features(keys_b))
    word, gram = index.block(range(len(keys_a)), range(len(keys_b)))
    return [(word, index.total_word_a, index.total_word_b), (gram, index.total_gram_a, index.total_gram_b)]


def _span_sums(vectors: Vectors, longest: int) -> list[Floats]:
    """For each length n ≤ longest: the norm of the summed vectors of the n sentences ending at each row."""
    cum = np.zeros((len(vectors) + 1, vectors.shape[1]))
    cum[1:] = np.cumsum(vectors, axis=0, dtype=np.float64)
    norms = [np.zeros(len(vectors) + 1)]
    for n in range(1, longest + 1):
        norm = np.full(len(vectors) + 1, np.inf)
        if n <= len(vectors):
            norm[n:] = np.linalg.norm(cum[n:] - cum[:-n], axis=1)
        norms.append(np.maximum(norm, 1e-9))
    return norms


def _prefix(matrix: Floats) -> Floats:
    out = np.zeros((matrix.shape[0] + 1, matrix.shape[1] + 1))
    out[1:, 1:] = matrix.cumsum(0).cumsum(1)
    return out


def _own(weights: Floats) -> Floats:
    return np.concatenate([[0.0], np.cumsum(weights)])


def _bead_dp(
    a: Vectors, b: Vectors, cos: Floats, tau: float, size: float, strings: Strings | None = None
) -> list[Bead]:
    """Best monotone sequence of beads, vectorised over the rows (sentences of A) column by column."""
    na, nb = cos.shape
    block = _prefix(cos)
    norm_a = _span_sums(a, MAX_MERGE)
    norm_b = _span_sums(b, MAX_SPLIT)
    fams = [] if strings is None else [(_prefix(shared), _own(own_a), _own(own_b)) for shared, own_a, own_b in strings]

    def similarity(rows: slice, n: int, c: int, k: int) -> Floats:
        """Similarity of the n:k beads ending in column ``c`` and in each row of ``rows``."""
        r, ra = rows, slice(rows.start - n, rows.stop - n)
        total = block[r, c] - block[ra, c] - block[r, c - k] + block[ra, c - k]
        sim: Floats = total / (norm_a[n][r] * norm_b[k][c])
        if not fams:
            return sim
        dice: Floats = np.zeros_like(sim)
        for prefix, own_a, own_b in fams:
            shared = prefix[r, c] - prefix[ra, c] - prefix[r, c - k] + prefix[ra, c - k]
            wa, wb = own_a[r] - own_a[ra], own_b[c] - own_b[c - k]
            dice += 2 * np.minimum(shared, np.minimum(wa, wb)) / np.maximum(wa + wb, 1e-9)
        mixed: Floats = (1 - STRING_WEIGHT) * sim + STRING_WEIGHT * dice / len(fams)
        return mixed

    shapes = [(1, k) for k in range(1, MAX_SPLIT + 1)] + [(n, 1) for n in range(2, MAX_MERGE + 1)]
    score = np.zeros((na + 1, nb + 1))
    choice = np.zeros((na + 1, nb + 1), np.int8)  # 0: B alone, s + 1: bead of shapes[s], _UP: A alone
    for c in range(1, nb + 1):
        cand = score[:, c - 1].copy()
        pick = np.zeros(na + 1, np.int8)
        for s, (n, k) in enumerate(shapes):
            if k > c or n > na:
                continue
            sim = similarity(slice(n, na + 1), n, c, k)
            value = score[:-n, c - k] + sim - tau - size * (n + k - 2)
            better = value > cand[n:]
            cand[n:][better] = value[better]
            pick[n:][better] = s + 1
        best = np.maximum.accumulate(cand)
        up = np.zeros(na + 1, bool)
        up[1:] = best[1:] > cand[1:]
        score[:, c] = best
        choice[:, c] = np.where(up, _UP, pick)
    beads = []
    r, c = na, nb
    while r > 0 and c > 0:
        x = int(choice[r, c])
        if x == _UP:
            r -= 1
        elif x == 0:
            c -= 1
        else:
            n, k = shapes[x - 1]
            bead_sim = float(similarity(slice(r, r + 1), n, c, k)[0])
            beads.append(Bead(tuple(range(r - n, r)), tuple(range(c - k, c)), bead_sim))
            r, c = r - n, c - k
    return beads[::-1]


def _gap_beads(
    a: Vectors, b: Vectors, cos: Floats, beads: list[Bead], tau: float, size: float, strings: Strings | None
) -> list[Bead]:
    """Pass 2: small gaps between consecutive beads, aligned again with a lower τ."""
    found: list[Bead] = []
    bounds = [Bead((-1,), (-1,), 0.0), *beads, Bead((len(a),), (len(b),), 0.0)]
    for before, after in pairwise(bounds):
        gap_a = np.arange(max(before.a) + 1, min(after.a))
        gap_b = np.arange(max(before.b) + 1, min(after.b))
        if not 0 < len(gap_a) <= GAP[0] or not 0 < len(gap_b) <= GAP[1]:
            continue
        sub = np.ix_(gap_a, gap_b)
        local_strings = None if strings is None else [(s[sub], wa[gap_a], wb[gap_b]) for s, wa, wb in strings]
        local = _bead_dp(a[gap_a], b[gap_b], cos[sub], tau, size, local_strings)
        found += [
            Bead(tuple(int(gap_a[x]) for x in f.a), tuple(int(gap_b[y]) for y in f.b), f.similarity) for f in local
        ]
    return found


def _top_candidates(
    a: Vectors, b: Vectors, cancelled: Callable[[], bool]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats]:
    """The ``TOP_K`` most similar sentences of B for every sentence of A, computed in row blocks."""
    rows, cols, sims = [], [], []
    k = min(TOP_K, len(b))
    step = max(1, DENSE_CELLS // len(b))
    for start in range(0, len(a), step):
        if cancelled():
            raise _Cancelled
        cos = a[start : start + step] @ b.T
        top = np.argpartition(-cos, k - 1, axis=1)[:, :k]
        rows.append(np.repeat(np.arange(start, start + len(cos)), k))
        cols.append(top.ravel())
        sims.append(np.take_along_axis(cos, top, axis=1).ravel().astype(np.float64))
    return np.concatenate(rows), np.concatenate(cols).astype(np.int64), np.concatenate(sims)


def _reordered(
    beads: list[Bead],
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    sim: Floats,
    na: int,
    nb: int,
    tau: float,
) -> list[Bead]:
    """Pass 3: the best remaining pairs anywhere in the articles, best first, each sentence used once."""
    used_a = np.zeros(na, bool)
    used_b = np.zeros(nb, bool)
    for bead in beads:
        used_a[list(bead.a)] = True
        used_b[list(bead.b)] = True
    keep = (sim >= tau) & ~used_a[rows] & ~used_b[cols]
    order = np.argsort(-sim[keep], kind="stable")
    found = sorted(beads, key=lambda x: x.a)
    for i, j, s in zip(rows[keep][order].tolist(), cols[keep][order].tolist(), sim[keep][order].tolist(), strict=True):
        if used_a[i] or used_b[j]:
            continue
        used_a[i] = used_b[j] = True
        found.append(Bead((i,), (j,), float(s)))
    return found
