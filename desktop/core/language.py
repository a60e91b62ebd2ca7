"""Guess an article's language (only the languages Parallax has lexicons for are reported)."""

from __future__ import annotations

from simplemma import langdetect

SUPPORTED = ("de", "en")


def detect_language(text: str) -> str:
    """Return "de", "en" or "" when the text is too short or in another language."""
    scores = langdetect(text[:5000], lang=SUPPORTED)
    best, share = scores[0]
    return best if best in SUPPORTED and share > 0.2 else ""
