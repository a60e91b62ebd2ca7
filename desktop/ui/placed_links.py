"""The user's corrections keyed by where each article comes from, so they follow an article through a re-run.

A comparison letters its articles A, B, … afresh on every run, by their order among the articles that loaded: after
a column is moved or removed, "B 3" names another article's sentence. The session therefore keeps corrections
"placed", with each article id replaced by the article's source location (a path, URL or "Pasted text 2"), and
the worker letters them again once it knows which location got which letter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.core.model import CorrectionKind, UserLink

Placed = tuple[UserLink, ...]  # corrections whose sentences are (source location, sentence index)


def placed(links: Iterable[UserLink], locations: Mapping[str, str]) -> Placed:
    """Corrections with article ids replaced by locations (``locations``: article id → source location); a
    sentence of an article not in ``locations`` is dropped, and a correction left with too few."""
    return _rekeyed(links, locations)


def lettered(links: Iterable[UserLink], letters: Mapping[str, str]) -> tuple[UserLink, ...]:
    """Placed corrections with locations replaced by this run's letters (``letters``: location → article id); a
    sentence of an article not in this run (removed, failed to load) is left out of it, and so is a link left
    with fewer than two sentences (the session keeps it, for when the article comes back)."""
    return _rekeyed(links, letters)


def _rekeyed(links: Iterable[UserLink], keys: Mapping[str, str]) -> tuple[UserLink, ...]:
    found = []
    for link in links:
        sentences = tuple((keys[key], index) for key, index in link.sentences if key in keys)
        if len(sentences) >= (2 if link.kind == CorrectionKind.LINK else 1):
            found.append(UserLink(link.kind, sentences))
    return tuple(found)
