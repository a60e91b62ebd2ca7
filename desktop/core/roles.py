"""Tell a sentence's role in its article: the headline (title), the story (body), or page furniture.

Furniture ("boilerplate") is what an outlet wraps around every story — photo credits and captions, "Mehr zum
Thema" links, share bars, bylines, agency tags, timestamps, newsletter and donation appeals, notices about the
outlet itself. The pipeline leaves it out of the alignment, so a false positive hides a real sentence: the
rules here only fire on clear signals, and in presegmented corpora (one sentence a line, no layout) only the
most obvious of them run. The phrases live in ``resources/lexicons/boilerplate-*.txt``.

Phrase lists are matched against the lower-cased sentence with case-sensitive patterns: Python's ``re`` is
several times slower with ``IGNORECASE`` on long alternations, and every sentence of a 10,000-sentence
document passes through here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop.core import wordlists
from desktop.core.model import Role


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence with the layout facts role detection needs (where it sits, how it was cut)."""

    start: int
    end: int
    paragraph: int
    line: int
    whole_line: bool  # the sentence is its whole line
    credit: bool = False  # cut off the caption before it as a photo credit
    dateline: bool = False  # cut off the paragraph's first sentence as its dateline ("Kessingen (dpa) –")


_WORD = re.compile(r"\w+(?:[-'’.:]\w+)*\.?")
_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_NUMERIC = re.compile(r"\d+(?:[.:/-]\d+)*")
_DATE_SHAPE = re.compile(
    r"\b\d{1,2}[.:/]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d+\s+(?:hours?|minutes?|mins?|days?|weeks?)\s+ago\b|\bvor\s+\d+\s+(?:stunden?|minuten?|tagen?|wochen?)\b",
    re.IGNORECASE,
)
_FINAL = re.compile(r"[.!?…:;,][\"'”’»«›‹)\]]*$")
_QUESTION = re.compile(r"\?[\"'”’»«›‹)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»«›‹)\]]*$")
_WIDGET_SPLIT = re.compile(r"[\s|·•/,;]+")
_PART_BAR = re.compile(r"\s[|·•]\s")
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w.'’-]*(?:[ /-][A-ZÄÖÜ][\w.'’-]*){0,3} ?(?P<tag>\([^()\n]{1,40}\)) ?[-–—] ")
_MIN_DATELINE_REST = 20  # characters of news after the dash: a dateline opens a sentence, it is not one
_CAPITALISED = r"[A-ZÄÖÜÉÁÀÓÚÍÇŁŚŽČ][\w'’.-]*"
_PARTICLE = r"(?:von|van|de|der|den|del|da|di|du|la|le|zu|ten|ter|al|bin|ibn|el)"
_NAME_TOKEN = rf"(?:{_CAPITALISED}|{_PARTICLE})"
_BYLINE_TAIL_WORDS = frozenset(["in", "für", "for", "at", "aus", "of", "and", "und", "der", "die", "das", "the", "de"])

# Short sentences only: a long sentence that merely mentions a newsletter or "©" is still news.
_MAX_CREDIT_WORDS = 30
_MAX_CONTAINS_WORDS = 30
_MAX_TIMESTAMP_WORDS = 20
_MAX_BYLINE_WORDS = 15
_MAX_BYLINE_TAIL_LOWER = 2
_MAX_TAG_CHARS = 80
_MAX_TAG_WORDS = 6
_MAX_DATE_CHARS = 80
_MAX_WIDGET_CHARS = 120
_MAX_LABEL_CHARS = 60
_MAX_INLINE_CREDIT_WORDS = 12
_MAX_INLINE_CREDIT_CHARS = 120
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 220
_MAX_TITLE_LINES = 3
_MAX_KICKER_WORDS = 2
_MAX_CAPTION_CHARS = 300
_MAX_CAPTION_SENTENCES = 2
_MAX_LINK_TITLES = 8


