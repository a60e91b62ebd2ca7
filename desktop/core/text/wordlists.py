"""The one reader of the lexicons under ``resources/lexicons``: every stage that reads a list reads it here.

The lists are plain text so that people who know the news genre, not the code, can extend them: ``#`` starts a
comment (anywhere in a line), ``[name]`` starts a section, every other non-blank line is one entry, surrounding
spaces removed. What an entry means (a cue with its neutral wording after ``=``, a class of spellings split by
``|``) is the reading stage's business. Lists exist per language (``boilerplate-de.txt``); text in an unknown
language is treated with the union of all of them, because a rule that never fires costs less than a missing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from desktop.core.resources import resource_path

LANGUAGES = ("de", "en")


def languages_for(language: str) -> tuple[str, ...]:
    """The lexicon languages to apply: the article's own, or all of them when it is unknown."""
    return (language,) if language in LANGUAGES else LANGUAGES


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """``{section: entries}`` of ``resources/lexicons/<name>.txt``; entries before any header go to ``""``."""
    return parse_sections(resource_path("lexicons", f"{name}.txt").read_text(encoding="utf-8").splitlines())


def parse_sections(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``{section: entries}`` of a lexicon's lines, sections in the order they first appear."""
    result: dict[str, list[str]] = {}
    current = ""
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        result.setdefault(current, []).append(line)
    return {key: tuple(values) for key, values in result.items()}


@cache
def function_words() -> frozenset[str]:
    """The function words of every lexicon language (``stopwords-<lang>.txt``), case-folded: words that carry
    no content, whatever the article's language."""
    return frozenset(w.casefold() for lang in LANGUAGES for w in sections(f"stopwords-{lang}").get("", ()))


def merged(stem: str, language: str, section: str) -> tuple[str, ...]:
    """One section of ``<stem>-<lang>.txt`` for every language that applies, in order, without duplicates."""
    entries: dict[str, None] = {}
    for lang in languages_for(language):
        for entry in sections(f"{stem}-{lang}").get(section, ()):
            entries[entry] = None
    return tuple(entries)
