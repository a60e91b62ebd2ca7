"""The bead engine: which sentences of two or more articles say the same thing, from any signal that scores them.

The evidence differs (letters and words in ``alignment``, sentence vectors in ``semantic_alignment``, or both mixed,
all scored in ``scoring``); the search is this one, in passes over each pair of articles:

1. A monotone bead DP (as in Gale–Church style aligners), over each dense block of sentence pairs the signal offers,
   chooses 1:1, 1:k (k ≤ ``Passes.max_split``) and n:1 (n ≤ ``Passes.max_merge``) beads; a bead earns its similarity
   minus τ (and ``Passes.size`` for every sentence beyond two), a lone sentence earns 0. Splits and merges win when
   the joined side scores higher than one sentence.
2. Small gaps between consecutive beads are aligned again with a lower τ: a sentence pair sandwiched between two
   agreed pairs is evidence of its own, even when heavily reworded. A signal may vet the pairs found there.
3. Sentences still unaligned are paired greedily across the whole article (best pair first) above a higher τ, from
   the signal's candidate pairs: this is what tolerates reordering, which the monotone DP cannot.
4. With a signal that can tell how much of one sentence another side holds (``Overlap``): between two consecutive
   split beads a boundary sentence moves to the neighbour it shares more with, then unaligned neighbours join a bead
   that holds most of them.

More than two articles: each is aligned against the reference, groups are joined through the reference's
sentences, and what is left is aligned pairwise among the other articles, so a fact two outlets share without the
reference still forms a group. A sentence belongs to at most one group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import Protocol

import numpy as np
import numpy.typing as npt

from desktop.core.align.cancellation import Cancelled, check
from desktop.core.model import MatchEvidence

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

GAIN_CELLS = 4_000_000  # bead gains held at once by the DP (columns × rows × bead shapes): bounds its memory

_UP = 100  # DP choice: the sentence of A stays alone


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


@dataclass(frozen=True, slots=True)
class Passes:
    """One article pair's calibration: what a bead must score in passes 1–3 and the shapes it may take."""

    bead: float  # pass 1
    gap: float  # pass 2
    reorder: float  # pass 3
    max_split: int  # sentences of B one sentence of A may be split into (1:k beads)
    max_merge: int  # sentences of A that may be merged into one of B (n:1 beads)
    gap_limit: tuple[int, int]  # largest gap (sentences of A, of B) that pass 2 realigns
    edge_gaps: bool  # whether pass 2 also realigns the stretch before the first bead and after the last
    size: float = 0.0  # charged for every sentence beyond two in a bead


class Scorer(Protocol):
    """The similarity of beads inside one dense block of sentence pairs."""

    @property
    def shape(self) -> tuple[int, int]:
        """Sentences of A and of B in the block."""
        ...

    def similarity(self, n: int, k: int, ends_a: slice, ends_b: slice) -> Floats:
        """The similarity of every bead of n consecutive sentences of A and k of B ending where the slices say:
        entry (x, y) is the bead of A ``r - n … r - 1`` and B ``c - k … c - 1`` for r = ``ends_a.start + x`` and
        c = ``ends_b.start + y`` (steps of 1)."""
        ...

    def restricted(self, rows: Ints, cols: Ints) -> Scorer:
        """The same scoring on some sentences of the block only (ascending), renumbered 0, 1, …"""
        ...


class Signal(Protocol):
    """One article pair's evidence, as the engine uses it."""

    @property
    def shape(self) -> tuple[int, int]:
        """Sentences of A and of B."""
        ...

    def blocks(self) -> Sequence[tuple[range, range]]:
        """Stretches of A and B, in order, that the bead DP covers (what is too large is left to pass 3)."""
        ...

    def scorer(self, rows: range, cols: range) -> Scorer:
        """Bead scoring inside one of the blocks."""
        ...

    def candidates(self, tau: float, cancelled: Cancelled | None) -> tuple[Ints, Ints, Floats]:
        """Sentence pairs for pass 3 (rows of A, columns of B, similarity), at least those scoring ``tau``, in
        row-major order (ties are taken in this order)."""
        ...


class Overlap(Protocol):
    """How much of one sentence the other side holds: what moves boundaries and attaches neighbours (pass 4)."""

    def b_joins(self, a: Sequence[int], j: int) -> bool:
        """Whether sentence j of B is held enough in sentences ``a`` of A to join their bead."""
        ...

    def a_joins(self, i: int, b: Sequence[int]) -> bool:
        """Whether sentence i of A is held enough in sentences ``b`` of B to join their bead."""
        ...

    def association(self, i: int, j: int) -> float:
        """How much of sentence j of B is found in sentence i of A."""
        ...


