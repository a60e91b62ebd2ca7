"""The self-contained HTML report: a finished ``Comparison`` as one file anyone can open offline.

The page is what editors and readers without Parallax see, so it carries everything the app shows (aligned
columns, word diffs, unique sentences, commentary, missing facts) in a form that survives printing, dark mode
and colour blindness. Article text is hostile input: it only ever reaches the page through Jinja2's
autoescaping, after control and bidi-override characters are made visible, and a Content-Security-Policy
forbids scripts and every request, so even a mistake in escaping could not run or fetch anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import pairwise
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from desktop import __version__
from desktop.core.model import Comparison, Fact, Note, Status
from desktop.core.presentation import (
    NO_STATEMENT,
    ArticleView,
    CorrectionView,
    Mark,
    MarkKind,
    Presentation,
    SentenceKind,
    SentenceView,
    present,
)
from desktop.core.presentation.collation import Row
from desktop.core.presentation.corrections import CORRECTED_MARK, NOT_APPLIED
from desktop.core.presentation.match_display import PARTIAL_LABEL, PARTIAL_MARK, PARTIAL_MEANING, match_lines
from desktop.core.resources import resource_path
from desktop.core.text.facts.words import fact_key
from desktop.export.atomic import atomic_write_text

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"

# Bidi embeddings, overrides and isolates could make hostile text display in another order than it is stored
# (or flip the page around it); they are shown as visible tags instead of being obeyed.
_BIDI = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI", "\u200e": "LRM", "\u200f": "RLM",
    "\u061c": "ALM",
}  # fmt: skip
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff" + "".join(_BIDI) + "]")


@dataclass(frozen=True, slots=True)
class _Notes:
    comparison: list[str] = field(default_factory=list)
    sentences: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    groups: dict[int, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of a sentence: plain text (``tag`` empty), or a marked element holding further pieces. Marks
    nest (a struck word inside a missing fact); two that cross are split where they cross."""

    tag: str  # "", "del", "ins", "fm" (fact), "lb" (loaded label), "cf" (conflict)
    text: str = ""
    title: str = ""
    label: str = ""  # what a screen reader says before the marked words
    facts: str = ""  # a fact mark's fact numbers, space-separated
    children: list[_Piece] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _SentenceView:
    anchor: str
    number: int
    classes: str
    label: str
    title: str
    pieces: list[_Piece]
    footnote: int | None
    notes: list[str]
    partial: bool = False
    corrected: str = ""  # what the user's corrections changed here, "" if nothing

    @property
    def plain(self) -> str | None:
        """The text of a sentence without marks (most of a long comparison's), written without nesting."""
        only = self.pieces[0] if len(self.pieces) == 1 else None
        return only.text if only is not None and not only.tag else None


@dataclass(frozen=True, slots=True)
class _Cell:
    article: str
    gap: bool
    sentences: list[_SentenceView] = field(default_factory=list)
    lang: str = ""


@dataclass(frozen=True, slots=True)
class _RowView:
    anchor: str
    classes: str
    cells: list[_Cell]
    notes: list[str]
    match: str = ""  # why the row's sentences were matched (``desktop.core.presentation.match_display``)
    partial: bool = False


def render_html(
    comparison: Comparison,
    *,
    notes: Mapping[str, Any] | Iterable[Note] | None = None,
    generated: datetime | None = None,
    full_paths: bool = False,
    presentation: Presentation | None = None,
) -> str:
    """The whole report as one HTML string.

    ``notes`` are the library's user notes, either ``desktop.core.model.Note`` objects or a mapping::

        {
            "comparison": "Checked with the press office.",   # str or list of str
            "sentences": {("B", 4): "confirmed omission"},     # (article id, sentence index) or "B:4"
            "groups": {12: "false match"},                     # alignment group id (int or digit string)
        }

    Notes on sentences or groups that are not in the comparison are left out. ``generated`` is shown as the
    creation time (default: now, UTC); tests pass a fixed one. Local files are named by their file name only
    (a shared page must not give away the folders on the machine that made it); ``full_paths`` shows the whole
    path. ``presentation`` is ``present(comparison)`` where the caller has it already (the app).
    """
    when = (generated or datetime.now(UTC)).astimezone(UTC)
    user_notes = _normalise_notes(notes)
    template = _environment().get_template(TEMPLATE)
    if presentation is None or presentation.comparison is not comparison or full_paths:
        presentation = present(comparison, full_paths=full_paths)
    context = _context(presentation, user_notes)
    return template.render(
        css=Markup(_stylesheet()),
        csp=CSP,
        version=__version__,
        generated=when.strftime("%Y-%m-%d %H:%M UTC"),
        comparison_notes=[_clean(n) for n in user_notes.comparison],
        **context,
    )


