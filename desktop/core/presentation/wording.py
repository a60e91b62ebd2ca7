"""The words every renderer uses for a mark or an article: tooltips, the shown location of a source.

One wording for the app's tooltips and the export's ``title`` attributes, so hovering the same word says the
same thing wherever the comparison is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.model import Conflict
from desktop.core.text.segmentation import QUOTE_OPENERS

SNIPPET = 90

# What a conflict value with no text stands for: the outlet makes no such statement.
NO_STATEMENT = {"attribution": "stated without a source", "certainty": "stated plainly"}

_URL = re.compile(r"(?i)^[a-z][a-z0-9+.-]*://")


def shorten(text: str, limit: int = SNIPPET) -> str:
    """One line of at most ``limit`` characters, whitespace folded, "…" where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it opens with its own: a quotation reported as an omitted fact keeps the
    outlet's marks and is not quoted twice."""
    return text if text[:1] in QUOTE_OPENERS else f"“{text}”"


def _names(articles: Iterable[str]) -> str:
    return ", ".join(articles)


def deleted_tip(lacking: Iterable[str]) -> str:
    """A struck word of a row's source sentence: "not in B, C" (the articles whose counterpart lacks it)."""
    return f"not in {_names(lacking)}"


def inserted_tip(article: str, source: str) -> str:
    """An underlined word: "added in B, not in A" (A being the row's source sentence, usually the reference)."""
    return f"added in {article}, not in {source}"


def missing_tip(missing_from: Iterable[str]) -> str:
    return "missing from " + _names(missing_from)


def fact_tip(missing_from: Iterable[str], present_in: Iterable[str]) -> str:
    """A fact other articles lack: "missing from B · present in A, C"."""
    present = _names(present_in)
    return missing_tip(missing_from) + (f" · present in {present}" if present else "")


def label_tip(neutral: str) -> str:
    """A loaded label: "loaded label — neutral: Präsident"."""
    return f"loaded label — neutral: {neutral}" if neutral else "loaded label"


def label_spoken(neutral: str) -> str:
    """What a screen reader says before a loaded label's words."""
    return f"loaded label (neutral: {neutral}): " if neutral else "loaded label: "


def conflict_value(conflict: Conflict, text: str) -> str:
    """One outlet's value as shown; an outlet that makes no such statement (an unattributed claim) is named with
    what it does instead ("stated without a source")."""
    return " ".join(text.split()) or NO_STATEMENT.get(str(conflict.kind), "—")


def conflict_values(conflict: Conflict) -> str:
    """Each outlet's value in a line, "A 20,000 · B 6,000"."""
    parts = [f"{value.article} {shorten(conflict_value(conflict, value.text), 40)}" for value in conflict.values]
    return " · ".join(dict.fromkeys(parts))


def conflict_tip(conflict: Conflict) -> str:
    """A disagreement: "Disagreement (number, people): A 20,000 · B 6,000"."""
    about = f"{conflict.kind}, {conflict.about}" if conflict.about else str(conflict.kind)
    return f"Disagreement ({about}): {conflict_values(conflict)}"


def is_url(path: str) -> bool:
    return bool(_URL.match(path.strip()))


def shown_location(path: str, *, full_paths: bool = False) -> tuple[str, str]:
    """Where an article came from, as shown to whoever sees the comparison: ("URL", the address without any
    user name or password in it) or ("file", the file's name). A local file's folders name the user's own folders
    ("/home/jana/leaks/…"), which a shared report must not give away; ``full_paths`` shows them on request.
    """
    path = path.strip()
    if is_url(path) and not path.lower().startswith("file:"):
        scheme, rest = path.split("://", 1)
        host, slash, tail = rest.partition("/")
        return "URL", f"{scheme}://{host.rpartition('@')[2]}{slash}{tail}"
    if full_paths:
        return "file", path
    if path.lower().startswith("file:"):
        path = re.sub(r"(?i)^file:/*", "/", path)
    name = re.split(r"[\\/]", path.rstrip("\\/"))[-1]
    return "file", name or path
