"""Spot evaluative or opinion language (first version: a small built-in word list)."""

from __future__ import annotations

import re

_CUES = {
    "de": ("daher", "zur erinnerung", "offensichtlich", "machthaber", "regime", "skandal"),
    "en": ("once again", "clearly", "regime", "outrageous", "shameful", "of course"),
}


def find_cues(text: str, language: str) -> tuple[str, ...]:
    lowered = text.casefold()
    found = []
    for cue in _CUES.get(language, _CUES["en"]):
        if re.search(rf"\b{re.escape(cue)}\b", lowered):
            found.append(cue)
    return tuple(found)


def commentary_cues(text: str, language: str) -> tuple[str, ...]:
    """Cues that make a whole sentence commentary (empty for reporting)."""
    return find_cues(text, language)


def cues_in_words(words: str, language: str) -> tuple[str, ...]:
    """Cues among words one outlet inserted into a sentence it shares with another."""
    return find_cues(words, language)
