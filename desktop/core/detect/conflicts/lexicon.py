"""The words conflicts are read by: the word classes of ``resources/lexicons/conflicts-de-en.txt`` (quantities,
offices, parties, sources, certainty levels, …, one class per line, German and English spellings side by side),
the tokeniser, stems, and the slot key of a word that numbers and dates are compared by.

Every kind of conflict looks words up here, so the lexicon is read in one place and its caches are shared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from desktop.core.detect.conflicts.statements import Token
from desktop.core.text import wordlists
from desktop.core.text.facts.dates import MONTHS, WEEKDAYS
from desktop.core.text.facts.words import fold_name

WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*|\d(?:[\d.,:\u00a0\u202f]*\d)?")
CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]–—\"“”„«»]")
LEVELS = ("hearsay", "hedged", "certain")  # strongest first: one "reportedly" outweighs a "will"


@dataclass(frozen=True, slots=True)
class _Classes:
    """Word classes of one lexicon section: exact spellings (one or more words) and ``prefix*`` entries."""

    exact: dict[tuple[str, ...], int]
    prefixes: tuple[tuple[str, int], ...]
    suffixes: tuple[tuple[str, int], ...]  # "*ministerium": German compounds end in their head noun
    longest: int
    names: tuple[str, ...]  # the first spelling of each class, what ``about`` reports

    openers: frozenset[str] = frozenset()  # first words of the entries of two words or more
    # word → its single-word class (or None), filled as words are met: vocabularies repeat
    singles: dict[str, int | None] = field(default_factory=dict, compare=False)

    def match(self, words: Sequence[str], at: int) -> tuple[int, int] | None:
        """(class, words taken) of the longest entry starting at ``words[at]`` (lower-case words)."""
        word = words[at]
        if word in self.openers:
            for n in range(min(self.longest, len(words) - at), 1, -1):
                hit = self.exact.get(tuple(words[at : at + n]))
                if hit is not None:
                    return hit, n
        single = self.singles.get(word, -1)
        if single == -1:
            single = self.singles[word] = self._single(word)
        return None if single is None else (single, 1)

    def _single(self, word: str) -> int | None:
        hit = self.exact.get((word,))
        if hit is not None:
            return hit
        for prefix, number in self.prefixes:
            if word.startswith(prefix):
                return number
        for suffix, number in self.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                return number
        return None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    sections: dict[str, _Classes] = field(default_factory=dict)

    def __getitem__(self, name: str) -> _Classes:
        return self.sections[name]


@cache
def word_classes() -> _Lexicon:
    raw = {
        section: [[w.strip() for w in line.split("|") if w.strip()] for line in lines]
        for section, lines in wordlists.sections("conflicts-de-en").items()
    }
    # The three certainty sections as one section of three classes, so a sentence is read in one pass.
    raw["levels"] = [[w for line in raw.get(level, []) for w in line] for level in LEVELS]
    built: dict[str, _Classes] = {}
    for name, lines in raw.items():
        exact: dict[tuple[str, ...], int] = {}
        prefixes: list[tuple[str, int]] = []
        suffixes: list[tuple[str, int]] = []
        for number, spellings in enumerate(lines):
            for spelling in spellings:
                lowered = spelling.casefold()
                if lowered.startswith("*"):
                    suffixes.append((lowered[1:], number))
                elif lowered.endswith("*"):
                    prefixes.append((lowered[:-1], number))
                else:
                    exact.setdefault(tuple(folded_words(lowered)), number)
        longest = max((len(k) for k in exact), default=1)
        prefixes.sort(key=lambda p: -len(p[0]))
        suffixes.sort(key=lambda p: -len(p[0]))
        openers = frozenset(k[0] for k in exact if len(k) > 1)
        built[name] = _Classes(exact, tuple(prefixes), tuple(suffixes), longest, tuple(s[0] for s in lines), openers)
    return _Lexicon(built)


def folded_words(text: str) -> list[str]:
    return [m.group().casefold() for m in WORD.finditer(text)]


@cache
def speech_words() -> frozenset[str]:
    """Verbs of saying (attribution lexicons): never what a number counts."""
    found: set[str] = set()
    for language in wordlists.LANGUAGES:
        for section in ("speech", "source"):
            for entry in wordlists.sections(f"attribution-{language}").get(section, ()):
                found.update(w for w in entry.casefold().split() if w.isalpha())
    return frozenset(found)


@cache
def calendar_words() -> frozenset[str]:
    words = [w for names in (*MONTHS.values(), *WEEKDAYS.values()) for w in names]
    return frozenset(words)


def anchor_key(tokens: list[Token], i: int) -> str | None:
    return _key_of(tuple(t.lower for t in tokens[i : i + 3]))


@lru_cache(maxsize=65536)
def _key_of(words: tuple[str, ...]) -> str | None:
    """The slot key of ``words[0]`` (the words after it may complete a lexicon phrase): a quantity class, a
    stem, or None for function words, verbs of saying and the words that make a figure approximate."""
    word = words[0]
    if word in wordlists.function_words() or word in speech_words() or len(word) < 3:
        return None
    lexicon = word_classes()
    if any(lexicon[s].match([word], 0) for s in ("approximate", "lower-bound", "upper-bound")):
        return None
    hit = lexicon["quantities"].match(words, 0)
    if hit is not None:
        return f"class:{hit[0]}"
    return "stem:" + stem(word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    folded = fold_name(word).replace(" ", "")
    for ending in ("innen", "ern", "en", "er", "es", "e", "n", "s"):
        if len(folded) - len(ending) >= 4 and folded.endswith(ending):
            return folded[: -len(ending)]
    return folded