@dataclass(frozen=True, slots=True)
class _Rules:
    credit_label: re.Pattern[str]
    credit_inline: re.Pattern[str]
    credit_marks: _Phrases
    agency_words: re.Pattern[str]
    agency_tag: re.Pattern[str]
    widgets: frozenset[str]
    starts: _Phrases
    exact: frozenset[str]
    link_labels: frozenset[str]
    section_labels: frozenset[str]
    contains: _Phrases
    appeal_starts: _Phrases
    appeal_anywhere: _Phrases
    self_reference: _Phrases
    byline: re.Pattern[str]
    timestamp: re.Pattern[str]
    calendar: frozenset[str]
    day_names: frozenset[str]


def assign_roles(text: str, pieces: Sequence[Piece], language: str = "", *, presegmented: bool = False) -> list[Role]:
    """One role per piece, in order."""
    rules = _rules(language)
    sentences = [text[p.start : p.end] for p in pieces]
    if presegmented:
        roles = [Role.BOILERPLATE if _obvious_reason(s, rules) else Role.BODY for s in sentences]
        if roles and roles[0] == Role.BODY and _heading_like(sentences[0], allow_question=True):
            roles[0] = Role.TITLE
        return roles
    lows = [s.lower() for s in sentences]
    key = language if language in wordlists.LANGUAGES else ""
    signals = [_signals(s, key) for s in sentences]
    appeals = [appeal for appeal, _ in signals]
    roles = [
        Role.BOILERPLATE if p.credit or p.dateline or appeal or reason else Role.BODY
        for p, (appeal, reason) in zip(pieces, signals, strict=True)
    ]
    _mark_captions(pieces, sentences, roles, rules)
    _mark_link_lists(pieces, sentences, roles, rules)
    _mark_appeal_paragraphs(pieces, lows, appeals, roles, rules)
    _mark_title(pieces, sentences, roles, rules)
    return roles


@lru_cache(maxsize=65536)
def _signals(sentence: str, language: str) -> tuple[bool, str]:
    """Whether a sentence on its own is an appeal (or notice), and its other furniture reason; remembered,
    since outlets and re-runs hand the same sentences over again."""
    rules = _rules(language)
    low = sentence.lower()
    appeal = bool(_is_appeal(low, rules) or _is_notice(low, rules))
    return appeal, "" if appeal else _reason(sentence, rules, low)


def boilerplate_reason(sentence: str, language: str = "") -> str:
    """Why one sentence on its own is page furniture ("credit", "byline", …), or ``""`` when it is not."""
    rules = _rules(language)
    low = sentence.lower()
    return _reason(sentence, rules, low) or ("appeal" if _is_appeal(low, rules) else "")


def dateline_end(text: str, start: int, end: int, language: str = "") -> int:
    """Where the news starts after a dateline opening a paragraph ("Kessingen (dpa/lno) - Bei einem Brand …",
    "PORT ELLERY (AP) — Bus drivers …"), or ``start`` when there is none. The place and agency are the wire's
    furniture; left in, they keep a brief's first sentence from matching the same sentence elsewhere."""
    found = _DATELINE.match(text, start, end)
    if found is None or end - found.end() < _MIN_DATELINE_REST:
        return start
    if not _rules(language).agency_tag.fullmatch(found.group("tag")):
        return start
    return found.end()


def credit_starts(text: str, start: int, end: int, language: str = "") -> list[int]:
    """Where a photo credit begins inside a line that does not start with it ("…in ParisQuelle: …").

    Only the first credit on a line counts: everything after it belongs to the credit.
    """
    rules = _rules(language)
    for found in rules.credit_inline.finditer(text, start + 1, end):
        pos = found.start()
        before = text[pos - 1]
        if not before.isspace():
            # Glued to the caption: "ParisQuelle:", "Paris© …"; not inside a word like "AFPFoto".
            if found.group() == "©" or before.islower() or before.isdigit() or before in ')]"”“’.!?':
                return [pos]
            continue
        if end - pos > _MAX_INLINE_CREDIT_CHARS:
            continue  # a credit ends its line; this one is followed by running text
        rest = text[pos:end]
        if len(rest.split()) <= _MAX_INLINE_CREDIT_WORDS and (
            "©" in rest or "www." in rest or "/" in rest or rules.agency_words.search(rest)
        ):
            return [pos]
    return []


