"""Where furniture begins inside a line, for the segmenter to cut there: a dateline opening a paragraph
("PORT ELLERY (AP) —"), a photo credit after its caption ("… in ParisQuelle: …", "… provinceAFP") and a social
post's signature.
"""

from __future__ import annotations

import re

from desktop.core.text import wordlists
from desktop.core.text.roles.furniture import MAX_TAG_CHARS, SOCIAL_SIGNATURE, only_date
from desktop.core.text.roles.rules import Rules, rules_for

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
_SOCIAL_END = re.compile(rf"{SOCIAL_SIGNATURE}$")
_CASE_SHIFT = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_MAX_INLINE_CREDIT_WORDS = 12
_MAX_INLINE_CREDIT_CHARS = 120


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
    rules = rules_for(language)
    tag, date, place = found.group("tag"), found.group("date"), found.group("place")
    dash = found.group("sep").strip()
    if tag is not None:
        return found.end() if rules.agency_tag.fullmatch(tag) else start
    if not dash or any(w.lower() in wordlists.function_words() or w.lower() in rules.day_names for w in place.split()):
        return start
    if date is not None:
        return found.end() if only_date(date, rules, need_shape=False) else start
    capital_next = text[found.end()].isupper()
    return found.end() if dash != ":" and len(place) >= 3 and place.isupper() and capital_next else start


def credit_starts(text: str, start: int, end: int, language: str = "") -> list[int]:
    """Where a photo credit begins inside a line that does not start with it ("…in ParisQuelle: …",
    "… abgesperrt. (Quelle: Jane Roe/dpa)", "Headline / Foto: Jane Roe - AFP", "… in Guangdong provinceAFP"),
    or a social post's signature ("… — Jane Roe (@jroe) March 3, 2026").

    Only the first credit on a line counts: everything after it belongs to the credit.
    """
    rules = rules_for(language)
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


def _glued_agency(text: str, start: int, end: int, rules: Rules) -> int | None:
    """Where an agency glued to the last word of a caption begins ("… in Guangdong provinceAFP")."""
    tail = text[max(start, end - MAX_TAG_CHARS) : end].rstrip(" )")
    word = tail.rsplit(None, 1)[-1] if tail.strip() else ""
    shift = _CASE_SHIFT.search(word)
    if shift is None or not rules.agency_words.fullmatch(word[shift.start() + 1 :]):
        return None
    return end - (len(text[start:end]) - len(text[start:end].rstrip(" )"))) - len(word) + shift.start() + 1
