"""Dates in German and English: the month and weekday names of both languages, the date pattern and the quick
tests that spare most sentences from it, and the ``DateKey`` a date is compared by (weekday, day, month, year),
so "Dienstag" meets "Tuesday" and "12. März" meets "March 12".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop.core.text.facts.words import LETTERS

MONTHS = {
    1: ("januar", "jänner", "january", "jan"),
    2: ("februar", "feber", "february", "feb"),
    3: ("märz", "march", "mar", "mär"),
    4: ("april", "apr"),
    5: ("mai", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nov"),
    12: ("dezember", "december", "dez", "dec"),
}
WEEKDAYS = {
    0: ("montag", "monday"),
    1: ("dienstag", "tuesday"),
    2: ("mittwoch", "wednesday"),
    3: ("donnerstag", "thursday"),
    4: ("freitag", "friday"),
    5: ("samstag", "sonnabend", "saturday"),
    6: ("sonntag", "sunday"),
}
_MONTH_OF = {name: number for number, names in MONTHS.items() for name in names}
_WEEKDAY_OF = {name: number for number, names in WEEKDAYS.items() for name in names}
ABBREVIATED_MONTHS = {
    name for names in MONTHS.values() for name in names if len(name) <= 4 and name not in {"mai", "may"}
}

_MONTH_RE = "|".join(
    sorted((re.escape(n) + (r"\.?" if n in ABBREVIATED_MONTHS else "") for n in _MONTH_OF), key=len)[::-1]
)
_WEEKDAY_RE = "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True))
# A month named alone ("in November", "im Oktober") is a date; written out and capitalised only, and never "May"/"Mai"
# (a surname, a verb) nor a short form ("Jan" is a given name).
_LONE_MONTHS = frozenset(n for names in MONTHS.values() for n in names if len(n) > 3 and n not in {"mai", "may"})
_LONE_MONTH_RE = "(?-i:" + "|".join(sorted((n.capitalize() for n in _LONE_MONTHS), key=len, reverse=True)) + ")"
_DAYTIME = r"(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE = re.compile(
    rf"""(?<![\w-])(?:
        (?P<wd1>{_WEEKDAY_RE}){_DAYTIME},?\s+(?:(?:den|the)\s+)?(?P<d1>\d{{1,2}})\.\s*(?P<m1>{_MONTH_RE})(?:\s+(?P<y1>{_YEAR}))?
      | (?P<wd2>{_WEEKDAY_RE}),?\s+(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR}))?
      | (?P<d3>\d{{1,2}})\.\s*(?P<m3>{_MONTH_RE})(?:\s+(?P<y3>{_YEAR}))?
      | (?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m4>{_MONTH_RE})(?:,?\s+(?P<y4>{_YEAR}))?
      | (?P<m5>{_MONTH_RE})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d)(?:,?\s+(?P<y5>{_YEAR}))?
      | (?P<d6>\d{{1,2}})\.(?P<n6>\d{{1,2}})\.(?P<y6>{_YEAR}|\d\d)(?!\d)
      | (?P<y7>{_YEAR})-(?P<n7>\d\d)-(?P<d7>\d\d)
      | (?P<m8>{_MONTH_RE})\s+(?P<y8>{_YEAR})
      | (?P<m11>{_LONE_MONTH_RE})
      | (?P<wd9>{_WEEKDAY_RE}){_DAYTIME}s?
      | (?P<y10>{_YEAR})
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateKey:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None


_DIGIT = re.compile(r"\d")
_WEEKDAY_ONLY = re.compile(
    rf"(?<![\w-])(?:(?P<wd9>{_WEEKDAY_RE}){_DAYTIME}s?|(?P<m11>{_LONE_MONTH_RE}))(?![\w-])", re.IGNORECASE
)


_NUMERIC_DATE = re.compile(
    rf"""(?<![\w-])(?:
        (?P<d6>\d{{1,2}})\.(?P<n6>\d{{1,2}})\.(?P<y6>{_YEAR}|\d\d)(?!\d)
      | (?P<y7>{_YEAR})-(?P<n7>\d\d)-(?P<d7>\d\d)
      | (?P<y10>{_YEAR})
    )(?![\w-])""",
    re.VERBOSE,
)
_WEEKDAY_PREFIXES = tuple(_WEEKDAY_OF)


def _has_calendar_word(text: str) -> bool:
    # A set lookup per word: a regex alternation of the 45 month and weekday names took ~0.15 ms a sentence.
    return any(map(_is_calendar_word, LETTERS.findall(text.lower())))


@lru_cache(maxsize=65536)
def _is_calendar_word(word: str) -> bool:
    return word in _MONTH_OF or word.startswith(_WEEKDAY_PREFIXES)


def find_dates(text: str) -> Iterator[re.Match[str]]:
    """Date matches. The full pattern is slow, so text is first sorted by what it can contain: without a
    month or weekday name only numeric dates and years, without a digit only weekdays."""
    has_digit = _DIGIT.search(text) is not None
    if not _has_calendar_word(text):
        yield from _NUMERIC_DATE.finditer(text) if has_digit else ()
    elif has_digit:
        yield from DATE.finditer(text)
    else:
        yield from _WEEKDAY_ONLY.finditer(text)


def date_key(match: re.Match[str]) -> DateKey:
    # The pattern's groups are numbered alternatives of the same parts ("d1" … "d6"); the first one set wins.
    parts: dict[str, str] = {}
    for name, value in match.groupdict().items():
        if value and name[-1:].isdigit():
            parts.setdefault(name.rstrip("0123456789"), value)
    day, month_name, month_number = parts.get("d"), parts.get("m"), parts.get("n")
    year, weekday = parts.get("y"), parts.get("wd")
    month = _MONTH_OF.get(month_name.casefold().rstrip(".")) if month_name else None
    if month_number:
        month = int(month_number)
    if year and len(year) == 2:
        year = "20" + year
    weekday_number = None
    if weekday:
        # By prefix, not by stripping a daytime suffix: "Sonnabend" would lose its "abend" and become "sonn".
        weekday_number = _weekday_of(weekday)
    return DateKey(int(day) if day else None, month, int(year) if year else None, weekday_number)


def _weekday_of(word: str) -> int | None:
    folded = word.casefold()
    for name, number in _WEEKDAY_OF.items():
        if folded.startswith(name):
            return number
    return None


@cache
def month_and_day_words() -> frozenset[str]:
    return frozenset(_MONTH_OF) | frozenset(_WEEKDAY_OF)
