"""The whole pipeline, stage by stage, on long documents and many articles; end-to-end CLI and app start-up.

Run: ``.venv/bin/python -m benchmarks.bench_pipeline [--quick] [--skip-app]``.

Inputs come from ``benchmarks/synthetic_articles.py``: the sample articles' sentences, varied (numbers,
names, wording, order), so facts, commentary and segmentation see real prose. Each ``compare`` run is split
into its stages by wrapping the functions ``desktop.core.pipeline`` calls (language detection, segmentation,
alignment, group building with word diffs, sentence classification with commentary, facts); nothing in the
pipeline knows it is being timed. Every figure is printed beside a baseline run in the same process, so the
ratios hold on a loaded machine:

- **split + difflib**: a regex sentence splitter, ``difflib.SequenceMatcher`` aligning each article's
  sentences to the reference's, and a difflib word diff per aligned pair — the least a comparison can do;
- **JSON**: writing and reading back the comparison's JSON (a floor for anything that touches every sentence);
- end-to-end: a Python process that reads the files and writes their sentences as JSON, and a bare Qt
  process that paints one label offscreen.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.synthetic_articles import CASES, Sizes, articles
from desktop.core import pipeline
from desktop.core.align import matching, worddiff
from desktop.core.detect import commentary, omissions, sentences
from desktop.core.engine import Engine
from desktop.core.model import Article, Comparison, Settings
from desktop.core.text import segmentation
from desktop.core.text.facts import extraction as facts_extraction
from desktop.export import jsonio

ROOT = Path(__file__).resolve().parents[1]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORDS = re.compile(r"\w+|\W")


@dataclass(slots=True)
class Clock:
    """Wall and CPU seconds per stage of one ``compare`` run."""

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, wall: float, cpu: float) -> None:
        self.wall[stage] = self.wall.get(stage, 0.0) + wall
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu


STAGES = ("language", "segment", "keys", "align", "word diff", "commentary", "facts", "summary", "total")


def _timed(clock: Clock, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            clock.add(stage, time.perf_counter() - wall, time.process_time() - cpu)

    return wrapper


@contextmanager
def stage_clock(clock: Clock) -> Iterator[None]:
    """Wrap the stage functions ``compare`` looks up at call time; restore them afterwards."""
    patches = [
        (pipeline, "detect_language", "language"),
        (segmentation, "segment", "segment"),
        (matching, "align_sentences", "align"),
        (pipeline, "build_group", "word diff"),
        (sentences, "classify_sentences", "commentary"),
        (omissions, "find_facts", "facts"),
        (pipeline, "summarise", "summary"),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, stage in patches:
        setattr(module, name, _timed(clock, stage, getattr(module, name)))
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def forget() -> None:
    """Empty the stages' per-text memories (furniture checks, cues, labels, attributed ranges, structural cues,
    facts, conflict readings, word diffs), so each case is measured as a fresh app would run it (a fresh
    ``Engine`` holds no sentence spans or fact indexes); word-level memories and loaded lexicons stay warm."""
    from desktop.core.detect.conflicts import reading
    from desktop.core.detect.subjectivity import cues
    from desktop.core.text.roles import furniture

    for module, name in (
        (furniture, "obvious_reason_of"),
        (commentary, "_cues"),
        (commentary, "_labels"),
        (commentary, "_attributed_spans"),
        (commentary, "_commentary_matches"),
        (cues, "_signal"),
        (facts_extraction, "_extract_facts"),
        (facts_extraction, "_name_candidates"),
        (facts_extraction, "_claims_before_names"),
        (reading, "sentence_reading"),
        (worddiff, "_word_diff"),
    ):
        getattr(module, name).cache_clear()  # a renamed memory fails here instead of staying warm unnoticed


def timed_compare(
    arts: Sequence[Article], settings: Settings, engine: Engine | None = None
) -> tuple[Comparison, Clock]:
    """``compare`` with its stages timed; "keys" is what stage 1→2 spends outside the aligner."""
    clock = Clock()
    marks: dict[int, tuple[float, float]] = {}

    def progress(done: int, _total: int) -> None:
        marks[done] = (time.perf_counter(), time.process_time())

    with stage_clock(clock):
        wall, cpu = time.perf_counter(), time.process_time()
        comparison = pipeline.compare(arts, settings, progress=progress, engine=engine)
        clock.add("total", time.perf_counter() - wall, time.process_time() - cpu)
    keys_wall = marks[2][0] - marks[1][0] - clock.wall.get("align", 0.0)
    keys_cpu = marks[2][1] - marks[1][1] - clock.cpu.get("align", 0.0)
    clock.add("keys", keys_wall, keys_cpu)
    return comparison, clock


# --- baselines ----------------------------------------------------------------------------------------------


def baseline_compare(arts: Sequence[Article]) -> int:
    """Split, align each article to the first with difflib, word-diff every aligned pair; returns pair count."""
    sentences = [[s for s in _SENTENCE_END.split(a.text) if s.strip()] for a in arts]
    reference = sentences[0]
    pairs = 0
    for other in sentences[1:]:
        matcher = difflib.SequenceMatcher(None, reference, other, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or tag == "replace":
                for a, b in zip(reference[i1:i2], other[j1:j2], strict=False):
                    difflib.SequenceMatcher(None, _WORDS.findall(a), _WORDS.findall(b)).get_opcodes()
                    pairs += 1
    return pairs


def json_round_trip(comparison: Comparison) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.json"
        start = time.process_time()
        jsonio.write_json(comparison, path)
        jsonio.read_json(path)
        return time.process_time() - start


def cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


# --- reports ------------------------------------------------------------------------------------------------


def best(clocks: Sequence[Clock]) -> Clock:
    """Each stage's fastest run: on a shared machine the minimum is the figure least disturbed by others."""
    merged = Clock()
    for stage in clocks[0].cpu:
        merged.cpu[stage] = min(c.cpu.get(stage, 0.0) for c in clocks)
        merged.wall[stage] = min(c.wall.get(stage, 0.0) for c in clocks)
    return merged