# --- single sentences -----------------------------------------------------------------------------------------


def _reason(sentence: str, rules: _Rules, low: str) -> str:
    """Every single-sentence signal except appeals, which the paragraph rule needs on their own."""
    if not _ALNUM.search(sentence):
        return "rule"  # "___", "* * *", "—": a separator (a corpus line "." may be aligned, so not presegmented)
    words = sentence.count(" ") + 1
    reason = _obvious_reason(sentence, rules, low, words)
    if reason:
        return reason
    if _is_notice(low, rules):
        return "notice"
    if len(sentence) <= _MAX_DATE_CHARS and _only_date(sentence, rules):
        return "timestamp"
    return ""


def _obvious_reason(sentence: str, rules: _Rules, low: str = "", words: int = 0) -> str:
    """Signals clear enough for presegmented corpora, where no layout backs them up."""
    low = low or sentence.lower()
    words = words or sentence.count(" ") + 1
    if rules.credit_label.match(sentence):
        return "credit" if words <= _MAX_CREDIT_WORDS else ""
    if rules.starts.match(low):
        return "link"
    if words > _MAX_CREDIT_WORDS:
        return ""  # every remaining signal is a short line
    if rules.credit_marks.search(low):
        return "credit"
    if len(sentence) <= _MAX_LABEL_CHARS and _normalised(sentence) in rules.exact:
        return "link"
    if len(sentence) <= _MAX_WIDGET_CHARS and _is_widget_bar(low, rules):
        return "share"
    if len(sentence) <= _MAX_TAG_CHARS and words <= _MAX_TAG_WORDS and rules.agency_tag.fullmatch(sentence.strip()):
        return "agency"
    if words <= _MAX_BYLINE_WORDS and _is_byline(sentence, rules):
        return "byline"
    if words <= _MAX_TIMESTAMP_WORDS and _is_timestamp(sentence, rules):
        return "timestamp"
    return _furniture_parts(sentence, rules)


def _furniture_parts(sentence: str, rules: _Rules) -> str:
    """A header line joining furniture with bars ("Von Erika Muster | Stand: 12.03.2026, 14:05 Uhr"): the
    byline's tail may not hold the timestamp's full stops, so each part is judged on its own."""
    parts = [p.strip() for p in _PART_BAR.split(sentence)]
    if len(parts) < 2 or not all(parts):
        return ""
    reasons = [_obvious_reason(p, rules) for p in parts]
    return reasons[0] if all(reasons) else ""


def _normalised(sentence: str) -> str:
    return " ".join(sentence.strip().rstrip(":.…!|·•-–— ").split()).lower()


def _is_widget_bar(low: str, rules: _Rules) -> bool:
    """A share bar: "Facebook Twitter E-Mail", "Share · Save"."""
    if _WIDGET_SPLIT.split(low.strip(), maxsplit=1)[0] not in rules.widgets:
        return False
    tokens = [t for t in _WIDGET_SPLIT.split(low) if t]
    return bool(tokens) and all(t in rules.widgets for t in tokens)


def _is_byline(sentence: str, rules: _Rules) -> bool:
    """A byline ("Von Max Mustermann", "By Jane Doe, Staff Reporter | March 9"): a name, a short tail."""
    found = rules.byline.match(sentence.strip())
    if found is None:
        return False
    # "Staff Reporter", "Environment correspondent", "in Washington" pass; running text does not.
    tail: str = found.group("tail") or ""
    return sum(w[:1].islower() and w not in _BYLINE_TAIL_WORDS for w in tail.split()) <= _MAX_BYLINE_TAIL_LOWER


def _is_timestamp(sentence: str, rules: _Rules) -> bool:
    """A timestamp ("Stand: 13.04.2025", "Updated 2 hours ago"): label, date or time, no running text."""
    found = rules.timestamp.match(sentence)
    return found is not None and (found.group("colon") is not None or not _SENTENCE_END.search(sentence))


