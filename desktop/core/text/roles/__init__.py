"""Tell a sentence's role in its article: the headline (title), the story (body), or page furniture.

Furniture ("boilerplate") is what an outlet wraps around every story — photo credits and captions, "Mehr zum
Thema" links, share bars, bylines, agency tags, timestamps, newsletter and donation appeals, notices about the
outlet itself. The pipeline leaves it out of the alignment, so a false positive hides a real sentence: the
rules here only fire on clear signals, and in presegmented corpora (one sentence a line, no layout) only the
most obvious of them run. The phrases live in ``resources/lexicons/boilerplate-*.txt``; the common file's
``starts`` and ``exact`` apply to every language, for the English strings aggregators and content systems put
under stories in any language ("Continue reading...").

Besides phrases, real pages show furniture by shape: counters ("169", "99+ people have listened"), place and
outlet lines ("Riga • Baltic Wire"), credit lines ("dpa/ Associated Press/ Jane Roe", "|REUTERS") and the
caption above them, signed social posts ("— Jane Roe (@jroe) March 3, 2026"), breadcrumbs, the outlet's own
name in the header, an editor's sign-off code closing the text, and long headline-shaped lines between the
paragraphs of the story (captions and teasers; a crosshead is short).

Phrase lists are matched against the lower-cased sentence with case-sensitive patterns: Python's ``re`` is
several times slower with ``IGNORECASE`` on long alternations, and every sentence of a 10,000-sentence
document passes through here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop.core.model import Role
from desktop.core.text import wordlists


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


_ORDINAL_SUFFIXES = frozenset(["st", "nd", "rd", "th"])
_WORD = re.compile(r"\w+(?:[-'’.:]\w+)*\.?")
_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_NUMERIC = re.compile(r"\d+(?:[.:/-]\d+)*")
_DATE_SHAPE = re.compile(
    r"\b\d{1,2}[.:/]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d+\s+(?:hours?|minutes?|mins?|days?|weeks?)\s+ago\b|\bvor\s+\d+\s+(?:stunden?|minuten?|tagen?|wochen?)\b",
    re.IGNORECASE,
)
# Closing quotes include German "“" and "‘" („So.“).
_FINAL = re.compile(r"[.!?…:;,][\"'”’“‘»«›‹)\]]*$")
_QUESTION = re.compile(r"\?[\"'”’“‘»«›‹)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’“‘»«›‹)\]]*$")
# Sentence punctuation inside a line ("Gentleman.2004 …", "… so. Dann"); a period after a digit is a date or
# number ("am 3. März", "20.30 Uhr").
_INNER_STOP = re.compile(r"[!?;…]|(?<!\d)\.")
_WIDGET_SPLIT = re.compile(r"[\s|·•/,;]+")
_PART_BAR = re.compile(r"\s[|·•]\s")
# "Kessingen (dpa/lno) - ", "PORT ELLERY (AP) — ", "Beijing, Apr 3 (PTI) ", "WARSAW, Sept 10 (Reuters/AFP): ",
# "BERLIN, 6 May (agency) – ", "MOSCOW — ": a place, a date, an agency tag, a dash or colon.
_DATELINE = re.compile(
    r"(?P<place>[A-ZÄÖÜ][\w.'’-]*(?:[ /-][A-ZÄÖÜ][\w.'’-]*){0,3})"
    r"(?:,\s*(?P<date>(?:\d{1,2}\.?\s+[A-Za-zäöüÄÖÜ]{3,10}\.?|[A-Za-zäöüÄÖÜ]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?))?"
    r"(?: ?(?P<tag>\([^()\n]{1,40}\)))?"
    r"(?P<sep> ?[-–—:] | (?=[A-ZÄÖÜ\"„“]))"
)
_MIN_DATELINE_REST = 20  # characters of news after the dash: a dateline opens a sentence, it is not one
_LEADING_MARK = re.compile(r"\s*[|•·▪►]\s*")
_COUNTER = re.compile(r"\s*(?:[|•·▪►]\s*)?\d[\d.,]*\s*(?:[kKmM]\b|Mio\.?|Tsd\.?)?\+?\s*(?P<rest>[^\d]*)")
_CREDIT_PARTS = re.compile(r"\s*[/|,]\s*|\s+[-–—]\s+")
_BAR_PARTS = re.compile(r"\s+[•·|]\s+|\s*•\s*")
_DATE_LEAD = re.compile(r"\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4})")
# A signed social post: "— Jane Roe (@jroe) March 3, 2026"; inside a line it closes the post's text.
_SOCIAL_SIGNATURE = r"[—–-]\s*[^()\n—–]{1,60}\(@\w{1,30}\)[^\n()]{0,40}"
_SOCIAL_LINE = re.compile(rf"\s*{_SOCIAL_SIGNATURE}")
_SOCIAL_END = re.compile(rf"{_SOCIAL_SIGNATURE}$")
_BULLET_START = re.compile(r"\s*(?:[-–—•·*▪►‣◦]|\d{1,2}[.)])\s")
_CASE_SHIFT = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_SIGNOFF = re.compile(r"\w(?:/|--)\w")
_LABEL_START = re.compile(r"[^\W\d_][\w'’ -]{0,40}:\s")
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
_MAX_COUNTER_CHARS = 40
_MAX_CREDIT_LINE_CHARS = 100
_MAX_NAME_WORDS = 4
_MAX_BAR_PARTS = 4
_MAX_DATE_LEAD_WORDS = 12
_MAX_SOCIAL_POST_CHARS = 280  # a post's text above its signature
_MIN_CAPTION_WORDS = 8  # a verbless crosshead is shorter ("Politische Reaktionen und Ausblick")
_MIN_CAPTION_SMALL_WORDS = 2
_CONJUNCTIONS = frozenset(["und", "oder", "sowie", "and", "or"])
_MIN_PROSE_WORDS = 6
_MAX_OUTLET_WORDS = 4
_EDGE_PIECES = 12  # the header and footer: this many pieces at either end of the article
_MAX_SIGNOFF_CHARS = 40


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
    counter_words: frozenset[str]
    breadcrumb: re.Pattern[str]
    byline_start: re.Pattern[str]
    timestamp_inside: re.Pattern[str]
    caption_words: frozenset[str]


def assign_roles(text: str, pieces: Sequence[Piece], language: str = "", *, presegmented: bool = False) -> list[Role]:
    """One role per piece, in order."""
    rules = _rules(language)
    sentences = [text[p.start : p.end] for p in pieces]
    if presegmented:
        key = language if language in wordlists.LANGUAGES else ""
        roles = [Role.BOILERPLATE if _obvious_reason_of(s, key) else Role.BODY for s in sentences]
        if roles and roles[0] == Role.BODY and _heading_like(sentences[0], allow_question=True):
            roles[0] = Role.TITLE
        return roles
    lows = [s.lower() for s in sentences]
    key = language if language in wordlists.LANGUAGES else ""
    signals = [_signals(s, key) for s in sentences]
    appeals = [appeal for appeal, _ in signals]
    reasons = [reason for _, reason in signals]
    roles = [
        Role.BOILERPLATE if p.credit or p.dateline or appeal or reason else Role.BODY
        for p, (appeal, reason) in zip(pieces, signals, strict=True)
    ]
    _mark_captions(pieces, sentences, roles, rules, reasons)
    _mark_link_lists(pieces, sentences, roles, rules)
    _mark_appeal_paragraphs(pieces, lows, appeals, roles, rules)
    _mark_lines(pieces, sentences, roles, reasons)
    _mark_captions_between(pieces, sentences, roles, rules)
    _mark_edges(pieces, sentences, lows, roles, rules)
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
    "PORT ELLERY (AP) — Bus drivers …", "Beijing, Apr 3 (PTI) China said …", "BERLIN, 6 May (dpa) – …"), or
    ``start`` when there is none. The place and agency are the wire's furniture; left in, they keep a brief's
    first sentence from matching the same sentence elsewhere.

    A dateline needs an agency tag in its parentheses, or a date after the place and a dash or colon, or a
    place in capitals and a dash before a capital ("MOSCOW — Russian …"); "Scholz: Wir …", "Berlin – die
    Stadt …" and "Am Montag, 3. März – …" stay news."""
    found = _DATELINE.match(text, start, end)
    if found is None or end - found.end() < _MIN_DATELINE_REST:
        return start
    rules = _rules(language)
    tag, date, place = found.group("tag"), found.group("date"), found.group("place")
    dash = found.group("sep").strip()
    if tag is not None:
        return found.end() if rules.agency_tag.fullmatch(tag) else start
    if not dash or any(w.lower() in wordlists.function_words() or w.lower() in rules.day_names for w in place.split()):
        return start
    if date is not None:
        return found.end() if _only_date(date, rules, need_shape=False) else start
    capital_next = text[found.end()].isupper()
    return found.end() if dash != ":" and len(place) >= 3 and place.isupper() and capital_next else start