def write_html(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    notes: Mapping[str, Any] | Iterable[Note] | None = None,
    full_paths: bool = False,
    presentation: Presentation | None = None,
) -> None:
    """Render, then replace ``path`` atomically: an existing report is never left half-written."""
    atomic_write_text(path, render_html(comparison, notes=notes, full_paths=full_paths, presentation=presentation))


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _stylesheet() -> str:
    css = resource_path("templates", STYLESHEET).read_text(encoding="utf-8")
    if "</" in css:  # the stylesheet is inlined raw, so it must not be able to close its <style> element
        raise ValueError(f"{STYLESHEET} must not contain '</'")
    return css


def _clean(text: str) -> str:
    """Text safe to show: control characters as visible symbols, bidi controls as tags, surrogates replaced."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _BIDI:
        return f"[{_BIDI[char]}]"
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def _normalise_notes(notes: Mapping[str, Any] | Iterable[Note] | None) -> _Notes:
    result = _Notes()
    if notes is None:
        return result
    if isinstance(notes, Mapping):
        comparison_note = notes.get("comparison")
        if isinstance(comparison_note, str):
            result.comparison.append(comparison_note)
        elif isinstance(comparison_note, Iterable):
            result.comparison.extend(str(n) for n in comparison_note)
        for key, text in dict(notes.get("sentences") or {}).items():
            target = _sentence_key(key)
            if target is not None:
                result.sentences.setdefault(target, []).extend(_texts(text))
        for key, text in dict(notes.get("groups") or {}).items():
            if isinstance(key, int) or (isinstance(key, str) and key.strip().isdigit()):
                result.groups.setdefault(int(key), []).extend(_texts(text))
        return result
    for note in notes:
        if note.article is not None and note.sentence is not None:
            result.sentences.setdefault((note.article, note.sentence), []).append(note.text)
        elif note.group is not None:
            result.groups.setdefault(note.group, []).append(note.text)
        else:
            result.comparison.append(note.text)
    return result


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def _sentence_key(key: object) -> tuple[str, int] | None:
    if isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], int):
        return str(key[0]), key[1]
    if isinstance(key, str) and ":" in key:
        article, _, index = key.rpartition(":")
        if index.strip().isdigit():
            return article, int(index)
    return None


def _context(presentation: Presentation, notes: _Notes) -> dict[str, Any]:
    comparison = presentation.comparison
    reference = comparison.settings.reference
    settings = comparison.settings
    return {
        "title": _clean(comparison.title or f"Comparison of {len(comparison.articles)} articles"),
        "reference": _clean(reference),
        "settings": [
            ("threshold", f"{settings.threshold:g}"),
            ("reference", _clean(reference)),
            ("matching", _clean(settings.match)),
            ("case", "ignored" if settings.ignore_case else "counts"),
            ("punctuation", "ignored" if settings.ignore_punctuation else "counts"),
            ("sentences", "one per line" if settings.presegmented else "split automatically"),
        ],
        "articles": [_article_view(view, presentation) for view in presentation.articles],
        "partial_mark": PARTIAL_MARK,
        "partial_label": PARTIAL_LABEL,
        "partial_meaning": PARTIAL_MEANING,
        "has_evidence": any(g.evidence is not None for g in comparison.groups),
        "conflicts": _conflicts(presentation),
        "corrections": [_correction(view) for view in presentation.corrections],
        "not_applied": NOT_APPLIED,
        "corrected_mark": CORRECTED_MARK,
        **_matrix(comparison),
        **_rows(presentation, notes),
    }


def _conflicts(presentation: Presentation) -> list[dict[str, Any]]:
    """Each disagreement with every outlet's value and a link to its sentence in the aligned table."""
    comparison = presentation.comparison
    results = {r.article.id: r for r in comparison.articles}
    found = []
    for conflict in comparison.conflicts:
        values = []
        for v in conflict.values:
            result = results.get(v.article)
            if result is None:
                continue
            outlet = result.article.source or result.article.title or presentation.article(v.article).location
            values.append(
                {
                    "article": _clean(v.article),
                    "outlet": _clean(outlet),
                    "text": _clean(v.text or NO_STATEMENT.get(str(conflict.kind), "")),
                    "missing": not v.text,
                    "sentence": v.sentence + 1,
                    "anchor": _clean(f"s-{v.article}-{v.sentence}"),
                }
            )
        found.append({"kind": _clean(str(conflict.kind)), "about": _clean(conflict.about), "outlets": values})
    return found


