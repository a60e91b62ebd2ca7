"""Page furniture a sentence shows on its own, without its neighbours: the lexicons' phrases (links, appeals,
notices, share bars, credits, bylines, agency tags, timestamps) and the shapes of real pages (counters, place and
outlet lines, credit lines, breadcrumbs, signed social posts). ``boilerplate_reason`` names the kind; presegmented
corpora, which have no layout to back a rule up, get only the obvious ones.
"""

from __future__ import annotations

import re

from desktop.core.memo import per_sentence
from desktop.core.text.roles.rules import Rules, compiled_rules, rules_for
from desktop.core.text.roles.shapes import NAME_TOKEN, SENTENCE_END, WORD, normalised

_ORDINAL_SUFFIXES = frozenset(["st", "nd", "rd", "th"])
_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_NUMERIC = re.compile(r"\d+(?:[.:/-]\d+)*")
_DATE_SHAPE = re.compile(
    r"\b\d{1,2}[.:/]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d+\s+(?:hours?|minutes?|mins?|days?|weeks?)\s+ago\b|\bvor\s+\d+\s+(?:stunden?|minuten?|tagen?|wochen?)\b",
    re.IGNORECASE,
)
_WIDGET_SPLIT = re.compile(r"[\s|·•/,;]+")
_PART_BAR = re.compile(r"\s[|·•]\s")
_LEADING_MARK = re.compile(r"\s*[|•·▪►]\s*")
_COUNTER = re.compile(r"\s*(?:[|•·▪►]\s*)?\d[\d.,]*\s*(?:[kKmM]\b|Mio\.?|Tsd\.?)?\+?\s*(?P<rest>[^\d]*)")
_CREDIT_PARTS = re.compile(r"\s*[/|,]\s*|\s+[-–—]\s+")
_BAR_PARTS = re.compile(r"\s+[•·|]\s+|\s*•\s*")
_DATE_LEAD = re.compile(r"\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4})")
# A signed social post: "— Jane Roe (@jroe) March 3, 2026"; inside a line it closes the post's text.
SOCIAL_SIGNATURE = r"[—–-]\s*[^()\n—–]{1,60}\(@\w{1,30}\)[^\n()]{0,40}"
_SOCIAL_LINE = re.compile(rf"\s*{SOCIAL_SIGNATURE}")
_BYLINE_TAIL_WORDS = frozenset(["in", "für", "for", "at", "aus", "of", "and", "und", "der", "die", "das", "the", "de"])

# Short sentences only: a long sentence that merely mentions a newsletter or "©" is still news.
_MAX_CREDIT_WORDS = 30
_MAX_CONTAINS_WORDS = 30
_MAX_TIMESTAMP_WORDS = 20
_MAX_BYLINE_WORDS = 15
_MAX_BYLINE_TAIL_LOWER = 2
MAX_TAG_CHARS = 80
_MAX_TAG_WORDS = 6
_MAX_DATE_CHARS = 80
_MAX_WIDGET_CHARS = 120
MAX_LABEL_CHARS = 60
MAX_COUNTER_CHARS = 40
_MAX_CREDIT_LINE_CHARS = 100
_MAX_NAME_WORDS = 4
_MAX_BAR_PARTS = 4
_MAX_DATE_LEAD_WORDS = 12


@per_sentence
def sentence_signals(sentence: str, language: str) -> tuple[bool, str]:
    """Whether a sentence on its own is an appeal (or notice), and its other furniture reason; remembered,
    since outlets and re-runs hand the same sentences over again."""
    rules = rules_for(language)
    low = sentence.lower()
    appeal = bool(_is_appeal(low, rules) or _is_notice(low, rules))
    return appeal, "" if appeal else _reason(sentence, rules, low)


def boilerplate_reason(sentence: str, language: str = "") -> str:
    """Why one sentence on its own is page furniture ("credit", "byline", …), or ``""`` when it is not."""
    rules = rules_for(language)
    low = sentence.lower()
    return _reason(sentence, rules, low) or ("appeal" if _is_appeal(low, rules) else "")


