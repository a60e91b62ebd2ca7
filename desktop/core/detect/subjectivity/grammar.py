"""How a language's subjectivity features are written down and compiled: word lists (entries between bars
and line ends), the ``Phrase`` index looked up one word at a time, and the ``Grammar`` a language module builds
from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def split_entries(block: str) -> list[str]:
    """A word list as written in the language modules: entries separated by bars and line ends."""
    return [w.strip() for line in block.strip().splitlines() for w in line.split("|")]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word or phrase of one feature family, as lower-case tokens (punctuation between them is ignored)."""

    tokens: tuple[str, ...]
    family: str
    weight: int


TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def phrase_index(families: dict[str, tuple[int, list[str]]]) -> dict[str, tuple[Phrase, ...]]:
    """Phrases by their first token, longest first: one dictionary lookup per word of a sentence (a regex
    alternation of the same lists cost ~0.3 ms a sentence)."""
    by_first: dict[str, list[Phrase]] = {}
    for family, (weight, entries) in families.items():
        for entry in entries:
            tokens = tuple(t.lower() for t in TOKEN.findall(entry))
            if tokens:
                by_first.setdefault(tokens[0], []).append(Phrase(tokens, family, weight))
    return {k: tuple(sorted(v, key=lambda p: (-len(p.tokens), -p.weight))) for k, v in by_first.items()}


@dataclass(frozen=True, slots=True)
class Grammar:
    """A language's compiled features: the phrase index and the few sentence-shape patterns."""

    phrases: dict[str, tuple[Phrase, ...]]
    copulas: frozenset[str]
    stance_strong: re.Pattern[str]
    stance_weak: re.Pattern[str]
    it_is: re.Pattern[str]
    # An address word followed by one of these is the outlet naming itself ("our correspondent"), not the reader.
    self_reference: frozenset[str]
    # Words that only rebut in front of what they replace ("statt Straßen"), not at a clause's end.
    need_follower: frozenset[str] = frozenset()
    # Sentence shapes of judgement: a generic subject under a counterfactual, a reproach in "should have".
    shapes: tuple[tuple[re.Pattern[str], int], ...] = ()
    openings: tuple[re.Pattern[str], ...] = ()  # sentence openings that only an author writes (weigh 2)
    # "… a wish list, not a plan.": a closing rebuttal, which judges (it counts twice in an unanchored sentence).
    rebuttal_end: re.Pattern[str] | None = None
    case_sensitive: frozenset[str] = frozenset()
