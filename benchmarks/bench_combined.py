"""The combined matcher against the fuzzy one, process start to JSON, wall time and peak memory.

Run: ``.venv/bin/python -m benchmarks.bench_combined [--quick]``.

Each case writes its articles to files and runs ``main.py compare … --json`` in a fresh process twice: with
``--match fuzzy`` (the baseline, same run) and with ``--match combined``; the ratio is combined / fuzzy. Peak
memory is the child's maximum resident set (``ru_maxrss``). Inputs: the bundled English samples, and synthetic
news-like articles from ``benchmarks/synthetic_articles.py`` (the samples' sentences varied in numbers, names,
wording and order). Each run starts with an empty embedding cache (a new process), so the encoder's cost is in.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic_articles import Sizes, articles

ROOT = Path(__file__).resolve().parents[1]


def run(files: list[str], match: str, out: str) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one compare process (its own rusage, through ``os.wait4``)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "main.py", "compare", *files, "--match", match, "--json", out, "--quiet"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"compare --match {match} failed on {files[0]} …")
    return wall, usage.ru_maxrss / 1024


def case(label: str, files: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out.json")
        fuzzy, fuzzy_mb = run(files, "fuzzy", out)
        combined, combined_mb = run(files, "combined", out)
    print(
        f"{label:34s} fuzzy {fuzzy:6.2f} s {fuzzy_mb:6.0f} MB | combined {combined:6.2f} s {combined_mb:6.0f} MB "
        f"| {combined / fuzzy:4.1f}x"
    )


def synthetic(sizes: Sizes, folder: str) -> list[str]:
    paths = []
    for article in articles(sizes):
        path = Path(folder) / f"{sizes.name}-{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(str(path))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip 2 × 10,000")
    args = parser.parse_args()
    samples = [str(p) for p in sorted((ROOT / "resources" / "samples" / "en").glob("*.txt"))]
    case("bundled samples (en, 3 articles)", samples)
    sizes = [Sizes("3x300", 3, 300, "en"), Sizes("2x1000", 2, 1000, "en"), Sizes("5x300", 5, 300, "de")]
    if not args.quick:
        sizes.append(Sizes("2x10000", 2, 10_000, "de"))
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            case(f"{size.articles} x {size.sentences} sentences ({size.language})", synthetic(size, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
