"""Long, realistic articles for pipeline benchmarks, grown from the bundled samples with controlled variation.

The aligner's benchmark writes template sentences; the later stages need real prose instead — quotations,
titles, names, dates, commentary cues, abbreviations — because that is what facts, commentary and
segmentation spend their time on. So every article here is made of the sample sentences of one language, each
copy varied the way outlets vary a story: numbers changed, some capitalised words swapped for made-up names
(a long document has a large vocabulary, not 60 sentences repeated), words dropped, swapped or added,
sentences deleted, inserted and paragraphs moved. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.core.model import Article, article_ids
from desktop.core.text.segmentation import segment

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<=\s)[A-ZÄÖÜ][a-zäöüß]{3,}\b")
_SYLLABLES = ("ka", "ber", "lin", "mo", "ra", "ten", "dor", "vi", "sel", "hau", "gro", "nes", "tal", "wen", "ost")
Documents = tuple[Path, Path, set[tuple[int, int]]]  # document A, document B, the true (A line, B line) pairs
_FILLERS = {
    "de": ("auch", "noch", "bereits", "nun", "offenbar", "erneut", "zunächst", "jedenfalls"),
    "en": ("also", "still", "already", "now", "apparently", "again", "initially", "reportedly"),
}


@dataclass(frozen=True, slots=True)
class Sizes:
    """How many articles of how many sentences: one benchmark input."""

    name: str
    articles: int
    sentences: int
    language: str = "de"


@cache
def sample_sentences(language: str) -> tuple[str, ...]:
    """The sample articles' sentences of at least five words that end a sentence (headlines and bylines would
    repeat unnaturally, and without a final mark they would run into the next sentence)."""
    found = []
    for path in sorted((ROOT / "resources" / "samples" / language).glob("*.txt")):
        text = path.read_text("utf-8")
        spans = [text[s.start : s.end] for s in segment(text, language)]
        found += [s for s in spans if len(s.split()) >= 5 and s.rstrip('“”"»«)')[-1:] in ".!?"]
    return tuple(found)


class _Varier:
    def __init__(self, language: str, rng: random.Random) -> None:
        self.language = language
        self.rng = rng
        self.names = [
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(3000)
        ]

    def _number(self, match: re.Match[str]) -> str:
        digits = match.group()
        if self.rng.random() < 0.5:
            return digits
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
        return str(self.rng.randint(low, 10 ** len(digits) - 1))

    def fresh(self, sentence: str) -> str:
        """A new copy of a sample sentence: other numbers, some capitalised words renamed."""
        sentence = _NUMBER.sub(self._number, sentence)
        if self.rng.random() < 0.6:
            capitalised = list(_CAPITALISED.finditer(sentence))
            chosen = self.rng.sample(capitalised, min(len(capitalised), self.rng.randint(1, 2)))
            for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
                sentence = sentence[: match.start()] + self.rng.choice(self.names) + sentence[match.end() :]
        return sentence

    def reword(self, sentence: str) -> str:
        """Another outlet's wording of the same sentence: a number changed, words dropped, swapped or added."""
        if self.rng.random() < 0.3:
            sentence = _NUMBER.sub(self._number, sentence, count=1)
        words = sentence.split(" ")
        for _ in range(self.rng.randint(1, 3)):
            at = self.rng.randrange(1, max(2, len(words) - 1))
            roll = self.rng.random()
            if roll < 0.35 and len(words) > 6:
                del words[at]
            elif roll < 0.6 and at + 1 < len(words) - 1:
                words[at], words[at + 1] = words[at + 1], words[at]
            else:
                words.insert(at, self.rng.choice(_FILLERS.get(self.language, _FILLERS["en"])))
        return " ".join(words)


def _text(title: str, sentences: list[str], rng: random.Random) -> str:
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _derive(base: list[str], varier: _Varier, pool: tuple[str, ...], rng: random.Random) -> list[str]:
    """Another outlet's version: 10 % deleted, 30 % reworded, 6 % new sentences, a few blocks moved."""
    out: list[str] = []
    for sentence in base:
        roll = rng.random()
        if roll < 0.10:
            continue
        out.append(varier.reword(sentence) if roll < 0.40 else sentence)
        if rng.random() < 0.06:
            out.append(varier.fresh(rng.choice(pool)))
    for _ in range(max(1, len(out) // 80)):
        size = rng.randint(3, 8)
        if len(out) <= 2 * size:
            break
        start = rng.randrange(len(out) - size)
        block = out[start : start + size]
        del out[start : start + size]
        at = rng.randrange(len(out))
        out[at:at] = block
    return out


def articles(sizes: Sizes, seed: int = 7) -> list[Article]:
    """``sizes.articles`` versions of one ``sizes.sentences``-sentence story (the first is the base)."""
    rng = random.Random(seed)
    pool = sample_sentences(sizes.language)
    varier = _Varier(sizes.language, rng)
    base = [varier.fresh(pool[i % len(pool)] if i < len(pool) else rng.choice(pool)) for i in range(sizes.sentences)]
    title = "Stadtrat beschließt Verkauf" if sizes.language == "de" else "Bus drivers walk out"
    versions = [base] + [_derive(base, varier, pool, rng) for _ in range(sizes.articles - 1)]
    ids = article_ids(sizes.articles)
    return [
        Article(aid, f"{aid}.txt", _text(title, version, rng), title=title, language=sizes.language)
        for aid, version in zip(ids, versions, strict=True)
    ]


CASES = (
    Sizes("2 × 1,000", 2, 1_000),
    Sizes("2 × 10,000", 2, 10_000),
    Sizes("5 × 500", 5, 500),
    Sizes("20 × 300", 20, 300),
)


def edited_pair(
    base: list[str],
    reword: Callable[[str], str],
    fresh: Callable[[], str],
    rng: random.Random,
    a: Path,
    b: Path,
    reworded: float = 0.15,
) -> Documents:
    """B is ``base`` with a ``reworded`` share of its sentences reworded, 8 % deleted, 8 % new ones inserted and
    10 % moved in blocks of five; both written one sentence a line, with the true pairs."""
    other: list[tuple[str, int | None]] = []
    for i, sentence in enumerate(base):
        roll = rng.random()
        if roll < 0.08:
            continue
        other.append((reword(sentence) if roll < 0.08 + reworded else sentence, i))
        if rng.random() < 0.08:
            other.append((fresh(), None))
    moved = 0
    while moved < 0.10 * len(other):
        start = rng.randrange(len(other) - 5)
        block = other[start : start + 5]
        del other[start : start + 5]
        at = rng.randrange(len(other))
        other[at:at] = block
        moved += 5
    a.write_text("\n".join(base) + "\n", encoding="utf-8")
    b.write_text("\n".join(text for text, _ in other) + "\n", encoding="utf-8")
    return a, b, {(i, j) for j, (_, i) in enumerate(other) if i is not None}
