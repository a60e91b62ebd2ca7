"""Semantic matching speed: encoder load, embedding 1,000 and 10,000 sentences, the semantic aligner, and what
it adds to ``compare`` — each beside the fuzzy path measured in the same process (and the same machine load).

Run: ``.venv/bin/python -m benchmarks.bench_semantic [--quick]`` (``--quick`` skips the 10,000-sentence run).

Sentences are built from the bundled samples' sentences with a running number appended, so none repeats and the
per-process cache never answers. Cold figures are whole ``main.py compare`` processes; warm ones are ``compare``
calls in this process after the model is loaded.

Measured 2026-11-25 on the 2-core machine under load (load average 5–8, so figures vary up to 2×): encoder load
2.1 s; 1,000 sentences 4.5 s (4.5 ms each), 10,000 sentences 20.0 s (2.0 ms each), 0.08 s again from the cache;
aligner 1,000 × 1,000 vectors 0.48 s; warm compare of the German samples auto 1.00× fuzzy; a new
``compare`` process on the German/English pair 2.6 s semantic against 0.75 s fuzzy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from desktop.core.align import embeddings, semantic_alignment
from desktop.core.engine import Engine
from desktop.core.model import Settings
from desktop.core.pipeline import compare
from desktop.core.resources import resource_path
from desktop.core.sources.loading import load_article
from desktop.core.text import segmentation

ROOT = Path(__file__).resolve().parents[1]


def timed(run: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def sample_sentences() -> list[str]:
    found = []
    for folder in ("de", "en", "cross"):
        for path in sorted(resource_path("samples", folder).glob("*.txt")):
            article = load_article(str(path), "A")
            language = "de" if folder == "de" or path.name.endswith("-de.txt") else "en"
            spans = segmentation.segment(article.text, language)
            found += [article.text[s.start : s.end] for s in spans]
    return found


def sentences(count: int, base: list[str], offset: int) -> list[str]:
    return [f"{base[n % len(base)]} ({offset + n})" for n in range(count)]


def articles(folder: str, names: tuple[str, ...]) -> list:
    return [load_article(str(resource_path("samples", folder, n)), chr(65 + i)) for i, n in enumerate(names)]


def cold(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "main.py", "compare", "--quiet", *args], cwd=ROOT, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-sentence run")
    quick = parser.parse_args().quick

    base = sample_sentences()
    mean_chars = sum(map(len, base)) / len(base)
    print(f"sentences built from {len(base)} sample sentences, {mean_chars:.0f} characters on average")

    encoder = embeddings.Encoder()
    load = timed(lambda: encoder.encode(["Warm-up."]))
    print(f"encoder load + first sentence: {load:.2f} s")

    sizes = [1_000] if quick else [1_000, 10_000]
    for size in sizes:
        texts = sentences(size, base, offset=size * 10)
        seconds = timed(lambda texts=texts: encoder.encode(texts))
        again = timed(lambda texts=texts: encoder.encode(texts))
        print(
            f"embed {size:>6,} sentences: {seconds:6.2f} s ({1000 * seconds / size:.2f} ms a sentence); "
            f"again from the cache {again:.3f} s"
        )

    rng = np.random.default_rng(7)
    for size in (300, 1_000):
        a = encoder.encode(sentences(size, base, offset=1))
        b = a[rng.permutation(size)] if size <= 300 else a
        seconds = timed(lambda a=a, b=b: semantic_alignment.align([a, b], languages=["de", "en"]))
        print(f"semantic aligner, {size:,} × {size:,} sentences (vectors given): {seconds:.2f} s")

    german = articles("de", ("1-agentur.txt", "2-kommentar.txt", "3-kurzmeldung.txt"))
    cross = articles("cross", ("1-de.txt", "2-en.txt"))
    engine = Engine()  # the runs share one, as the app's runs do
    fuzzy = timed(lambda: compare(german, Settings(match="fuzzy"), engine=engine), repeat=5)
    auto = timed(lambda: compare(german, Settings(match="auto"), engine=engine), repeat=5)
    both = timed(lambda: compare(german, Settings(match="both"), engine=engine), repeat=5)
    fuzzy_cross = timed(lambda: compare(cross, Settings(match="fuzzy"), engine=engine), repeat=5)
    semantic_cross = timed(lambda: compare(cross, Settings(match="auto"), engine=engine), repeat=5)
    print("compare in process (warm, best of 5), ratio to fuzzy on the same articles:")
    print(
        f"  German samples ×3, fuzzy {fuzzy:.3f} s · auto {auto:.3f} s ({auto / fuzzy:.2f}×) · "
        f"both {both:.3f} s ({both / fuzzy:.2f}×)"
    )
    print(
        f"  German/English pair, fuzzy {fuzzy_cross:.3f} s · auto→semantic {semantic_cross:.3f} s "
        f"({semantic_cross / fuzzy_cross:.2f}×)"
    )

    de_files = [str(resource_path("samples", "de", n)) for n in ("1-agentur.txt", "2-kommentar.txt")]
    cross_files = [str(resource_path("samples", "cross", n)) for n in ("1-de.txt", "2-en.txt")]
    fuzzy_cold = min(cold(de_files) for _ in range(3))
    auto_cross_cold = min(cold(cross_files) for _ in range(3))
    fuzzy_cross_cold = min(cold([*cross_files, "--match", "fuzzy"]) for _ in range(3))
    print("compare as a new process (best of 3):")
    print(f"  German pair (auto = fuzzy) {fuzzy_cold:.2f} s")
    print(
        f"  German/English pair, fuzzy {fuzzy_cross_cold:.2f} s · auto→semantic {auto_cross_cold:.2f} s "
        f"({auto_cross_cold / fuzzy_cross_cold:.2f}×, the model load included)"
    )


if __name__ == "__main__":
    main()
