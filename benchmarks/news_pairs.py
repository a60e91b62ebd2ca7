"""Two outlets at a time: every pair of same-language articles of the real-news sets, compared on their own.

    .venv/bin/python -m benchmarks.news_pairs [--data ../shared/benchmarks/real-news-dev] [--modes auto,combined]

The development sets hold three to five outlets each, and ``auto`` aligns three or more articles with the news
link model (``combined``); two articles of one language it aligns by strings (``fuzzy``), the right choice for
two versions of one text (DEplain-web's rewrites), the wrong one for two outlets that write independently. A user
who opens two reports of one event gets that second case, which the sets' own scoring never runs. This script
runs it: each pair of same-language articles of every set goes through ``compare`` alone, and its pairs are scored
as ``evaluate.py`` scores them, with the set's gold restricted to those two articles (third-party texts, read
from the data folder, never copied). Printed: the mean pair precision, recall, F1 and tight-pair recall over all
article pairs, per mode.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _evaluator(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_news_evaluate", data / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _restricted(gold: dict, first: int, second: int) -> dict:
    """The gold of two articles only, their indices renumbered 0 and 1."""
    renumber = {first: 0, second: 1}

    def keep(items: list) -> list:
        return [
            [[renumber[a[0]], a[1]], [renumber[b[0]], b[1]]] for a, b in items if a[0] in renumber and b[0] in renumber
        ]

    return {
        "articles": [gold["articles"][first], gold["articles"][second]],
        **{key: keep(gold.get(key, [])) for key in ("pairs", "tight_pairs", "either")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "real-news-dev")
    parser.add_argument("--modes", default="auto,combined", help="--match values to compare")
    args = parser.parse_args()
    evaluate = _evaluator(args.data)
    modes = args.modes.split(",")
    scores: dict[str, list[dict]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory() as name:
        for case in sorted(p for p in args.data.iterdir() if (p / "gold.json").exists()):
            gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
            for first, second in combinations(range(len(gold["articles"])), 2):
                sub = _restricted(gold, first, second)
                if not sub["pairs"]:
                    continue
                folder = Path(name) / f"{case.name}-{first}-{second}"
                folder.mkdir()
                (folder / "gold.json").write_text(json.dumps(sub), encoding="utf-8")
                files = [str(shutil.copy(case / article, folder / article)) for article in sub["articles"]]
                found = {}
                for mode in modes:
                    out = folder / f"{mode}.json"
                    command = [sys.executable, "main.py", "compare", *files, "--match", mode, "--json", str(out)]
                    subprocess.run([*command, "--quiet"], cwd=ROOT, check=True)
                    found[mode] = evaluate.score(folder, out)
                languages = {a["language"] for a in json.loads(out.read_text(encoding="utf-8"))["articles"]}
                if len(languages) == 1:  # two languages are aligned by meaning whatever the mode: not the question
                    for mode, score in found.items():
                        scores[mode].append(score)
    for mode, found in scores.items():
        mean = {key: sum(s[key] or 0.0 for s in found) / len(found) for key in ("P", "R", "F1", "tight_R")}
        print(
            f"--match {mode:9} {len(found)} article pairs: pair P {mean['P']:.3f} R {mean['R']:.3f} "
            f"F1 {mean['F1']:.3f}, tight R {mean['tight_R']:.3f}"
        )


if __name__ == "__main__":
    main()