def credit_starts(text: str, start: int, end: int, language: str = "") -> list[int]:
    """Where a photo credit begins inside a line that does not start with it ("…in ParisQuelle: …",
    "… abgesperrt. (Quelle: Jane Roe/dpa)", "Headline / Foto: Jane Roe - AFP", "… in Guangdong provinceAFP"),
    or a social post's signature ("… — Jane Roe (@jroe) March 3, 2026").

    Only the first credit on a line counts: everything after it belongs to the credit.
    """
    rules = _rules(language)
    for found in rules.credit_inline.finditer(text, start + 1, end):
        pos = found.start()
        before = text[pos - 1]
        if before == "(" and pos - 1 > start:
            pos -= 1  # "(Bild: dpa/ Jane Roe)" after the caption
            before = text[pos - 1]
        elif not before.isspace():
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
            if pos - 2 > start and text[pos - 2] in "/|" and text[pos - 3].isspace():
                pos -= 2  # the bar before it belongs to the credit: "Headline / Foto: …"
            return [pos]
    glued = _glued_agency(text, start, end, rules)
    if glued is not None:
        return [glued]
    if text.find("(@", start, end) >= 0:
        social = _SOCIAL_END.search(text, start + 1, end)
        if social is not None and text[social.start() - 1].isspace():
            return [social.start()]
    return []


