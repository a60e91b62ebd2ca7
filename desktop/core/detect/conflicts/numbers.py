"""Figures that disagree: two numbers conflict only when both count the same thing, read from the words around
them (the noun after a figure, the noun or verb before it) as lexicon classes across languages ("Demonstranten"
meets "protesters") or stems within one. Figures that round to each other ("about 6,000" / "6,012"), bounds that
hold ("more than 6,000" / "6,012") and different units are not conflicts; two clock times are compared as a time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from desktop.core.detect.conflicts.lexicon import CLAUSE_BREAK, anchor_key, word_classes
from desktop.core.detect.conflicts.statements import Number, Side, Token, Value
from desktop.core.model import ConflictKind
from desktop.core.text.facts.numbers import NUMBER, NUMBER_WORDS, number_values

_WINDOW = 3  # content words either side of a number that can name what it counts
_HEDGED_TOLERANCE = 0.12  # "about 6,000" accepts figures within 12 %
_ROUND_FROM = 100  # a figure ending in two zeros or more may be a rounded one ("6,000" for 6,012)
_CONJUNCTIONS = frozenset({"and", "und", "or", "oder", "while", "während", "but", "aber", "sowie", "whereas", "as"})
_CLOCK = frozenset({"uhr", "a.m.", "p.m."})
_UNITS = {
    "%": "percent", "prozent": "percent", "percent": "percent", "per cent": "percent",
    "prozentpunkte": "points", "percentage points": "points",
    "euro": "EUR", "eur": "EUR", "€": "EUR", "dollar": "USD", "dollars": "USD", "us-dollar": "USD", "$": "USD",
    "pfund": "GBP", "pounds": "GBP", "£": "GBP", "franken": "CHF", "rubel": "RUB", "roubles": "RUB", "rubles": "RUB",
    "hrywnja": "UAH", "hryvnia": "UAH",
    "km": "km", "kilometer": "km", "kilometres": "km", "kilometers": "km", "meter": "m", "metres": "m",
    "meters": "m", "m": "m", "millimeter": "mm", "millimetres": "mm", "millimeters": "mm", "mm": "mm",
    "zentimeter": "cm", "centimetres": "cm", "cm": "cm", "miles": "mi", "meilen": "mi", "tonnen": "t",
    "tonnes": "t", "tons": "t", "kilogramm": "kg", "kilograms": "kg", "kg": "kg", "grad": "deg", "degrees": "deg",
    "°c": "deg", "stunden": "h", "hours": "h", "minuten": "min", "minutes": "min",
}  # fmt: skip
_NUMBER_WORDS_SKIPPED = frozenset({"eins", "one", "dozen", "dutzend", "hundert", "hundred", "thousand", "tausend"})


def read_number(
    text: str, tokens: list[Token], surface: str, start: int, end: int, language: str, value: Value
) -> Number | None:
    match = NUMBER.match(text, start)
    if match is None:
        return None
    values = number_values(match, language)
    unit_word = (match.group("unit") or "").casefold()
    currency = (match.group("cur") or "").strip()
    follower = re.match(r"\s*([A-Za-zÄÖÜäöü$€£%-]+)", text[match.end() : match.end() + 30])
    if not unit_word and follower and follower.group(1).casefold() in _UNITS:
        unit_word = follower.group(1).casefold()
    meridiem = re.match(r"\s*([ap])\.?m\b\.?", text[match.end() : match.end() + 8], re.IGNORECASE)
    if meridiem and not unit_word:
        # "6:00 pm" without the dots the number pattern expects
        unit_word = meridiem.group(1).casefold() + ".m."
        if unit_word == "p.m.":
            values = frozenset(v + 12 if v < 12 else v for v in values)
    clock = ":" in match.group("num") or unit_word in _CLOCK
    unit = "clock" if clock else _UNITS.get(currency or unit_word, unit_word)
    after, before = _anchors(text, tokens, start, match.end())
    return Number(value, values, unit, _bound(tokens, start), after, before, clock=clock)


def _bound(tokens: list[Token], start: int) -> str:
    """Whether the words right before a figure make it approximate or a bound ("rund", "more than")."""
    before = [t.lower for t in tokens if t.end <= start][-3:]
    lexicon = word_classes()
    for section in ("lower-bound", "upper-bound", "approximate"):
        classes = lexicon[section]
        for at in range(len(before)):
            hit = classes.match(before, at)
            if hit is not None and at + hit[1] == len(before):
                return section
    return ""


def _anchors(text: str, tokens: list[Token], start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """What a figure is about: content words of its clause right after it (the noun it counts) and right
    before it ("Zahl der Toten", "turnout of"), as word classes or stems."""
    after = [i for i, t in enumerate(tokens) if t.start >= end]
    before = [i for i, t in enumerate(tokens) if t.end <= start][::-1]
    found: list[frozenset[str]] = []
    for run, edge in ((after, end), (before, start)):
        keys: set[str] = set()
        previous = edge
        for i in run:
            token = tokens[i]
            gap = text[previous : token.start] if token.start >= previous else text[token.end : previous]
            if CLAUSE_BREAK.search(gap):
                break
            previous = token.end if token.start >= edge else token.start
            if token.lower[:1].isdigit() or token.lower in _CONJUNCTIONS:
                break
            key = anchor_key(tokens, i)
            if key is None:
                continue
            keys.add(key)
            if len(keys) >= _WINDOW:
                break
        found.append(frozenset(keys))
    return found[0], found[1]


def spelled_numbers(
    side: Side,
    text: str,
    tokens: list[Token],
    taken: list[tuple[int, int]],
    language: str,
    value: Callable[[int, int], Value],
) -> None:
    """ "drei Tote", "four people": small numbers written out."""
    words = _number_words()
    for token in tokens:
        number = words.get(token.lower)
        if number is None or any(s <= token.start < e for s, e in taken):
            continue
        after, before = _anchors(text, tokens, token.start, token.end)
        side.numbers.append(
            Number(
                value(token.start, token.end),
                frozenset({float(number)}),
                "",
                _bound(tokens, token.start),
                after,
                before,
            )
        )


@cache
def _number_words() -> dict[str, int]:
    spelled: dict[str, int] = NUMBER_WORDS
    return {w: v for w, v in spelled.items() if w not in _NUMBER_WORDS_SKIPPED}


def _agree(x: Number, y: Number) -> bool:
    """Whether two figures for the same slot can both be right: equal, one a rounding of the other, or within
    what "about", "more than" or "up to" allow."""
    return any(_agree_values(a, x.bound, b, y.bound) for a in x.values for b in y.values)


def _agree_values(a: float, bound_a: str, b: float, bound_b: str) -> bool:
    if abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0):
        return True
    if (bound_a == "lower-bound" and b >= a * 0.98) or (bound_b == "lower-bound" and a >= b * 0.98):
        return True
    if (bound_a == "upper-bound" and b <= a * 1.02) or (bound_b == "upper-bound" and a <= b * 1.02):
        return True
    if bound_a == bound_b == "lower-bound" or bound_a == bound_b == "upper-bound":
        return True
    hedged = "approximate" in (bound_a, bound_b)
    if hedged and abs(a - b) <= _HEDGED_TOLERANCE * max(abs(a), abs(b)):
        return True
    return _rounds_to(a, b, hedged) or _rounds_to(b, a, hedged)


def _rounds_to(rounded: float, exact: float, hedged: bool) -> bool:
    """ "6,000" may be 6,012 rounded: a figure with trailing zeros covers what rounds to it."""
    if rounded != int(rounded) or rounded == 0:
        return False
    step = 1
    while int(rounded) % (step * 10) == 0:
        step *= 10
    if step < (10 if hedged else _ROUND_FROM):
        return False
    return abs(rounded - exact) <= step / 2


def _clock_agree(x: Number, y: Number) -> bool:
    slack = 0.5 if x.bound or y.bound else 0.01
    return any(abs(a - b) <= slack for a in x.values for b in y.values)


def number_conflicts(a: Side, b: Side) -> Iterator[tuple[ConflictKind, str, Value, Value]]:
    for x in a.numbers:
        if x.clock:
            continue
        candidates = [(_shared(x, y), y) for y in b.numbers if y.unit == x.unit and not y.clock]
        candidates = [(shared, y) for shared, y in candidates if shared]
        if not candidates:
            continue
        best = max(shared for shared, _ in candidates)
        top = [y for shared, y in candidates if shared == best]
        if any(_agree(x, y) for y in top):
            continue
        # An outlet that states the other's figure too (elsewhere in its sentence) reports both, not another.
        if any(_same(x, z) for z in b.numbers) or any(_same(top[0], z) for z in a.numbers):
            continue
        yield ConflictKind.NUMBER, _about(_slot(x, top[0]), x.unit), x.value, top[0].value
    clocks_a = [x for x in a.numbers if x.clock]
    clocks_b = [y for y in b.numbers if y.clock]
    if len(clocks_a) == 1 and len(clocks_b) == 1 and not _clock_agree(clocks_a[0], clocks_b[0]):
        yield ConflictKind.DATE, "time", clocks_a[0].value, clocks_b[0].value


def _slot(x: Number, y: Number) -> frozenset[str]:
    """The words two figures share about what they count: the noun after each when both have one ("20,000
    protesters" / "6,000 protesters"; "40 Keller" is not "65 Fahrzeuge" whatever stands before them), else
    anything around them ("the death toll rose to 12" / "12 people died")."""
    if x.after and y.after:
        return x.after & y.after
    return (x.after | x.before) & (y.after | y.before)


def _shared(x: Number, y: Number) -> int:
    return len(_slot(x, y))


def _same(x: Number, y: Number) -> bool:
    return x.unit == y.unit and bool(x.values & y.values)


def _about(shared: Iterable[str], unit: str) -> str:
    names = word_classes()["quantities"].names
    # The generic "people" class (the first) names a slot only when nothing more specific does ("dead").
    for key in sorted(shared, key=lambda k: (k == "class:0", k)):
        if key.startswith("class:"):
            return names[int(key[6:])]
    words = sorted(k[5:] for k in shared if k.startswith("stem:"))
    about = words[0] if words else ""
    return f"{about} ({unit})" if unit and about else about or unit