Vet = Callable[[Sequence[int], Sequence[int]], bool]
"""Whether a pass-2 pair (sentences of A, of B, as the articles number them) may stand."""

PairAligner = Callable[[int, int, list[int], list[int]], list[Bead]]
"""Beads between articles a and b on some of their sentences (ascending), numbered as the lists are (0, 1, …)."""


def align_articles(sizes: Sequence[int], reference: int, align_pair: PairAligner) -> list[AlignedSet]:
    """Groups over all articles (``sizes``: sentences per article) from the beads of their pairs."""
    others = [a for a in range(len(sizes)) if a != reference]
    if len(others) == 1:  # two articles: the beads are the groups already, no joining needed
        other = others[0]
        beads = align_pair(reference, other, list(range(sizes[reference])), list(range(sizes[other])))
        sets = [AlignedSet(dict(sorted({reference: b.a, other: b.b}.items())), _rounded(b.similarity)) for b in beads]
        return sorted(sets, key=_first_member)
    groups = GroupUnion()
    # Every article against the reference on all sentences (groups join through the reference's sentences), then
    # the others among themselves on what is left.
    for a, b in [(reference, o) for o in others] + list(combinations(others, 2)):
        free = a != reference
        left_a = [i for i in range(sizes[a]) if not (free and groups.has((a, i)))]
        left_b = [j for j in range(sizes[b]) if not (free and groups.has((b, j)))]
        if not left_a or not left_b:
            continue
        for bead in align_pair(a, b, left_a, left_b):
            groups.join([(a, left_a[i]) for i in bead.a] + [(b, left_b[j]) for j in bead.b], bead.similarity)
    return groups.sets()


def _rounded(similarity: float) -> float:
    """A group's similarity as reported: clamped into [0, 1] (sums of vectors may stray a hair outside)."""
    return round(max(0.0, min(1.0, similarity)), 4)


def _first_member(found: AlignedSet) -> tuple[int, int]:
    return min((art, idx[0]) for art, idx in found.members.items())


class GroupUnion:
    """Union-find over (article, sentence) so beads of different article pairs merge into one group."""

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
            AlignedSet({art: tuple(sorted(ix)) for art, ix in sorted(m.items())}, _rounded(self.similarity[root]))
            for root, m in members.items()
            if len(m) >= 2
        ]
        result.sort(key=_first_member)
        return result


def align_pair(
    signal: Signal,
    passes: Passes,
    cancelled: Cancelled | None = None,
    *,
    vet: Vet | None = None,
    overlap: Overlap | None = None,
) -> list[Bead]:
    """Beads between two articles (passes 1–4 of the module docstring); stops with ``ComparisonCancelled`` once
    ``cancelled()`` turns true."""
    na, nb = signal.shape
    if not na or not nb:
        return []
    beads: list[Bead] = []
    for rows, cols in signal.blocks():
        check(cancelled)
        beads += _block_beads(signal.scorer(rows, cols), passes, rows, cols, vet)
    found_a, found_b, sim = signal.candidates(passes.reorder, cancelled)
    beads = _reordered(beads, found_a, found_b, sim, na, nb, passes.reorder)
    if overlap is not None:
        beads = _attach(_refine_boundaries(beads, overlap), overlap, na, nb)
    return beads


def _block_beads(scorer: Scorer, passes: Passes, rows: range, cols: range, vet: Vet | None) -> list[Bead]:
    """Pass 1 and pass 2 inside one block; indices returned are the articles' own.

    A signal may vet a pass-2 pair: at its low bar, function words alone ("die", "ist", "hat") carried a commentary
    sentence an outlet inserted onto the neighbouring sentence it left out."""
    local = bead_dp(scorer, passes.bead, passes)
    bounds = [Bead((-1,), (-1,), 0.0), *local, Bead((len(rows),), (len(cols),), 0.0)]
    for before, after in pairwise(bounds):
        if not passes.edge_gaps and (before is bounds[0] or after is bounds[-1]):
            continue  # a gap at the edge of a block is not sandwiched between agreed pairs
        gap_a = np.arange(max(before.a) + 1, min(after.a))
        gap_b = np.arange(max(before.b) + 1, min(after.b))
        if not 0 < len(gap_a) <= passes.gap_limit[0] or not 0 < len(gap_b) <= passes.gap_limit[1]:
            continue
        for f in bead_dp(scorer.restricted(gap_a, gap_b), passes.gap, passes):
            bead = Bead(tuple(int(gap_a[x]) for x in f.a), tuple(int(gap_b[y]) for y in f.b), f.similarity)
            if vet is None or vet([rows.start + i for i in bead.a], [cols.start + j for j in bead.b]):
                local.append(bead)
    return [
        Bead(tuple(rows.start + i for i in x.a), tuple(cols.start + j for j in x.b), x.similarity)
        for x in sorted(local, key=lambda x: x.a)
    ]