def _glued_agency(text: str, start: int, end: int, rules: _Rules) -> int | None:
    """Where an agency glued to the last word of a caption begins ("… in Guangdong provinceAFP")."""
    tail = text[max(start, end - _MAX_TAG_CHARS) : end].rstrip(" )")
    word = tail.rsplit(None, 1)[-1] if tail.strip() else ""
    shift = _CASE_SHIFT.search(word)
    if shift is None or not rules.agency_words.fullmatch(word[shift.start() + 1 :]):
        return None
    return end - (len(text[start:end]) - len(text[start:end].rstrip(" )"))) - len(word) + shift.start() + 1


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
    if len(sentence) <= _MAX_COUNTER_CHARS and _is_counter(sentence, rules):
        return "counter"
    # "2026-3-4 10:26 Port Ellery Northwind official account"; a timeline's "20.12.2024: Ein Auto rast …" is news.
    lead = _DATE_LEAD.match(sentence)
    if (
        lead
        and words <= _MAX_DATE_LEAD_WORDS
        and not _SENTENCE_END.search(sentence)
        and sentence[lead.end() :].lstrip()[:1] not in (":", "–", "—", "-")
    ):
        return "timestamp"
    if _is_breadcrumb(sentence, rules):
        return "breadcrumb"
    return ""


