"""Process start to JSON on long pre-split documents, the HTML export and the bundled samples, with baselines.

Run: ``.venv/bin/python -m benchmarks.bench_end_to_end [--quick] [--big]``.

Inputs are two pre-split documents (one sentence a line, ``--presegmented``) grown from the sample articles'
sentences (``benchmarks/synthetic_articles.py``: numbers and names varied, so a long document has a large
vocabulary): the second is the first with 15 % of sentences reworded, 8 % deleted, 8 % new ones inserted and
10 % moved in blocks of five, so the true pairs are known. Every figure is a fresh process (wall seconds and its
peak resident memory through ``os.wait4``), printed beside a baseline run in the same session:

- **naive**: a Python process that reads both files and pairs each sentence of B with its best rapidfuzz
  ``extractOne`` (``fuzz.ratio`` ≥ 50) among A's, then writes the pairs as JSON — what one would write in an
  afternoon; it is skipped where it would take minutes (50,000 sentences);
- ``compare --match fuzzy`` (the default for two articles of one language) and ``--match combined``, with the
  pair F1 of each against the truth (pairs of A and B sentences sharing a group), and the default once more
  without ``--presegmented`` (the segmenter must recognise a file of one sentence a line);
- the same edits on two documents drawn uniformly from 300 made-up words, naive and fuzzy: every word there is
  too common for the aligner's index, the opposite of news and the kind of input a quick generator writes;
- a German document against its English translation (``bilingual_documents``), naive and with default
  settings, which match two languages by meaning, twice (the encoder reading every sentence, then their vectors
  cached), with the pair F1 of each; and a German document against two English ones, each edited on its own
  (``--three``, default settings against ``--match fuzzy`` in the same run, with each two articles' pair F1);
- the HTML report of the 10,000-sentence comparison, written from its JSON, against writing that JSON again in
  the same process;
- the bundled samples (``compare --json`` without files) against a Python process that writes the same files'
  sentences as JSON, with the vector cache as left by earlier runs and with it switched off (then the sentence
  encoder loads, as on a first run).

``--big`` adds 2 × 50,000 sentences, beyond the 25,000-sentence limit of an article, so that run lifts the limits
in-process before calling the same CLI entry point.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bilingual_documents import bilingual_pair, bilingual_trio
from benchmarks.synthetic_articles import Documents, _Varier, edited_pair, sample_sentences

ROOT = Path(__file__).resolve().parents[1]

NAIVE = """
import json, sys
from rapidfuzz import fuzz, process
a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
pairs = []
for j, sentence in enumerate(b):
    best = process.extractOne(sentence, a, scorer=fuzz.ratio, score_cutoff=50)
    if best is not None:
        pairs.append([best[2], j])
