"""Cost of the structural subjectivity signal per sentence, beside the lexicon cues it complements.

Run: ``.venv/bin/python -m benchmarks.bench_subjectivity``. Both are timed uncached (the functions behind their
per-sentence caches) on the hand-written dev and held-out sentences, in the same process, so the ratio holds on a
loaded machine; the lexicon's own cost (``commentary.find_cues``) is the baseline.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import commentary_dev_set as dev
import commentary_heldout_set as heldout

from desktop.core.detect import commentary
from desktop.core.detect.subjectivity import cues

ROUNDS = 20


def _sentences(language: str) -> list[str]:
    prefix = language.upper()
    names = list(dict.fromkeys(n for n in (*vars(dev), *vars(heldout)) if n.startswith(prefix + "_")))
    found: list[str] = []
    for module in (dev, heldout):
        for name in names:
            found.extend(getattr(module, name, []))
    return found


def _per_sentence_ms(function: Callable[[str, str], object], sentences: list[str], language: str) -> float:
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for sentence in sentences:
            function(sentence, language)
    return (time.perf_counter() - start) / (ROUNDS * len(sentences)) * 1000


def main() -> None:
    lexicon = commentary._cues.__wrapped__
    signal = cues._signal.__wrapped__
    for language in ("en", "de"):
        sentences = _sentences(language)
        lexicon(sentences[0], language), signal(sentences[0], language)  # warm the lexicon and regex caches
        base = _per_sentence_ms(lexicon, sentences, language)
        extra = _per_sentence_ms(signal, sentences, language)
        print(
            f"{language}: {len(sentences)} sentences  lexicon cues {base:.3f} ms/sentence  "
            f"subjectivity signal {extra:.3f} ms/sentence  ratio {extra / base:.2f}"
        )


if __name__ == "__main__":
    main()
