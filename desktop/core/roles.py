"""Tell a sentence's role in its article: the headline (title), the story (body), or page furniture.

Furniture ("boilerplate") is what an outlet wraps around every story — photo credits and captions, "Mehr zum
Thema" links, share bars, bylines, agency tags, timestamps, newsletter and donation appeals, notices about the
outlet itself. The pipeline leaves it out of the alignment, so a false positive hides a real sentence: the
rules here only fire on clear signals, and in presegmented corpora (one sentence a line, no layout) only the
most obvious of them run. The phrases live in ``resources/lexicons/boilerplate-*.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

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


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?")
_FINAL = re.compile(r"[.!?…:;,][\"'”’»«›‹)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»«›‹)\]]*$")
_WIDGET_SPLIT = re.compile(r"[\s|·•/,;]+")
_BYLINE_TAIL_WORDS = frozenset(["in", "für", "for", "at", "aus", "of", "and", "und", "der", "die", "das", "the", "de"])
_NAME_TOKEN = r"(?:[A-ZÄÖÜÉÁÀÓÚÍÇŁŚŽČ][\w'’.-]*|(?:von|van|de|der|den|del|da|di|du|la|le|zu|ten|ter|al|bin|ibn|el))"

# Short sentences only: a long sentence that merely mentions a newsletter or "©" is still news.
_MAX_CREDIT_WORDS = 30
_MAX_CONTAINS_WORDS = 30
_MAX_TIMESTAMP_WORDS = 20
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 220
_MAX_TITLE_LINES = 3
_MAX_KICKER_WORDS = 3
_MAX_CAPTION_CHARS = 300
_MAX_LINK_TITLES = 8


@dataclass(frozen=True, slots=True)
class _Rules:
    credit_label: re.Pattern[str]
    credit_glued: re.Pattern[str]
    credit_spaced: re.Pattern[str]
    credit_marks: re.Pattern[str]
    agency_tag: re.Pattern[str]
    agency_words: re.Pattern[str]
    widgets: frozenset[str]
    starts: re.Pattern[str] | None
    exact: frozenset[str]
    link_labels: frozenset[str]
    contains: re.Pattern[str] | None
    appeal: re.Pattern[str] | None
    self_reference: re.Pattern[str] | None
    byline: re.Pattern[str]
    timestamp: re.Pattern[str]
    calendar: frozenset[str]


def assign_roles(text: str, pieces: Sequence[Piece], language: str = "", *, presegmented: bool = False) -> list[Role]:
    """One role per piece, in order."""
    rules = _rules(language)
    sentences = [text[p.start : p.end] for p in pieces]
    if presegmented:
        roles = [Role.BOILERPLATE if _obvious_boilerplate(s, rules) else Role.BODY for s in sentences]
        if roles and roles[0] == Role.BODY and _heading_like(sentences[0], allow_question=True):
            roles[0] = Role.TITLE
        return roles
    roles = [
        Role.BOILERPLATE if p.credit or boilerplate_reason(s, language) else Role.BODY
        for p, s in zip(pieces, sentences, strict=True)
    ]
    _mark_captions(pieces, roles)
    _mark_link_lists(pieces, sentences, roles, rules)
    _mark_appeal_paragraphs(pieces, sentences, roles, rules)
    _mark_title(pieces, sentences, roles)
    return roles


def boilerplate_reason(sentence: str, language: str = "") -> str:
    """Why one sentence on its own is page furniture ("credit", "byline", …), or ``""`` when it is not."""
    rules = _rules(language)
    reason = _obvious_reason(sentence, rules)
    if reason:
        return reason
    words = len(sentence.split())
    if rules.contains and words <= _MAX_CONTAINS_WORDS and rules.contains.search(sentence):
        return "notice"
    if rules.appeal and _is_appeal(sentence, rules):
        return "appeal"
    if words <= _MAX_TIMESTAMP_WORDS and _only_date(sentence, rules):
        return "timestamp"
    return ""


def credit_starts(text: str, start: int, end: int, language: str = "") -> list[int]:
    """Where a photo credit begins inside a line that does not start with it ("…in ParisQuelle: …").

    Only the first credit on a line counts: everything after it belongs to the credit.
    """
    rules = _rules(language)
    glued = rules.credit_glued.search(text, start + 1, end)
    if glued:
        return [glued.start()]
    for spaced in rules.credit_spaced.finditer(text, start + 1, end):
        rest = text[spaced.start() : end]
        if len(rest.split()) <= 12 and (
            "©" in rest or rules.agency_words.search(rest) or "www." in rest or "/" in rest or spaced.group("mark")
        ):
            return [spaced.start()]
    return []


# --- single sentences -----------------------------------------------------------------------------------------


def _obvious_boilerplate(sentence: str, rules: _Rules) -> bool:
    return bool(_obvious_reason(sentence, rules))


def _obvious_reason(sentence: str, rules: _Rules) -> str:
    """Signals clear enough for presegmented corpora, where no layout backs them up."""
    words = len(sentence.split())
    if words <= _MAX_CREDIT_WORDS and (rules.credit_label.match(sentence) or rules.credit_marks.search(sentence)):
        return "credit"
    if rules.starts and rules.starts.match(sentence):
        return "link"
    if _normalised(sentence) in rules.exact:
        return "link"
    if _is_widget_bar(sentence, rules):
        return "share"
    if _is_agency_tag(sentence, rules):
        return "agency"
    if words <= 15 and _is_byline(sentence, rules):
        return "byline"
    if words <= _MAX_TIMESTAMP_WORDS and _is_timestamp(sentence, rules):
        return "timestamp"
    return ""


def _normalised(sentence: str) -> str:
    return " ".join(sentence.strip().rstrip(":.…!|·•-–— ").split()).casefold()


def _is_widget_bar(sentence: str, rules: _Rules) -> bool:
    tokens = [t.casefold() for t in _WIDGET_SPLIT.split(sentence) if t]
    return bool(tokens) and all(t in rules.widgets for t in tokens) and len(sentence) <= 120


def _is_agency_tag(sentence: str, rules: _Rules) -> bool:
    """An agency tag ("(dpa)", "dpa/AFP", "jm/dpa", "Max Mustermann, dpa"): agencies, initials, one name."""
    return len(sentence) <= 80 and rules.agency_tag.fullmatch(sentence.strip()) is not None


def _is_byline(sentence: str, rules: _Rules) -> bool:
    """A byline ("Von Max Mustermann", "By Jane Doe, Staff Reporter | March 9"): a name, a short tail."""
    found = rules.byline.match(sentence.strip())
    if found is None:
        return False
    tail = found.group("tail") or ""
    return all(not w[:1].islower() or w in _BYLINE_TAIL_WORDS for w in tail.split())


def _is_timestamp(sentence: str, rules: _Rules) -> bool:
    """A timestamp ("Stand: 13.04.2025", "Updated 2 hours ago"): label, date or time, no running text."""
    found = rules.timestamp.match(sentence)
    return found is not None and (found.group("colon") is not None or not _SENTENCE_END.search(sentence))


def _is_appeal(sentence: str, rules: _Rules) -> bool:
    return rules.appeal is not None and rules.appeal.search(sentence) is not None


def _only_date(sentence: str, rules: _Rules) -> bool:
    """A line that is nothing but a date and time ("Montag, 13.04.2025, 14:30 Uhr", "March 9, 2026")."""
    if not any(c.isdigit() for c in sentence):
        return False
    words = [w.rstrip(".").casefold() for w in _WORD.findall(sentence)]
    return bool(words) and all(w in rules.calendar or any(c.isdigit() for c in w) for w in words)


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


def _mark_captions(pieces: Sequence[Piece], roles: list[Role]) -> None:
    """The sentence(s) on the line of a photo credit, before it, are the photo's caption."""
    for i, piece in enumerate(pieces):
        if not piece.credit:
            continue
        j = i - 1
        caption: list[int] = []
        while j >= 0 and pieces[j].line == piece.line and len(caption) < 2:
            caption.append(j)
            j -= 1
        if caption and (j < 0 or pieces[j].line != piece.line):
            size = sum(pieces[k].end - pieces[k].start for k in caption)
            if size <= _MAX_CAPTION_CHARS:
                for k in caption:
                    roles[k] = Role.BOILERPLATE


