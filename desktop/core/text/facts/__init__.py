"""Checkable details in a sentence (names, numbers, dates, quotations) and whether another article states them.

An omission is only worth showing if it is real: "Selenskij" against "Selenskyj", "2.300" against "2,300" or
"Dienstag" against "Tuesday" are the same fact spelled differently. Facts are therefore compared through keys
that fold spelling, number format, language and transliteration, and each article is indexed once
(``FactIndex``) so that checking thousands of facts against a long article stays a set lookup.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from desktop.core.model import FactKind
from desktop.core.resources import resource_path

ExtractedFact = tuple[str, FactKind, int, int]
QUOTED_KINDS = frozenset({FactKind.QUOTE, FactKind.TERM})

_QUOTE_WORDS = 4  # fewer quoted words are a quoted term ("Unser Klinikum"), not a statement
_QUOTE_SHARE = 0.5  # share of a quotation's word pairs another article must contain
_NAME_SCORE = 85  # rapidfuzz ratio between folded spellings that still counts as the same name
_MAX_RUN = 4  # tokens in a name
_MIN_FUZZY_LENGTH = 5  # shorter names must match exactly after folding

# --- calendar words ----------------------------------------------------------------------------------------------

_MONTHS = {
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
_WEEKDAYS = {
    0: ("montag", "monday"),
    1: ("dienstag", "tuesday"),
    2: ("mittwoch", "wednesday"),
    3: ("donnerstag", "thursday"),
    4: ("freitag", "friday"),
    5: ("samstag", "sonnabend", "saturday"),
    6: ("sonntag", "sunday"),
}
_MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names}
_WEEKDAY_OF = {name: number for number, names in _WEEKDAYS.items() for name in names}
_ABBREVIATED = {name for names in _MONTHS.values() for name in names if len(name) <= 4 and name not in {"mai", "may"}}

_MONTH_RE = "|".join(sorted((re.escape(n) + (r"\.?" if n in _ABBREVIATED else "") for n in _MONTH_OF), key=len)[::-1])
_WEEKDAY_RE = "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True))
# A month named alone ("in November", "im Oktober") is a date; written out and capitalised only, and never "May"/"Mai"
# (a surname, a verb) nor a short form ("Jan" is a given name).
_LONE_MONTHS = frozenset(n for names in _MONTHS.values() for n in names if len(n) > 3 and n not in {"mai", "may"})
_LONE_MONTH_RE = "(?-i:" + "|".join(sorted((n.capitalize() for n in _LONE_MONTHS), key=len, reverse=True)) + ")"
_DAYTIME = r"(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE = re.compile(
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

# --- numbers -------------------------------------------------------------------------------------------------

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
_NUMBER = re.compile(
    rf"""(?<![\w.,])(?P<cur>[€$£]\s?)?
        (?P<num>\d{{1,2}}:\d\d(?!\d)|\d{{1,3}}(?:[.,\u00a0\u202f\u2009]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)
        (?:(?P<suffix>m|bn|k)\b)?
        (?:\s?(?P<scale>{_SCALE_RE})(?![\w]))?
        (?:\s?(?P<unit>{_UNIT_RE})(?![\w]))?""",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBER_WORDS = {
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

# --- quotations and words ------------------------------------------------------------------------------------------

_QUOTES = re.compile(r"„([^“”\"]+)[“”\"]|“([^”“]+)”|\"([^\"]+)\"|»([^«]+)«|«([^»]+)»|‚([^‘]+)‘")
_TOKEN = re.compile(r"(?:[A-ZÄÖÜ]\.){2,}|\w+(?:[-'’]\w+)*")
_SENTENCE_OPENERS = '.!?:;"“„»«([–—'
_GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "sion", "sionen",
    "tät", "täten", "ismus", "ismen", "nis", "nisse", "nissen", "tum", "tümer", "ling", "linge", "chen", "lein",
    "ei", "eien", "ie", "ien", "ik", "iken", "enz", "enzen", "anz", "anzen", "ment", "mente", "ur", "uren",
)  # fmt: skip
_GERMAN_INFLECTIONS = ("e", "en", "er", "ern", "es", "em")
_PARTICLES = {"von", "van", "der", "de", "den", "zu", "da", "di", "du", "la", "le", "al", "bin", "ibn", "del", "dos"}
_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
_NAME_ABBREVIATIONS = {"st", "mt", "ft", "pt"}
_SAINTLY = frozenset({"St", "Saint", "Mt", "Mount", "San", "Santa", "Sankt"})
_YEAR_CONTEXT = {
    "im", "in", "seit", "bis", "ab", "vor", "nach", "ende", "anfang", "mitte", "jahr", "jahres", "since", "until",
    "by", "from", "year", "early", "late", "end", "of", "spätestens", "frühestens", "bereits", "schon",
}  # fmt: skip


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
    section = ""
    classes: dict[str, int] = {}
    titles: list[str] = []
    not_names: set[str] = set()
    legal: set[str] = set()
    first: set[str] = set()
    longest = 1
    for number, raw in enumerate(resource_path("lexicons", "names-de-en.txt").read_text("utf-8").splitlines()):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().casefold()
        elif section == "equivalents":
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


# --- folding --------------------------------------------------------------------------------------------------------

_TRANSLITERATION = (
    ("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("kh", "h"), ("ch", "h"), ("ck", "k"), ("ph", "f"), ("th", "t"),
    ("w", "v"), ("z", "s"), ("ij", "y"), ("yj", "y"), ("iy", "y"), ("j", "y"), ("c", "k"), ("ie", "i"), ("ou", "u"),
)  # fmt: skip
_DOUBLE = re.compile(r"(\w)\1+")


@lru_cache(maxsize=262144)
def _plain(text: str) -> str:
    text = text.casefold().replace("ß", "ss")
    for umlaut, vowel in (("ä", "a"), ("ö", "o"), ("ü", "u")):
        text = text.replace(umlaut, vowel)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A spelling-blind form of a name: accents, case and the German/English transliteration habits folded,
    so Selenskij, Selenskyj, Zelensky and Zelenskyy all read "selensky"."""
    words = []
    for word in re.findall(r"\w+", _plain(text).replace(".", "")):
        if word.endswith("our") and len(word) > 5:  # British and American spelling: Harbour/Harbor, Labour/Labor
            word = word[:-3] + "or"
        for old, new in _TRANSLITERATION:
            word = word.replace(old, new)
        words.append(_DOUBLE.sub(r"\1", word))
    return " ".join(words)


@lru_cache(maxsize=65536)
def fact_key(text: str) -> str:
    """One key per fact however it is spelled, used to count distinct missing facts (remembered: the summary,
    the report's fact table and the app ask for every fact of a comparison)."""
    return _NON_WORD.sub("", fold_name(text))


_NON_WORD = re.compile(r"\W+")


# --- keys for numbers and dates -----------------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class DateKey:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None


_DIGIT = re.compile(r"\d")
_QUOTE_MARK = re.compile(r"[„“”\"»«]")
_CHUNKS = re.compile(r"(?<=[^\d\s][.!?])\s+")  # sentence ends, not ordinal dots ("12. März")
_ABBREVIATED_MONTH_END = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(_ABBREVIATED, key=len, reverse=True)) + r")\.$", re.IGNORECASE
)


