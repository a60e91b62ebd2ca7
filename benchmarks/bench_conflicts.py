"""Where outlets disagree: precision and recall on the planted fixtures, and what finding conflicts costs.

Run: ``.venv/bin/python -m benchmarks.bench_conflicts [--quick]``.

1. The invented German and English stories of ``tests/conflict_fixtures.py`` (planted conflicts of every kind
   and near-misses that are not conflicts) through ``desktop.core.pipeline.compare`` with the combined matcher:
   precision, recall and what was missed or reported in error.
2. ``conflicts.find_conflicts`` timed on a finished comparison of synthetic articles
   (``benchmarks/synthetic_articles.py``: numbers and names varied as outlets vary them, so there is plenty to
   compare), beside the ``compare`` run that produced it: the share of the pipeline it adds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.synthetic_articles import Sizes, articles
from desktop.core.detect import conflicts
from desktop.core.detect.conflicts import reading
from desktop.core.engine import Engine
from desktop.core.model import Settings
from desktop.core.pipeline import compare

ROOT = Path(__file__).resolve().parents[1]


def fixtures() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from conflict_fixtures import score  # the fixtures live with the tests that pin the bars

    result = score()
    print(
        f"fixtures: {result.planted} planted conflicts, {result.near_misses} near-misses; "
        f"found {result.true_positives}, false alarms {result.false_positives}, missed {result.false_negatives}"
    )
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}")
    for miss in result.misses:
        print("  missed:", miss)
    for alarm in result.false_alarms:
        print("  false alarm:", alarm)


def cost(sizes: Sizes, rounds: int = 2) -> None:
    """``compare`` with and without the conflict stage, alternating, best of ``rounds`` each (the other stages'
    caches are warm after the first round, so the share is if anything overstated)."""
    found = articles(sizes)
    engine = Engine()  # one for all rounds, as the app keeps one for its runs
    start = time.perf_counter()
    first = compare(found, Settings(), engine=engine)
    cold = time.perf_counter() - start
    reading.sentence_reading.cache_clear()
    start = time.perf_counter()
    conflicts.find_conflicts(first.articles, first.groups)
    own = time.perf_counter() - start
    print(
        f"{sizes.name} ({sizes.language}), first run: compare {cold:.2f} s, of which finding conflicts {own:.2f} s "
        f"(+{100 * own / (cold - own):.1f} % on the other stages)"
    )
    real = conflicts.find_conflicts
    with_stage, without = [], []
    comparison = None
    for _ in range(rounds):
        conflicts.find_conflicts = lambda *_args: ()  # type: ignore[assignment]
        start = time.perf_counter()
        compare(found, Settings(), engine=engine)
        without.append(time.perf_counter() - start)
        conflicts.find_conflicts = real
        reading.sentence_reading.cache_clear()  # each sentence read afresh, as in a first comparison
        start = time.perf_counter()
        comparison = compare(found, Settings(), engine=engine)
        with_stage.append(time.perf_counter() - start)
    assert comparison is not None
    base, full = min(without), min(with_stage)
    print(
        f"{sizes.name} ({sizes.language}), warm re-runs: compare {base:.2f} s without conflicts, {full:.2f} s with "
        f"(+{100 * (full - base) / base:.1f} %); {len(comparison.conflicts)} conflicts in "
        f"{len(comparison.groups)} groups"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 × 1,000 sentences instead of 2 × 10,000")
    options = parser.parse_args()
    fixtures()
    cost(Sizes("2 × 1,000", 2, 1_000) if options.quick else Sizes("2 × 10,000", 2, 10_000))


if __name__ == "__main__":
    main()
