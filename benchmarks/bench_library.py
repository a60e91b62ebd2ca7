"""Saving and reopening a comparison of 5 × 1,000 sentences in the library, against plain JSON in the same process.

Run: ``.venv/bin/python benchmarks/bench_library.py [--sentences N] [--articles K]``. Prints seconds and the
ratio of each library step to ``json.dumps``/``json.loads`` of the same comparison (the JSON contract).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.model import Article, Comparison
from desktop.core.pipeline import compare
from desktop.export import from_dict, read_json, to_dict, write_json
from desktop.library import open_library

NAMES = ["Northwood", "Keller", "Amsel", "Brandt", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haas", "Ricci"]
OPINION = ["shameful", "brave", "disastrous", "welcome", "outrageous", "admirable"]
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "pel", "dru", "sen", "ol", "fi", "gra", "mun", "te", "zu", "bar"]


def vocabulary(rng: random.Random, size: int = 600) -> list[str]:
    """Pseudo-words, so sentences differ as much as real ones do and the aligner has real work."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(words)


def base_sentences(count: int, rng: random.Random) -> list[str]:
    words = vocabulary(rng)
    sentences = []
    for _ in range(count):
        body = rng.sample(words, rng.randint(10, 18))
        if rng.random() < 0.2:
            body.insert(rng.randrange(len(body)), rng.choice(NAMES))
        if rng.random() < 0.2:
            body.insert(rng.randrange(len(body)), str(rng.randint(2, 900)))
        body[0] = body[0].capitalize()
        sentences.append(" ".join(body) + ".")
    return sentences


def outlet_text(base: list[str], rng: random.Random) -> str:
    """Most sentences shared, some reworded or opinionated, some replaced, so every result table fills up."""
    out = []
    for sentence in base:
        roll = rng.random()
        if roll < 0.55:
            out.append(sentence)
        elif roll < 0.8:
            words = sentence.split()
            words.insert(len(words) // 2, rng.choice(OPINION))
            out.append(" ".join(words))
        elif roll < 0.9:
            out.append(f"Critics called it {rng.choice(OPINION)} and {rng.choice(OPINION)} once again.")
        # else: this outlet leaves the sentence out
    return " ".join(out)


def build_comparison(articles: int, sentences: int) -> Comparison:
    rng = random.Random(20261125)
    base = base_sentences(round(sentences / 0.9), rng)  # each outlet leaves out a tenth
    loaded = [
        Article(chr(65 + i), f"outlet-{i}.txt", outlet_text(base, rng), source=f"Outlet {i}", language="en")
        for i in range(articles)
    ]
    return compare(loaded)


def timed(step: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = step()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--cache", metavar="FILE.json", help="reuse (or write) the compared result, to skip compare")
    args = parser.parse_args()

    started = time.perf_counter()
    if args.cache and Path(args.cache).exists():
        comparison = read_json(args.cache)
    else:
        comparison = build_comparison(args.articles, args.sentences)
        if args.cache:
            write_json(comparison, args.cache)
    compare_seconds = time.perf_counter() - started
    rows = {
        "sentences": sum(len(r.sentences) for r in comparison.articles),
        "groups": len(comparison.groups),
        "facts": len(comparison.facts),
    }
    how = "read from cache" if args.cache and compare_seconds < 5 else "compared"
    print(f"{how}: {compare_seconds:.2f} s for {args.articles} × {args.sentences} sentences -> {rows}")

    json_save, text = timed(lambda: json.dumps(to_dict(comparison), ensure_ascii=False))
    json_load, again = timed(lambda: from_dict(json.loads(text)))
    assert again == comparison

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        store = open_library(path)
        save_seconds, cid = timed(lambda: store.save(comparison, "bench"))
        update_seconds, _ = timed(lambda: store.update(cid, comparison))
        load_seconds, loaded = timed(lambda: store.load(cid))
        assert loaded == comparison
        store.db.close()

        def reopen() -> Comparison:
            fresh = open_library(path)
            try:
                return fresh.load(cid)
            finally:
                fresh.db.close()

        reopen_seconds, reopened = timed(reopen)
        assert reopened == comparison
        size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob("library.sqlite3-*"))

    print(f"json baseline: dumps {json_save * 1000:.0f} ms ({len(text) / 1e6:.1f} MB), loads {json_load * 1000:.0f} ms")
    for label, seconds, baseline in (
        ("library save (new)", save_seconds, json_save),
        ("library update (replace results)", update_seconds, json_save),
        ("library load", load_seconds, json_load),
        ("open library + load", reopen_seconds, json_load),
    ):
        print(f"{label:34} {seconds * 1000:7.0f} ms  = {seconds / baseline:5.1f} × json")
    print(f"library file (with 3 saves, WAL): {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
