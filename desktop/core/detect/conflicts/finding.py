"""The whole comparison: every group's members read into sides, each pair of outlets compared kind by kind, and
pairwise findings that share an outlet's value merged into one ``Conflict`` listing every outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import combinations

from desktop.core.detect.conflicts.attribution import statement_conflicts
from desktop.core.detect.conflicts.dates import date_conflicts
from desktop.core.detect.conflicts.names import name_conflicts, place_conflicts
from desktop.core.detect.conflicts.numbers import number_conflicts
from desktop.core.detect.conflicts.reading import read_side
from desktop.core.detect.conflicts.statements import Side, Value
from desktop.core.model import ArticleResult, Conflict, ConflictKind, ConflictValue, Group, Status

_Pair = tuple[ConflictKind, str, Value, Value]
_KIND_ORDER = {kind: n for n, kind in enumerate(ConflictKind)}


def find_conflicts(results: Sequence[ArticleResult], groups: Sequence[Group]) -> tuple[Conflict, ...]:
    """Every disagreement between members of one group, each listing every outlet's value for the slot."""
    by_id = {r.article.id: r for r in results}
    found: list[Conflict] = []
    for group in groups:
        if group.status == Status.IDENTICAL:
            continue  # members that read the same cannot disagree
        sides = [
            side
            for aid, indices in group.members.items()
            if aid in by_id and (side := read_side(by_id[aid], indices)) is not None
        ]
        pairs: list[tuple[str, str, _Pair]] = []
        for a, b in combinations(sides, 2):
            if [s.text for s in a.sentences] == [s.text for s in b.sentences]:
                continue
            for finder in (number_conflicts, date_conflicts, name_conflicts, place_conflicts):
                pairs.extend((a.article, b.article, p) for p in _both_ways(finder, a, b))
            pairs.extend((a.article, b.article, p) for p in statement_conflicts(a, b))
        found.extend(_merge(group.id, pairs))
    found.sort(key=lambda c: (c.group, _KIND_ORDER[c.kind], c.values[0].start))
    return tuple(found)


def _both_ways(finder: Callable[[Side, Side], Iterator[_Pair]], a: Side, b: Side) -> Iterator[_Pair]:
    seen: set[tuple[int, int]] = set()
    for kind, about, x, y in finder(a, b):
        seen.add((x.start, y.start))
        yield kind, about, x, y
    for kind, about, y, x in finder(b, a):
        if (x.start, y.start) not in seen:
            seen.add((x.start, y.start))
            yield kind, about, x, y


def _merge(group: int, pairs: Sequence[tuple[str, str, _Pair]]) -> list[Conflict]:
    """Pairwise findings of one kind that share an outlet's value become one conflict listing every outlet."""
    merged: list[tuple[ConflictKind, str, dict[str, Value]]] = []
    for first, second, (kind, about, x, y) in pairs:
        for known_kind, _, values in merged:
            if known_kind != kind:
                continue
            if values.get(first) == x and second not in values:
                values[second] = y
                break
            if values.get(second) == y and first not in values:
                values[first] = x
                break
            if values.get(first) == x and values.get(second) == y:
                break
        else:
            merged.append((kind, about, {first: x, second: y}))
    return [
        Conflict(
            group,
            kind,
            about,
            tuple(ConflictValue(article, v.sentence, v.text, v.start, v.end) for article, v in sorted(values.items())),
        )
        for kind, about, values in merged
    ]