def _reason(sentence: str, rules: Rules, low: str) -> str:
    """Every single-sentence signal except appeals, which the paragraph rule needs on their own."""
    if not _ALNUM.search(sentence):
        return "rule"  # "___", "* * *", "—": a separator (a corpus line "." may be aligned, so not presegmented)
    words = sentence.count(" ") + 1
    reason = _obvious_reason(sentence, rules, low, words)
    if reason:
        return reason
    if _is_notice(low, rules):
        return "notice"
    if len(sentence) <= _MAX_DATE_CHARS and only_date(sentence, rules):
        return "timestamp"
    if len(sentence) <= MAX_COUNTER_CHARS and is_counter(sentence, rules):
        return "counter"
    # "2026-3-4 10:26 Port Ellery Northwind official account"; a timeline's "20.12.2024: Ein Auto rast …" is news.
    lead = _DATE_LEAD.match(sentence)
    if (
        lead
        and words <= _MAX_DATE_LEAD_WORDS
        and not SENTENCE_END.search(sentence)
        and sentence[lead.end() :].lstrip()[:1] not in (":", "–", "—", "-")
    ):
        return "timestamp"
    if _is_breadcrumb(sentence, rules):
        return "breadcrumb"
    return ""


@per_sentence
def obvious_reason_of(sentence: str, language: str) -> str:
    """``_obvious_reason`` remembered per line: outlets share most lines of a presegmented corpus."""
    return _obvious_reason(sentence, compiled_rules(language))


def _obvious_reason(sentence: str, rules: Rules, low: str = "", words: int = 0) -> str:
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
    if len(sentence) <= MAX_LABEL_CHARS and normalised(sentence) in rules.exact:
        return "link"
    if len(sentence) <= _MAX_WIDGET_CHARS and _is_widget_bar(low, rules):
        return "share"
    if len(sentence) <= MAX_TAG_CHARS and words <= _MAX_TAG_WORDS and _is_agency_tag(sentence, rules):
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


def _is_agency_tag(sentence: str, rules: Rules) -> bool:
    """ "(dpa)", "jm/dpa", "(jgr, mit dpa)", and an agency after a bar, as credits put it: "|REUTERS"."""
    return rules.agency_tag.fullmatch(_LEADING_MARK.sub("", sentence, count=1).strip()) is not None


def is_counter(sentence: str, rules: Rules, *, bare: bool = False) -> bool:
    """A counter: "• 1,204 views", "99+ people have listened", "64 Kommentare"; with ``bare``, a number alone
    ("169"), which is a counter only where the page's header and footer are (a table's cell is not)."""
    found = _COUNTER.fullmatch(sentence)
    if found is None:
        return False
    rest = normalised(found.group("rest"))
    return bare if not rest else rest in rules.counter_words


def _name_like(part: str, rules: Rules, max_words: int = _MAX_NAME_WORDS) -> bool:
    """A few capitalised words (with name particles): a place, a person, an outlet; or an agency."""
    words = part.split()
    if not 0 < len(words) <= max_words + 2:
        return False
    if rules.agency_words.search(part):
        return True
    if len(words) > max_words:
        return False
    return all(re.fullmatch(NAME_TOKEN, w.strip("()")) or w.isdigit() for w in words)


def _is_credit_line(sentence: str, rules: Rules) -> bool:
    """A picture credit without a label: "dpa/ Associated Press/ Jane Roe", "Max Muster - AFP/Archiv"."""
    stripped = sentence.strip()
    if "/" not in stripped or SENTENCE_END.search(stripped) or not rules.agency_words.search(stripped):
        return False
    parts = [p for p in _CREDIT_PARTS.split(stripped) if p]
    return len(parts) >= 2 and all(_name_like(p, rules) for p in parts)


