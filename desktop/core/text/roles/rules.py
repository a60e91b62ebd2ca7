"""The lexicon rules: ``resources/lexicons/boilerplate-*.txt`` compiled once per language into ``Rules`` (phrase
patterns, agency and byline patterns, timestamp labels, the calendar words), for "de", "en" or both.

Phrase lists are matched against the lower-cased sentence with case-sensitive patterns: Python's ``re`` is
several times slower with ``IGNORECASE`` on long alternations, and every sentence of a 10,000-sentence
document passes through here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from desktop.core.text import wordlists
from desktop.core.text.roles.shapes import NAME_TOKEN, normalised


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's furniture lexicons, compiled: what every rule of this package matches against."""

    credit_label: re.Pattern[str]
    credit_inline: re.Pattern[str]
    credit_marks: Phrases
    agency_words: re.Pattern[str]
    agency_tag: re.Pattern[str]
    widgets: frozenset[str]
    starts: Phrases
    exact: frozenset[str]
    link_labels: frozenset[str]
    section_labels: frozenset[str]
    contains: Phrases
    appeal_starts: Phrases
    appeal_anywhere: Phrases
    self_reference: Phrases
    byline: re.Pattern[str]
    timestamp: re.Pattern[str]
    calendar: frozenset[str]
    day_names: frozenset[str]
    counter_words: frozenset[str]
    breadcrumb: re.Pattern[str]
    byline_start: re.Pattern[str]
    timestamp_inside: re.Pattern[str]
    caption_words: frozenset[str]


def _literal(phrase: str) -> str:
    """A lower-case literal phrase that must end at a word boundary when it ends in a letter or digit."""
    return re.escape(phrase.lower()) + (r"(?!\w)" if phrase[-1].isalnum() else "")


class Phrases:
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
    name = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}}"
    return re.compile(rf"\(?\s*(?:{name}\s*(?:[,/]\s*|(?=\()))?\(?\s*(?:{credited})?{tags}\s*\)?\s*\)?\.?")


def _timestamp_pattern(labels: Sequence[str], day_names: set[str]) -> re.Pattern[str]:
    """A timestamp label, then straight away a date, time or "2 hours ago"/"vor 2 Stunden"."""
    return re.compile(
        rf"\s*(?:{_longest_first(labels)})\s*(?P<colon>:)?,?\s*(?:(?:on|at|am|um|vom|den|seit)\s+)?"
        rf"(?:\d|(?:{_longest_first(sorted(day_names))})\b|vor\s+\d|vor\s+(?:einer|einem|wenigen)\b"
        r"|\w+\s+ago\b|a\s+\w+\s+ago\b)",
        re.IGNORECASE,
    )


def rules_for(language: str) -> Rules:
    """Rules for "de", "en", or both for any other language (one cache entry for all of those)."""
    return compiled_rules(language if language in wordlists.LANGUAGES else "")


@cache
def compiled_rules(language: str) -> Rules:
    common = wordlists.sections("boilerplate-common")

    def merged(section: str) -> tuple[str, ...]:
        return (*wordlists.merged("boilerplate", language, section), *common.get(section, ()))

    label_list = sorted(merged("credit-labels"), key=len, reverse=True)
    labels = _longest_first(label_list)
    agencies = _longest_first(sorted(_agency_spellings(common["agencies"])))

    appeals = merged("appeal")
    byline_starts = _longest_first(merged("byline-starts"))
    name = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}"
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
    return Rules(
        credit_label=re.compile(rf"\s*\(?(?:{labels})\s*(?::|©|\|)"),
        # Flat, each branch starting with a literal, so the search can skip ahead (see Phrases).
        credit_inline=re.compile("|".join(rf"{re.escape(label)}(?=\s*[:©])" for label in label_list) + "|©"),
        credit_marks=Phrases(common["credit-marks"], anchored=False),
        agency_words=re.compile(rf"(?<!\w)(?:{agencies})(?!\w)"),
        agency_tag=_agency_tag_pattern(agencies),
        widgets=frozenset(w.lower() for w in common["widgets"]),
        starts=Phrases(merged("starts"), anchored=True),
        exact=frozenset(normalised(e) for e in merged("exact")),
        link_labels=frozenset(normalised(e) for e in merged("link-labels")),
        section_labels=frozenset(normalised(e) for e in merged("section-labels")),
        contains=Phrases(merged("contains"), anchored=False),
        appeal_starts=Phrases([e for e in appeals if not e.startswith("re:")], anchored=True),
        appeal_anywhere=Phrases([e for e in appeals if e.startswith("re:")], anchored=False),
        self_reference=Phrases(merged("self-reference"), anchored=False),
        byline=byline,
        timestamp=_timestamp_pattern(merged("timestamp-labels"), day_names),
        calendar=frozenset(day_names | calendar["fillers"]),
        day_names=frozenset(day_names),
        counter_words=frozenset(normalised(e) for e in common["counter-words"]),
        breadcrumb=re.compile(rf"\s*(?:{'|'.join(re.escape(c) for c in crumbs)})(?!\w)"),
        byline_start=re.compile(rf"(?:{byline_starts})\s+"),
        # A timestamp label after a name in one header line: "Jane Roe Published March 3, 2026 | 9:15 AM".
        caption_words=frozenset(w.lower() for w in merged("caption-words")),
        timestamp_inside=re.compile(rf"\s(?=(?:{_longest_first(timestamp_labels)})\b)"),
    )
