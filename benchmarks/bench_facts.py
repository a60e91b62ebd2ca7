r"""How fact extraction and checking scale: two 10,000-sentence articles, every fact of one checked in the other.

Run: ``.venv/bin/python benchmarks/bench_facts.py [sentences]``. Prints seconds and, as the machine-independent
figure, ratios to two baselines measured in the same process: one ``\w+`` tokenising pass over every sentence
(the floor any extractor pays), and one case-folded substring search per fact (a checker without an index).
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from desktop.core.detect.omissions import find_facts
from desktop.core.engine import Engine
from desktop.core.model import Article, ArticleResult, Role, Sentence, Status
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.index import FactIndex
from desktop.core.text.segmentation import segment

ROOT = Path(__file__).resolve().parents[1]
_WORDS = re.compile(r"\w+")


def _sentences(language: str) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "resources" / "samples" / language).glob("*.txt"))]
    return [t[s.start : s.end] for t in texts for s in segment(t, language)]


def _article(aid: str, pool: list[str], count: int, rng: random.Random, language: str) -> ArticleResult:
    """An article of ``count`` sentences drawn from the samples, with numbers and names varied so the
    per-fact cache cannot answer everything."""
    chosen = []
    for i in range(count):
        sentence = rng.choice(pool)
        chosen.append(sentence.replace("800", str(rng.randint(1, 99999))).replace("Hassberg", f"Hassberg{i % 997}"))
    text = " ".join(chosen)
    sentences, position = [], 0
    for index, sentence in enumerate(chosen):
        sentences.append(Sentence(index, position, position + len(sentence), sentence, Role.BODY, Status.UNIQUE))
        position += len(sentence) + 1
    return ArticleResult(Article(aid, f"{aid}.txt", text, language=language), tuple(sentences))


def main(count: int = 10_000) -> None:
    rng = random.Random(7)
    pool = _sentences("de")
    a = _article("A", pool, count, rng, "de")
    b = _article("B", pool, count, rng, "de")

    start = time.perf_counter()
    for s in a.sentences:
        _WORDS.findall(s.text)
    floor = time.perf_counter() - start

    start = time.perf_counter()
    extracted = [f for s in a.sentences for f in extract_facts(s.text, "de")]
    extract_time = time.perf_counter() - start

    start = time.perf_counter()
    index = FactIndex.build(b.article.text, "de")
    build_time = time.perf_counter() - start

    start = time.perf_counter()
    present = sum(index.contains(text, kind, "de") for text, kind, _, _ in extracted)
    check_time = time.perf_counter() - start

    sample = extracted[:: max(1, len(extracted) // 2000)]
    start = time.perf_counter()
    for text, *_ in sample:
        _ = text.casefold() in b.article.text.casefold()
    baseline = (time.perf_counter() - start) / len(sample) * len(extracted)

    start = time.perf_counter()
    found = find_facts([a, b], [], Engine().fact_index)
    pipeline_time = time.perf_counter() - start

    print(f"{count} sentences per article, {len(extracted)} facts in A ({present} present in B)")
    print(f"tokenising floor over A:     {floor:6.2f} s")
    print(f"extract_facts over A:        {extract_time:6.2f} s  ({extract_time / floor:.0f}× the tokenising floor)")
    print(f"FactIndex.build for B:       {build_time:6.2f} s  ({build_time / floor:.0f}× the tokenising floor)")
    print(
        f"check every fact of A in B:  {check_time:6.2f} s  (1/{baseline / check_time:.0f} of naive substring search)"
    )
    print(f"naive substring baseline:    {baseline:6.2f} s  (extrapolated from {len(sample)} facts)")
    print(f"omissions.find_facts, A↔B:   {pipeline_time:6.2f} s  for {len(found)} facts")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