@lru_cache(maxsize=65536)
def _obvious_reason_of(sentence: str, language: str) -> str:
    """``_obvious_reason`` remembered per line: outlets share most lines of a presegmented corpus."""
    return _obvious_reason(sentence, _compiled_rules(language))


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
    if len(sentence) <= _MAX_TAG_CHARS and words <= _MAX_TAG_WORDS and _is_agency_tag(sentence, rules):
        return "agency"
    if words <= _MAX_BYLINE_WORDS and (_is_byline(sentence, rules) or _byline_with_time(sentence, rules)):
        return "byline"
    if words <= _MAX_TIMESTAMP_WORDS and _is_timestamp(sentence, rules):
        return "timestamp"
    if _SOCIAL_LINE.match(sentence):
        return "social"
    if "pic.twitter.com/" in low:
        return "post"  # an embedded post's text with its picture link
    if len(sentence) <= _MAX_CREDIT_LINE_CHARS and _is_credit_line(sentence, rules):
        return "credit"
    if len(sentence) <= _MAX_WIDGET_CHARS and _is_bar_line(sentence, rules):
        return "dateline"
    return _furniture_parts(sentence, rules)


def _is_agency_tag(sentence: str, rules: _Rules) -> bool:
    """ "(dpa)", "jm/dpa", "(jgr, mit dpa)", and an agency after a bar, as credits put it: "|REUTERS"."""
    return rules.agency_tag.fullmatch(_LEADING_MARK.sub("", sentence, count=1).strip()) is not None


def _is_counter(sentence: str, rules: _Rules, *, bare: bool = False) -> bool:
    """A counter: "• 1,204 views", "99+ people have listened", "64 Kommentare"; with ``bare``, a number alone
    ("169"), which is a counter only where the page's header and footer are (a table's cell is not)."""
    found = _COUNTER.fullmatch(sentence)
    if found is None:
        return False
    rest = _normalised(found.group("rest"))
    return bare if not rest else rest in rules.counter_words


def _name_like(part: str, rules: _Rules, max_words: int = _MAX_NAME_WORDS) -> bool:
    """A few capitalised words (with name particles): a place, a person, an outlet; or an agency."""
    words = part.split()
    if not 0 < len(words) <= max_words + 2:
        return False
    if rules.agency_words.search(part):
        return True
    if len(words) > max_words:
        return False
    return all(re.fullmatch(_NAME_TOKEN, w.strip("()")) or w.isdigit() for w in words)


def _is_credit_line(sentence: str, rules: _Rules) -> bool:
    """A picture credit without a label: "dpa/ Associated Press/ Jane Roe", "Max Muster - AFP/Archiv"."""
    stripped = sentence.strip()
    if "/" not in stripped or _SENTENCE_END.search(stripped) or not rules.agency_words.search(stripped):
        return False
    parts = [p for p in _CREDIT_PARTS.split(stripped) if p]
    return len(parts) >= 2 and all(_name_like(p, rules) for p in parts)


def _is_bar_line(sentence: str, rules: _Rules) -> bool:
    """A place and outlet, a name and a date, or a section path, joined by bullets or bars ("Riga • Baltic Wire",
    "Jane Roe | March 3, 2026", "Politik | Ausland", "1,204 views • 3 min read")."""
    stripped = sentence.strip()
    parts = [p.strip() for p in _BAR_PARTS.split(stripped)]
    if not 2 <= len(parts) <= _MAX_BAR_PARTS or not all(parts) or _SENTENCE_END.search(stripped):
        return False
    return all(
        _name_like(p, rules) or _only_date(p, rules) or _is_counter(p, rules) or rules.starts.match(p.lower())
        for p in parts
    )


def _is_breadcrumb(sentence: str, rules: _Rules) -> bool:
    """ "Sie sind hier: Home > Politik > …", "You are here: …", "Home Deutschland — …", "Startseite > Politik"."""
    low = sentence.lower()
    found = rules.breadcrumb.match(low)
    if found is None:
        return False
    if " " in found.group().strip():
        return True  # "you are here", "sie sind hier"
    rest = sentence[found.end() :].lstrip(" :")
    if rest[:1] in (">", "»", "›", "|", "/"):
        return True
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    return bool(first) and _normalised(first) in rules.section_labels


