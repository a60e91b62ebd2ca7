"""Long article pairs cut into segments the bead DP can cover densely, between adjacent anchor pairs.

An anchor is a pair of sentences each other's best candidate with a similarity of at least the signal's anchor
bar; the anchors kept are the longest chain increasing in both articles, so a moved block or a stray match cannot
cut across the order. A cut falls between two anchors that follow each other in both articles, once a segment has
grown to ``SEGMENT`` sentences on either side: each segment's DP then covers about ``SEGMENT`` squared pairs and the
cost grows linearly with the articles. Used by the fuzzy aligner (word and 4-gram similarity) and the semantic
aligner (cosine of sentence vectors), each with its own bar.
"""

from __future__ import annotations

import bisect
from itertools import pairwise

import numpy as np
import numpy.typing as npt

SEGMENT = 150  # sentences per side a segment of a long document aims for

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def cut(
    rows: Ints, cols: Ints, sim: Floats, size_a: int, size_b: int, *, anchor: float, dense_cells: int
) -> list[tuple[range, range]]:
    """The segments of an article pair from its candidate pairs (rows of A, columns of B, similarity); the whole
    pair is one segment when it has at most ``dense_cells`` sentence pairs."""
    if size_a * size_b <= dense_cells:
        return [(range(size_a), range(size_b))]
    chain = _anchor_chain(rows, cols, sim, size_a, size_b, anchor)
    cuts = [(0, 0)]
    for (i0, j0), (i1, j1) in pairwise(chain):
        if i1 == i0 + 1 and j1 == j0 + 1 and (i1 - cuts[-1][0] >= SEGMENT or j1 - cuts[-1][1] >= SEGMENT):
            cuts.append((i1, j1))
    cuts.append((size_a, size_b))
    return [(range(a0, a1), range(b0, b1)) for (a0, b0), (a1, b1) in pairwise(cuts)]


def _anchor_chain(
    rows: Ints, cols: Ints, sim: Floats, size_a: int, size_b: int, anchor: float
) -> list[tuple[int, int]]:
    """Mutual-best pairs of at least ``anchor`` on the longest chain increasing in both articles."""
    strong = sim >= anchor
    best_a = np.full(size_a, -1.0)
    best_b = np.full(size_b, -1.0)
    np.maximum.at(best_a, rows, sim)
    np.maximum.at(best_b, cols, sim)
    mutual = strong & (sim >= best_a[rows]) & (sim >= best_b[cols])
    order = np.lexsort((cols[mutual], rows[mutual]))
    return longest_chain(list(zip(rows[mutual][order].tolist(), cols[mutual][order].tolist(), strict=True)))


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