def _is_appeal(low: str, rules: _Rules) -> bool:
    """An appeal to the reader: literal phrases must open the sentence, regexes may match anywhere."""
    return rules.appeal_starts.match(low) or rules.appeal_anywhere.search(low)


def _is_notice(low: str, rules: _Rules) -> bool:
    """A short sentence with a furniture phrase anywhere ("… abonnieren Sie unseren Newsletter")."""
    return low.count(" ") < _MAX_CONTAINS_WORDS and rules.contains.search(low)


def _only_date(sentence: str, rules: _Rules) -> bool:
    """A line that is nothing but a date and time ("Montag, 13.04.2025, 14:30 Uhr", "March 9, 2026")."""
    if not _DIGIT.search(sentence):
        return False
    words = [w.rstrip(".").lower() for w in _WORD.findall(sentence)]
    if not words or not all(w in rules.calendar or _NUMERIC.fullmatch(w) for w in words):
        return False
    # A bare number ("22", "1.240") is not a date: a day or month name, or a date or time shape, must be there.
    return any(w in rules.day_names for w in words) or _DATE_SHAPE.search(sentence) is not None


def _heading_like(sentence: str, *, allow_question: bool = False) -> bool:
    """Short, and without the punctuation that ends a running-text sentence."""
    stripped = sentence.strip()
    if len(stripped) > _MAX_TITLE_CHARS or len(stripped.split()) > _MAX_TITLE_WORDS:
        return False
    final = _FINAL.search(stripped)
    if final is None:
        return True
    return allow_question and final.group()[0] in "?!"


# --- context rules --------------------------------------------------------------------------------------------


def _mark_captions(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules) -> None:
    """The sentence(s) before a photo credit on its line are the photo's caption; so is a lone sentence on the
    line just above a credit line in the same paragraph ("Leere Bahnsteige am Freitag." / "Foto: IMAGO/…")."""
    for i, piece in enumerate(pieces):
        if piece.credit:
            caption: list[int] = []
            j = i - 1
            while j >= 0 and pieces[j].line == piece.line and len(caption) <= _MAX_CAPTION_SENTENCES:
                caption.append(j)
                j -= 1
            size = sum(pieces[k].end - pieces[k].start for k in caption)
            if len(caption) <= _MAX_CAPTION_SENTENCES and size <= _MAX_CAPTION_CHARS:
                for k in caption:
                    roles[k] = Role.BOILERPLATE
        elif (
            i > 0
            and piece.whole_line
            and rules.credit_label.match(sentences[i])
            and pieces[i - 1].whole_line
            and pieces[i - 1].paragraph == piece.paragraph
            and pieces[i - 1].end - pieces[i - 1].start <= _MAX_CAPTION_CHARS
        ):
            roles[i - 1] = Role.BOILERPLATE


def _mark_link_lists(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules) -> None:
    """After a bare "Mehr zum Thema:" / "Read more:", the headline-like lines that follow are links."""
    for i, sentence in enumerate(sentences):
        bare_label = len(sentence) <= _MAX_LABEL_CHARS and _normalised(sentence) in rules.link_labels
        # "Lesen Sie mehr auf Tagesspiegel Plus:", "Read more from our coverage:" introduce a list too.
        label_line = pieces[i].whole_line and sentence.endswith(":") and rules.starts.match(sentence.lower())
        if not (bare_label or label_line):
            continue
        for j in range(i + 1, min(i + 1 + _MAX_LINK_TITLES, len(pieces))):
            if not (pieces[j].whole_line and _heading_like(sentences[j], allow_question=True)):
                break
            roles[j] = Role.BOILERPLATE


