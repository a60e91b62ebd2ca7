"""Where the tests find the real inputs kept beside the checkout (``../shared``), relative to the repository so
that any clone finds them; tests that need them skip with a reason that ``-ra`` prints when they are absent."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED = SEEDS / "000_448bafacc2cc7a7a.txt"  # the real German article of the kind users bring