def bead_dp(scorer: Scorer, tau: float, passes: Passes) -> list[Bead]:
    """Best monotone sequence of beads; a bead earns its similarity minus ``tau`` (and ``passes.size`` for every
    sentence beyond two), a lone sentence earns 0.

    What every bead would earn comes first, vectorised, for a band of columns (sentences of B) at a time; the DP then
    runs column by column over all rows (sentences of A) at once.
    """
    na, nb = scorer.shape
    if not na or not nb:
        return []
    splits, merges = min(passes.max_split, nb), min(passes.max_merge, na)
    shapes = _Shapes(na, splits, merges)
    # Column c of the DP is row c + splits here: the rows before it are zeros that a 1:k bead reaching before the
    # first column reads with a gain of −∞, so every column gathers its candidates the same way.
    padded = np.zeros((nb + 1 + splits, na + 1))
    flat = padded.reshape(-1)
    score = padded[splits:]
    choice = np.zeros((nb + 1, na + 1), np.int8)  # 0: B sentence alone, k > 0: 1:k, -n: n:1, _UP: A alone
    rows = np.arange(na + 1)
    width = max(1, GAIN_CELLS // (na * (splits + merges)))
    # The gains of a band are dropped when the next is computed: with more than one band, what each chosen bead
    # earned is kept as the DP goes (the backtrack reads the last band's own gains).
    banded = width < nb
    earned = np.zeros((nb + 1, na + 1) if banded else (0, 0))
    gains = np.zeros((0, na + 1, shapes.count))
    for c0 in range(1, nb + 1, width):
        c1 = min(c0 + width, nb + 1)
        gains = _gains(scorer, tau, passes.size, range(c0, c1), splits, merges)
        for c in range(c0, c1):
            # Every bead ending at (row r, column c), one column per shape, in the order ties are settled: the B
            # sentence alone, then 1:1 … 1:k, then 2:1 … n:1; the first best shape wins (argmax).
            gain = gains[c - c0]
            value = flat[shapes.reach + (c + splits) * (na + 1)] + gain
            shape = value.argmax(axis=1)
            cand = value[rows, shape]
            best = np.maximum.accumulate(cand)
            score[c] = best
            choice[c] = np.where(best > cand, _UP, shapes.pick[shape])
            if banded:
                earned[c] = gain[rows, shape]
    beads = []
    r, c = na, nb
    while r > 0 and c > 0:
        x = int(choice[c, r])
        if x == _UP:
            r -= 1
        elif x == 0:
            c -= 1
        elif x > 0:
            won = earned[c, r] if banded else gains[c - 1, r, x]
            beads.append(Bead((r - 1,), tuple(range(c - x, c)), float(won + (tau + passes.size * (x - 1)))))
            r, c = r - 1, c - x
        else:
            won = earned[c, r] if banded else gains[c - 1, r, splits - x - 1]
            beads.append(Bead(tuple(range(r + x, r)), (c - 1,), float(won + (tau + passes.size * (-x - 1)))))
            r, c = r + x, c - 1
    return beads[::-1]


class _Shapes:
    """Where each bead shape ending at a DP cell reads its earlier score, and the choice it records.

    Column 0 is the B sentence alone (the cell one column back), columns 1 … k the 1:k beads (k columns back, one
    row up), then 2:1 … n:1 (one column back, n rows up). ``reach`` holds flat offsets into the padded score
    relative to the current column's first cell; a shape that cannot end at a cell reads some cell, whose gain is
    −∞."""

    def __init__(self, na: int, splits: int, merges: int) -> None:
        width = na + 1
        rows = np.arange(width)
        columns = [rows - width]
        columns += [np.maximum(rows - 1, 0) - k * width for k in range(1, splits + 1)]
        columns += [np.maximum(rows - n, 0) - width for n in range(2, merges + 1)]
        self.reach: Ints = np.stack(columns, axis=1)
        self.count = len(columns)
        self.pick = np.array([0, *range(1, splits + 1), *range(-2, -merges - 1, -1)], np.int8)


def _gains(scorer: Scorer, tau: float, size: float, ends_b: range, splits: int, merges: int) -> Floats:
    """What every bead ending in the columns ``ends_b`` earns, by shape (``_Shapes``): gains[c, r, 0] = 0 for the B
    sentence alone, gains[c, r, k] for A r-1 with B c-k .. c-1 and gains[c, r, splits + n - 1] for A r-n .. r-1
    with B c-1 (c counted from ``ends_b.start``), −∞ where none fits."""
    na = scorer.shape[0]
    c0, c1 = ends_b.start, ends_b.stop
    gains = np.full((c1 - c0, na + 1, 1 + splits + max(merges - 1, 0)), -np.inf)
    gains[:, :, 0] = 0.0
    for k in range(1, splits + 1):
        first = max(c0, k)
        if first < c1:
            sim = scorer.similarity(1, k, slice(1, na + 1), slice(first, c1))
            gains[first - c0 :, 1:, k] = sim.T - (tau + size * (k - 1))
    for n in range(2, merges + 1):
        sim = scorer.similarity(n, 1, slice(n, na + 1), slice(c0, c1))
        gains[:, n:, splits + n - 1] = sim.T - (tau + size * (n - 1))
    return gains


def _reordered(beads: list[Bead], rows: Ints, cols: Ints, sim: Floats, na: int, nb: int, tau: float) -> list[Bead]:
    """Pass 3: the best remaining pairs anywhere in the articles, best first, each sentence used once. Of equally
    good pairs, the one nearest to where the beads so far put its A sentence goes first: a line a document repeats
    scores the same with each of its copies, and taking the first in index order paired a copy at the start of one
    article with one thousands of sentences away (2 x 10,000 English sentences, half of them repeats)."""
    used_a, used_b = _used(beads, na, nb)
    keep = (sim >= tau) & ~used_a[rows] & ~used_b[cols]
    rows, cols, sim = rows[keep], cols[keep], sim[keep]
    distance = np.abs(np.asarray(expected_places(beads, na), dtype=np.int64)[rows] - cols)
    order = np.lexsort((distance, -sim))
    found = list(beads)
    for i, j, s in zip(rows[order].tolist(), cols[order].tolist(), sim[order].tolist(), strict=True):
        if used_a[i] or used_b[j]:
            continue
        used_a[i] = used_b[j] = True
        found.append(Bead((i,), (j,), s))
    return found


def expected_places(found: Sequence[Bead], size_a: int) -> list[int]:
    """Where each sentence of A would stand in B, going by the last bead before it in A (before every bead, by the
    first): a sentence beside a moved block is looked for where the block went."""
    ordered = sorted(found, key=lambda bead: min(bead.a))
    if not ordered:
        return list(range(size_a))
    where = []
    k = -1
    for i in range(size_a):
        while k + 1 < len(ordered) and min(ordered[k + 1].a) <= i:
            k += 1
        if k < 0:
            where.append(min(ordered[0].b) - (min(ordered[0].a) - i))
        else:
            where.append(max(ordered[k].b) + (i - max(ordered[k].a)))
    return where


def _used(beads: list[Bead], na: int, nb: int) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which sentences of A and of B the beads hold."""
    used_a = np.zeros(na, bool)
    used_b = np.zeros(nb, bool)
    for bead in beads:
        used_a[list(bead.a)] = True
        used_b[list(bead.b)] = True
    return used_a, used_b


def _refine_boundaries(beads: list[Bead], overlap: Overlap) -> list[Bead]:
    """Pass 4: between two consecutive 1:k beads, a boundary sentence moves to the neighbour it shares more with."""
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
        if len(out[n]) > 1 and overlap.association(i2, last) > overlap.association(i1, last):
            out[n].remove(last)
            out[n + 1].insert(0, last)
        elif len(out[n + 1]) > 1 and overlap.association(i1, head) > overlap.association(i2, head):
            out[n + 1].remove(head)
            out[n].append(head)
    return [Bead(x.a, tuple(sorted(b)), x.similarity) for x, b in zip(ordered, out, strict=True)]


def _attach(beads: list[Bead], overlap: Overlap, na: int, nb: int) -> list[Bead]:
    """Pass 4: an unaligned neighbour joins a bead that holds most of it."""
    used_a, used_b = _used(beads, na, nb)
    out = []
    for bead in beads:
        a, b = list(bead.a), list(bead.b)
        grown = True
        while grown:
            grown = False
            for j in (min(b) - 1, max(b) + 1):
                if 0 <= j < nb and not used_b[j] and overlap.b_joins(a, j):
                    b.append(j)
                    used_b[j] = grown = True
            for i in (min(a) - 1, max(a) + 1):
                if 0 <= i < na and not used_a[i] and overlap.a_joins(i, b):
                    a.append(i)
                    used_a[i] = grown = True
        out.append(Bead(tuple(sorted(a)), tuple(sorted(b)), bead.similarity))
    return out