def _mark_appeal_paragraphs(
    pieces: Sequence[Piece], lows: Sequence[str], appeals: Sequence[bool], roles: list[Role], rules: _Rules
) -> None:
    """From an appeal to the end of its paragraph is furniture; all of it when the paragraph also talks about
    the outlet itself (a platform notice: "Der Zugang zu unserer Website wurde erschwert … teilt sie gern")."""
    by_paragraph: dict[int, list[int]] = {}
    for i, piece in enumerate(pieces):
        by_paragraph.setdefault(piece.paragraph, []).append(i)
    for members in by_paragraph.values():
        first_appeal = next((i for i in members if appeals[i]), None)
        if first_appeal is None:
            continue
        about_outlet = sum(1 for i in members if appeals[i] or rules.self_reference.search(lows[i]))
        first = members[0] if about_outlet >= 2 else first_appeal
        while first > members[0] and _QUESTION.search(lows[first - 1]):
            first -= 1  # the teaser before it: "Sie möchten nichts verpassen? Dann abonnieren Sie …"
        for i in range(first, members[-1] + 1):
            roles[i] = Role.BOILERPLATE


def _mark_title(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules) -> None:
    """The headline: the first short line(s) without final punctuation. A section label above it
    ("International", "Ukraine-Krieg", "Analysis") is the kicker: furniture."""
    headings: list[int] = []
    for i, piece in enumerate(pieces):
        if roles[i] == Role.BOILERPLATE:
            continue
        sentence = sentences[i]
        label_with_colon = not headings and sentence.endswith(":") and len(sentence.split()) <= _MAX_KICKER_WORDS
        if len(headings) > _MAX_TITLE_LINES or not (
            piece.whole_line and (label_with_colon or _heading_like(sentence, allow_question=not headings))
        ):
            break
        headings.append(i)
    if not headings:
        return
    first = sentences[headings[0]]
    known_label = _normalised(first) in rules.section_labels or first.endswith(":")
    if known_label or (
        len(headings) >= 2 and len(first.split()) <= _MAX_KICKER_WORDS and len(first) < len(sentences[headings[1]])
    ):
        roles[headings[0]] = Role.BOILERPLATE
        headings = headings[1:]
    for i in headings[:_MAX_TITLE_LINES]:
        roles[i] = Role.TITLE


# --- lexicons -------------------------------------------------------------------------------------------------


def _literal(phrase: str) -> str:
    """A lower-case literal phrase that must end at a word boundary when it ends in a letter or digit."""
    return re.escape(phrase.lower()) + (r"(?!\w)" if phrase[-1].isalnum() else "")


class _Phrases:
    """A lexicon section as one pattern over lower-cased text: literal phrases and ``re:`` entries as flat branches.

    Flat, because ``re`` only skips quickly through a text when every branch of the top-level alternation
    starts with a literal character; wrapping the branches in a group, or one entry starting with ``\\b`` or a
    group, makes every sentence pay for trying every branch at every position.
    """

    def __init__(self, entries: Sequence[str], *, anchored: bool) -> None:
        branches = [e[3:] if e.startswith("re:") else _literal(e) for e in entries]
        alternation = "|".join(branches)
        self._pattern = re.compile(rf"\s*(?:{alternation})" if anchored else alternation) if branches else None

    def match(self, low: str) -> bool:
        return self._pattern is not None and self._pattern.match(low) is not None

    def search(self, low: str) -> bool:
        return self._pattern is not None and self._pattern.search(low) is not None


def _longest_first(entries: Sequence[str]) -> str:
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


def _agency_spellings(names: Sequence[str]) -> set[str]:
    """Each agency as written, in lower and upper case and capitalised; an acronym ("AP", "PA") only in
    capitals, so that the words "ap" or "pa" never count as an agency."""
    spellings = set()
    for name in names:
        spellings.add(name)
        if not (name.isupper() and len(name) <= 4):
            spellings.update({name.lower(), name.upper(), name[:1].upper() + name[1:]})
    return spellings


