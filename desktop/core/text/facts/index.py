"""Whether another article states a fact: ``FactIndex`` holds everything one article states, folded for lookup
(words, word pairs, name classes, numbers, dates, speakers, initials, road codes, content stems), built once per
article, so checking thousands of facts against a long article stays a set lookup; ``fact_present`` asks it.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

from rapidfuzz import fuzz, process

from desktop.core.memo import per_sentence
from desktop.core.model import FactKind
from desktop.core.text.facts.dates import ABBREVIATED_MONTHS, DATE, DateKey, date_key, find_dates
from desktop.core.text.facts.extraction import QUOTED_KINDS
from desktop.core.text.facts.lexicon import is_acronym, names, phrase_openers, phrase_tails, without_possessive
from desktop.core.text.facts.names import INSTITUTION, PARTICLES
from desktop.core.text.facts.numbers import NUMBER, is_clock, number_values, spelled_numbers
from desktop.core.text.facts.words import TOKEN, content_pairs, content_stems, fold_name, plain_form, word_stem

_QUOTE_SHARE = 0.5  # share of a quotation's word pairs another article must contain
_NAME_SCORE = 85  # rapidfuzz ratio between folded spellings that still counts as the same name
_MIN_FUZZY_LENGTH = 5  # shorter names must match exactly after folding
_QUOTE_MARK = re.compile(r"[„“”\"»«]")
_CHUNKS = re.compile(r"(?<=[^\d\s][.!?])\s+")  # sentence ends, not ordinal dots ("12. März")
_ABBREVIATED_MONTH_END = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(ABBREVIATED_MONTHS, key=len, reverse=True)) + r")\.$", re.IGNORECASE
)

_MONTH_TAIL = max(map(len, ABBREVIATED_MONTHS)) + 2  # the month, its dot and the character before it


def _chunks(text: str) -> list[str]:
    """The text cut at sentence ends, but not after an abbreviated month: "on Nov. 12" is one date."""
    chunks: list[str] = []
    for piece in _CHUNKS.split(text):
        # Only a chunk's last few characters can hold the month (and the character before it): the whole
        # chunk need not be searched (a tenth of indexing a long article).
        if chunks and _ABBREVIATED_MONTH_END.search(chunks[-1][-_MONTH_TAIL:]):
            chunks[-1] += " " + piece
        else:
            chunks.append(piece)
    return chunks


_FOLDED_PARTICLES = frozenset(fold_name(p) for p in PARTICLES)


def _class_of(classes: Mapping[str, int], phrase: str) -> int | None:
    """The lexicon class of a folded phrase, also with a plural or genitive "s" dropped."""
    hit = classes.get(phrase)
    if hit is None and phrase.endswith("s"):
        hit = classes.get(phrase[:-1])
    return hit


@dataclass(frozen=True, slots=True)
class FactIndex:
    """Everything one article states, folded for lookup; build once per article, query per fact. Immutable, so
    the comparisons of several threads may ask one index (``engine.Engine`` keeps them between comparisons)."""

    language: str
    words: frozenset[str]
    pairs: frozenset[str]
    capitalised: frozenset[str]
    by_initial: Mapping[str, tuple[str, ...]]  # read-only: a MappingProxyType
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

    def __reduce__(self) -> tuple[Callable[[dict[str, object]], FactIndex], tuple[dict[str, object]]]:
        """Pickled as its fields, ``by_initial`` as a plain dict: a child process builds indexes while the
        comparing one reads ahead (``align.aside``), and a read-only mapping cannot be pickled."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["by_initial"] = dict(self.by_initial)
        return _unpickled, (values,)

    @classmethod
    def build(cls, text: str, language: str) -> FactIndex:
        lexicon = names()
        raw = TOKEN.findall(text)
        # A document repeats its vocabulary (133,000 words, 15,000 distinct in 10,000 sentences): every reading of
        # a word is worked out once per distinct word; only the phrase lookups and word pairs follow positions.
        plain_of = {t: plain_form(t) for t in dict.fromkeys(raw)}
        plain = [plain_of[t] for t in raw]
        words = frozenset(plain_of.values())
        # "Kremlin’s" states the Kremlin: possessives are read without their ending.
        base_of = {t: without_possessive(t) for t in plain_of}
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
                if is_acronym(part):
                    acronyms.add(part_fold)
        capitalised = frozenset(capitalised_set)
        by_initial: dict[str, list[str]] = {}
        for name in capitalised:
            if name:
                by_initial.setdefault(name[0], []).append(name)
        classes: set[int] = set()
        openers = phrase_openers()
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
        for m in NUMBER.finditer(text):
            values = number_values(m, language)
            numbers |= values
            if is_clock(m):
                clocks |= values
        codes = set()
        for m in _CODE.finditer(text):
            codes.add(_code_key(m.group(1), m.group(2)))
            numbers.add(float(m.group(2)))  # "B214" states the number 214
        codes |= {_code_key(m.group(1), m.group(2)) for m in _CODE_SPELLED.finditer(text)}
        spelled = spelled_numbers()
        numbers |= {float(spelled[w]) for w in plain if w in spelled}
        chunks = _chunks(text)
        dates = {key for chunk in chunks for key in _chunk_dates(chunk)}
        stems = tuple((s, content_pairs(chunk)) for chunk in chunks if (s := content_stems(chunk)))
        speakers = {word for chunk in chunks for word in _chunk_speakers(chunk)}
        pairs = frozenset(map(" ".join, itertools.pairwise(plain)))
        stem_of = {w: word_stem(w) for w in words}
        stem_pairs = frozenset(map(" ".join, itertools.pairwise([stem_of[w] for w in plain])))
        initials = {i for match in _CAPITALISED_RUN.finditer(text) for i in _folded_initials(match.group())}
        return cls(
            language=language,
            words=words,
            pairs=pairs,
            capitalised=capitalised,
            by_initial=MappingProxyType({k: tuple(v) for k, v in by_initial.items()}),
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
        # The asking article's language decides how the fact reads: "2,300" is one value in English, two in German.
        language = language or self.language
        if kind == FactKind.NUMBER:
            return any(self._has_number(m, language) for m in NUMBER.finditer(text))
        if kind == FactKind.DATE:
            return all(self._has_date(date_key(m)) for m in DATE.finditer(text))
        if kind in QUOTED_KINDS:
            # Word pairs, not single words: a quotation's vocabulary ("drivers", "contract") turns up all over an
            # article about the same event, its word sequence only where it is quoted.
            words = [plain_form(t) for t in TOKEN.findall(text)]
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
                stemmed = [f"{word_stem(a)} {word_stem(b)}" for a, b in itertools.pairwise(words)]
                return sum(pair in self.stem_pairs for pair in stemmed) * 2 >= len(stemmed)
            return self._has_statement(text)
        return self._has_name(text, language)

    def _has_statement(self, quotation: str) -> bool:
        """A quotation reworded in one sentence (a second translation of one statement): most of its content
        words, endings aside, stand in one sentence here."""
        wanted = content_stems(quotation)
        if len(wanted) < _STATEMENT_WORDS:
            return False
        wanted_pairs = content_pairs(quotation)
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
        if not is_clock(match):
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
        if is_acronym(text) and " " not in text.strip() and whole in self.initials:
            return True
        spelled = [w for w in text.split() if w[:1].isupper() and not is_acronym(w)]
        # Only a short form written in capitals stands for the name: "As" opening a sentence is not Anne Smith.
        if len(spelled) >= 2 and fold_name("".join(w[0] for w in spelled)) in self.acronyms:
            return True
        for candidate in (whole, whole[:-1] if whole.endswith("s") else ""):
            if candidate in lexicon.classes:
                # The bare word counts too, unless it ends a longer name ("Union" of "Europäische Union").
                return lexicon.classes[candidate] in self.classes or (
                    candidate in self.capitalised and candidate not in phrase_tails()
                )
        words = [w for w in whole.split() if w not in lexicon.legal_forms and w not in _FOLDED_PARTICLES]
        if not words:
            return True
        if INSTITUTION.fullmatch(text.strip()):
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
        pool = self.by_initial.get(folded[0], ())
        return process.extractOne(folded, pool, scorer=fuzz.ratio, score_cutoff=_NAME_SCORE) is not None


def _unpickled(values: dict[str, Any]) -> FactIndex:
    return FactIndex(**{**values, "by_initial": MappingProxyType(values["by_initial"])})


_STATEMENT_WORDS = 3  # content words a reworded quotation must share with one sentence, at least
_STATEMENT_SHARE = 0.6  # and this share of its content words
_STATEMENT_ORDER = 0.3  # and this share of its neighbouring content-word pairs
_SHORT_NAME_LENGTH = 12  # letters of a one-word remit that names its institution alone ("Verfassungsschutz")
# A road or line code ("B214", "A 7", "I-95", "M25") and the same written out ("Bundesstraße 214", "Autobahn 7",
# "Interstate 95"): one road, one fact.
_CODE = re.compile(r"(?<![\w-])([A-Z])[ -]?(\d{1,4})(?![\w-]|[.,]\d)")
_CODE_SPELLED = re.compile(r"(?<![\w-])([A-ZÄÖÜ])[a-zäöüß]+[ -](\d{1,4})(?![\w-]|[.,]\d)")


def _code_key(letter: str, number: str) -> str:
    return f"{letter.casefold()}{int(number)}"


_CONNECTORS = r"(?:of|for|and|the|on|für|der|die|des|und|de|du|la)"
_CAPITALISED_RUN = re.compile(rf"[A-ZÄÖÜ][\w'’-]*(?:\s+(?:{_CONNECTORS}\s+)?[A-ZÄÖÜ][\w'’-]*)+")


@per_sentence
def _folded_initials(run: str) -> frozenset[str]:
    """``_run_initials`` folded, remembered per run: an article repeats its names."""
    return frozenset(map(fold_name, set(_run_initials(run))))  # a long run repeats its stretches' initials


def _run_initials(run: str) -> list[str]:
    """Initials of every stretch of two to six capitalised words in a run (connecting words skipped), the
    acronym a later sentence or another outlet may use for them."""
    letters = "".join(w[0] for w in run.split() if w[:1].isupper() and not is_acronym(w))
    return [letters[i:j] for i in range(len(letters)) for j in range(i + 2, min(len(letters), i + 6) + 1)]


# Dates and speakers are read sentence by sentence; outlets share sentences, so each is read once.
@per_sentence
def _chunk_dates(chunk: str) -> tuple[DateKey, ...]:
    return tuple(date_key(m) for m in find_dates(chunk))


@per_sentence
def _chunk_speakers(chunk: str) -> tuple[str, ...]:
    """Folded capitalised words of a sentence that quotes someone (none for one that does not)."""
    if not _QUOTE_MARK.search(chunk):
        return ()
    return tuple(fold_name(word) for word in TOKEN.findall(chunk) if word[:1].isupper())


def fact_present(text: str, kind: FactKind, other: str, language: str) -> bool:
    """Whether ``other`` (a sentence or a whole article in ``language``) states the same fact, spelling aside."""
    return FactIndex.build(other, language).contains(text, kind)