def _chunks(text: str) -> list[str]:
    """The text cut at sentence ends, but not after an abbreviated month: "on Nov. 12" is one date."""
    chunks: list[str] = []
    for piece in _CHUNKS.split(text):
        if chunks and _ABBREVIATED_MONTH_END.search(chunks[-1]):
            chunks[-1] += " " + piece
        else:
            chunks.append(piece)
    return chunks
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


_LETTERS = re.compile(r"[^\W\d_]+")
_WEEKDAY_PREFIXES = tuple(_WEEKDAY_OF)


def _has_calendar_word(text: str) -> bool:
    # A set lookup per word: a regex alternation of the 45 month and weekday names took ~0.15 ms a sentence.
    return any(map(_is_calendar_word, _LETTERS.findall(text.lower())))


@lru_cache(maxsize=65536)
def _is_calendar_word(word: str) -> bool:
    return word in _MONTH_OF or word.startswith(_WEEKDAY_PREFIXES)


def _dates(text: str) -> Iterator[re.Match[str]]:
    """Date matches. The full pattern is slow, so text is first sorted by what it can contain: without a
    month or weekday name only numeric dates and years, without a digit only weekdays."""
    has_digit = _DIGIT.search(text) is not None
    if not _has_calendar_word(text):
        yield from _NUMERIC_DATE.finditer(text) if has_digit else ()
    elif has_digit:
        yield from _DATE.finditer(text)
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


# --- extraction -------------------------------------------------------------------------------------------------------


def extract_facts(text: str, language: str, known_names: Collection[str] = ()) -> list[ExtractedFact]:
    """Names, numbers, dates and quotations of one sentence with offsets into it; no two overlap.

    ``known_names`` are surnames the article has already introduced in full ("Keir Starmer"), so that a later
    bare "Starmer" counts as a name even in German, where a lone capitalised word proves nothing.
    """
    # Only the known names this sentence could use matter (a word of it, or that word less a plural "s"), so
    # the same sentence in another outlet, or in a re-run, is answered from memory.
    relevant = _name_candidates(text).intersection(known_names) if known_names else frozenset()
    return list(_extract_facts(text, language, relevant))


@lru_cache(maxsize=65536)
def _name_candidates(text: str) -> frozenset[str]:
    """The words of a sentence that could be a known surname: each word, and each word less a plural "s"."""
    return frozenset(w for token in _TOKEN.findall(text) for w in (token, token.removesuffix("s")))


@lru_cache(maxsize=65536)
def _extract_facts(text: str, language: str, known_names: frozenset[str]) -> tuple[ExtractedFact, ...]:
    taken_starts: list[int] = []  # claimed spans never overlap, so sorted starts also sort their ends
    taken_ends: list[int] = []
    found: list[ExtractedFact] = []

    def claim(start: int, end: int, kind: FactKind) -> None:
        surface = text[start:end]
        stripped = surface.rstrip(" ,;:")
        end = start + len(stripped)
        # Only the neighbours can overlap: a scan over every claimed span was quadratic in a long line of numbers.
        at = bisect.bisect_left(taken_starts, start)
        if end > start and (at == 0 or taken_ends[at - 1] <= start) and (
            at == len(taken_starts) or taken_starts[at] >= end
        ):
            taken_starts.insert(at, start)
            taken_ends.insert(at, end)
            found.append((text[start:end], kind, start, end))

    for start, end, kind in _quotations(text):
        claim(start, end, kind)
    for match in _dates(text):
        if match.groupdict().get("y10") and _looks_like_amount(text, match.start(), match.end()):
            continue
        claim(match.start(), match.end(), FactKind.DATE)
    for match in _NUMBER.finditer(text):
        if _is_list_marker(text, match):
            continue
        claim(match.start(), match.end(), FactKind.NUMBER)
    for start, end in _names(text, language, known_names):
        claim(start, end, FactKind.NAME)
    return tuple(sorted(found, key=lambda fact: fact[2]))