def _agency_tag_pattern(agency_alt: str) -> re.Pattern[str]:
    """ "(dpa)", "dpa/AFP/Reuters", "jm/dpa", "Max Mustermann, dpa", "Jane Doe (AP)"."""
    agency = rf"(?:{agency_alt})"
    initials = r"(?:[a-zäöü]{1,4}|[A-ZÄÖÜ]{1,4})"
    joiner = r"\s*(?:[/,;&+]|\bund\b|\band\b)\s*"
    tags = rf"(?:{initials}{joiner})*{agency}(?:{joiner}(?:{agency}|{initials}))*"
    name = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}"
    credited = r"(?:[Mm]it|[Ww]ith|[Qq]uelle:|[Ss]ource:)\s+"
    return re.compile(rf"\(?\s*(?:{name}\s*(?:[,/]\s*|(?=\()))?\(?\s*(?:{credited})?{tags}\s*\)?\s*\)?\.?")


def _timestamp_pattern(labels: Sequence[str], day_names: set[str]) -> re.Pattern[str]:
    """A timestamp label, then straight away a date, time or "2 hours ago"/"vor 2 Stunden"."""
    return re.compile(
        rf"\s*(?:{_longest_first(labels)})\s*(?P<colon>:)?,?\s*(?:(?:on|at|am|um|vom|den|seit)\s+)?"
        rf"(?:\d|(?:{_longest_first(sorted(day_names))})\b|vor\s+\d|vor\s+(?:einer|einem|wenigen)\b"
        r"|\w+\s+ago\b|a\s+\w+\s+ago\b)",
        re.IGNORECASE,
    )


def _rules(language: str) -> _Rules:
    """Rules for "de", "en", or both for any other language (one cache entry for all of those)."""
    return _compiled_rules(language if language in wordlists.LANGUAGES else "")


@cache
def _compiled_rules(language: str) -> _Rules:
    def merged(section: str) -> tuple[str, ...]:
        return wordlists.merged("boilerplate", language, section)

    common = wordlists.sections("boilerplate-common")
    label_list = sorted(merged("credit-labels"), key=len, reverse=True)
    labels = _longest_first(label_list)
    agencies = _longest_first(sorted(_agency_spellings(common["agencies"])))

    appeals = merged("appeal")
    byline_starts = _longest_first(merged("byline-starts"))
    name = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
    byline = re.compile(
        rf"(?:{byline_starts})\s+(?P<names>{name}(?:\s*(?:,|und|and|&)\s*{name})*)"
        r"(?:\s*[,|–—-]\s*(?P<tail>[^.!?]{0,80}))?$"
    )
    calendar: dict[str, set[str]] = {"months": set(), "weekdays": set(), "fillers": set()}
    for lang in wordlists.languages_for(language):
        for section, words in calendar.items():
            words.update(w.lower().rstrip(".") for w in wordlists.sections(f"dates-{lang}")[section])
    day_names = calendar["months"] | calendar["weekdays"]
    return _Rules(
        credit_label=re.compile(rf"\s*\(?(?:{labels})\s*(?::|©)"),
        # Flat, each branch starting with a literal, so the search can skip ahead (see _Phrases).
        credit_inline=re.compile("|".join(rf"{re.escape(label)}(?=\s*[:©])" for label in label_list) + "|©"),
        credit_marks=_Phrases(common["credit-marks"], anchored=False),
        agency_words=re.compile(rf"(?<!\w)(?:{agencies})(?!\w)"),
        agency_tag=_agency_tag_pattern(agencies),
        widgets=frozenset(w.lower() for w in common["widgets"]),
        starts=_Phrases(merged("starts"), anchored=True),
        exact=frozenset(_normalised(e) for e in merged("exact")),
        link_labels=frozenset(_normalised(e) for e in merged("link-labels")),
        section_labels=frozenset(_normalised(e) for e in merged("section-labels")),
        contains=_Phrases(merged("contains"), anchored=False),
        appeal_starts=_Phrases([e for e in appeals if not e.startswith("re:")], anchored=True),
        appeal_anywhere=_Phrases([e for e in appeals if e.startswith("re:")], anchored=False),
        self_reference=_Phrases(merged("self-reference"), anchored=False),
        byline=byline,
        timestamp=_timestamp_pattern(merged("timestamp-labels"), day_names),
        calendar=frozenset(day_names | calendar["fillers"]),
        day_names=frozenset(day_names),
    )
