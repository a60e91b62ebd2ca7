"""The bead engine on literal similarity tables: any scoring function drives the same passes."""

from collections.abc import Sequence

import numpy as np
import pytest

from desktop.core.align import beads
from desktop.core.align.beads import Bead, Passes
from desktop.core.align.scoring import Cosine

PASSES = Passes(bead=0.5, gap=0.2, reorder=0.6, max_split=3, max_merge=2, gap_limit=(3, 3), edge_gaps=False, size=0.05)


class TableScorer:
    """Similarity of a bead = the table summed over its cells (at most 1): a scoring function written by hand."""

    def __init__(self, table: Sequence[Sequence[float]]) -> None:
        self.table = np.asarray(table, dtype=np.float64)

    @property
    def shape(self) -> tuple[int, int]:
        rows, cols = self.table.shape
        return rows, cols

    def similarity(self, n: int, k: int, ends_a: slice, ends_b: slice) -> np.ndarray:
        rows = range(ends_a.start, ends_a.stop)
        cols = range(ends_b.start, ends_b.stop)
        return np.array([[min(1.0, self.table[r - n : r, c - k : c].sum()) for c in cols] for r in rows])

    def restricted(self, rows: np.ndarray, cols: np.ndarray) -> "TableScorer":
        return TableScorer(self.table[np.ix_(rows, cols)])


class TableSignal:
    def __init__(self, table: Sequence[Sequence[float]]) -> None:
        self.scorer_ = TableScorer(table)
        self.shape = self.scorer_.shape

    def blocks(self) -> list[tuple[range, range]]:
        return [(range(self.shape[0]), range(self.shape[1]))]

    def scorer(self, rows: range, cols: range) -> TableScorer:
        return self.scorer_

    def candidates(self, tau: float, cancelled: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rows, cols = np.nonzero(self.scorer_.table >= tau)
        return rows, cols, self.scorer_.table[rows, cols]


def pairs(found: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.a, b.b) for b in found}


def test_a_hand_written_scorer_gets_splits_and_reordering_from_the_engine() -> None:
    table = [
        [0.5, 0.45, 0.0, 0.0],  # A 0 was split into B 0 and B 1
        [0.0, 0.0, 0.0, 0.7],  # A 1 moved to the end of B: the monotone DP cannot take it, pass 3 does
        [0.0, 0.0, 0.9, 0.0],
    ]
    found = beads.align_pair(TableSignal(table), PASSES)
    assert pairs(found) == {((0,), (0, 1)), ((2,), (2,)), ((1,), (3,))}
    assert [b.similarity for b in found if b.a == (0,)] == [pytest.approx(0.95)]


def test_a_sandwiched_gap_is_realigned_with_the_lower_bar_and_vetted() -> None:
    table = [[0.9, 0.0, 0.0], [0.0, 0.3, 0.0], [0.0, 0.0, 0.9]]
    assert ((1,), (1,)) in pairs(beads.align_pair(TableSignal(table), PASSES))
    vetoed = beads.align_pair(TableSignal(table), PASSES, vet=lambda a, b: False)
    assert ((1,), (1,)) not in pairs(vetoed)


def test_the_gains_computed_a_band_of_columns_at_a_time_give_the_same_beads(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    base = rng.normal(size=(40, 16))
    a = base + rng.normal(scale=0.6, size=base.shape)
    b = np.repeat(base, 2, axis=0)[::3] + rng.normal(scale=0.6, size=(27, 16))  # splits, merges and gaps
    a = (a / np.linalg.norm(a, axis=1, keepdims=True)).astype(np.float32)
    b = (b / np.linalg.norm(b, axis=1, keepdims=True)).astype(np.float32)
    passes = Passes(bead=0.3, gap=0.1, reorder=0.5, max_split=4, max_merge=3, gap_limit=(3, 3), edge_gaps=True)
    whole = beads.bead_dp(Cosine.of(a, b), 0.3, passes)
    monkeypatch.setattr(beads, "GAIN_CELLS", 50)  # one or two columns per band
    banded = beads.bead_dp(Cosine.of(a, b), 0.3, passes)
    assert banded == whole
    assert any(len(x.a) > 1 or len(x.b) > 1 for x in whole)


def test_expected_places_follow_the_last_bead_before_a_sentence() -> None:
    found = [Bead((2,), (5,), 0.9), Bead((4, 5), (1,), 0.9)]  # A 4-5 moved to the start of B
    # Before every bead, by the first; from a bead on, one place per sentence after its last sentence (A 4, inside
    # the moved bead, one before B 1; A 6 right after it).
    assert beads.expected_places(found, 8) == [3, 4, 5, 6, 0, 1, 2, 3]
    assert beads.expected_places([], 3) == [0, 1, 2]


def test_of_equally_good_pairs_the_reordering_pass_takes_the_nearest() -> None:
    # A 2 reads the same as B 0 and B 12 (a repeated line); the beads before it put it at B 12.
    found = [Bead((0,), (10,), 0.9), Bead((1,), (11,), 0.9)]
    rows, cols, sim = np.array([2, 2]), np.array([0, 12]), np.array([1.0, 1.0])
    added = beads._reordered(found, rows, cols, sim, 3, 13, 0.6)[len(found) :]
    assert [(b.a, b.b) for b in added] == [((2,), (12,))]