_NEIGHBOUR_CHARS = 200  # longer than any word that decides whether a year-like number is an amount


def _looks_like_amount(text: str, start: int, end: int) -> bool:
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


def _is_list_marker(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 and match.group(0).endswith(".") and not match.group("unit")


def _quotations(text: str) -> Iterator[tuple[int, int, FactKind]]:
    for match in _QUOTES.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        words = _TOKEN.findall(inner)
        if not words:
            continue
        yield match.start(), match.end(), FactKind.QUOTE if len(words) >= _QUOTE_WORDS else FactKind.TERM


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    role: str = ""  # title, stop, strong, name, weak, particle, lower


def _tokens(text: str) -> list[_Token]:
    return [_Token(m[0], *m.span()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def _is_title(word: str) -> bool:
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
def _known_place(word: str) -> bool:
    lexicon = names()
    folded = fold_name(word)
    return folded in lexicon.classes or (folded.endswith("s") and folded[:-1] in lexicon.classes)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and any(c.isalpha() for c in letters):
        return True
    # A short form with one small letter for a connecting word: "AfD" (Alternative für Deutschland), "BfV".
    return _MIXED_ACRONYM.fullmatch(letters) is not None


_MIXED_ACRONYM = re.compile(r"[A-ZÄÖÜ]{1,2}[a-zäöü][A-ZÄÖÜ]{1,2}")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")


def _base(word: str) -> str:
    """A word without an English possessive: "Kremlin’s" is the Kremlin, "Reuters’" is Reuters."""
    return _POSSESSIVE.sub("", word)


def _names(text: str, language: str, known: Collection[str] = ()) -> Iterator[tuple[int, int]]:
    """Proper names. German capitalises every noun, so there a capitalised word counts as a name only with
    support: a known place or organisation, an acronym, a title before it ("Senator X"), or two capitalised
    words in a row that do not end like German common nouns ("Keir Starmer", "Calverley Bay")."""
    tokens = _tokens(text)
    yield from _known_phrases(text, tokens)
    yield from _institutions(text, tokens)
    for i, token in enumerate(tokens):
        word = token.text
        folded = word.casefold()
        if token.role == "known":
            continue
        if not word[0].isupper():
            token.role = "particle" if folded in _PARTICLES else "lower"
            continue
        k = token.start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        at_start = k < 0 or text[k] in _SENTENCE_OPENERS
        if "-" in word and word[0].isupper():
            first, *_, last = word.split("-")
            if _is_title(last) and not _is_title(first) and first[:1].isupper() and len(first) > 1:
                if _is_acronym(first) or _known_place(first) or not first.casefold().endswith(_GERMAN_NOUN_ENDINGS):
                    yield token.start, token.start + len(first)
                token.role = "title"
                continue
            if (_is_acronym(first) or _known_place(first)) and not _known_place(word):
                yield token.start, token.start + len(first)
                token.role = "lower"
                continue
        base = _base(word) if language == "en" else word
        token.role = _word_role(base, at_start, language, base in known or base.removesuffix("s") in known)
        # Runs never cross punctuation, except the full stop of a place-name abbreviation ("St. Luke's Hospital").
        gap = text[tokens[i - 1].end : token.start].strip() if i else ""
        if gap == "." and tokens[i - 1].text.casefold() in _NAME_ABBREVIATIONS:
            gap = ""
        if gap and token.role in {"weak", "name", "strong"}:
            token.role = token.role + "!"
    _demote_shouting(text, tokens)
    yield from _name_runs(text, tokens, language)


def _demote_shouting(text: str, tokens: list[_Token]) -> None:
    """Capitals side by side are a shouted headline ("FERRY FIASCO", "EILMELDUNG AUS BERLIN"), not acronyms:
    acronyms rarely stand next to each other, and one of four letters or more next to another even less."""
    if sum(1 for t in tokens if t.text.isupper()) < 2:
        return  # a shouted word is all capitals: fewer than two such words make no run (most sentences)
    i = 0
    while i < len(tokens):
        j = i
        while _shouted(tokens[j].text) and j + 1 < len(tokens) and _shouted(tokens[j + 1].text):
            if text[tokens[j].end : tokens[j + 1].start].strip():
                break
            j += 1
        run = tokens[i : j + 1]
        if len(run) > 1 and any(len(t.text) >= 4 for t in run):
            for t in run:
                t.role = "lower"
        i = j + 1


def _shouted(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


@lru_cache(maxsize=65536)
def _word_role(word: str, at_start: bool, language: str, known: bool) -> str:
    """The role of a capitalised word from the word alone (remembered: vocabulary repeats); ``known`` says
    whether the article introduced it as a surname."""
    folded = word.casefold()
    if folded in names().not_names or (at_start and folded in _month_and_day_words()):
        return "stop"
    if _is_title(word) and not _known_place(word):
        return "title"
    if _is_acronym(word) or _known_place(word) or known:
        return "strong"
    if folded in names().first_names:
        return "name"
    if language == "en":
        return "weak" if at_start else "name"
    if at_start:
        return "weak"
    return "common" if folded.endswith(_GERMAN_NOUN_ENDINGS) else "weak"


@cache
def _phrase_tails() -> frozenset[str]:
    """Last words of the lexicon's multi-word names."""
    return frozenset(key.split()[-1] for key in names().classes if " " in key)


@cache
def _phrase_openers() -> frozenset[str]:
    """First words of the lexicon's multi-word names: only these can open a known phrase."""
    return frozenset(key.split()[0] for key in names().classes if " " in key)


def _known_phrases(text: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Multi-word places and organisations from the lexicon ("European Union", "Weißen Haus"), found before
    the word-by-word rules can split them at a demonym or a common noun; their tokens are marked "known"."""
    lexicon = names()
    openers = _phrase_openers()
    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper() or fold_name(tokens[i].text) not in openers:
            i += 1
            continue
        for n in range(min(lexicon.longest, len(tokens) - i), 1, -1):
            run = tokens[i : i + n]
            if any(text[a.end : b.start].strip() not in {"", "/"} for a, b in itertools.pairwise(run)):
                continue
            phrase = fold_name(" ".join(t.text for t in run))
            if phrase in lexicon.classes or phrase.removesuffix("s") in lexicon.classes:
                for t in run:
                    t.role = "known"
                yield run[0].start, run[-1].end
                i += n - 1
                break
        i += 1


# An institution named by what it is for: "Landesamt für Umwelt", "Bundesamt für Migration und Flüchtlinge",
# "Department of Health", "Office for National Statistics". German compounds end in the head noun.
_INSTITUTION_HEAD = (
    r"[A-ZÄÖÜ][\w-]*(?:amt|amts|ministerium|ministeriums|institut|instituts|behörde|zentrum|zentrums|agentur|"
    r"kommission|verband|verbands|stiftung|akademie|gericht|gerichts)"
    r"|Department|Ministry|Office|Institute|Agency|Bureau|Commission|Council|Board|University|Court|Secretary"
    r"|Bank|Church|Assembly|Parliament|Chamber|Museum|College|School|Academy|Republic|Kingdom|Federation|League"
    r"|Association|Society|Organi[sz]ation|Cent(?:re|er)|Committee|Tribunal|Service|Authority|Fund|Foundation"
    r"|Party|Union|Congress|Command|Corps"
)
# "Council of Europe", "Bank of England", "Parliamentary Assembly of the Council of Europe": one name, not
# "Council" and "Europe".
_INSTITUTION = re.compile(
    rf"(?<![\w-])(?:{_INSTITUTION_HEAD})\s+(?:für|of|for)\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*"
    r"(?:\s+(?:und|and)\s+[A-ZÄÖÜ][\w-]*|\s+[A-ZÄÖÜ][\w-]*){0,2}"
    r"(?:\s+of\s+(?:the\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)?(?![\w-])"
)


def _institutions(text: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Institutions named by their remit, found whole before the word rules split them at "für"/"of"; their
    tokens are marked "known"."""
    if " für " not in text and " of " not in text and " for " not in text:
        return
    for match in _INSTITUTION.finditer(text):
        inside = [t for t in tokens if match.start() <= t.start < match.end()]
        if any(t.role == "known" for t in inside):
            continue
        for t in inside:
            t.role = "known"
        yield match.start(), match.end()


@cache
def _month_and_day_words() -> frozenset[str]:
    return frozenset(_MONTH_OF) | frozenset(_WEEKDAY_OF)


def _name_runs(text: str, tokens: list[_Token], language: str) -> Iterator[tuple[int, int]]:
    i = 0
    while i < len(tokens):
        role = tokens[i].role.rstrip("!")
        if role not in {"weak", "name", "strong"}:
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        after_title = i > 0 and tokens[i - 1].role == "title" and not text[tokens[i - 1].end : run[0].start].strip(" .")
        while j < len(tokens) and len(run) < _MAX_RUN:
            if language == "en" and _base(run[-1].text) != run[-1].text and run[0].text not in _SAINTLY:
                break  # "the White House’s Rose Garden" names two places; "St. Peter’s Square" one
            nxt = tokens[j]
            if nxt.role in {"weak", "name", "strong"}:
                run.append(nxt)
                j += 1
                continue
            if nxt.role == "particle" and (after_title or len(run) > 1) and _particle_joins(tokens, j, text, language):
                k = j
                while tokens[k].role == "particle":
                    k += 1
                run.extend(tokens[j : k + 1])
                j = k + 1
                continue
            break
        # "Vestalis Gesundheit AG": a company suffix pulls in up to two capitalised words before it.
        company = False
        for k in range(j, min(j + 3, len(tokens))):
            if text[tokens[k - 1].end : tokens[k].start].strip() or not tokens[k].text[:1].isupper():
                break
            if fold_name(tokens[k].text) in names().legal_forms:
                run.extend(tokens[j : k + 1])
                j = k + 1
                company = True
                break
        roles = {t.role.rstrip("!") for t in run}
        words = [t for t in run if t.role.rstrip("!") != "particle"]
        named = (
            after_title
            or "strong" in roles
            or (language == "en" and "name" in roles)
            or (len(words) >= 2 and (language == "en" or "name" in roles or company or not _inflected_nouns(words)))
        )
        if named:
            mixed = "strong" in roles and len(words) > 1 and _all_weak_or_strong_separate(run)
            if mixed and language == "en":
                # English capitalises names only, so a run is one name unless a place or acronym stands in it;
                # a word known as the last of an earlier name ("Guard" of "U.S. Coast Guard") does not split
                # "Coast Guard crews" into "Guard".
                mixed = any(
                    t.role.rstrip("!") == "strong" and (_is_acronym(t.text) or _known_place(t.text)) for t in run
                )
            if mixed and not (after_title or company):
                # Known places stand alone: "Vertreter Frankreichs" is not one name.
                for t in run:
                    if t.role.rstrip("!") == "strong":
                        yield t.start, t.end
            else:
                end = run[0].start + len(_base(text[run[0].start : run[-1].end]))
                if end - run[0].start > 1 and not _is_label(text, run[0].start, run[-1].end, roles):
                    yield run[0].start, end
        i = j


_LIST_MARKER = re.compile(r"\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s*")


def _is_label(text: str, start: int, end: int, roles: set[str]) -> bool:
    """The heading of a list item, "- Previous Role: …", "• Missionary Work: …": a label, not a name. A known
    place or acronym stays a name ("- Berlin: …")."""
    return (
        "strong" not in roles
        and _LIST_MARKER.fullmatch(text[:start]) is not None
        and text[start:end].count(" ") < 4
        and text[end : end + 1] == ":"
    )


def _inflected_nouns(words: list[_Token]) -> bool:
    """Two German nouns side by side ("seit Jahren Verluste", "Soziale Medien"): every word carries a German
    inflection ending. Names rarely do throughout ("Keir Starmer", "Martin Oehlke", "Calverley Bay")."""
    return all(t.text.casefold().endswith(_GERMAN_INFLECTIONS) for t in words) and not _known_place(
        " ".join(t.text for t in words)
    )


def _all_weak_or_strong_separate(run: list[_Token]) -> bool:
    """A run mixing a known place with unrecognised capitalised words in German-style noun order."""
    roles = [t.role.rstrip("!") for t in run]
    return "weak" in roles and "name" not in roles


def _particle_joins(tokens: list[_Token], j: int, text: str, language: str) -> bool:
    """ "Ursula von der Leyen": particles join a name only when exactly one name word follows them. In German,
    where articles are particles too, the run must open with "von"/"van"/"zu"… ("Koalition der Willigen" is no
    name)."""
    if text[tokens[j - 1].end : tokens[j].start].strip():
        return False
    if language != "en" and tokens[j].text.casefold() in _ARTICLES:
        return False
    k = j
    while k < len(tokens) and tokens[k].role == "particle":
        k += 1
    if k >= len(tokens) or tokens[k].role not in {"weak", "name"}:
        return False
    return k + 1 >= len(tokens) or tokens[k + 1].role not in {"weak", "name", "strong"}


def introduced_surnames(extracted: Iterable[ExtractedFact]) -> list[str]:
    """Last words of the multi-word names in a sentence: what later sentences may call a person by."""
    legal = names().legal_forms
    found = []
    for text, kind, _, _ in extracted:
        words = text.split()
        if kind == FactKind.NAME and len(words) > 1 and len(words[-1]) > 2 and fold_name(words[-1]) not in legal:
            found.append(words[-1])
    return found


def speaker_words(text: str, extracted: Iterable[ExtractedFact]) -> list[str]:
    """Capitalised words outside the sentence's quotations: who is quoted ("…“, sagte Ashdown"), even where
    a single German surname is no extracted name."""
    quoted = [(start, end) for _, kind, start, end in extracted if kind in QUOTED_KINDS]
    stop = names().not_names
    return [
        m.group()
        for m in _TOKEN.finditer(text)
        if m.group()[:1].isupper()
        and len(m.group()) > 2
        and m.group().casefold() not in stop
        and not any(s <= m.start() < e for s, e in quoted)
    ]


# --- presence ----------------------------------------------------------------------------------------------------


_FOLDED_PARTICLES = frozenset(fold_name(p) for p in _PARTICLES)


def _class_of(classes: Mapping[str, int], phrase: str) -> int | None:
    """The lexicon class of a folded phrase, also with a plural or genitive "s" dropped."""
    hit = classes.get(phrase)
    if hit is None and phrase.endswith("s"):
        hit = classes.get(phrase[:-1])
    return hit


@dataclass(slots=True)
class FactIndex:
    """Everything one article states, folded for lookup; build once per article, query per fact."""

    language: str
    words: frozenset[str]
    pairs: frozenset[str]
    capitalised: frozenset[str]
    by_initial: dict[str, list[str]]
    classes: frozenset[int]
    numbers: frozenset[float]
    dates: frozenset[DateKey]
    speakers: frozenset[str]  # folded capitalised words of sentences that quote someone
    initials: frozenset[str]  # folded initials of runs of capitalised words: "National Weather Service" -> "nws"
    codes: frozenset[str]  # road and line codes, written short or out: "B214", "Bundesstraße 214" -> "b214"
    acronyms: frozenset[str] = frozenset()  # folded short forms written in capitals: "NTSB", "FDP" of "FDP-Chef"
    clocks: tuple[float, ...] = ()  # times of day in hours: "6:07 p.m." -> 18.12
    stems: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()  # each sentence's content stems and their pairs
    stem_pairs: frozenset[str] = frozenset()  # word pairs without inflection endings, for quoted terms
    _cache: dict[tuple[str, FactKind, str], bool] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, language: str) -> FactIndex:
        lexicon = names()
        raw = _TOKEN.findall(text)
        # A document repeats its vocabulary (133,000 words, 15,000 distinct in 10,000 sentences): every reading of
        # a word is worked out once per distinct word; only the phrase lookups and word pairs follow positions.
        plain_of = {t: _plain(t) for t in dict.fromkeys(raw)}
        plain = [plain_of[t] for t in raw]
        words = frozenset(plain_of.values())
        # "Kremlin’s" states the Kremlin: possessives are read without their ending.
        base_of = {t: _base(t) for t in plain_of}
        tokens = [base_of[t] for t in raw]
        distinct = dict.fromkeys(base_of.values())
        fold_of = {t: fold_name(t) for t in distinct}
        capitalised_set = set()
        acronyms = set()
        for token in distinct:
            if token[:1].isupper():
                capitalised_set.add(fold_of[token])
            # "FDP-Chef", "US-Kardinal", "Sachsen-Anhalts": each capitalised part of a compound is stated too.
            parts = token.split("-") if "-" in token else [token]
            for part in parts:
                if not part[:1].isupper():
                    continue
                part_fold = fold_name(part)
                capitalised_set.add(part_fold)
                if len(part_fold) > 3 and part_fold.endswith("s"):
                    capitalised_set.add(part_fold[:-1])  # German genitive: "Macrons", "Sachsen-Anhalts"
                if _is_acronym(part):
                    acronyms.add(part_fold)
        capitalised = frozenset(capitalised_set)
        by_initial: dict[str, list[str]] = {}
        for name in capitalised:
            if name:
                by_initial.setdefault(name[0], []).append(name)
        classes: set[int] = set()
        openers = _phrase_openers()
        # Per distinct capitalised word: whether a phrase may open there, its own class, its compound parts'.
        opens = {t: fold_of[t].split(" ", 1)[0] in openers for t in distinct if t[:1].isupper()}
        alone = {t: _class_of(lexicon.classes, fold_of[t]) for t in opens}
        part_classes = {
            t: [hit for part in t.split("-") if (hit := lexicon.classes.get(fold_name(part))) is not None
                and part[:1].isupper()]
            for t in opens
            if "-" in t
        }  # fmt: skip
        folded = [fold_of[t] for t in tokens]
        covered = 0  # tokens up to here belong to a longer name already read ("Europäischen Union" is not "Union")
        for i, token in enumerate(tokens):
            if i < covered or token not in opens:
                continue
            if opens[token]:
                # Phrases of two or more words can only begin with the first word of a multi-word lexicon entry.
                for n in range(min(lexicon.longest, len(tokens) - i), 0, -1):
                    hit = _class_of(lexicon.classes, " ".join(folded[i : i + n]))
                    if hit is not None:
                        classes.add(hit)
                        covered = i + n
                        break
            else:
                hit = alone[token]
                if hit is not None:
                    classes.add(hit)
                    covered = i + 1
            if token in part_classes:  # "FDP-Chef", "AfD-Fraktion", "US-Kardinal"
                classes.update(part_classes[token])
        numbers: set[float] = set()
        clocks: set[float] = set()
        for m in _NUMBER.finditer(text):
            values = number_values(m, language)
            numbers |= values
            if _is_clock(m):
                clocks |= values
        codes = set()
        for m in _CODE.finditer(text):
            codes.add(_code_key(m.group(1), m.group(2)))
            numbers.add(float(m.group(2)))  # "B214" states the number 214
        codes |= {_code_key(m.group(1), m.group(2)) for m in _CODE_SPELLED.finditer(text)}
        spelled = _spelled_numbers()
        numbers |= {float(spelled[w]) for w in plain if w in spelled}
        chunks = _chunks(text)
        dates = {key for chunk in chunks for key in _chunk_dates(chunk)}
        stems = tuple((s, _content_pairs(chunk)) for chunk in chunks if (s := _content_stems(chunk)))
        speakers = {word for chunk in chunks for word in _chunk_speakers(chunk)}
        pairs = frozenset(map(" ".join, itertools.pairwise(plain)))
        stem_of = {w: _stem(w) for w in words}
        stem_pairs = frozenset(map(" ".join, itertools.pairwise([stem_of[w] for w in plain])))
        initials = {i for match in _CAPITALISED_RUN.finditer(text) for i in _folded_initials(match.group())}
        return cls(
            language=language,
            words=words,
            pairs=pairs,
            capitalised=capitalised,
            by_initial=by_initial,
            classes=frozenset(classes),
            numbers=frozenset(numbers),
            dates=frozenset(dates),
            speakers=frozenset(speakers),
            initials=frozenset(initials),
            codes=frozenset(codes),
            acronyms=frozenset(acronyms),
            clocks=tuple(sorted(clocks)),
            stems=stems,
            stem_pairs=stem_pairs,
        )

    def contains(self, text: str, kind: FactKind, language: str = "") -> bool:
        """Whether this article states the fact ``text`` (extracted from an article in ``language``)."""
        # The asking article's language is part of the key: "2,300" is one value in English, two in German,
        # and an index lives on between comparisons (``fact_index``) to be asked from either.
        key = (text, kind, language or self.language)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._contains(*key)
        return found

    def _contains(self, text: str, kind: FactKind, language: str) -> bool:
        if kind == FactKind.NUMBER:
            return any(self._has_number(m, language) for m in _NUMBER.finditer(text))
        if kind == FactKind.DATE:
            return all(self._has_date(date_key(m)) for m in _DATE.finditer(text))
        if kind in QUOTED_KINDS:
            # Word pairs, not single words: a quotation's vocabulary ("drivers", "contract") turns up all over an
            # article about the same event, its word sequence only where it is quoted.
            words = [_plain(t) for t in _TOKEN.findall(text)]
            if len(words) < 2:
                return not words or words[0] in self.words
            inner = text.strip().strip('„“”"»«‚‘’').strip(" .,;:!?")
            if kind == FactKind.TERM and fold_name(inner) in names().classes:
                return self._has_name(inner, language)  # a quoted party name: "Alternative für Deutschland"
            pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
            share = sum(pair in self.pairs for pair in pairs) / len(pairs)
            if share >= (_QUOTE_SHARE if kind == FactKind.QUOTE else 1.0):
                return True
            if kind == FactKind.TERM:
                # The words of a quoted term inflected ("gesichert rechtsextremistisch" for "… rechtsextremistische
                # Bestrebung"): most of its word pairs, endings aside.
                stemmed = [f"{_stem(a)} {_stem(b)}" for a, b in itertools.pairwise(words)]
                return sum(pair in self.stem_pairs for pair in stemmed) * 2 >= len(stemmed)
            return self._has_statement(text)
        return self._has_name(text, language)

    def _has_statement(self, quotation: str) -> bool:
        """A quotation reworded in one sentence (a second translation of one statement): most of its content
        words, endings aside, stand in one sentence here."""
        wanted = _content_stems(quotation)
        if len(wanted) < _STATEMENT_WORDS:
            return False
        wanted_pairs = _content_pairs(quotation)
        need = max(_STATEMENT_WORDS, _STATEMENT_SHARE * len(wanted))
        # Shared vocabulary alone is not the statement: some of its words must also keep their order.
        return any(
            len(wanted & stems) >= need and len(wanted_pairs & pairs) >= _STATEMENT_ORDER * len(wanted_pairs)
            for stems, pairs in self.stems
        )

    def _has_number(self, match: re.Match[str], language: str) -> bool:
        values = number_values(match, language)
        if values & self.numbers:
            return True
        if not _is_clock(match):
            return False
        # "kurz nach 18 Uhr" and "6:07 p.m.": a full hour is stated by any time in its first quarter.
        return any(
            v == int(v) and bisect.bisect_left(self.clocks, v) < bisect.bisect_right(self.clocks, v + 0.25)
            for v in values
        )

    def quotes_someone_named(self, names: Iterable[str]) -> bool:
        """Whether a sentence here quotes one of ``names``: how a quotation is recognised across languages,
        where its words cannot be compared ("„…“, sagte Ashdown" against "“…,” Ashdown said")."""
        for name in names:
            words = fold_name(name).split()
            if words and words[-1] in self.speakers:
                return True
        return False

    def _has_date(self, wanted: DateKey) -> bool:
        for date in self.dates:
            if wanted.day is not None:
                if date.day == wanted.day and date.month == wanted.month:
                    return True
            elif wanted.month is not None:
                if date.month == wanted.month and (wanted.year is None or date.year == wanted.year):
                    return True
            elif wanted.year is not None:
                if date.year == wanted.year:
                    return True
            elif wanted.weekday is not None and date.weekday == wanted.weekday:
                return True
        if wanted.weekday is not None and wanted.day is None and self._weekday_by_date(wanted.weekday):
            return True
        if wanted.year is not None and wanted.day is None and wanted.month is None:
            return float(wanted.year) in self.numbers
        return False

    def _weekday_by_date(self, weekday: int) -> bool:
        """ "Wednesday" against "April 2": the same day when the article's year makes April 2 a Wednesday."""
        years = {d.year for d in self.dates if d.year is not None}
        years |= {int(v) for v in self.numbers if v == int(v) and 1900 <= v <= 2099}
        for date in self.dates:
            if date.day is None or date.month is None:
                continue
            for year in {date.year} if date.year is not None else years:
                try:
                    if datetime.date(year, date.month, date.day).weekday() == weekday:
                        return True
                except ValueError:
                    continue
        return False

    def _has_name(self, text: str, language: str) -> bool:
        lexicon = names()
        whole = fold_name(text)
        code = _CODE.fullmatch(text.strip())
        if code:
            return _code_key(code.group(1), code.group(2)) in self.codes
        # An acronym and its expansion are one name: "NTSB" / "National Transportation Safety Board".
        if _is_acronym(text) and " " not in text.strip() and whole in self.initials:
            return True
        spelled = [w for w in text.split() if w[:1].isupper() and not _is_acronym(w)]
        # Only a short form written in capitals stands for the name: "As" opening a sentence is not Anne Smith.
        if len(spelled) >= 2 and fold_name("".join(w[0] for w in spelled)) in self.acronyms:
            return True
        for candidate in (whole, whole[:-1] if whole.endswith("s") else ""):
            if candidate in lexicon.classes:
                # The bare word counts too, unless it ends a longer name ("Union" of "Europäische Union").
                return lexicon.classes[candidate] in self.classes or (
                    candidate in self.capitalised and candidate not in _phrase_tails()
                )
        words = [w for w in whole.split() if w not in lexicon.legal_forms and w not in _FOLDED_PARTICLES]
        if not words:
            return True
        if _INSTITUTION.fullmatch(text.strip()):
            # "Landesamt für Umwelt": the institution is named only where its head is ("Umwelt" alone is not it),
            # or by a remit of one long word, its usual short name ("Verfassungsschutz").
            remit = text.split()[2:] if len(text.split()) == 3 else []
            if remit and len(remit[0]) >= _SHORT_NAME_LENGTH and self._has_word(fold_name(remit[0])):
                return True
            return self._has_word(words[0])
        if self._has_word(words[-1]):
            return True
        if language == "de":
            # German capitalises every noun, so a "name" may be two nouns ("seit Jahren Verluste"); any of its
            # words found elsewhere is reason enough not to call it omitted.
            return any(self._has_word(w) for w in words if len(w) > 3)
        return len(words) > 1 and sum(self._has_word(w) for w in words) * 2 >= len(words) + 1

    def _has_word(self, folded: str) -> bool:
        if folded in self.capitalised or (folded.endswith("s") and folded[:-1] in self.capitalised):
            return True
        if len(folded) < _MIN_FUZZY_LENGTH:
            return False
        pool = self.by_initial.get(folded[0], [])
        return process.extractOne(folded, pool, scorer=fuzz.ratio, score_cutoff=_NAME_SCORE) is not None


_STATEMENT_WORDS = 3  # content words a reworded quotation must share with one sentence, at least
_STATEMENT_SHARE = 0.6  # and this share of its content words
_STATEMENT_ORDER = 0.3  # and this share of its neighbouring content-word pairs
_SHORT_NAME_LENGTH = 12  # letters of a one-word remit that names its institution alone ("Verfassungsschutz")
_STEM_ENDINGS = ("ern", "en", "er", "es", "em", "e", "s", "n", "ed", "ing")


def _is_clock(match: re.Match[str]) -> bool:
    return ":" in match.group("num") or (match.group("unit") or "").casefold() in _CLOCK_UNITS


@lru_cache(maxsize=262144)
def _stem(word: str) -> str:
    """A word without its inflection ending, for comparing quoted words across grammar ("gesicherte"/"gesichert")."""
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(stem for word in _LETTERS.findall(text) if (stem := _content_stem(word)))


_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=262144)
def _content_stem(word: str) -> str:
    """The stem of a word that says something, else "" (remembered: every sentence of an article is read)."""
    plain = _plain(word)
    return _stem(plain) if len(plain) > 3 and plain not in _stopwords() else ""


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(_content_words(text))


def _content_pairs(text: str) -> frozenset[str]:
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(_content_words(text)))


@cache
def _stopwords() -> frozenset[str]:
    words: set[str] = set()
    for language in ("de", "en"):
        path = resource_path("lexicons", f"stopwords-{language}.txt")
        for line in path.read_text("utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(_plain(word))
    return frozenset(words)


# A road or line code ("B214", "A 7", "I-95", "M25") and the same written out ("Bundesstraße 214", "Autobahn 7",
# "Interstate 95"): one road, one fact.
_CODE = re.compile(r"(?<![\w-])([A-Z])[ -]?(\d{1,4})(?![\w-]|[.,]\d)")
_CODE_SPELLED = re.compile(r"(?<![\w-])([A-ZÄÖÜ])[a-zäöüß]+[ -](\d{1,4})(?![\w-]|[.,]\d)")


def _code_key(letter: str, number: str) -> str:
    return f"{letter.casefold()}{int(number)}"


_CONNECTORS = r"(?:of|for|and|the|on|für|der|die|des|und|de|du|la)"
_CAPITALISED_RUN = re.compile(rf"[A-ZÄÖÜ][\w'’-]*(?:\s+(?:{_CONNECTORS}\s+)?[A-ZÄÖÜ][\w'’-]*)+")


@lru_cache(maxsize=65536)
def _folded_initials(run: str) -> frozenset[str]:
    """``_run_initials`` folded, remembered per run: an article repeats its names."""
    return frozenset(fold_name(initials) for initials in _run_initials(run))


def _run_initials(run: str) -> list[str]:
    """Initials of every stretch of two to six capitalised words in a run (connecting words skipped), the
    acronym a later sentence or another outlet may use for them."""
    words = [w for w in run.split() if w[:1].isupper() and not _is_acronym(w)]
    found = []
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 6) + 1):
            found.append("".join(w[0] for w in words[i:j]))
    return found if len(words) >= 2 else []


# Dates and speakers are read sentence by sentence; outlets share sentences, so each is read once.


@lru_cache(maxsize=65536)
def _chunk_dates(chunk: str) -> tuple[DateKey, ...]:
    return tuple(date_key(m) for m in _dates(chunk))


@lru_cache(maxsize=65536)
def _chunk_speakers(chunk: str) -> tuple[str, ...]:
    """Folded capitalised words of a sentence that quotes someone (none for one that does not)."""
    if not _QUOTE_MARK.search(chunk):
        return ()
    return tuple(fold_name(word) for word in _TOKEN.findall(chunk) if word[:1].isupper())


@cache
def _spelled_numbers() -> dict[str, int]:
    return {_plain(word): value for word, value in _NUMBER_WORDS.items()}


@lru_cache(maxsize=24)  # a 20-article comparison re-run after a threshold change; ~9 MB for 10,000 sentences
def fact_index(text: str, language: str) -> FactIndex:
    return FactIndex.build(text, language)


def fact_present(text: str, kind: FactKind, other: str, language: str) -> bool:
    """Whether ``other`` (a sentence or a whole article in ``language``) states the same fact, spelling aside."""
    return fact_index(other, language).contains(text, kind)
