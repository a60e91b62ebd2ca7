"""Dates that disagree: the weekday, the calendar day, the month or the year two outlets give for the same event.
``facts`` reads the dates of both languages into comparable keys; within one language the words around two dates
must show that they date the same thing, across languages the group's alignment vouches for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from desktop.core.detect.conflicts.lexicon import anchor_key, calendar_words
from desktop.core.detect.conflicts.statements import Date, Side, Token, Value
from desktop.core.model import ConflictKind

_YEAR_PREPOSITIONS = {
    "in": "in", "im": "in", "year": "in", "jahr": "in", "since": "since", "seit": "since",
    "until": "until", "bis": "until", "by": "until", "before": "before", "vor": "before", "after": "after",
    "nach": "after",
}  # fmt: skip


def preposition_before(tokens: list[Token], start: int) -> str:
    before = [t.lower for t in tokens if t.end <= start][-2:]
    for word in reversed(before):
        if word in _YEAR_PREPOSITIONS:
            return _YEAR_PREPOSITIONS[word]
    return ""


_CONTEXT = 5  # content words either side of a date that say what happened then


def date_context(tokens: list[Token], start: int, end: int) -> frozenset[str]:
    before = [i for i, t in enumerate(tokens) if t.end <= start][::-1]
    after = [i for i, t in enumerate(tokens) if t.start >= end]
    found: set[str] = set()
    for run in (before, after):
        taken = 0
        for i in run:
            word = tokens[i].lower
            if word[:1].isdigit() or word in calendar_words():
                continue
            key = anchor_key(tokens, i)
            if key is not None:
                found.add(key)
                taken += 1
                if taken == _CONTEXT:
                    break
    return frozenset(found)


def date_conflicts(a: Side, b: Side) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    if a.language == b.language:
        # Within one language the words around two dates show whether they date the same thing ("on Thursday
        # said" is not "unveiled … Wednesday"); across languages the group's alignment has to vouch for it.
        a, b = _dated_alike(a, b)
    for about, key_of in (
        ("weekday", lambda d: d.key.weekday),
        ("day", lambda d: (d.key.day, d.key.month) if d.key.day is not None and d.key.month else None),
        ("month", lambda d: d.key.month if d.key.day is None and d.key.month else None),
    ):
        yield from _single_slot(a.dates, b.dates, key_of, ConflictKind.DATE, about)
    years_a = [d for d in a.dates if d.key.year is not None]
    years_b = [d for d in b.dates if d.key.year is not None]
    if len({d.key.year for d in years_a}) == 1 and len({d.key.year for d in years_b}) == 1:
        x, y = years_a[0], years_b[0]
        full = x.key.month is not None and y.key.month is not None
        if x.key.year != y.key.year and (full or x.preposition == y.preposition):
            yield ConflictKind.DATE, "year", x.value, y.value


def _dated_alike(a: Side, b: Side) -> tuple[Side, Side]:
    """Copies of the sides keeping only the dates whose surroundings share a word with a date of the other."""
    keep_a = [d for d in a.dates if any(d.context & e.context for e in b.dates)]
    keep_b = [e for e in b.dates if any(d.context & e.context for d in a.dates)]
    return replace(a, dates=keep_a), replace(b, dates=keep_b)


def _single_slot(
    xs: Sequence[Date],
    ys: Sequence[Date],
    key_of: Callable[[Date], object],
    kind: ConflictKind,
    about: str,
) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    """Each side names exactly one value for the slot, and they differ."""
    keyed_a = [(key_of(d), d) for d in xs]
    keyed_b = [(key_of(d), d) for d in ys]
    keys_a = {k for k, _ in keyed_a if k is not None}
    keys_b = {k for k, _ in keyed_b if k is not None}
    if len(keys_a) == 1 and len(keys_b) == 1 and keys_a != keys_b:
        x = next(d for k, d in keyed_a if k is not None)
        y = next(d for k, d in keyed_b if k is not None)
        yield kind, about, x.value, y.value
