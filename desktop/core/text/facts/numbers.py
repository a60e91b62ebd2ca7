"""Numbers as written in German and English: the number pattern with its currencies, scales and units, every
value a written number can mean ("2,300" is 2300 in English and, rarely, 2.3 in German; "6.30 p.m." is 18.5),
small numbers spelled out, and when a year-like number is an amount ("2000 Soldaten") rather than a year.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from desktop.core.text.facts.words import plain_form

_SCALES = {
    "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "m": 1e6, "mn": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e9, "bn": 1e9,
    "billionen": 1e12, "trillion": 1e12,
}  # fmt: skip
_SCALE_RE = r"tausend|thousand|millionen|million|mio\.|mio|milliarden|milliarde|mrd\.|mrd|billionen|billion|trillion"
_UNIT_RE = (
    r"%|prozentpunkte|prozent|percentage points|per cent|percent|euro|eur|dollar|us-dollar|dollars|pfund|pounds|"
    r"franken|rubel|roubles|rubles|hrywnja|hryvnia|km|kilometer|kilometres|kilometers|meter|metres|meters|m|"
    r"millimeter|millimetres|millimeters|mm|zentimeter|centimetres|cm|miles|meilen|tonnen|tonnes|tons|"
    r"kilogramm|kilograms|kg|grad|degrees|°c|stunden|hours|minuten|minutes|uhr|a\.m\.|p\.m\.|pm"
)
NUMBER = re.compile(
    rf"""(?<![\w.,])(?P<cur>[€$£]\s?)?
        (?P<num>\d{{1,2}}:\d\d(?!\d)|\d{{1,3}}(?:[.,\u00a0\u202f\u2009]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)
        (?:(?P<suffix>m|bn|k)\b)?
        (?:\s?(?P<scale>{_SCALE_RE})(?![\w]))?
        (?:\s?(?P<unit>{_UNIT_RE})(?![\w]))?""",
    re.IGNORECASE | re.VERBOSE,
)
NUMBER_WORDS = {
    word: value
    for value, words in {
        1: ("eins", "one"), 2: ("zwei", "two"), 3: ("drei", "three"), 4: ("vier", "four"), 5: ("fünf", "five"),
        6: ("sechs", "six"), 7: ("sieben", "seven"), 8: ("acht", "eight"), 9: ("neun", "nine"), 10: ("zehn", "ten"),
        11: ("elf", "eleven"), 12: ("zwölf", "twelve", "dozen", "dutzend"), 13: ("dreizehn", "thirteen"),
        14: ("vierzehn", "fourteen"), 15: ("fünfzehn", "fifteen"), 16: ("sechzehn", "sixteen"),
        17: ("siebzehn", "seventeen"), 18: ("achtzehn", "eighteen"), 19: ("neunzehn", "nineteen"),
        20: ("zwanzig", "twenty"), 30: ("dreißig", "thirty"), 40: ("vierzig", "forty"), 50: ("fünfzig", "fifty"),
        100: ("hundert", "hundred", "einhundert"), 1000: ("tausend", "thousand", "eintausend"),
    }.items()
    for word in words
}  # fmt: skip
_YEAR_CONTEXT = {
    "im", "in", "seit", "bis", "ab", "vor", "nach", "ende", "anfang", "mitte", "jahr", "jahres", "since", "until",
    "by", "from", "year", "early", "late", "end", "of", "spätestens", "frühestens", "bereits", "schon",
}  # fmt: skip


def number_values(match: re.Match[str], language: str) -> frozenset[float]:
    """Every value a written number can mean: "2,300" is 2300 in English and (rarely) 2.3 in German."""
    return _number_values(
        match.group("num"), match.group("scale") or match.group("suffix") or "", match.group("unit") or "", language
    )


@lru_cache(maxsize=65536)
def _number_values(number: str, scale_word: str, unit: str, language: str) -> frozenset[float]:
    if ":" in number or (unit.casefold() in _CLOCK_UNITS and re.fullmatch(r"\d{1,2}\.\d\d", number)):
        # a clock time, "18:30", or with a dot as German and British papers write it ("5.30 Uhr", "6.30 p.m.")
        number = number.replace(".", ":")
        hours, minutes = number.split(":")
        value = int(hours) + int(minutes) / 60
        return frozenset({_round(value + 12 if unit.casefold() in _PM and value < 12 else value)})
    digits = re.sub(r"[\u00a0\u202f\u2009]", "", number)
    candidates: set[float] = set()
    separators = re.findall(r"[.,]", digits)
    if not separators:
        candidates.add(float(digits))
    elif len(set(separators)) == 2:
        decimal = digits[max(digits.rfind("."), digits.rfind(","))]
        thousands = "," if decimal == "." else "."
        candidates.add(float(digits.replace(thousands, "").replace(decimal, ".")))
    elif len(separators) > 1:
        candidates.add(float(re.sub(r"[.,]", "", digits)))
    else:
        whole, fraction = re.split(r"[.,]", digits)
        candidates.add(float(f"{whole}.{fraction}"))
        if len(fraction) == 3:
            candidates.add(float(whole + fraction))
    scale_word = scale_word.casefold()
    scale = _SCALES.get(scale_word, 1.0)
    if scale_word == "billion" and language == "de":
        scale = 1e12
    if unit.casefold() in _PM:
        candidates = {v + 12 if v < 12 else v for v in candidates}
    return frozenset(_round(v * scale) for v in candidates)


_PM = frozenset({"p.m.", "pm"})
_CLOCK_UNITS = frozenset({"uhr", "a.m.", "p.m.", "pm"})


def _round(value: float) -> float:
    return float(f"{value:.9g}")


_NEIGHBOUR_CHARS = 200  # longer than any word that decides whether a year-like number is an amount


def looks_like_amount(text: str, start: int, end: int) -> bool:
    """ "2000 Soldaten" and "2023 Euro" are amounts, "seit 2023" and "2023 ein Gutachten" years."""
    follower = re.match(r"\s+(\S+)", text[end : end + _NEIGHBOUR_CHARS])  # windows keep a long line linear
    if not follower:
        return False
    word = follower.group(1).rstrip(".,;:!?")
    if re.fullmatch(_SCALE_RE + "|" + _UNIT_RE, word, re.IGNORECASE):
        return True
    previous = re.search(r"(\w+)\W*$", text[max(0, start - _NEIGHBOUR_CHARS) : start])
    if previous and previous.group(1).casefold() in _YEAR_CONTEXT:
        return False
    return word[:1].isupper()


def is_list_marker(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 and match.group(0).endswith(".") and not match.group("unit")


def is_clock(match: re.Match[str]) -> bool:
    return ":" in match.group("num") or (match.group("unit") or "").casefold() in _CLOCK_UNITS


@cache
def spelled_numbers() -> dict[str, int]:
    return {plain_form(word): value for word, value in NUMBER_WORDS.items()}
