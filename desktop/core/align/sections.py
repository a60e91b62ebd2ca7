"""Headlines with headlines, body with body: the two sections the bead aligners align apart.

A headline is a summary of the story; letting it compete with body sentences in a bead glued it to the first
paragraph's sentence as a false 2:1 merge. The combined aligner scores headlines and body together (a role is one
of its link model's signals) but takes its fuzzy groups and its cross-language beads section by section too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from desktop.core.align.beads import AlignedSet

T = TypeVar("T")


def split(titles: Sequence[Sequence[bool]]) -> list[list[list[int]]]:
    """Per section (headlines, then body), each article's sentence positions in it; a section fewer than two
    articles have any sentence in is left out, as there is nothing to align it with."""
    found = []
    for want_title in (True, False):
        positions = [[i for i, title in enumerate(article) if title == want_title] for article in titles]
        if sum(1 for p in positions if p) >= 2:
            found.append(positions)
    return found


def pick(values: Sequence[Sequence[T]], positions: Sequence[Sequence[int]]) -> list[list[T]]:
    """Each article's values at its positions in a section."""
    return [[article[i] for i in p] for article, p in zip(values, positions, strict=True)]


def place(positions: Sequence[Sequence[int]], found: Iterable[AlignedSet]) -> list[AlignedSet]:
    """Sets aligned inside a section, numbered as the articles number their sentences again."""
    return [
        AlignedSet(
            {art: tuple(positions[art][i] for i in idx) for art, idx in s.members.items()}, s.similarity, s.evidence
        )
        for s in found
    ]