def _byline_with_time(sentence: str, rules: _Rules) -> bool:
    """A name and a timestamp in one header line: "Von dpa Aktualisiert am 21.12.2024", "Jane Roe Published
    March 3, 2026 | 9:15 AM"."""
    for found in rules.timestamp_inside.finditer(sentence):
        head = sentence[: found.start()].strip(" |,–—-·•")
        tail = sentence[found.end() :]
        if not head or not _is_timestamp(tail, rules):
            continue
        byline = rules.byline_start.match(head)
        name = head[byline.end() :] if byline else head
        if _name_like(name, rules) or _is_byline(head, rules):
            return True
    return False


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
    """A byline ("Von Max Mustermann", "By Jane Doe, Staff Reporter | March 9", "Von dpa"): a name or an
    agency, a short tail."""
    found = rules.byline.match(sentence.strip())
    if found is None:
        start = rules.byline_start.match(sentence.strip())
        return start is not None and rules.agency_tag.fullmatch(sentence.strip()[start.end() :]) is not None
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


def _only_date(sentence: str, rules: _Rules, *, need_shape: bool = True) -> bool:
    """A line that is nothing but a date and time ("Montag, 13.04.2025, 14:30 Uhr", "March 9, 2026")."""
    if not _DIGIT.search(sentence):
        return False
    words = [w.rstrip(".").lower() for w in _WORD.findall(sentence)]
    words = [w[:-2] if w[-2:] in _ORDINAL_SUFFIXES and w[:-2].isdigit() else w for w in words]
    if not words or not all(w in rules.calendar or _NUMERIC.fullmatch(w) for w in words):
        return False
    if not need_shape:
        return any(w in rules.day_names for w in words)
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


def _mark_captions(
    pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules, reasons: Sequence[str]
) -> None:
    """The sentence(s) before a photo credit on its line are the photo's caption; so is a lone sentence on the
    line just above a credit line in the same paragraph ("Leere Bahnsteige am Freitag." / "Foto: IMAGO/…"), and
    a line without final punctuation just above a credit line anywhere ("Die Ministerin am Montag" / "|REUTERS").
    The article's first line is its headline when the lead picture's credit follows it after a bar
    ("Koalition einigt sich / Foto: …"), and the line under a headline is no caption."""
    for i, piece in enumerate(pieces):
        if piece.credit:
            caption: list[int] = []
            j = i - 1
            while j >= 0 and pieces[j].line == piece.line and len(caption) <= _MAX_CAPTION_SENTENCES:
                caption.append(j)
                j -= 1
            size = sum(pieces[k].end - pieces[k].start for k in caption)
            headline = piece.line == 0 and sentences[i][:1] in "/|"  # "Headline / Foto: …": the lead picture's
            if len(caption) <= _MAX_CAPTION_SENTENCES and size <= _MAX_CAPTION_CHARS and not headline:
                for k in caption:
                    roles[k] = Role.BOILERPLATE
            continue
        if i == 0 or not piece.whole_line or not pieces[i - 1].whole_line or pieces[i - 1].line == 0:
            continue
        above = pieces[i - 1]
        if above.end - above.start > _MAX_CAPTION_CHARS:
            continue
        same_paragraph = rules.credit_label.match(sentences[i]) and above.paragraph == piece.paragraph
        if same_paragraph or (reasons[i] in ("credit", "agency") and _FINAL.search(sentences[i - 1]) is None):
            roles[i - 1] = Role.BOILERPLATE