def report_case(sizes: Sizes, runs: int) -> None:
    arts = articles(sizes)
    clocks = []
    for _ in range(runs):
        forget()
        comparison, clock = timed_compare(arts, Settings(match="fuzzy"))
        clocks.append(clock)
    clock = best(clocks)
    baseline = min(cpu_seconds(lambda: baseline_compare(arts)) for _ in range(runs))
    json_cpu = min(json_round_trip(comparison) for _ in range(runs))
    total = clock.cpu["total"]
    stages = "  ".join(f"{s} {clock.cpu.get(s, 0.0):.2f}" for s in STAGES[:-1])
    print(
        f"{sizes.name:11} CPU {total:6.2f} s (wall {clock.wall['total']:6.2f}, best of {runs})  "
        f"{total / baseline:5.1f}x split+difflib ({baseline:.2f} s)  {total / json_cpu:5.1f}x JSON ({json_cpu:.2f} s)"
    )
    print(f"{'':11} stages (CPU s): {stages}")
    non_alignment = total - clock.cpu.get("align", 0.0)
    print(f"{'':11} everything but the aligner: {non_alignment:.2f} s ({non_alignment / baseline:.1f}x baseline)")


def report_realign(sizes: Sizes) -> None:
    """What the app does when the threshold slider moves: the same articles compared again."""
    arts = articles(sizes)
    forget()
    engine = Engine()  # the app's session keeps one for its runs
    first, first_clock = timed_compare(arts, Settings(match="fuzzy", threshold=0.5), engine)
    _, again = timed_compare(arts, Settings(match="fuzzy", threshold=0.6), engine)
    align = again.cpu.get("align", 0.0)
    print(
        f"re-align {sizes.name}: threshold 0.5 → 0.6 in {again.cpu['total']:.2f} s CPU (first run "
        f"{first_clock.cpu['total']:.2f} s; aligner {align:.2f} s, the rest {again.cpu['total'] - align:.2f} s; "
        f"{again.cpu['total'] / json_round_trip(first):.1f}x JSON round trip)"
    )


def _run(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True)
    return time.perf_counter() - start


_BASELINE_SCRIPT = """
import json, re, sys
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
out = [[s for s in re.split(r"(?<=[.!?])\\s+|\\n+", t) if s.strip()] for t in texts]
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(out))
"""

_BARE_QT_SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Parallax")
label.show()
label.grab()
"""


def best_of(runs: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(runs))


def report_cli() -> None:
    python = sys.executable
    samples = [str(p) for p in sorted((ROOT / "resources" / "samples" / "en").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "out.json")
        ours = best_of(3, lambda: _run([python, "main.py", "compare", *samples, "--json", out, "--quiet"]))
        plain = best_of(3, lambda: _run([python, "-c", _BASELINE_SCRIPT, out, *samples]))
    print(
        f"CLI samples (en, 3 articles), process start to JSON written: {ours:.2f} s wall "
        f"({ours / plain:.1f}x a Python process splitting them to JSON, {plain:.2f} s)"
    )


def _app_env(folder: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PARALLAX_QUIT_AFTER_MS="120000",
        PARALLAX_DB=str(Path(folder) / "library.db"),
        PARALLAX_RECOVERY_DIR=str(Path(folder) / "recovery"),
        XDG_CONFIG_HOME=str(Path(folder) / "config"),
        XDG_DATA_HOME=str(Path(folder) / "data"),
        XDG_STATE_HOME=str(Path(folder) / "state"),
    )
    return env


def report_app(sizes: Sizes) -> None:
    """App start to first painted comparison (``PARALLAX_QUIT_AFTER_MS`` closes it after the first paint)."""
    python = sys.executable
    samples = [str(p) for p in sorted((ROOT / "resources" / "samples" / "en").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        env = _app_env(folder)
        bare = best_of(3, lambda: _run([python, "-c", _BARE_QT_SCRIPT], env))
        ours = best_of(3, lambda: _run([python, "main.py", *samples], env))
        files = []
        for article in articles(sizes):
            path = Path(folder) / f"{article.id}.txt"
            path.write_text(article.text, encoding="utf-8")
            files.append(str(path))
        large = _run([python, "main.py", *files], env)
    print(
        f"app start to first painted comparison, samples (en): {ours:.2f} s wall "
        f"({ours / bare:.1f}x a bare Qt process painting a label, {bare:.2f} s)"
    )
    print(f"app start to first painted comparison, {sizes.name}: {large:.2f} s wall ({large / bare:.1f}x bare Qt)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip 2 × 10,000")
    parser.add_argument("--skip-app", action="store_true", help="no CLI and app subprocess figures")
    parser.add_argument("--runs", type=int, default=3, help="runs per case, at most 2 for 10,000 (best counts)")
    args = parser.parse_args(argv)
    pipeline.compare(articles(Sizes("warm-up", 2, 40)), Settings(match="fuzzy"))  # lexicons load here
    for sizes in CASES:
        if args.quick and sizes.sentences > 5_000:
            continue
        report_case(sizes, min(args.runs, 2) if sizes.sentences > 5_000 else args.runs)
    report_realign(Sizes("5 × 500", 5, 500))
    if not args.skip_app:
        report_cli()
        report_app(Sizes("5 × 500", 5, 500))
    return 0


if __name__ == "__main__":
    sys.exit(main())