def _correction(view: CorrectionView) -> dict[str, Any]:
    """A correction's line; its sentences link to the aligned table where the comparison has them."""
    pieces = [
        {"text": _clean(text), "anchor": _clean(f"s-{sentence[0]}-{sentence[1]}") if sentence and view.applied else ""}
        for text, sentence in view.pieces
    ]
    return {"pieces": pieces, "applied": view.applied}


def _language_tag(language: str) -> str:
    """A ``lang`` attribute value, so screen readers speak German cells in German; empty if not a plain code."""
    return language if re.fullmatch(r"[a-z]{2,3}", language) else ""


def _article_view(view: ArticleView, presentation: Presentation) -> dict[str, Any]:
    article = presentation.comparison.article(view.id).article
    summary = view.summary
    content = summary.identical + summary.reworded + summary.unique

    def percent(n: int) -> int:
        return round(100 * n / content) if content else 0

    byline = " · ".join(_clean(x) for x in (article.source, article.published, article.language) if x)
    return {
        "id": _clean(article.id),
        "title": _clean(article.title),
        "source": _clean(article.source),
        "published": _clean(article.published),
        "language": _clean(article.language),
        "location_kind": view.location_kind,
        "location": _clean(view.location),
        "byline": f"{byline} · {summary.sentences} sentences" if byline else f"{summary.sentences} sentences",
        "sentences": summary.sentences,
        "identical": summary.identical,
        "reworded": summary.reworded,
        "unique": summary.unique,
        "commentary": summary.commentary,
        "boilerplate": summary.boilerplate,
        "share": view.found_elsewhere,
        "bar": [
            ("b-id", percent(summary.identical)),
            ("b-rw", percent(summary.reworded)),
            ("b-un", percent(summary.unique)),
        ],
        "missing_elsewhere": [(_clean(other), count) for other, count in view.facts_missing_from],
        "lacks": summary.missing_facts,
    }


def _matrix(comparison: Comparison) -> dict[str, Any]:
    """Facts (one row per ``fact_key``) × articles; only facts some article lacks, in order of appearance."""
    ids = [r.article.id for r in comparison.articles]
    by_key: dict[str, list[Fact]] = {}
    for fact in comparison.facts:
        key = fact_key(fact.text)
        if key:
            by_key.setdefault(key, []).append(fact)
    rows = []
    shared = 0
    for instances in by_key.values():
        states = {}
        for aid in ids:
            own = [f for f in instances if f.article == aid]
            if own:
                states[aid] = ("has", f"s-{aid}-{own[0].sentence}")
            elif all(aid in f.missing_from for f in instances):
                states[aid] = ("miss", "")
            else:
                states[aid] = ("has", "")
        if not any(state == "miss" for state, _ in states.values()):
            shared += 1
            continue
        first = instances[0]
        rows.append(
            {
                "text": _clean(first.text),
                "kind": str(first.kind),
                "cells": [{"state": states[aid][0], "anchor": _clean(states[aid][1])} for aid in ids],
            }
        )
    return {"matrix": rows, "shared_facts": shared}


def _rows(presentation: Presentation, notes: _Notes) -> dict[str, Any]:
    comparison = presentation.comparison
    ids = [r.article.id for r in comparison.articles]
    languages = {r.article.id: r.article.language for r in comparison.articles}
    groups = {g.id: g for g in comparison.groups}
    matches = match_lines(comparison)
    footnotes: list[dict[str, Any]] = []
    rows = []
    for number, row in enumerate(presentation.rows, start=1):
        cells = []
        partial = False
        for aid in ids:
            count = len(presentation.sentences.get(aid, ()))
            views = [presentation.sentence(aid, i) for i in row.cells.get(aid, ()) if 0 <= i < count]
            if not views:
                cells.append(_Cell(_clean(aid), gap=True))
                continue
            shown = []
            for view in views:
                partial = partial or view.partial
                footnote = None
                if view.commentary and view.cues:
                    footnote = len(footnotes) + 1
                    footnotes.append(
                        {
                            "number": footnote,
                            "article": _clean(aid),
                            "sentence": view.index + 1,
                            "anchor": _clean(f"s-{aid}-{view.index}"),
                            "cues": [_clean(c) for c in view.cues],
                        }
                    )
                shown.append(_sentence_view(view, footnote, notes.sentences.get((aid, view.index), [])))
            cells.append(_Cell(_clean(aid), gap=False, sentences=shown, lang=_language_tag(languages[aid])))
        rows.append(
            _RowView(
                anchor=f"r{number}",
                classes=_row_classes(row, groups) + (" pt" if partial else ""),
                cells=cells,
                notes=[_clean(n) for n in notes.groups.get(row.group, [])] if row.group is not None else [],
                match=_clean(matches.get(row.group, "")) if row.group is not None else "",
                partial=partial,
            )
        )
    return {"rows": rows, "footnotes": footnotes}