def _mark_lines(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], reasons: Sequence[str]) -> None:
    """A breadcrumb takes the rest of its line (the headline again); an embedded post's picture link takes the
    sentences before it on its line; a signed social post takes the line of text above its signature."""
    for i, piece in enumerate(pieces):
        if reasons[i] == "breadcrumb":
            j = i + 1
            while j < len(pieces) and pieces[j].line == piece.line:
                roles[j] = Role.BOILERPLATE
                j += 1
        elif reasons[i] == "post":
            same_line = [j for j in range(max(0, i - _MAX_CAPTION_SENTENCES), i) if pieces[j].line == piece.line]
            if same_line and piece.end - pieces[same_line[0]].start <= _MAX_SOCIAL_POST_CHARS:
                for j in same_line:
                    roles[j] = Role.BOILERPLATE  # the rest of the post: "We stand together. Today … pic.twitter…"
        elif reasons[i] == "social" and piece.whole_line and i > 0 and pieces[i - 1].line > 0:
            if roles[i - 1] == Role.BOILERPLATE:
                continue  # the post's text is known already (its picture link)
            post = [j for j in range(max(0, i - _MAX_CAPTION_SENTENCES - 1), i) if pieces[j].line == pieces[i - 1].line]
            first, last = pieces[post[0]], pieces[post[-1]]
            if post[0] > 0 and pieces[post[0] - 1].line == first.line:
                continue  # more of that line above: running text, not a post
            if last.end - first.start <= _MAX_SOCIAL_POST_CHARS:
                for j in post:
                    roles[j] = Role.BOILERPLATE


def _prose(sentence: str) -> bool:
    return _SENTENCE_END.search(sentence) is not None and sentence.count(" ") + 1 >= _MIN_PROSE_WORDS


def _mark_captions_between(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: _Rules) -> None:
    """Between the paragraphs of the story, a long line without any sentence punctuation and without a verb —
    its only lower-case words are articles, prepositions and conjunctions — is a photo caption ("Rückzug nach
    dem Aus: Ministerin Erika Muster (56) in der Tiefgarage des Kanzleramts"). A crosshead is short or has a
    verb; list items have their bullet or label, or follow "…:"; a list of nouns has no small words."""
    first_prose = next((i for i, s in enumerate(sentences) if roles[i] != Role.BOILERPLATE and _prose(s)), None)
    if first_prose is None:
        return
    for i in range(first_prose + 1, len(pieces)):
        sentence = sentences[i]
        if (
            roles[i] == Role.BOILERPLATE
            or not pieces[i].whole_line
            or sentence.count(" ") + 1 < _MIN_CAPTION_WORDS
            or _FINAL.search(sentence) is not None
            or _INNER_STOP.search(sentence) is not None
            or _BULLET_START.match(sentence)
        ):
            continue
        if sentences[i - 1].rstrip().endswith(":") or _is_list_item(pieces, sentences, i):
            continue
        if _verbless(sentence, rules):
            roles[i] = Role.BOILERPLATE


def _verbless(sentence: str, rules: _Rules) -> bool:
    """Every lower-case word is a caption's small word, at least two of them and not only "and"s; one line, at
    most one comma (a list of nouns has more: "Fleisch, Fisch und Gemüse, Reis- und Nudelgerichte")."""
    if sentence.count(",") > 1 or "\n" in sentence:
        return False
    small = []
    for word in _WORD.findall(sentence):
        if word[:1].islower():
            if word.lower().rstrip(".") not in rules.caption_words:
                return False
            small.append(word.lower())
    return len(small) >= _MIN_CAPTION_SMALL_WORDS and any(w not in _CONJUNCTIONS for w in small)


def _is_list_item(pieces: Sequence[Piece], sentences: Sequence[str], i: int) -> bool:
    """ "Previous role: head of …" beside another line of that shape: a fact box, not a caption."""
    if not _LABEL_START.match(sentences[i]):
        return False
    return any(
        0 <= j < len(sentences)
        and pieces[j].whole_line
        and _LABEL_START.match(sentences[j])
        and _FINAL.search(sentences[j]) is None
        for j in (i - 1, i + 1)
    )


