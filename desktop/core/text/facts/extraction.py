"""The checkable details of one sentence (``extract_facts``: names, numbers, dates, quotations and quoted terms,
with offsets, no two overlapping), remembered per sentence; and what later sentences may call a person by
(``introduced_surnames``) and who a sentence quotes (``speaker_words``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator

from desktop.core.memo import per_sentence
from desktop.core.model import FactKind
from desktop.core.text.facts.dates import find_dates
from desktop.core.text.facts.lexicon import names
from desktop.core.text.facts.names import find_names
from desktop.core.text.facts.numbers import NUMBER, is_list_marker, looks_like_amount
from desktop.core.text.facts.words import TOKEN, fold_name

ExtractedFact = tuple[str, FactKind, int, int]
QUOTED_KINDS = frozenset({FactKind.QUOTE, FactKind.TERM})

_QUOTE_WORDS = 4  # fewer quoted words are a quoted term ("Unser Klinikum"), not a statement
_QUOTES = re.compile(r"„([^“”\"]+)[“”\"]|“([^”“]+)”|\"([^\"]+)\"|»([^«]+)«|«([^»]+)»|‚([^‘]+)‘")


def extract_facts(text: str, language: str, known_names: Collection[str] = ()) -> list[ExtractedFact]:
    """Names, numbers, dates and quotations of one sentence with offsets into it; no two overlap.

    ``known_names`` are surnames the article has already introduced in full ("Keir Starmer"), so that a later
    bare "Starmer" counts as a name even in German, where a lone capitalised word proves nothing.
    """
    # Only the known names this sentence could use matter (a word of it, or that word less a plural "s"), so
    # the same sentence in another outlet, or in a re-run, is answered from memory.
    relevant = _name_candidates(text).intersection(known_names) if known_names else frozenset()
    return list(_extract_facts(text, language, relevant))


@per_sentence
def _name_candidates(text: str) -> frozenset[str]:
    """The words of a sentence that could be a known surname: each word, and each word less a plural "s"."""
    return frozenset(w for token in TOKEN.findall(text) for w in (token, token.removesuffix("s")))


@per_sentence
def _extract_facts(text: str, language: str, known_names: frozenset[str]) -> tuple[ExtractedFact, ...]:
    # Quotations, dates and numbers are claimed before names and do not depend on the known names: a sentence met
    # again with other known names (later in its article, or in another outlet) only looks for its names again.
    claimed = _claims_before_names(text)
    taken_starts = list(claimed[0])  # claimed spans never overlap, so sorted starts also sort their ends
    taken_ends = list(claimed[1])
    found = list(claimed[2])
    for start, end in find_names(text, language, known_names):
        _claim(text, start, end, FactKind.NAME, taken_starts, taken_ends, found)
    return tuple(sorted(found, key=lambda fact: fact[2]))


@per_sentence
def _claims_before_names(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[ExtractedFact, ...]]:
    """The quotations, dates and numbers of a sentence, claimed in that order: starts, ends and facts."""
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    found: list[ExtractedFact] = []
    for start, end, kind in _quotations(text):
        _claim(text, start, end, kind, taken_starts, taken_ends, found)
    for match in find_dates(text):
        if match.groupdict().get("y10") and looks_like_amount(text, match.start(), match.end()):
            continue
        _claim(text, match.start(), match.end(), FactKind.DATE, taken_starts, taken_ends, found)
    for match in NUMBER.finditer(text):
        if is_list_marker(text, match):
            continue
        _claim(text, match.start(), match.end(), FactKind.NUMBER, taken_starts, taken_ends, found)
    return tuple(taken_starts), tuple(taken_ends), tuple(found)


def _claim(
    text: str,
    start: int,
    end: int,
    kind: FactKind,
    taken_starts: list[int],
    taken_ends: list[int],
    found: list[ExtractedFact],
) -> None:
    """Take a span unless it overlaps one already taken (its trailing punctuation left out)."""
    surface = text[start:end]
    stripped = surface.rstrip(" ,;:")
    end = start + len(stripped)
    # Only the neighbours can overlap: a scan over every claimed span was quadratic in a long line of numbers.
    at = bisect.bisect_left(taken_starts, start)
    if (
        end > start
        and (at == 0 or taken_ends[at - 1] <= start)
        and (at == len(taken_starts) or taken_starts[at] >= end)
    ):
        taken_starts.insert(at, start)
        taken_ends.insert(at, end)
        found.append((text[start:end], kind, start, end))


def _quotations(text: str) -> Iterator[tuple[int, int, FactKind]]:
    for match in _QUOTES.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        words = TOKEN.findall(inner)
        if not words:
            continue
        yield match.start(), match.end(), FactKind.QUOTE if len(words) >= _QUOTE_WORDS else FactKind.TERM


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
        for m in TOKEN.finditer(text)
        if m.group()[:1].isupper()
        and len(m.group()) > 2
        and m.group().casefold() not in stop
        and not any(s <= m.start() < e for s, e in quoted)
    ]