def _mark_link_lists(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules) -> None:
    """After a bare "Mehr zum Thema:" / "Read more:", the headline-like lines that follow are links."""
    for i, sentence in enumerate(sentences):
        if _normalised(sentence) not in rules.link_labels:
            continue
        for j in range(i + 1, min(i + 1 + _MAX_LINK_TITLES, len(pieces))):
            if not (pieces[j].whole_line and _heading_like(sentences[j], allow_question=True)):
                break
            roles[j] = Role.BOILERPLATE


def _mark_appeal_paragraphs(
    pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules
) -> None:
    """A paragraph that opens with an appeal, or mixes one with talk about the outlet, is all furniture."""
    by_paragraph: dict[int, list[int]] = {}
    for i, piece in enumerate(pieces):
        by_paragraph.setdefault(piece.paragraph, []).append(i)
    for members in by_paragraph.values():
        appeals = [i for i in members if _is_appeal(sentences[i], rules)]
        if not appeals:
            continue
        about_outlet = [
            i for i in members if i in appeals or (rules.self_reference and rules.self_reference.search(sentences[i]))
        ]
        first = members[0] if len(about_outlet) >= 2 else appeals[0]
        for i in members[members.index(first) :]:
            roles[i] = Role.BOILERPLATE


def _mark_title(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role]) -> None:
    """The headline: the first short line(s) without final punctuation; a one-to-three-word label above it
    ("International", "Ukraine-Krieg") is the section kicker, furniture."""
    headings: list[int] = []
    for i, piece in enumerate(pieces):
        if roles[i] == Role.BOILERPLATE:
            continue
        if not piece.whole_line or not _heading_like(sentences[i], allow_question=not headings):
            break
        headings.append(i)
        if len(headings) > _MAX_TITLE_LINES:
            break
    if not headings:
        return
    first = sentences[headings[0]]
    if len(headings) >= 2 and len(first.split()) <= _MAX_KICKER_WORDS and len(first) < len(sentences[headings[1]]):
        roles[headings[0]] = Role.BOILERPLATE
        headings = headings[1:]
    for i in headings[:_MAX_TITLE_LINES]:
        roles[i] = Role.TITLE


