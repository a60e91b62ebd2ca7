"""Where outlets disagree: inside each aligned group, the figures, dates, office holders, places, sources and
certainty that members give differently for the same slot.

Two numbers differ all the time in two sentences about one event ("20,000 marched; 300 were arrested"); they
disagree only when both speak of the same quantity. A number's slot is read from the words around it (the
noun it counts, the verb or noun before it) through the word classes of ``resources/lexicons/conflicts-de-en.txt``
(so "Demonstranten" meets "protesters") or, within one language, through shared stems. Figures that round
to each other ("about 6,000" / "6,012"), bounds that hold ("more than 6,000" / "6,012") and different units are
not conflicts. Dates compare by weekday and calendar day (``facts`` reads both languages' names), office
holders by office ("Kanzler" / "chancellor"), places by the locative preposition before them, attribution by
who is cited, certainty by the modal the outlet uses ("will" / "could", "reportedly").

``Comparison.conflicts`` goes into the JSON, the library and the HTML export. The desktop app does not show
them yet (issue 15 asks for a highlight with its own non-colour cue, a Differences-panel filter and a tooltip
naming each outlet's value): ``ConflictValue`` offsets index the article text like ``Fact`` offsets do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from desktop.core.detect import commentary
from desktop.core.model import (
    ArticleResult,
    Conflict,
    ConflictKind,
    ConflictValue,
    FactKind,
    Group,
    Role,
    Sentence,
    Status,
)
from desktop.core.resources import resource_path
from desktop.core.text import facts, wordlists

_WINDOW = 3  # content words either side of a number that can name what it counts
_SOURCE_WINDOW = 8  # words either side of a verb of saying that can name who said it
_SAME_NAME = 85  # rapidfuzz ratio of folded surnames that still counts as one person or place
_HEDGED_TOLERANCE = 0.12  # "about 6,000" accepts figures within 12 %
_ROUND_FROM = 100  # a figure ending in two zeros or more may be a rounded one ("6,000" for 6,012)

_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*|\d(?:[\d.,:\u00a0\u202f]*\d)?")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]–—\"“”„«»]")
_CONJUNCTIONS = frozenset({"and", "und", "or", "oder", "while", "während", "but", "aber", "sowie", "whereas", "as"})
_LOCATIVE = {
    "en": frozenset({"in", "near", "outside", "at"}),
    "de": frozenset({"in", "im", "nahe", "bei", "beim"}),
}
_PLACE_ARTICLES = frozenset({"the", "der", "dem", "den"})
_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "sir", "herr", "frau", "dame", "lord"})
_YEAR_PREPOSITIONS = {
    "in": "in", "im": "in", "year": "in", "jahr": "in", "since": "since", "seit": "since",
    "until": "until", "bis": "until", "by": "until", "before": "before", "vor": "before", "after": "after",
    "nach": "after",
}  # fmt: skip
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


# --- the lexicon ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Classes:
    """Word classes of one lexicon section: exact spellings (one or more words) and ``prefix*`` entries."""

    exact: dict[tuple[str, ...], int]
    prefixes: tuple[tuple[str, int], ...]
    suffixes: tuple[tuple[str, int], ...]  # "*ministerium": German compounds end in their head noun
    longest: int
    names: tuple[str, ...]  # the first spelling of each class, what ``about`` reports

    openers: frozenset[str] = frozenset()  # first words of the entries of two words or more
    # word → its single-word class (or None), filled as words are met: vocabularies repeat
    singles: dict[str, int | None] = field(default_factory=dict, compare=False)

    def match(self, words: Sequence[str], at: int) -> tuple[int, int] | None:
        """(class, words taken) of the longest entry starting at ``words[at]`` (lower-case words)."""
        word = words[at]
        if word in self.openers:
            for n in range(min(self.longest, len(words) - at), 1, -1):
                hit = self.exact.get(tuple(words[at : at + n]))
                if hit is not None:
                    return hit, n
        single = self.singles.get(word, -1)
        if single == -1:
            single = self.singles[word] = self._single(word)
        return None if single is None else (single, 1)

    def _single(self, word: str) -> int | None:
        hit = self.exact.get((word,))
        if hit is not None:
            return hit
        for prefix, number in self.prefixes:
            if word.startswith(prefix):
                return number
        for suffix, number in self.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                return number
        return None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    sections: dict[str, _Classes] = field(default_factory=dict)

    def __getitem__(self, name: str) -> _Classes:
        return self.sections[name]


@cache
def _lexicon() -> _Lexicon:
    text = resource_path("lexicons", "conflicts-de-en.txt").read_text(encoding="utf-8")
    raw: dict[str, list[list[str]]] = {}
    section = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        raw.setdefault(section, []).append([w.strip() for w in line.split("|") if w.strip()])
    # The three certainty sections as one section of three classes, so a sentence is read in one pass.
    raw["levels"] = [[w for line in raw.get(level, []) for w in line] for level in _LEVELS]
    built: dict[str, _Classes] = {}
    for name, lines in raw.items():
        exact: dict[tuple[str, ...], int] = {}
        prefixes: list[tuple[str, int]] = []
        suffixes: list[tuple[str, int]] = []
        for number, spellings in enumerate(lines):
            for spelling in spellings:
                lowered = spelling.casefold()
                if lowered.startswith("*"):
                    suffixes.append((lowered[1:], number))
                elif lowered.endswith("*"):
                    prefixes.append((lowered[:-1], number))
                else:
                    exact.setdefault(tuple(_words(lowered)), number)
        longest = max((len(k) for k in exact), default=1)
        prefixes.sort(key=lambda p: -len(p[0]))
        suffixes.sort(key=lambda p: -len(p[0]))
        openers = frozenset(k[0] for k in exact if len(k) > 1)
        built[name] = _Classes(exact, tuple(prefixes), tuple(suffixes), longest, tuple(s[0] for s in lines), openers)
    return _Lexicon(built)


def _words(text: str) -> list[str]:
    return [m.group().casefold() for m in _WORD.finditer(text)]


@cache
def _speech_words() -> frozenset[str]:
    """Verbs of saying (attribution lexicons): never what a number counts."""
    found: set[str] = set()
    for language in wordlists.LANGUAGES:
        for section in ("speech", "source"):
            for entry in wordlists.sections(f"attribution-{language}").get(section, ()):
                found.update(w for w in entry.casefold().split() if w.isalpha())
    return frozenset(found)


# --- what each member sentence states ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Value:
    """One statement in one sentence: its surface, offsets into the article, and what it is compared by."""

    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Number:
    value: _Value
    values: frozenset[float]
    unit: str
    bound: str  # "", "approximate", "lower-bound", "upper-bound"
    after: frozenset[str]  # the noun it counts and the words right after it
    before: frozenset[str]  # the words right before it in its clause ("Zahl der Toten", "turnout of")
    clock: bool = False


@dataclass(frozen=True, slots=True)
class _Date:
    value: _Value
    key: facts.DateKey
    preposition: str
    context: frozenset[str]  # content words around it: what happened then


@dataclass(frozen=True, slots=True)
class _Holder:
    value: _Value
    office: str  # "office:3" (a lexicon office, either language) or "title:transport secretary"
    label: str
    surname: str
    former: bool


@dataclass(frozen=True, slots=True)
class _Party:
    value: _Value
    surname: str
    party: int


@dataclass(frozen=True, slots=True)
class _Place:
    value: _Value
    key: str


@dataclass(slots=True)
class _Side:
    """Everything one article's members of a group state, each with its offsets in that article's text."""

    article: str
    language: str
    sentences: list[Sentence]
    headline: bool
    numbers: list[_Number] = field(default_factory=list)
    dates: list[_Date] = field(default_factory=list)
    holders: list[_Holder] = field(default_factory=list)
    parties: list[_Party] = field(default_factory=list)
    places: list[_Place] = field(default_factory=list)
    sources: dict[str, _Value] = field(default_factory=dict)  # source key → where it is named
    attributed: bool = False  # a verb of saying, a source phrase, a quotation or indirect speech
    certainty: tuple[str, _Value | None] = ("plain", None)
    mentioned: set[str] = field(default_factory=set)  # folded capitalised words, to see a name stated anywhere
    words: list[tuple[str, ...]] = field(default_factory=list)  # each sentence's lower-case words

    def whole(self) -> _Value:
        first, last = self.sentences[0], self.sentences[-1]
        return _Value(first.index, "", first.start, last.end)


def _side(result: ArticleResult, indices: Sequence[int]) -> _Side | None:
    language = result.article.language
    sentences = [result.sentences[i] for i in indices if result.sentences[i].role != Role.BOILERPLATE]
    if not sentences:
        return None
    side = _Side(result.article.id, language, sentences, all(s.role == Role.TITLE for s in sentences))
    levels: list[tuple[str, _Value | None]] = []
    for sentence in sentences:
        read = _reading(sentence.text, language)

        def shift(v: _Value, at: Sentence = sentence) -> _Value:
            return _Value(at.index, v.text, at.start + v.start, at.start + v.end)

        side.numbers.extend(replace(n, value=shift(n.value)) for n in read.numbers)
        side.dates.extend(replace(d, value=shift(d.value)) for d in read.dates)
        side.holders.extend(replace(h, value=shift(h.value)) for h in read.holders)
        side.parties.extend(replace(p, value=shift(p.value)) for p in read.parties)
        side.places.extend(replace(p, value=shift(p.value)) for p in read.places)
        for key, named in read.sources.items():
            side.sources.setdefault(key, shift(named))
        side.attributed = side.attributed or read.attributed
        side.mentioned |= read.mentioned
        side.words.extend(read.words)
        level, where = read.certainty
        levels.append((level, shift(where) if where is not None else None))
    order = {"hearsay": 3, "hedged": 2, "certain": 1, "plain": 0}
    side.certainty = max(levels, key=lambda level: order[level[0]], default=("plain", None))
    return side


@lru_cache(maxsize=65536)
def _reading(text: str, language: str) -> _Side:
    """What one sentence states, offsets inside it: outlets share sentences, and a re-run reads the same ones.
    The result is shared, so it is only ever copied from."""
    sentence = Sentence(0, 0, len(text), text, Role.BODY, Status.UNIQUE)
    side = _Side("", language, [sentence], False)
    levels: list[tuple[str, _Value | None]] = []
    _read_sentence(side, sentence, language, levels)
    side.certainty = levels[0]
    return side


def _read_sentence(side: _Side, sentence: Sentence, language: str, levels: list[tuple[str, _Value | None]]) -> None:
    text = sentence.text
    tokens = [
        _Token(m.group(), m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)
    ]
    found = facts.extract_facts(text, language)
    side.mentioned.update(facts.fold_name(t.text) for t in tokens if t.text[:1].isupper())

    def value(start: int, end: int) -> _Value:
        return _Value(sentence.index, text[start:end], sentence.start + start, sentence.start + end)

    taken: list[tuple[int, int]] = []
    for surface, kind, start, end in found:
        if kind == FactKind.NUMBER:
            taken.append((start, end))
            number = _number(text, tokens, surface, start, end, language, value(start, end))
            if number is not None:
                side.numbers.append(number)
        elif kind == FactKind.DATE:
            taken.append((start, end))
            match = facts._DATE.fullmatch(surface)
            if match is not None:
                side.dates.append(
                    _Date(
                        value(start, end),
                        facts.date_key(match),
                        _preposition_before(tokens, start),
                        _context(tokens, start, end),
                    )
                )
        elif kind == FactKind.NAME:
            _read_name(side, text, tokens, start, end, language, value)
    _spelled_numbers(side, text, tokens, taken, language, value)
    _loose_places(side, text, tokens, found, language, value)
    place_starts = {p.value.start - sentence.start for p in side.places if p.value.sentence == sentence.index}
    _read_attribution(side, text, tokens, found, language, value, place_starts)
    levels.append(_certainty(tokens, value))


# --- numbers ------------------------------------------------------------------------------------------------------


def _number(
    text: str, tokens: list[_Token], surface: str, start: int, end: int, language: str, value: _Value
) -> _Number | None:
    match = facts._NUMBER.match(text, start)
    if match is None:
        return None
    values = facts.number_values(match, language)
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
    return _Number(value, values, unit, _bound(tokens, start), after, before, clock=clock)


def _bound(tokens: list[_Token], start: int) -> str:
    """Whether the words right before a figure make it approximate or a bound ("rund", "more than")."""
    before = [t.lower for t in tokens if t.end <= start][-3:]
    lexicon = _lexicon()
    for section in ("lower-bound", "upper-bound", "approximate"):
        classes = lexicon[section]
        for at in range(len(before)):
            hit = classes.match(before, at)
            if hit is not None and at + hit[1] == len(before):
                return section
    return ""


def _anchors(text: str, tokens: list[_Token], start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
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
            if _CLAUSE_BREAK.search(gap):
                break
            previous = token.end if token.start >= edge else token.start
            if token.lower[:1].isdigit() or token.lower in _CONJUNCTIONS:
                break
            key = _anchor_key(tokens, i)
            if key is None:
                continue
            keys.add(key)
            if len(keys) >= _WINDOW:
                break
        found.append(frozenset(keys))
    return found[0], found[1]


def _anchor_key(tokens: list[_Token], i: int) -> str | None:
    return _key_of(tuple(t.lower for t in tokens[i : i + 3]))


@lru_cache(maxsize=65536)
def _key_of(words: tuple[str, ...]) -> str | None:
    """The slot key of ``words[0]`` (the words after it may complete a lexicon phrase): a quantity class, a
    stem, or None for function words, verbs of saying and the words that make a figure approximate."""
    word = words[0]
    if word in wordlists.function_words() or word in _speech_words() or len(word) < 3:
        return None
    lexicon = _lexicon()
    if any(lexicon[s].match([word], 0) for s in ("approximate", "lower-bound", "upper-bound")):
        return None
    hit = lexicon["quantities"].match(words, 0)
    if hit is not None:
        return f"class:{hit[0]}"
    return "stem:" + _stem(word)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    folded = facts.fold_name(word).replace(" ", "")
    for ending in ("innen", "ern", "en", "er", "es", "e", "n", "s"):
        if len(folded) - len(ending) >= 4 and folded.endswith(ending):
            return folded[: -len(ending)]
    return folded


def _spelled_numbers(
    side: _Side,
    text: str,
    tokens: list[_Token],
    taken: list[tuple[int, int]],
    language: str,
    value: Callable[[int, int], _Value],
) -> None:
    """ "drei Tote", "four people": small numbers written out."""
    words = _number_words()
    for token in tokens:
        number = words.get(token.lower)
        if number is None or any(s <= token.start < e for s, e in taken):
            continue
        after, before = _anchors(text, tokens, token.start, token.end)
        side.numbers.append(
            _Number(
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
    spelled: dict[str, int] = facts._NUMBER_WORDS
    return {w: v for w, v in spelled.items() if w not in _NUMBER_WORDS_SKIPPED}


def _agree(x: _Number, y: _Number) -> bool:
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


def _clock_agree(x: _Number, y: _Number) -> bool:
    slack = 0.5 if x.bound or y.bound else 0.01
    return any(abs(a - b) <= slack for a in x.values for b in y.values)


def _number_conflicts(a: _Side, b: _Side) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
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


def _slot(x: _Number, y: _Number) -> frozenset[str]:
    """The words two figures share about what they count: the noun after each when both have one ("20,000
    protesters" / "6,000 protesters"; "40 Keller" is not "65 Fahrzeuge" whatever stands before them), else
    anything around them ("the death toll rose to 12" / "12 people died")."""
    if x.after and y.after:
        return x.after & y.after
    return (x.after | x.before) & (y.after | y.before)


def _shared(x: _Number, y: _Number) -> int:
    return len(_slot(x, y))


def _same(x: _Number, y: _Number) -> bool:
    return x.unit == y.unit and bool(x.values & y.values)


def _about(shared: Iterable[str], unit: str) -> str:
    names = _lexicon()["quantities"].names
    # The generic "people" class (the first) names a slot only when nothing more specific does ("dead").
    for key in sorted(shared, key=lambda k: (k == "class:0", k)):
        if key.startswith("class:"):
            return names[int(key[6:])]
    words = sorted(k[5:] for k in shared if k.startswith("stem:"))
    about = words[0] if words else ""
    return f"{about} ({unit})" if unit and about else about or unit


# --- dates --------------------------------------------------------------------------------------------------------


def _preposition_before(tokens: list[_Token], start: int) -> str:
    before = [t.lower for t in tokens if t.end <= start][-2:]
    for word in reversed(before):
        if word in _YEAR_PREPOSITIONS:
            return _YEAR_PREPOSITIONS[word]
    return ""


_CONTEXT = 5  # content words either side of a date that say what happened then


def _context(tokens: list[_Token], start: int, end: int) -> frozenset[str]:
    before = [i for i, t in enumerate(tokens) if t.end <= start][::-1]
    after = [i for i, t in enumerate(tokens) if t.start >= end]
    found: set[str] = set()
    for run in (before, after):
        taken = 0
        for i in run:
            word = tokens[i].lower
            if word[:1].isdigit() or word in _calendar_words():
                continue
            key = _anchor_key(tokens, i)
            if key is not None:
                found.add(key)
                taken += 1
                if taken == _CONTEXT:
                    break
    return frozenset(found)


def _date_conflicts(a: _Side, b: _Side) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
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


def _dated_alike(a: _Side, b: _Side) -> tuple[_Side, _Side]:
    """Copies of the sides keeping only the dates whose surroundings share a word with a date of the other."""
    keep_a = [d for d in a.dates if any(d.context & e.context for e in b.dates)]
    keep_b = [e for e in b.dates if any(d.context & e.context for d in a.dates)]
    return replace(a, dates=keep_a), replace(b, dates=keep_b)


def _single_slot(
    xs: Sequence[_Date],
    ys: Sequence[_Date],
    key_of: Callable[[_Date], object],
    kind: ConflictKind,
    about: str,
) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
    """Each side names exactly one value for the slot, and they differ."""
    keyed_a = [(key_of(d), d) for d in xs]
    keyed_b = [(key_of(d), d) for d in ys]
    keys_a = {k for k, _ in keyed_a if k is not None}
    keys_b = {k for k, _ in keyed_b if k is not None}
    if len(keys_a) == 1 and len(keys_b) == 1 and keys_a != keys_b:
        x = next(d for k, d in keyed_a if k is not None)
        y = next(d for k, d in keyed_b if k is not None)
        yield kind, about, x.value, y.value


# --- names: office holders, parties, places -----------------------------------------------------------------------


def _read_name(
    side: _Side,
    text: str,
    tokens: list[_Token],
    start: int,
    end: int,
    language: str,
    value: Callable[[int, int], _Value],
) -> None:
    name = text[start:end]
    words = name.split()
    surname = facts.fold_name(words[-1]) if words else ""
    if not surname:
        return
    before = [t for t in tokens if t.end <= start]
    # Nothing but spaces between the words before the name and the name itself.
    joined: list[_Token] = []
    edge = start
    for token in reversed(before):
        if text[token.end : edge].strip():
            break
        joined.insert(0, token)
        edge = token.start
        if len(joined) == 4:
            break
    office = _office(joined)
    if office is not None:
        key, label, first, former = office
        if not _is_office_word(words):
            side.holders.append(_Holder(value(first, end), key, label, surname, former))
    party = _party_of(text, joined, end)
    if party is not None:
        side.parties.append(_Party(value(party[1], party[2]), surname, party[0]))
    if (
        joined
        and office is None
        and _is_locative(joined, language)
        and words[0].casefold() not in _HONORIFICS
        and party is None
    ):
        side.places.append(_Place(value(start, end), facts.fold_name(name)))


_NOT_PLACES = frozenset(
    {
        "kraft", "haft", "gefahr", "brand", "ordnung", "frage", "sicherheit", "panik", "betrieb", "rente",
        "zukunft", "summe", "kürze", "teilen", "folge", "nacht", "regen", "tag", "bedarf", "sicht", "ruhe",
        "gang", "höhe", "richtung", "zeiten", "wirklichkeit", "anbetracht", "erwägung", "aussicht",
    }
)  # fmt: skip


def _loose_places(
    side: _Side,
    text: str,
    tokens: list[_Token],
    found: Sequence[facts.ExtractedFact],
    language: str,
    value: Callable[[int, int], _Value],
) -> None:
    """Place names the name finder leaves alone (one capitalised word proves nothing in German, and a lone
    unknown word in English may open a sentence): a capitalised word straight after "in", "bei", "nahe" or
    "near" with no article is a place ("in Lindau"), unless it is a month or weekday, ends like a German common
    noun or is a fixed phrase ("in Kraft", "bei Nacht")."""
    claimed = [(s, e) for _, _, s, e in found]
    prepositions = {"in", "bei", "nahe"} if language == "de" else {"in", "near", "outside"}
    for i, token in enumerate(tokens[1:], start=1):
        if tokens[i - 1].lower not in prepositions or not token.text[:1].isupper() or len(token.text) < 3:
            continue
        if text[tokens[i - 1].end : token.start].strip() or any(s <= token.start < e for s, e in claimed):
            continue
        word = token.lower
        if word in _NOT_PLACES or word in facts.names().not_names or word in _calendar_words():
            continue
        if language == "de" and word.endswith((*_GERMAN_ENDINGS, "en", "ern", "e")):
            continue
        side.places.append(_Place(value(token.start, token.end), facts.fold_name(token.text)))


@cache
def _calendar_words() -> frozenset[str]:
    words = [w for names in (*facts._MONTHS.values(), *facts._WEEKDAYS.values()) for w in names]
    return frozenset(words)


_GERMAN_ENDINGS = (
    "ung", "ungen", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "nis", "tum", "ling", "chen", "ei",
    "ie", "ik", "enz", "anz", "ment", "ur",
)  # fmt: skip


def _is_office_word(words: Sequence[str]) -> bool:
    lowered = [w.casefold() for w in words]
    return _lexicon()["offices"].match(lowered, 0) is not None


def _office(joined: list[_Token]) -> tuple[str, str, int, bool] | None:
    """(office key, office as written, start of the office words, former) for the words right before a name:
    an office of the lexicon in either language ("Kanzler", "chancellor"), else a title the name finder knows
    with the capitalised words before it ("Transport Secretary"), compared within one language."""
    offices = _lexicon()["offices"]
    lowered = [_masculine(t.lower) for t in joined]
    for at in range(len(lowered)):
        words = list(lowered[at:])
        former = False
        first = words[0]
        for prefix in ("ex-", "alt"):
            if first.startswith(prefix) and offices.match([first[len(prefix) :], *words[1:]], 0):
                words[0] = first[len(prefix) :]
                former = True
        hit = offices.match(words, 0)
        if hit is None or hit[1] != len(words):
            continue
        return _with_former(joined, at, f"office:{hit[0]}", offices.names[hit[0]], former)
    if joined and joined[-1].lower not in _HONORIFICS and facts._is_title(joined[-1].text):
        at = len(joined) - 1
        while at and joined[at - 1].text[:1].isupper() and not _lexicon()["former"].match([joined[at - 1].lower], 0):
            at -= 1
        words = [t.lower for t in joined[at:]]
        return _with_former(joined, at, "title:" + " ".join(words), " ".join(words), False)
    return None


def _with_former(joined: list[_Token], at: int, key: str, label: str, former: bool) -> tuple[str, str, int, bool]:
    former_words = _lexicon()["former"]
    earlier = [t.lower for t in joined[:at] if t.lower not in _HONORIFICS][-2:]
    former = former or any(former_words.match([w], 0) for w in earlier)
    start = joined[at].start
    if former:
        start = next((t.start for t in joined[:at] if former_words.match([t.lower], 0)), start)
    return key, label, start, former


def _masculine(word: str) -> str:
    """German feminine office words ("Kanzlerin", "Bürgermeisterin") looked up as the office."""
    offices = _lexicon()["offices"]
    if word.endswith("in") and len(word) > 5 and offices.match([word], 0) is None:
        stem = word[:-2]
        if offices.match([stem.removeprefix("ex-").removeprefix("alt")], 0) is not None:
            return stem
    return word


def _party_of(text: str, joined: list[_Token], end: int) -> tuple[int, int, int] | None:
    """A party stated with a name: "Müller (CDU)", "CDU-Politiker Müller", "Labour MP Smith"."""
    parties = _lexicon()["parties"]
    after = re.match(r"\s*\(([^()]{1,40})\)", text[end:])
    if after:
        inner = after.group(1)
        for word in _words(inner):
            hit = parties.match([word], 0)
            if hit is not None:
                return hit[0], end + after.start(1), end + after.end(1)
    for token in joined[-2:]:
        for part in token.lower.split("-"):
            hit = parties.match([part], 0)
            if hit is not None:
                return hit[0], token.start, token.end
    return None


def _is_locative(joined: list[_Token], language: str) -> bool:
    words = [t.lower for t in joined]
    if words and words[-1] in _PLACE_ARTICLES:
        words = words[:-1]
    prepositions = _LOCATIVE.get(language, _LOCATIVE["en"] | _LOCATIVE["de"])
    return bool(words) and words[-1] in prepositions


def _same_person(x: str, y: str) -> bool:
    if x == y:
        return True
    lexicon = facts.names().classes
    if x in lexicon and lexicon.get(x) == lexicon.get(y):
        return True
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= _SAME_NAME


def _mentions(side: _Side, folded: str) -> bool:
    """Whether a side names this person or place anywhere (any word of it, spelling folded)."""
    parts = [w for w in folded.split() if len(w) > 2]
    return any(_same_person(p, m) for p in parts for m in side.mentioned)


def _name_conflicts(a: _Side, b: _Side) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
    # The same office held by different people: "Kanzler Scholz" against "Chancellor Merz".
    for x in a.holders:
        same_office = [y for y in b.holders if y.office == x.office and y.former == x.former]
        if not same_office or any(_same_person(x.surname, y.surname) for y in same_office):
            continue
        if any(_same_person(x.surname, y.surname) for y in b.holders):
            continue
        y = same_office[0]
        if _mentions(b, x.surname) or _mentions(a, y.surname):
            continue
        yield ConflictKind.NAME, x.label, x.value, y.value
    # The same person a former holder in one, the holder in the other.
    for x in a.holders:
        for y in b.holders:
            if x.office == y.office and x.former != y.former and _same_person(x.surname, y.surname):
                yield ConflictKind.NAME, "former " + x.label, x.value, y.value
    parties = _lexicon()["parties"].names
    for p in a.parties:
        for q in b.parties:
            if p.party != q.party and _same_person(p.surname, q.surname):
                yield ConflictKind.NAME, f"party ({parties[p.party]}/{parties[q.party]})", p.value, q.value


def _place_conflicts(a: _Side, b: _Side) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
    keys_a = {p.key for p in a.places}
    keys_b = {p.key for p in b.places}
    if len(keys_a) != 1 or len(keys_b) != 1:
        return
    x, y = a.places[0], b.places[0]
    if _same_place(x.key, y.key) or _mentions(b, x.key) or _mentions(a, y.key):
        return
    if _is_region(x.value.text) != _is_region(y.value.text):
        return  # a town and the country around it
    yield ConflictKind.PLACE, "place", x.value, y.value


def _is_region(name: str) -> bool:
    return _lexicon()["regions"].match(_words(name), 0) is not None


def _same_place(x: str, y: str) -> bool:
    words_x, words_y = set(x.split()), set(y.split())
    return words_x <= words_y or words_y <= words_x or _same_person(x, y)


# --- attribution and certainty ------------------------------------------------------------------------------------


def _read_attribution(
    side: _Side,
    text: str,
    tokens: list[_Token],
    found: Sequence[facts.ExtractedFact],
    language: str,
    value: Callable[[int, int], _Value],
    place_starts: set[int],
) -> None:
    """Who the sentence says said it: the source next to a verb of saying or a source phrase ("police said",
    "laut Polizei", "according to the county", "der Stadt zufolge"), or the person named there."""
    quoted = commentary.quoted_spans(text)
    inside = [any(s <= t.start < e for s, e in quoted) for t in tokens]
    lowered = [t.lower for t in tokens]
    side.words.append(tuple(lowered))
    markers: list[tuple[int, int, str]] = []  # first token, token after it, where the source stands
    for pattern, match in commentary.lexicon("attribution", language).matches(text):
        first = next((i for i, t in enumerate(tokens) if t.start >= match.start()), None)
        if first is None or inside[first]:
            continue
        if pattern.section == "subjunctive":
            side.attributed = True
            continue
        last = max(first + 1, next((i for i, t in enumerate(tokens) if t.start >= match.end()), len(tokens)))
        if pattern.section == "speech" and " ".join(lowered[first:last]) in _ACTIONS:
            continue  # "Trump announced tariffs": an act, not a claim someone vouches for
        if first and lowered[first - 1] in _PASSIVE:
            # "residents were told" names no source; "it was stated by the ambassador" names one after "by"
            if last < len(tokens) and lowered[last] in {"by", "von"}:
                markers.append((first, last + 1, "after"))
            continue
        markers.append((first, last, "both" if pattern.section == "speech" else _direction(lowered[first:last])))
    citing, speech = _lexicon()["citing"], _lexicon()["speech"]
    for i in range(len(tokens)):
        if inside[i]:
            continue
        hit = citing.match(lowered, i)
        if hit is not None:
            markers.append((i, i + hit[1], _direction(lowered[i : i + hit[1]])))
        elif speech.match(lowered, i) is not None and not (i and lowered[i - 1] in _PASSIVE):
            markers.append((i, i + 1, "both"))
    if any(e - s > 20 for s, e in quoted):
        side.attributed = True
    if not markers:
        return
    side.attributed = True
    names_at = {
        i: (s, e)
        for _, kind, s, e in found
        if kind == FactKind.NAME and s not in place_starts
        for i, t in enumerate(tokens)
        if s <= t.start < e
    }
    for first, last, direction in markers:
        # German puts the speaker after the verb ("…, sagte ein Sprecher", "bestätigte Haseloff"), English
        # mostly before ("police said"): the language's usual side is tried first.
        sides = ("after", "before") if language == "de" else ("before", "after")
        for towards in sides if direction == "both" else (direction,):
            # After a verb of saying comes what was said, unless the source follows at once ("said police",
            # "sagte ein Polizeisprecher"): only a few words there, and no plain word stands for a source.
            reach = 3 if direction == "both" and towards == "after" else 6
            source = _source(text, tokens, lowered, inside, names_at, first, last, towards, language, reach)
            if source is not None:
                key, start, end = source
                if key:
                    side.sources.setdefault(key, value(start, end))
                break


# Verbs of the attribution lexicons that report an act rather than vouch for a claim.
_ACTIONS = frozenset(
    {
        "announced", "called", "described", "urged", "accused", "complained", "asked", "replied", "responded",
        "tweeted", "posted", "declared", "criticised", "criticized", "criticise", "criticize", "condemned",
        "praised", "welcomed", "denounced", "branded", "forderte", "forderten", "kritisierte", "kritisierten",
        "kündigte an", "verkündete", "nannte", "nannten", "bezeichnete", "bezeichneten", "lobte", "lobten",
        "begrüßte", "begrüßten", "verurteilte", "verurteilten", "warf", "warfen", "wirft", "werfen", "vorgeworfen",
        "kritisieren", "bemängeln", "bemängelte", "bemängelten", "zeigte sich", "zeigten sich",
    }
)  # fmt: skip
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "wurde", "wurden", "worden"})
_SPEAKERS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "official", "source", "sources", "statement", "he", "she",
        "they", "it", "er", "sie", "es", "man", "sprecher", "sprecherin", "mitteilung", "erklärung", "who",
    }
)  # fmt: skip


# A name after these is where someone is or comes from, not who speaks ("stamme aus Saudi-Arabien").
_ORIGIN = frozenset({"in", "im", "aus", "from", "nach", "bei", "near", "at", "to", "zu", "into", "nahe"})
_SPEAKER_STEMS = frozenset(_stem(w) for w in _SPEAKERS)


def _direction(words: Sequence[str]) -> str:
    """Where a source phrase's source stands: after "laut", "according to"; before "zufolge"."""
    return "before" if words[-1] == "zufolge" or "eigenen" in words else "after"


@lru_cache(maxsize=4096)
def _vocabulary(lowered: tuple[str, ...]) -> frozenset[str]:
    """Source classes and word stems of a sentence: whether it names a source at all, as anything."""
    sources = _lexicon()["sources"]
    found: set[str] = set()
    for i, word in enumerate(lowered):
        hit = sources.match(lowered, i)
        found.add(f"source:{hit[0]}" if hit is not None else "word:" + _stem(word))
    return frozenset(found)


def _source(
    text: str,
    tokens: list[_Token],
    lowered: list[str],
    inside: list[bool],
    names_at: dict[int, tuple[int, int]],
    first: int,
    last: int,
    towards: str,
    language: str,
    reach: int = 6,
) -> tuple[str, int, int] | None:
    """(key, start, end) of the source on one side of a marker; key "" for an unnamed one ("a spokesman");
    None when nothing stands there before the clause ends."""
    sources = _lexicon()["sources"]
    if towards == "before":
        order = range(first - 1, max(first - 1 - reach, -1), -1)
    else:
        order = range(last, min(last + reach, len(tokens)))
    window: list[int] = []
    edge = first if towards == "before" else last - 1
    for i in order:
        gap = (
            text[tokens[i].end : tokens[edge].start]
            if towards == "before"
            else text[tokens[edge].end : tokens[i].start]
        )
        if _CLAUSE_BREAK.search(gap) or inside[i] or lowered[i][:1].isdigit() or lowered[i] in _calendar_words():
            break
        window.append(i)
        edge = i
    for i in sorted(window):
        hit = sources.match(lowered, i)
        if hit is not None:
            return f"source:{hit[0]}", tokens[i].start, tokens[min(i + hit[1], len(tokens)) - 1].end
    for i in window:
        if i in names_at and not (i and lowered[i - 1] in _ORIGIN):
            s, e = names_at[i]
            return "person:" + facts.fold_name(text[s:e].split()[-1]), s, e
    content = [
        i
        for i in window
        if lowered[i] not in wordlists.function_words() and len(lowered[i]) > 2 and lowered[i] not in _speech_words()
    ]
    if any(lowered[i] in _SPEAKERS or _stem(lowered[i]) in _SPEAKER_STEMS for i in window):
        return "", 0, 0
    if not content or reach < 6:
        return None
    if language == "de":
        capitalised = [i for i in content if tokens[i].text[:1].isupper()]
        if not capitalised:
            return None
        pick = opening = capitalised[0]
    else:
        pick = content[0] if towards == "before" else content[-1]
        # the whole noun phrase for the reader ("Coastguard officers"), its head word as the key
        opening = pick
        while opening - 1 in content and (towards == "before" or opening - 1 >= last):
            opening -= 1
    return "word:" + _stem(lowered[pick]), tokens[opening].start, tokens[pick].end


_LEVELS = ("hearsay", "hedged", "certain")  # strongest first: one "reportedly" outweighs a "will"


def _certainty(tokens: list[_Token], value: Callable[[int, int], _Value]) -> tuple[str, _Value | None]:
    levels = _lexicon()["levels"]
    lowered = [t.lower for t in tokens]
    found: dict[int, _Value] = {}
    for i, token in enumerate(tokens):
        # "May" is a month and "Will" a name: the modals are lower-case.
        if token.text[:1].isupper() and token.lower in {"may", "will", "might", "sicher"}:
            continue
        hit = levels.match(lowered, i)
        if hit is not None:
            found.setdefault(hit[0], value(token.start, tokens[i + hit[1] - 1].end))
    if not found:
        return "plain", None
    level = min(found)
    return _LEVELS[level], found[level]


_CERTAINTY_CONFLICTS = frozenset({("certain", "hedged"), ("certain", "hearsay"), ("plain", "hearsay")})


def _statement_conflicts(a: _Side, b: _Side) -> Iterator[tuple[ConflictKind, str, _Value, _Value]]:
    if a.headline or b.headline:
        return  # headlines drop sources and modals by habit
    if a.sources and b.sources:
        if not _shares_source(a, b) and not _shares_source(b, a):
            yield ConflictKind.ATTRIBUTION, "source", next(iter(a.sources.values())), next(iter(b.sources.values()))
    else:
        for x, y, swap in ((a, b, False), (b, a, True)):
            if x.sources and not y.attributed and not _shares_source(x, y) and _same_claim(x, y):
                named = next(iter(x.sources.values()))
                pair = (y.whole(), named) if swap else (named, y.whole())
                yield ConflictKind.ATTRIBUTION, "source", *pair
    levels = (a.certainty[0], b.certainty[0])
    if len(a.sentences) > 1 or len(b.sentences) > 1:
        return  # one "offenbar" among several merged sentences need not qualify the claim the others make
    if ("plain" in levels and (a if levels[0] == "plain" else b).attributed) or levels[0] == levels[1]:
        return  # reported speech ("…, sagte er"; "gebe es") carries its own distance
    if levels in _CERTAINTY_CONFLICTS or levels[::-1] in _CERTAINTY_CONFLICTS:
        yield ConflictKind.CERTAINTY, "/".join(levels), a.certainty[1] or a.whole(), b.certainty[1] or b.whole()


_SAME_CLAIM = 0.4  # share of the shorter side's content words the other must have to state the same claim


def _same_claim(x: _Side, y: _Side) -> bool:
    """Whether two sides of one language state the same claim, so that one citing a source and the other not
    is a difference in attribution rather than two claims a loose group put together ("China has noted that
    the U.S. announced …" / "Trump announced … on Wednesday"). Across languages the alignment vouches for it."""
    if x.language != y.language:
        return True
    named = {w for v in x.sources.values() for w in _words(v.text)}
    words_x = _content(x, named)
    words_y = _content(y, named)
    if not words_x or not words_y:
        return False
    return len(words_x & words_y) >= _SAME_CLAIM * min(len(words_x), len(words_y))


def _content(side: _Side, left_out: set[str]) -> set[str]:
    stop, speech = wordlists.function_words(), _speech_words()
    return {
        _stem(w)
        for words in side.words
        for w in words
        if len(w) > 2 and w not in stop and w not in speech and w not in left_out and not w[:1].isdigit()
    }


def _shares_source(x: _Side, y: _Side) -> bool:
    """Whether ``y`` names any of ``x``'s sources at all, as a source or anywhere in its words ("police said
    the road was closed" against "police closed the road")."""
    for key in x.sources:
        if key.startswith("person:"):
            if _mentions(y, key[7:]):
                return True
        elif key in y.sources or any(key in _vocabulary(words) for words in y.words):
            return True
    return False


# --- the whole comparison ------------------------------------------------------------------------------------------

_Pair = tuple[ConflictKind, str, _Value, _Value]
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
            if aid in by_id and (side := _side(by_id[aid], indices)) is not None
        ]
        pairs: list[tuple[str, str, _Pair]] = []
        for a, b in combinations(sides, 2):
            if [s.text for s in a.sentences] == [s.text for s in b.sentences]:
                continue
            for finder in (_number_conflicts, _date_conflicts, _name_conflicts, _place_conflicts):
                pairs.extend((a.article, b.article, p) for p in _both_ways(finder, a, b))
            pairs.extend((a.article, b.article, p) for p in _statement_conflicts(a, b))
        found.extend(_merge(group.id, pairs))
    found.sort(key=lambda c: (c.group, _KIND_ORDER[c.kind], c.values[0].start))
    return tuple(found)


def _both_ways(finder: Callable[[_Side, _Side], Iterator[_Pair]], a: _Side, b: _Side) -> Iterator[_Pair]:
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
    merged: list[tuple[ConflictKind, str, dict[str, _Value]]] = []
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