def _is_bar_line(sentence: str, rules: Rules) -> bool:
    """A place and outlet, a name and a date, or a section path, joined by bullets or bars ("Riga • Baltic Wire",
    "Jane Roe | March 3, 2026", "Politik | Ausland", "1,204 views • 3 min read")."""
    stripped = sentence.strip()
    parts = [p.strip() for p in _BAR_PARTS.split(stripped)]
    if not 2 <= len(parts) <= _MAX_BAR_PARTS or not all(parts) or SENTENCE_END.search(stripped):
        return False
    return all(
        _name_like(p, rules) or only_date(p, rules) or is_counter(p, rules) or rules.starts.match(p.lower())
        for p in parts
    )


def _is_breadcrumb(sentence: str, rules: Rules) -> bool:
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
    return bool(first) and normalised(first) in rules.section_labels


def _byline_with_time(sentence: str, rules: Rules) -> bool:
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


def _furniture_parts(sentence: str, rules: Rules) -> str:
    """A header line joining furniture with bars ("Von Erika Muster | Stand: 12.03.2026, 14:05 Uhr"): the
    byline's tail may not hold the timestamp's full stops, so each part is judged on its own."""
    parts = [p.strip() for p in _PART_BAR.split(sentence)]
    if len(parts) < 2 or not all(parts):
        return ""
    reasons = [_obvious_reason(p, rules) for p in parts]
    return reasons[0] if all(reasons) else ""


def _is_widget_bar(low: str, rules: Rules) -> bool:
    """A share bar: "Facebook Twitter E-Mail", "Share · Save"."""
    if _WIDGET_SPLIT.split(low.strip(), maxsplit=1)[0] not in rules.widgets:
        return False
    tokens = [t for t in _WIDGET_SPLIT.split(low) if t]
    return bool(tokens) and all(t in rules.widgets for t in tokens)


def _is_byline(sentence: str, rules: Rules) -> bool:
    """A byline ("Von Max Mustermann", "By Jane Doe, Staff Reporter | March 9", "Von dpa"): a name or an
    agency, a short tail."""
    found = rules.byline.match(sentence.strip())
    if found is None:
        start = rules.byline_start.match(sentence.strip())
        return start is not None and rules.agency_tag.fullmatch(sentence.strip()[start.end() :]) is not None
    # "Staff Reporter", "Environment correspondent", "in Washington" pass; running text does not.
    tail: str = found.group("tail") or ""
    return sum(w[:1].islower() and w not in _BYLINE_TAIL_WORDS for w in tail.split()) <= _MAX_BYLINE_TAIL_LOWER


def _is_timestamp(sentence: str, rules: Rules) -> bool:
    """A timestamp ("Stand: 13.04.2025", "Updated 2 hours ago"): label, date or time, no running text."""
    found = rules.timestamp.match(sentence)
    return found is not None and (found.group("colon") is not None or not SENTENCE_END.search(sentence))


def _is_appeal(low: str, rules: Rules) -> bool:
    """An appeal to the reader: literal phrases must open the sentence, regexes may match anywhere."""
    return rules.appeal_starts.match(low) or rules.appeal_anywhere.search(low)


def _is_notice(low: str, rules: Rules) -> bool:
    """A short sentence with a furniture phrase anywhere ("… abonnieren Sie unseren Newsletter")."""
    return low.count(" ") < _MAX_CONTAINS_WORDS and rules.contains.search(low)


def only_date(sentence: str, rules: Rules, *, need_shape: bool = True) -> bool:
    """A line that is nothing but a date and time ("Montag, 13.04.2025, 14:30 Uhr", "March 9, 2026")."""
    if not _DIGIT.search(sentence):
        return False
    words = [w.rstrip(".").lower() for w in WORD.findall(sentence)]
    words = [w[:-2] if w[-2:] in _ORDINAL_SUFFIXES and w[:-2].isdigit() else w for w in words]
    if not words or not all(w in rules.calendar or _NUMERIC.fullmatch(w) for w in words):
        return False
    if not need_shape:
        return any(w in rules.day_names for w in words)
    # A bare number ("22", "1.240") is not a date: a day or month name, or a date or time shape, must be there.
    return any(w in rules.day_names for w in words) or _DATE_SHAPE.search(sentence) is not None