# --- lexicons -------------------------------------------------------------------------------------------------


def _phrase_pattern(entries: Sequence[str], *, anchored: bool, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex for a list of literal phrases (ending at a word boundary) and ``re:`` entries."""
    parts = []
    for entry in entries:
        if entry.startswith("re:"):
            parts.append(f"(?:{entry[3:]})")
            continue
        literal = re.escape(entry)
        parts.append(literal + (r"(?!\w)" if entry[-1].isalnum() else ""))
    if not parts:
        return None
    return re.compile(("^\\s*" if anchored else "") + "(?:" + "|".join(parts) + ")", flags)


def _split_phrases(entries: Sequence[str]) -> tuple[list[str], list[str]]:
    literal = [e for e in entries if not e.startswith("re:")]
    regexes = [e for e in entries if e.startswith("re:")]
    return literal, regexes


def _agency_tag_pattern(agency_alt: str) -> re.Pattern[str]:
    agency = rf"(?:{agency_alt})"
    initials = r"(?:[a-zäöü]{1,4}|[A-ZÄÖÜ]{1,4})"
    joiner = r"\s*(?:[/,;&+]|\bund\b|\band\b)\s*"
    tags = rf"(?:{initials}{joiner})*{agency}(?:{joiner}(?:{agency}|{initials}))*"
    name = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}"
    return re.compile(
        rf"\(?\s*(?:{name}\s*(?:[,/]\s*|(?=\()))?\(?\s*{tags}\s*\)?\s*\)?\.?",
        re.IGNORECASE,
    )


@cache
def _rules(language: str) -> _Rules:
    def merged(section: str) -> tuple[str, ...]:
        return wordlists.merged("boilerplate", language, section)

    common = wordlists.sections("boilerplate-common")
    labels = sorted(merged("credit-labels"), key=len, reverse=True)
    label_alt = "|".join(re.escape(label) for label in labels)
    agencies = sorted(common["agencies"], key=len, reverse=True)
    agency_alt = "|".join(re.escape(a) for a in agencies)

    appeal_literal, appeal_regex = _split_phrases(merged("appeal"))
    appeal_parts = []
    if appeal_literal:
        starts = _phrase_pattern(appeal_literal, anchored=True)
        assert starts is not None
        appeal_parts.append(starts.pattern)
    appeal_parts += [f"(?:{r[3:]})" for r in appeal_regex]

    byline_starts = "|".join(re.escape(s) for s in sorted(merged("byline-starts"), key=len, reverse=True))
    name = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
    byline = re.compile(
        rf"(?:{byline_starts})\s+(?P<names>{name}(?:\s*(?:,|und|and|&)\s*{name})*)"
        r"(?:\s*[,|–—-]\s*(?P<tail>[^.!?]{0,80}))?$"
    )
    calendar_words: dict[str, set[str]] = {"months": set(), "weekdays": set(), "fillers": set()}
    for lang in wordlists.languages_for(language):
        for section, words in calendar_words.items():
            words.update(w.casefold().rstrip(".") for w in wordlists.sections(f"dates-{lang}")[section])
    day_names = calendar_words["months"] | calendar_words["weekdays"]
    calendar_alt = "|".join(re.escape(w) for w in sorted(day_names, key=len, reverse=True))
    timestamp_labels = "|".join(re.escape(s) for s in sorted(merged("timestamp-labels"), key=len, reverse=True))
    timestamp = re.compile(
        rf"\s*(?:{timestamp_labels})\s*(?P<colon>:)?,?\s*(?:(?:on|at|am|um|vom|den|seit)\s+)?"
        rf"(?:\d|(?:{calendar_alt})\b|vor\s+\d|vor\s+(?:einer|einem|wenigen)\b|\w+\s+ago\b|a\s+\w+\s+ago\b)",
        re.IGNORECASE,
    )
    return _Rules(
        credit_label=re.compile(rf"\s*\(?(?:{label_alt})\s*(?::|©)"),
        credit_glued=re.compile(rf"(?<=[a-zäöüßà-ÿ0-9)\]\"”“’.!?])(?:{label_alt})(?=\s*:|\s*©)"),
        credit_spaced=re.compile(rf"(?<=\s)(?:(?:{label_alt})\s*:|(?P<mark>©))"),
        credit_marks=_phrase_pattern(common["credit-marks"], anchored=False) or re.compile(r"(?!)"),
        agency_tag=_agency_tag_pattern(agency_alt),
        agency_words=re.compile(rf"(?<!\w)(?:{agency_alt})(?!\w)", re.IGNORECASE),
        widgets=frozenset(w.casefold() for w in common["widgets"]),
        starts=_phrase_pattern(merged("starts"), anchored=True),
        exact=frozenset(_normalised(e) for e in merged("exact")),
        link_labels=frozenset(_normalised(e) for e in merged("link-labels")),
        contains=_phrase_pattern(merged("contains"), anchored=False),
        appeal=re.compile("|".join(appeal_parts), re.IGNORECASE) if appeal_parts else None,
        self_reference=_phrase_pattern(merged("self-reference"), anchored=False),
        byline=byline,
        timestamp=timestamp,
        calendar=frozenset(day_names | calendar_words["fillers"]),
    )