json.dump(pairs, open(sys.argv[3], "w"))
"""

BARE = """
import json, re, sys
json.dump([re.split(r"(?<=[.!?])\\s+", open(f, encoding="utf-8").read()) for f in sys.argv[2:]], open(sys.argv[1], "w"))
"""

BIG = """
import sys
from desktop.core.sources import loading
from desktop.core.text import segmentation
loading.MAX_TEXT_CHARS = 10**9
segmentation.MAX_SENTENCES = 10**7
from desktop.cli import run
run(sys.argv[1:])
"""

EXPORT = """
import sys, time
from desktop.export import jsonio
from desktop.export.html import write_html
comparison = jsonio.read_json(sys.argv[1])
start = time.perf_counter()
jsonio.write_json(comparison, sys.argv[2])
json_seconds = time.perf_counter() - start
start = time.perf_counter()
write_html(comparison, sys.argv[3])
print(json_seconds, time.perf_counter() - start)
"""


def presplit_pair(n: int, folder: Path, seed: int = 11, language: str = "de") -> Documents:
    """Two pre-split documents and the true (A line, B line) pairs."""
    rng = random.Random(seed)
    pool = sample_sentences(language)
    varier = _Varier(language, rng)
    return edited_pair(
        [varier.fresh(rng.choice(pool)) for _ in range(n)],
        varier.reword,
        lambda: varier.fresh(rng.choice(pool)),
        rng,
        folder / f"{n}-A.txt",
        folder / f"{n}-B.txt",
    )


def small_vocabulary_pair(n: int, folder: Path, seed: int = 7, words: int = 300) -> Documents:
    """Two pre-split documents of sentences drawn uniformly from ``words`` made-up words, edited the same way
    (a reworded sentence has a fifth of its words replaced): the kind of input a quick independent generator
    writes, and the opposite of news, whose rare words the aligner's index lives on. Here every word and 4-gram
    occurs in hundreds of sentences."""
    rng = random.Random(seed)
    syllables = ("ka", "ber", "lin", "mo", "ra", "ten", "dor", "vi", "sel", "hau", "gro", "nes", "tal", "wen")
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(words)})

    def fresh() -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 28))).capitalize() + "."

    def reword(sentence: str) -> str:
        tokens = sentence[:-1].split()
        for _ in range(max(1, len(tokens) // 5)):
            tokens[rng.randrange(len(tokens))] = rng.choice(vocabulary)
        return " ".join(tokens) + "."

    base = [fresh() for _ in range(n)]
    return edited_pair(base, reword, fresh, rng, folder / f"{n}-small-A.txt", folder / f"{n}-small-B.txt")


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command[:6])} …")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def f1(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> float:
    hits = len(found & truth)
    return 2 * hits / (len(found) + len(truth)) if found or truth else 1.0


def compared_pairs(path: Path, first: str = "A", second: str = "B") -> set[tuple[int, int]]:
    data = json.loads(path.read_text("utf-8"))
    return {
        (i, j) for g in data["alignments"] for i in g["members"].get(first, []) for j in g["members"].get(second, [])
    }


def long_documents(
    n: int, folder: Path, naive: bool, combined: bool, documents: Callable[..., Documents] = presplit_pair
) -> Path:
    a, b, truth = documents(n, folder)
    out = folder / f"{a.stem}.json"
    label = f"2 x {n:,}" + ("" if documents is presplit_pair else ", 300 words")
    cli = [sys.executable, "-c", BIG] if n > 25_000 else [sys.executable, "main.py"]
    if naive:
        naive_out = folder / f"{a.stem}-naive.json"
        naive_s, naive_mb = run([sys.executable, "-c", NAIVE, str(a), str(b), str(naive_out)])
        naive_f1 = f1({(i, j) for i, j in json.loads(naive_out.read_text())}, truth)
        print(f"{label:12} naive extractOne      {naive_s:7.2f} s {naive_mb:6.0f} MB  F1 {naive_f1:.3f}")
    else:
        naive_s = 0.0
    # (what is printed, the options): the last run leaves out --presegmented, as a user who does not know it
    # would, so the files' lines must be recognised as their sentences.
    runs = [("--match fuzzy", ["--presegmented", "--match", "fuzzy"])]
    if combined:
        runs += [("--match combined", ["--presegmented", "--match", "combined"]), ("(lines undeclared)", [])]
    for number, (name, options) in enumerate(runs):
        target = out if number == 0 else folder / f"{a.stem}-{number}.json"
        seconds, mb = run([*cli, "compare", str(a), str(b), *options, "--json", str(target), "--quiet"])
        ratio = f"{seconds / naive_s:5.2f}x naive" if naive_s else "naive skipped"
        score = f1(compared_pairs(target), truth)
        print(f"{label:12} compare {name:18} {seconds:6.2f} s {mb:6.0f} MB  F1 {score:.3f}  {ratio}")
    return out


def two_languages(n: int, folder: Path, naive: bool) -> None:
    """A German document and its English translation (``bilingual_documents``: 8 % of sentences deleted, 8 %
    inserted, 10 % moved), compared twice with default settings, which match two languages by meaning: first the
    encoder reads every sentence, then their vectors are in the run's own cache. Past the size the combined
    aligner can score, the semantic aligner runs, segment by segment."""
    a, b, truth = bilingual_pair(n, folder / "two-languages")
    out = folder / "two-languages.json"
    label = f"2 x {n:,}, de/en"
    if naive:
        naive_s, naive_mb = run([sys.executable, "-c", NAIVE, str(a), str(b), str(folder / "two-naive.json")])
        naive_f1 = f1({(i, j) for i, j in json.loads((folder / "two-naive.json").read_text())}, truth)
        print(f"{label:12} naive extractOne      {naive_s:7.2f} s {naive_mb:6.0f} MB  F1 {naive_f1:.3f}")
    # A vector cache of this run's own: the first compare encodes every sentence, the second finds them cached.
    env = dict(os.environ, PARALLAX_VECTOR_CACHE=str(folder / "two-languages-vectors.sqlite3"))
    for vectors in ("encoded", "cached"):
        command = [sys.executable, "main.py", "compare", str(a), str(b), "--presegmented", "--json", str(out)]
        seconds, mb = run(command, env)
        ratio = f"{seconds / naive_s:5.2f}x naive" if naive else "naive skipped"
        matched_by, score = json.loads(out.read_text("utf-8"))["matched_by"], f1(compared_pairs(out), truth)
        name = f"({matched_by}, {vectors})"
        print(f"{label:12} compare {name:18} {seconds:6.2f} s {mb:6.0f} MB  F1 {score:.3f}  {ratio}")


def three_articles(n: int, folder: Path) -> None:
    """A German document and two English ones (``bilingual_documents.bilingual_trio``), with default settings (each
    with a vector cache of its own, empty) against ``--match fuzzy``, which pairs next to nothing across the
    languages but is the cheapest run of the same three files."""
    paths, truths = bilingual_trio(n, folder / "three-articles")
    out = folder / "three-articles.json"
    label = f"3 x {n:,}, de/en/en"
    fuzzy_s = 0.0
    for name, options in (("fuzzy", ["--match", "fuzzy"]), ("default", [])):
        env = dict(os.environ, PARALLAX_VECTOR_CACHE=str(folder / f"three-{name}-vectors.sqlite3"))
        command = [sys.executable, "main.py", "compare", *map(str, paths), "--presegmented", "--json", str(out)]
        seconds, mb = run([*command, "--quiet", *options], env)
        fuzzy_s = fuzzy_s or seconds
        scores = " ".join(
            f"{'ABC'[a]}{'ABC'[b]} {f1(compared_pairs(out, 'ABC'[a], 'ABC'[b]), truth):.3f}"
            for (a, b), truth in truths.items()
        )
        matched_by = json.loads(out.read_text("utf-8"))["matched_by"]
        print(
            f"{label:12} compare ({matched_by:8}) {seconds:7.2f} s {mb:6.0f} MB  F1 {scores}  "
            f"{seconds / fuzzy_s:5.2f}x fuzzy"
        )


def export(json_path: Path, folder: Path) -> None:
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", EXPORT, str(json_path), str(folder / "again.json"), str(folder / "report.html")],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    json_s, html_s = (float(x) for x in child.stdout.split())
    print(
        f"HTML export of the 2 x 10,000 comparison: {html_s:.2f} s ({html_s / json_s:.1f}x writing its JSON, "
        f"{json_s:.2f} s; process {time.perf_counter() - start:.2f} s)"
    )


def samples(folder: Path) -> None:
    files = sorted(str(p) for p in (ROOT / "resources" / "samples" / "en").glob("*.txt"))
    bare_s, _ = min(run([sys.executable, "-c", BARE, str(folder / "bare.json"), *files]) for _ in range(3))
    warm = min(
        run([sys.executable, "main.py", "compare", "--json", str(folder / "s.json"), "--quiet"]) for _ in range(3)
    )
    cold_env = dict(os.environ, PARALLAX_VECTOR_CACHE="off")
    cold = min(
        run([sys.executable, "main.py", "compare", "--json", str(folder / "s.json"), "--quiet"], cold_env)
        for _ in range(2)
    )
    print(
        f"samples, start to JSON: {warm[0]:.2f} s {warm[1]:.0f} MB "
        f"({warm[0] / bare_s:.1f}x a bare split-to-JSON process, {bare_s:.2f} s)"
    )
    print(f"samples, vector cache off (the encoder loads): {cold[0]:.2f} s {cold[1]:.0f} MB ({cold[0] / bare_s:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2 x 1,000 instead of 2 x 10,000, no export")
    parser.add_argument("--big", action="store_true", help="also 2 x 50,000 (limits lifted in-process)")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument("--three", action="store_true", help="also a German document against two English ones")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        samples(folder)
        size = 1_000 if args.quick else 10_000
        ten = long_documents(size, folder, naive=not args.no_naive, combined=True)
        long_documents(size, folder, naive=not args.no_naive, combined=False, documents=small_vocabulary_pair)
        two_languages(size, folder, naive=not args.no_naive)
        if args.three:
            three_articles(size, folder)
        if not args.quick:
            export(ten, folder)
        if args.big:
            long_documents(50_000, folder, naive=False, combined=False)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
