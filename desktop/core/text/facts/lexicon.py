"""``resources/lexicons/names-de-en.txt`` read once (``names``: cross-language spellings, titles, words that are
never names, company suffixes, first names), and what it says about a single word: a title, a known place or
organisation, an acronym, the first or last word of a multi-word name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop.core.text import wordlists
from desktop.core.text.facts.words import fold_name


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """``names-de-en.txt``: cross-language spellings, titles, words that are never names, company suffixes."""

    classes: dict[str, int]  # folded spelling → equivalence class
    longest: int  # most words in one spelling
    titles: tuple[str, ...]
    not_names: frozenset[str]
    legal_forms: frozenset[str]
    first_names: frozenset[str]


@cache
def names() -> NameLexicon:
    classes: dict[str, int] = {}
    titles: list[str] = []
    not_names: set[str] = set()
    legal: set[str] = set()
    first: set[str] = set()
    longest = 1
    entries = [(s.casefold(), line) for s, lines in wordlists.sections("names-de-en").items() for line in lines]
    for number, (section, line) in enumerate(entries):  # each line of equivalents is one class
        if section == "equivalents":
            for spelling in line.split("|"):
                key = fold_name(spelling)
                if key:
                    classes.setdefault(key, number)
                    longest = max(longest, len(key.split()))
        elif section == "titles":
            titles.append(line.casefold())
        elif section == "not-names":
            not_names.add(line.casefold())
        elif section == "legal-forms":
            legal.add(fold_name(line))
        elif section == "first-names":
            first.update(word.casefold() for word in line.split())
    return NameLexicon(classes, longest, tuple(titles), frozenset(not_names), frozenset(legal), frozenset(first))


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    """Titles in the lexicon match exactly, or as a word ending when written ``*ending``."""
    folded = word.casefold().rstrip(".")
    exact, endings = _title_patterns()
    return folded in exact or bool(endings and endings.search(folded))


@cache
def _title_patterns() -> tuple[frozenset[str], re.Pattern[str] | None]:
    titles = names().titles
    exact = frozenset(t for t in titles if not t.startswith("*"))
    endings = [re.escape(t[1:]) for t in titles if t.startswith("*")]
    return exact, re.compile(f"(?:{'|'.join(endings)})$") if endings else None


@lru_cache(maxsize=65536)
def known_place(word: str) -> bool:
    lexicon = names()
    folded = fold_name(word)
    return folded in lexicon.classes or (folded.endswith("s") and folded[:-1] in lexicon.classes)


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and any(c.isalpha() for c in letters):
        return True
    # A short form with one small letter for a connecting word: "AfD" (Alternative für Deutschland), "BfV".
    return _MIXED_ACRONYM.fullmatch(letters) is not None


_MIXED_ACRONYM = re.compile(r"[A-ZÄÖÜ]{1,2}[a-zäöü][A-ZÄÖÜ]{1,2}")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")


def without_possessive(word: str) -> str:
    """A word without an English possessive: "Kremlin’s" is the Kremlin, "Reuters’" is Reuters."""
    return _POSSESSIVE.sub("", word)


@cache
def phrase_tails() -> frozenset[str]:
    """Last words of the lexicon's multi-word names."""
    return frozenset(key.split()[-1] for key in names().classes if " " in key)


@cache
def phrase_openers() -> frozenset[str]:
    """First words of the lexicon's multi-word names: only these can open a known phrase."""
    return frozenset(key.split()[0] for key in names().classes if " " in key)
