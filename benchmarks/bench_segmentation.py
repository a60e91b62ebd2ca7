"""Segmenting a megabyte of news text, against sentencex and a bare regex split in the same process.

Run: ``.venv/bin/python benchmarks/bench_segmentation.py [--megabytes N]``. The text is the bundled German and
English samples repeated (blank-line paragraphs, headlines, credits, abbreviations), once as laid out and once
as a single unbroken paragraph (the worst case for quote and credit lookups). Prints seconds (best of three)
and the ratio to each baseline; sentencex is native code, so it is the floor, not the target.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from sentencex import segment as sentencex_segment

from desktop.core.resources import sample_paths
from desktop.core.text.segmentation import segment

_NAIVE = re.compile(r"(?<=[.!?])\s+")


def corpus(language: str, size: int) -> str:
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sample_paths(language)) + "\n\n"
    return (base * (size // len(base) + 1))[:size]


def best_of_three(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    segment("Warm-up. Lexicons load here.", "de")
    segment("Warm-up. Lexicons load here.", "en")
    for language in ("de", "en"):
        for layout in ("paragraphs", "one paragraph"):
            text = corpus(language, size)
            if layout == "one paragraph":
                text = text.replace("\n", " ")
            count = len(segment(text, language))
            ours = best_of_three(lambda t=text, lang=language: segment(t, lang))
            native = best_of_three(lambda t=text, lang=language: list(sentencex_segment(lang, t)))
            naive = best_of_three(lambda t=text: _NAIVE.split(t))
            print(
                f"{language} {layout:13} {len(text) / 1e6:.1f} MB, {count:6d} sentences: {ours:.3f} s "
                f"({ours / native:.0f}x sentencex {native:.3f} s, {ours / naive:.0f}x regex split {naive:.3f} s)"
            )
    presegmented = corpus("de", size)
    lines = presegmented.count("\n")
    took = best_of_three(lambda: segment(presegmented, "de", presegmented=True))
    print(f"de presegmented {len(presegmented) / 1e6:.1f} MB, {lines} lines: {took:.3f} s")


if __name__ == "__main__":
    main()
