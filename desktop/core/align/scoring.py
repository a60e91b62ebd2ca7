"""Scoring functions for the bead engine: how similar n joined sentences of one article are to k of another.

- ``Dice``: the mean over feature families (words, 4-grams) of the dice of the joined sentences' idf-weighted
  features, from the sparse index in ``candidates`` (the fuzzy signal);
- ``Cosine``: the cosine between the summed vectors of the two sides (meaning). Summing is the natural join for
  sentence vectors: a sentence that belongs to the other side's meaning raises the cosine of the sum, an unrelated
  one drags it down;
- ``Mixed``: a weighted mean of the two ("both").

Each answers for every bead of one shape at once, from 2-D prefix sums over the block, so the engine's DP never
loops over sentence pairs in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from desktop.core.align.beads import Floats, Ints
from desktop.core.align.candidates import PairIndex

Vectors = npt.NDArray[np.float32]


def _prefix(matrix: Floats) -> Floats:
    """Prefix sums over the last two axes, with a zero first row and column."""
    out = np.zeros((*matrix.shape[:-2], matrix.shape[-2] + 1, matrix.shape[-1] + 1))
    np.cumsum(np.cumsum(matrix, axis=-2), axis=-1, out=out[..., 1:, 1:])
    return out


def _running(weights: Floats) -> Floats:
    """Prefix sums over the last axis, with a zero first entry."""
    out = np.zeros((*weights.shape[:-1], weights.shape[-1] + 1))
    np.cumsum(weights, axis=-1, out=out[..., 1:])
    return out


def _block_sum(prefix: Floats, n: int, k: int, ends_a: slice, ends_b: slice) -> Floats:
    """Sum of a matrix over every n × k block ending where the slices say (see ``beads.Scorer.similarity``)."""
    start_a = slice(ends_a.start - n, ends_a.stop - n)
    start_b = slice(ends_b.start - k, ends_b.stop - k)
    total: Floats = prefix[..., ends_a, ends_b] - prefix[..., start_a, ends_b]
    return total - prefix[..., ends_a, start_b] + prefix[..., start_a, start_b]


def _span_sum(running: Floats, n: int, ends: slice) -> Floats:
    diff: Floats = running[..., ends] - running[..., ends.start - n : ends.stop - n]
    return diff


def _mean(families: Iterable[Floats]) -> Floats:
    """The mean of one score per feature family, added in order."""
    total: Floats | None = None
    count = 0
    for score in families:
        total = score if total is None else total + score
        count += 1
    assert total is not None
    return total / count


def _dice(shared: Floats, own_a: Floats, own_b: Floats) -> Floats:
    """Dice of weighted feature sets: twice the shared weight over both sides' own (``own_a`` a column, ``own_b`` a
    row); the shared weight is capped by the smaller side, as prefix sums may leave a rounding hair above it."""
    # The same operations as 2 * min(shared, min(own_a, own_b)) / max(own_a + own_b, 1e-9), in two buffers: the
    # bead DP asks for whole blocks per bead shape, and the temporaries were a fifth of its time.
    dice: Floats = np.minimum(own_a, own_b)
    np.minimum(shared, dice, out=dice)
    np.multiply(dice, 2, out=dice)
    both = np.add(own_a, own_b)
    np.maximum(both, 1e-9, out=both)
    np.divide(dice, both, out=dice)
    return dice


Family = tuple[Floats, Floats, Floats]
"""One feature family of a block: the weight every sentence pair shares, and each sentence's own (A's, B's)."""


