"""Guess whether an article is German or English from its function words.

Parallax has lexicons for these two languages only, so a full detector (lingua's models are 115 MB,
simplemma's first call takes ~2.5 s) buys nothing here: on article-length text the share of each
language's most frequent function words separates them instantly and reliably.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.core.resources import resource_path

SUPPORTED = ("de", "en")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 3


@cache
def _stopwords(language: str) -> frozenset[str]:
    lines = resource_path("lexicons", f"stopwords-{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def detect_language(text: str) -> str:
    """Return "de", "en", or "" when neither language's function words clearly dominate."""
    words = [w.casefold() for w in _WORD.findall(text[:20000])]
    hits = {lang: sum(w in _stopwords(lang) for w in words) for lang in SUPPORTED}
    best = max(SUPPORTED, key=hits.__getitem__)
    runner_up = min(hits.values())
    if hits[best] < _MIN_HITS or hits[best] < 2 * runner_up:
        return ""
    return best
