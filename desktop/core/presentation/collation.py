"""Lay a comparison out as aligned rows: one per alignment group, one per sentence no other article shares.

The HTML export and the app's Aligned view show the same table, so the row order is decided here, once.
Each article's reading order becomes a sequence of units (its groups and its unmatched sentences); the rows
merge those sequences like a multi-way merge of sorted lists, so every article reads top to bottom wherever
the articles agree on the order, and a sentence only one article has lands right after its predecessor.
Where they disagree (one outlet moved a paragraph), the reference article's order wins; the moved sentences
keep their numbers, so that article's own order stays recoverable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.model import Comparison, Group, Sentence


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the aligned table: sentence indices per article id (an absent id is a gap), and its group."""

    cells: dict[str, tuple[int, ...]] = field(default_factory=dict)
    group: int | None = None


@dataclass(frozen=True, slots=True)
class _Unit:
    """What becomes one row: a whole group, or one sentence of one article that is in no group."""

    group: int | None
    article: str = ""
    index: int = -1


def collate(comparison: Comparison) -> list[Row]:
    ids = [r.article.id for r in comparison.articles]
    groups = {g.id: g for g in comparison.groups}
    sequences = {r.article.id: _reading_order(r.article.id, r.sentences, groups) for r in comparison.articles}
    owners: dict[_Unit, set[str]] = {}
    for aid, units in sequences.items():
        for unit in units:
            owners.setdefault(unit, set()).add(aid)

    priority = _priority(ids, comparison.settings.reference)
    position = dict.fromkeys(ids, 0)
    emitted: set[_Unit] = set()
    rows: list[Row] = []

    def head(aid: str) -> _Unit | None:
        units = sequences[aid]
        while position[aid] < len(units) and units[position[aid]] in emitted:
            position[aid] += 1
        return units[position[aid]] if position[aid] < len(units) else None

    while True:
        fronts = [unit for unit in map(head, priority) if unit is not None]
        if not fronts:
            break
        ready = [unit for unit in fronts if all(head(owner) == unit for owner in owners[unit])]
        # When nothing is at the front of every article holding it, the articles disagree on the order here:
        # the highest-priority article's next unit goes first and the others show theirs out of place.
        chosen = ready[0] if ready else fronts[0]
        emitted.add(chosen)
        rows.append(_row(chosen, groups))
    return rows


def _reading_order(aid: str, sentences: Sequence[Sentence], groups: dict[int, Group]) -> list[_Unit]:
    units: list[_Unit] = []
    seen: set[int] = set()
    for sentence in sentences:
        if sentence.group is None or sentence.group not in groups or aid not in groups[sentence.group].members:
            units.append(_Unit(None, aid, sentence.index))
        elif sentence.group not in seen:
            # An n:m group whose members are scattered sits where its first member stands.
            seen.add(sentence.group)
            units.append(_Unit(sentence.group))
    return units


def _priority(ids: list[str], reference: str) -> list[str]:
    """The reference article first, then the others in their given order."""
    return [reference, *(i for i in ids if i != reference)] if reference in ids else list(ids)


def _row(unit: _Unit, groups: dict[int, Group]) -> Row:
    if unit.group is not None:
        return Row(cells=dict(groups[unit.group].members), group=unit.group)
    return Row(cells={unit.article: (unit.index,)}, group=None)