def _row_classes(row: Row, groups: Mapping[int, Any]) -> str:
    if row.group is not None and row.group in groups:
        return "rw" if groups[row.group].status == Status.REWORDED else "id"
    return "solo"


_KIND_CLASS = {
    SentenceKind.BOILERPLATE: "bp",
    SentenceKind.UNIQUE: "un",
    SentenceKind.REWORDED: "rw",
    SentenceKind.IDENTICAL: "id",
}


_KIND_LABEL = {SentenceKind.BOILERPLATE: "boilerplate: ", SentenceKind.REWORDED: "reworded: "}


def _sentence_view(view: SentenceView, footnote: int | None, notes: list[str]) -> _SentenceView:
    classes = ["s", _KIND_CLASS[view.kind]]
    label = f"only in {view.article}: " if view.kind == SentenceKind.UNIQUE else _KIND_LABEL.get(view.kind, "")
    if view.title:
        classes.append("tt")
    title = ""
    if view.partial:
        label += "partial match: "
    corrected = "; ".join(view.corrected)
    if corrected:
        label += f"{corrected}: "
    if view.commentary:
        classes.append("cm")
        label += "commentary: "
        if view.cues:
            title = "commentary cues: " + ", ".join(view.cues)
    return _SentenceView(
        anchor=_clean(f"s-{view.article}-{view.index}"),
        number=view.index + 1,
        classes=" ".join(classes),
        label=label,
        title=_clean(title),
        pieces=nest(view.text, view.marks),
        footnote=footnote,
        notes=[_clean(n) for n in notes],
        partial=view.partial,
        corrected=_clean(corrected),
    )


# Marks drawn around words (outer) before those drawn on them (inner: strike, underline), so a struck word sits
# inside the fact or label it belongs to, as before; among the outer ones a longer mark holds a shorter one.
_INNER = {MarkKind.DELETED, MarkKind.INSERTED}
_RANK = {MarkKind.FACT: 0, MarkKind.LABEL: 1, MarkKind.CONFLICT: 2, MarkKind.DELETED: 3, MarkKind.INSERTED: 4}
_TAG = {MarkKind.DELETED: "del", MarkKind.INSERTED: "ins", MarkKind.FACT: "fm", MarkKind.LABEL: "lb",
        MarkKind.CONFLICT: "cf"}  # fmt: skip


def nest(text: str, marks: Sequence[Mark]) -> list[_Piece]:
    """A sentence's text as properly nested pieces, one element per mark (split where two marks cross). Where a
    crossing mark cuts a strike or underline next to a space, the space stays outside it."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    if not marks:  # most sentences of a long comparison: one plain piece (what the loop below makes of them)
        return [_Piece("", _clean(text))] if text else []
    order = sorted(marks, key=lambda m: (m.kind in _INNER, -(m.end - m.start), _RANK[m.kind], m.start))
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    root = _Piece("")
    stack: list[tuple[Mark | None, _Piece]] = [(None, root)]

    def emit(lo: int, hi: int, wanted: list[Mark]) -> None:
        depth = 0
        while depth + 1 < len(stack) and depth < len(wanted) and stack[depth + 1][0] is wanted[depth]:
            depth += 1
        del stack[depth + 1 :]
        for mark in wanted[depth:]:
            piece = _element(mark)
            stack[-1][1].children.append(piece)
            stack.append((mark, piece))
        stack[-1][1].children.append(_Piece("", _clean(text[lo:hi])))

    for lo, hi in pairwise(bounds):
        wanted = [m for m in order if m.start <= lo and hi <= m.end]
        core_lo, core_hi = lo, hi
        if any(m.kind in _INNER for m in wanted):
            while core_lo < core_hi and text[core_lo].isspace():
                core_lo += 1
            while core_hi > core_lo and text[core_hi - 1].isspace():
                core_hi -= 1
        outer = [m for m in wanted if m.kind not in _INNER]
        for a, b, marked in ((lo, core_lo, outer), (core_lo, core_hi, wanted), (core_hi, hi, outer)):
            if a < b:
                emit(a, b, marked)
    return root.children


def _element(mark: Mark) -> _Piece:
    return _Piece(
        _TAG[mark.kind], title=_clean(mark.tip), label=_clean(mark.spoken), facts=" ".join(map(str, mark.facts))
    )