@dataclass(frozen=True)
class Dice:
    """Mean dice over feature families (words, 4-grams) of the joined sentences."""

    families: tuple[Family, ...]
    _sums: tuple[Family, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        sums = tuple((_prefix(shared), _running(own_a), _running(own_b)) for shared, own_a, own_b in self.families)
        object.__setattr__(self, "_sums", sums)

    @classmethod
    def of_index(cls, index: PairIndex, rows: range, cols: range) -> Dice:
        """Word and 4-gram dice of a block of the sparse index."""
        word, gram = index.block(rows, cols)
        a, b = slice(rows.start, rows.stop), slice(cols.start, cols.stop)
        return cls(
            (
                (word, index.total_word_a[a], index.total_word_b[b]),
                (gram, index.total_gram_a[a], index.total_gram_b[b]),
            )
        )

    @property
    def shape(self) -> tuple[int, int]:
        rows, cols = self.families[0][0].shape
        return rows, cols

    def similarity(self, n: int, k: int, ends_a: slice, ends_b: slice) -> Floats:
        return _mean(
            _dice(_block_sum(shared, n, k, ends_a, ends_b), _span_sum(a, n, ends_a)[:, None], _span_sum(b, k, ends_b))
            for shared, a, b in self._sums
        )

    def restricted(self, rows: Ints, cols: Ints) -> Dice:
        sub = np.ix_(rows, cols)
        return Dice(tuple((shared[sub], own_a[rows], own_b[cols]) for shared, own_a, own_b in self.families))

    def pairs(self) -> Floats:
        """The similarity of every single sentence pair, straight from the weights."""
        return _mean(_dice(shared, own_a[:, None], own_b) for shared, own_a, own_b in self.families)


@dataclass(frozen=True)
class Cosine:
    """Cosine between the summed unit vectors of the two sides; ``cos`` holds every single pair's."""

    a: Vectors
    b: Vectors
    cos: Floats
    _sums: Floats = field(init=False, repr=False)
    _norms: dict[tuple[int, int], Floats] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sums", _prefix(self.cos))

    @classmethod
    def of(cls, a: Vectors, b: Vectors) -> Cosine:
        return cls(a, b, (a.astype(np.float64) @ b.astype(np.float64).T).clip(-1.0, 1.0))

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.a), len(self.b)

    def _span_norms(self, side: int, n: int) -> Floats:
        """The norm of the summed vectors of the n sentences ending at each position of one side (∞ where fewer)."""
        norms = self._norms.get((side, n))
        if norms is None:
            vectors = self.a if side == 0 else self.b
            cum = np.zeros((len(vectors) + 1, vectors.shape[1]))
            cum[1:] = np.cumsum(vectors, axis=0, dtype=np.float64)
            norm = np.full(len(vectors) + 1, np.inf)
            if n <= len(vectors):
                norm[n:] = np.linalg.norm(cum[n:] - cum[:-n], axis=1)
            norms = self._norms[(side, n)] = np.maximum(norm, 1e-9)
        return norms

    def similarity(self, n: int, k: int, ends_a: slice, ends_b: slice) -> Floats:
        total = _block_sum(self._sums, n, k, ends_a, ends_b)
        sim: Floats = total / (self._span_norms(0, n)[ends_a][:, None] * self._span_norms(1, k)[ends_b][None, :])
        return sim

    def restricted(self, rows: Ints, cols: Ints) -> Cosine:
        return Cosine(self.a[rows], self.b[cols], self.cos[np.ix_(rows, cols)])

    def pairs(self) -> Floats:
        return self.cos


@dataclass(frozen=True, slots=True)
class Mixed:
    """``(1 − weight) × meaning + weight × strings``: sentence vectors and words in one bead score."""

    meaning: Cosine
    strings: Dice
    weight: float

    @property
    def shape(self) -> tuple[int, int]:
        return self.meaning.shape

    def similarity(self, n: int, k: int, ends_a: slice, ends_b: slice) -> Floats:
        return self._mix(self.meaning.similarity(n, k, ends_a, ends_b), self.strings.similarity(n, k, ends_a, ends_b))

    def restricted(self, rows: Ints, cols: Ints) -> Mixed:
        return Mixed(self.meaning.restricted(rows, cols), self.strings.restricted(rows, cols), self.weight)

    def pairs(self) -> Floats:
        return self._mix(self.meaning.pairs(), self.strings.pairs())

    def _mix(self, meaning: Floats, strings: Floats) -> Floats:
        mixed: Floats = (1 - self.weight) * meaning + self.weight * strings
        return mixed