def _mark_edges(
    pieces: Sequence[Piece], sentences: Sequence[str], lows: Sequence[str], roles: list[Role], rules: _Rules
) -> None:
    """In the header and footer: a number alone on its line (a comment or share counter: "169"), the outlet's
    name on a line of its own when furniture nearby names it again ("Northwind Times" above "… Northwind Times
    official account"), and an editor's sign-off code closing the text ("A.Roe--JD", "jr/ms")."""
    n = len(pieces)
    edge = [i for i in range(n) if i < _EDGE_PIECES or i >= n - _EDGE_PIECES]
    for i in edge:
        short = pieces[i].whole_line and i > 0 and len(sentences[i]) <= _MAX_COUNTER_CHARS
        if short and _is_counter(sentences[i], rules, bare=True):
            roles[i] = Role.BOILERPLATE
    furniture = [lows[j] for j in edge if roles[j] == Role.BOILERPLATE]
    for i in edge:
        sentence = sentences[i].strip()
        if roles[i] == Role.BOILERPLATE or not pieces[i].whole_line or i == 0:
            continue
        words = sentence.split()
        if len(words) <= _MAX_OUTLET_WORDS and _FINAL.search(sentence) is None and all(w[:1].isupper() for w in words):
            name = re.compile(rf"(?<!\w){re.escape(lows[i].strip())}(?!\w)")
            if any(low != lows[i] and name.search(low) for low in furniture):
                roles[i] = Role.BOILERPLATE
                continue
        if i >= n - 2 and len(words) == 1 and len(sentence) <= _MAX_SIGNOFF_CHARS and _SIGNOFF.search(sentence):
            roles[i] = Role.BOILERPLATE


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
    """The headline: the first short line(s) without final punctuation (alone on its line but for furniture,
    such as the lead picture's credit). A section label above it ("International", "Ukraine-Krieg", "Analysis")
    is the kicker: furniture."""
    headings: list[int] = []
    for i, piece in enumerate(pieces):
        if roles[i] == Role.BOILERPLATE:
            continue
        sentence = sentences[i]
        label_with_colon = not headings and sentence.endswith(":") and len(sentence.split()) <= _MAX_KICKER_WORDS
        alone = piece.whole_line or _alone_but_furniture(pieces, roles, i)
        if len(headings) > _MAX_TITLE_LINES or not (
            alone and (label_with_colon or _heading_like(sentence, allow_question=not headings))
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


def _alone_but_furniture(pieces: Sequence[Piece], roles: Sequence[Role], i: int) -> bool:
    """Every other piece on this piece's line (they sit next to it) is furniture."""
    line = pieces[i].line
    j = i - 1
    while j >= 0 and pieces[j].line == line:
        if roles[j] != Role.BOILERPLATE:
            return False
        j -= 1
    j = i + 1
    while j < len(pieces) and pieces[j].line == line:
        if roles[j] != Role.BOILERPLATE:
            return False
        j += 1
    return True


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
    credited = r"(?:[Mm]it|[Ww]ith|[Qq]uelle:|[Ss]ource:)\s+"
    tags = rf"(?:{initials}{joiner})*(?:{credited})?{agency}(?:{joiner}(?:{agency}|{initials}))*"
    name = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}"
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
    common = wordlists.sections("boilerplate-common")

    def merged(section: str) -> tuple[str, ...]:
        return (*wordlists.merged("boilerplate", language, section), *common.get(section, ()))

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
    timestamp_labels = merged("timestamp-labels")
    crumbs = sorted((e.lower() for e in merged("breadcrumb-starts")), key=len, reverse=True)
    return _Rules(
        credit_label=re.compile(rf"\s*\(?(?:{labels})\s*(?::|©|\|)"),
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
        counter_words=frozenset(_normalised(e) for e in common["counter-words"]),
        breadcrumb=re.compile(rf"\s*(?:{'|'.join(re.escape(c) for c in crumbs)})(?!\w)"),
        byline_start=re.compile(rf"(?:{byline_starts})\s+"),
        # A timestamp label after a name in one header line: "Jane Roe Published March 3, 2026 | 9:15 AM".
        caption_words=frozenset(w.lower() for w in merged("caption-words")),
        timestamp_inside=re.compile(rf"\s(?=(?:{_longest_first(timestamp_labels)})\b)"),
    )
