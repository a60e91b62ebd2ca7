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
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from desktop import __version__
from desktop.core.atomic import atomic_write_text
from desktop.core.collation import Row, collate
from desktop.core.facts import fact_key
from desktop.core.match_display import PARTIAL_LABEL, PARTIAL_MARK, PARTIAL_MEANING, is_partial, match_lines
from desktop.core.model import (
    ArticleResult,
    ArticleSummary,
    Comparison,
    DiffOp,
    Fact,
    Label,
    Note,
    Role,
    Sentence,
    Status,
    WordDiff,
)
from desktop.core.resources import resource_path

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
class _Run:
    op: str  # "", "+" or "-"
    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class _FactMark:
    ids: str
    title: str
    label: str


@dataclass(frozen=True, slots=True)
class _LabelMark:
    title: str  # "loaded label — neutral: Präsident"
    label: str  # for screen readers, before the words


@dataclass(frozen=True, slots=True)
class _Part:
    runs: list[_Run]
    fact: _FactMark | None = None
    label: _LabelMark | None = None


@dataclass(frozen=True, slots=True)
class _SentenceView:
    anchor: str
    number: int
    classes: str
    label: str
    title: str
    parts: list[_Part]
    footnote: int | None
    notes: list[str]
    partial: bool = False


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
    match: str = ""  # why the row's sentences were matched (``desktop.core.match_display``)
    partial: bool = False


@dataclass(frozen=True, slots=True)
class _FactSpan:
    """A missing fact inside one sentence (sentence-local offsets); overlapping facts share one span."""

    start: int
    end: int
    ids: list[int]
    missing: list[str]


@dataclass(frozen=True, slots=True)
class _Mark:
    """A highlight inside one sentence, in sentence-local character offsets."""

    start: int
    end: int
    op: str
    title: str


def render_html(
    comparison: Comparison,
    *,
    notes: Mapping[str, Any] | Iterable[Note] | None = None,
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML string.

    ``notes`` are the library's user notes, either ``desktop.core.model.Note`` objects or a mapping::

        {
            "comparison": "Checked with the press office.",   # str or list of str
            "sentences": {("B", 4): "confirmed omission"},     # (article id, sentence index) or "B:4"
            "groups": {12: "false match"},                     # alignment group id (int or digit string)
        }

    Notes on sentences or groups that are not in the comparison are left out. ``generated`` is shown as the
    creation time (default: now, UTC); tests pass a fixed one.
    """
    when = (generated or datetime.now(UTC)).astimezone(UTC)
    user_notes = _normalise_notes(notes)
    template = _environment().get_template(TEMPLATE)
    context = _context(comparison, user_notes)
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
) -> None:
    """Render, then replace ``path`` atomically: an existing report is never left half-written."""
    atomic_write_text(path, render_html(comparison, notes=notes))


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


def _context(comparison: Comparison, notes: _Notes) -> dict[str, Any]:
    ids = [r.article.id for r in comparison.articles]
    reference = comparison.settings.reference
    settings = comparison.settings
    return {
        "title": _clean(comparison.title or f"Comparison of {len(ids)} articles"),
        "reference": _clean(reference),
        "settings": [
            ("threshold", f"{settings.threshold:g}"),
            ("reference", _clean(reference)),
            ("matching", _clean(settings.match)),
            ("case", "ignored" if settings.ignore_case else "counts"),
            ("punctuation", "ignored" if settings.ignore_punctuation else "counts"),
            ("sentences", "one per line" if settings.presegmented else "split automatically"),
        ],
        "articles": [_article_view(r, comparison) for r in comparison.articles],
        "partial_mark": PARTIAL_MARK,
        "partial_label": PARTIAL_LABEL,
        "partial_meaning": PARTIAL_MEANING,
        "has_evidence": any(g.evidence is not None for g in comparison.groups),
        "conflicts": _conflicts(comparison),
        **_matrix(comparison),
        **_rows(comparison, notes),
    }


_NO_STATEMENT = {"attribution": "stated without a source", "certainty": "stated plainly"}


def _conflicts(comparison: Comparison) -> list[dict[str, Any]]:
    """Each disagreement with every outlet's value and a link to its sentence in the aligned table."""
    results = {r.article.id: r for r in comparison.articles}
    found = []
    for conflict in comparison.conflicts:
        values = []
        for v in conflict.values:
            result = results.get(v.article)
            if result is None:
                continue
            values.append(
                {
                    "article": _clean(v.article),
                    "outlet": _clean(result.article.source or result.article.title or result.article.path),
                    "text": _clean(v.text or _NO_STATEMENT.get(str(conflict.kind), "")),
                    "missing": not v.text,
                    "sentence": v.sentence + 1,
                    "anchor": _clean(f"s-{v.article}-{v.sentence}"),
                }
            )
        found.append({"kind": _clean(str(conflict.kind)), "about": _clean(conflict.about), "outlets": values})
    return found


def _language_tag(language: str) -> str:
    """A ``lang`` attribute value, so screen readers speak German cells in German; empty if not a plain code."""
    return language if re.fullmatch(r"[a-z]{2,3}", language) else ""


def _location(path: str) -> tuple[str, str]:
    kind = "URL" if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", path.strip()) else "file"
    return kind, _clean(path)


def _summary(result: ArticleResult, comparison: Comparison) -> ArticleSummary:
    if result.article.id in comparison.summary:
        return comparison.summary[result.article.id]
    content = [s for s in result.sentences if s.role != Role.BOILERPLATE]
    return ArticleSummary(
        sentences=len(result.sentences),
        identical=sum(s.status == Status.IDENTICAL for s in content),
        reworded=sum(s.status == Status.REWORDED for s in content),
        unique=sum(s.status == Status.UNIQUE for s in content),
        commentary=sum(s.commentary for s in content),
        boilerplate=len(result.sentences) - len(content),
        missing_facts=len({fact_key(f.text) for f in comparison.facts if result.article.id in f.missing_from}),
    )


def _article_view(result: ArticleResult, comparison: Comparison) -> dict[str, Any]:
    article = result.article
    summary = _summary(result, comparison)
    content = summary.identical + summary.reworded + summary.unique
    kind, location = _location(article.path)

    def percent(n: int) -> int:
        return round(100 * n / content) if content else 0

    missing_elsewhere = []
    for other in comparison.articles:
        oid = other.article.id
        if oid != article.id:
            keys = {fact_key(f.text) for f in comparison.facts if f.article == article.id and oid in f.missing_from}
            missing_elsewhere.append((_clean(oid), len(keys)))
    byline = " · ".join(_clean(x) for x in (article.source, article.published, article.language) if x)
    return {
        "id": _clean(article.id),
        "title": _clean(article.title),
        "source": _clean(article.source),
        "published": _clean(article.published),
        "language": _clean(article.language),
        "location_kind": kind,
        "location": location,
        "byline": f"{byline} · {summary.sentences} sentences" if byline else f"{summary.sentences} sentences",
        "sentences": summary.sentences,
        "identical": summary.identical,
        "reworded": summary.reworded,
        "unique": summary.unique,
        "commentary": summary.commentary,
        "boilerplate": summary.boilerplate,
        "share": percent(summary.identical + summary.reworded),
        "bar": [
            ("b-id", percent(summary.identical)),
            ("b-rw", percent(summary.reworded)),
            ("b-un", percent(summary.unique)),
        ],
        "missing_elsewhere": missing_elsewhere,
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


def _rows(comparison: Comparison, notes: _Notes) -> dict[str, Any]:
    ids = [r.article.id for r in comparison.articles]
    results = {r.article.id: r for r in comparison.articles}
    groups = {g.id: g for g in comparison.groups}
    diff_marks = _diff_marks(comparison)
    fact_marks = _fact_marks(comparison)
    matches = match_lines(comparison)
    footnotes: list[dict[str, Any]] = []
    rows = []
    for number, row in enumerate(collate(comparison), start=1):
        partial = row.group is not None and is_partial(groups.get(row.group))
        cells = []
        for aid in ids:
            indices = row.cells.get(aid, ())
            sentences = [results[aid].sentences[i] for i in indices if 0 <= i < len(results[aid].sentences)]
            if not sentences:
                cells.append(_Cell(_clean(aid), gap=True))
                continue
            views = []
            for sentence in sentences:
                footnote = None
                if sentence.commentary and sentence.cues:
                    footnote = len(footnotes) + 1
                    footnotes.append(
                        {
                            "number": footnote,
                            "article": _clean(aid),
                            "sentence": sentence.index + 1,
                            "anchor": _clean(f"s-{aid}-{sentence.index}"),
                            "cues": [_clean(c) for c in sentence.cues],
                        }
                    )
                views.append(
                    _sentence_view(
                        aid,
                        sentence,
                        diff_marks.get((aid, sentence.index), []),
                        fact_marks.get((aid, sentence.index), []),
                        footnote,
                        notes.sentences.get((aid, sentence.index), []),
                        ids,
                        partial=partial,
                    )
                )
            cells.append(
                _Cell(_clean(aid), gap=False, sentences=views, lang=_language_tag(results[aid].article.language))
            )
        rows.append(
            _RowView(
                anchor=f"r{number}",
                classes=_row_classes(row, groups, results) + (" pt" if partial else ""),
                cells=cells,
                notes=[_clean(n) for n in notes.groups.get(row.group, [])] if row.group is not None else [],
                match=_clean(matches.get(row.group, "")) if row.group is not None else "",
                partial=partial,
            )
        )
    return {"rows": rows, "footnotes": footnotes}


def _row_classes(row: Row, groups: Mapping[int, Any], results: Mapping[str, ArticleResult]) -> str:
    if row.group is not None and row.group in groups:
        return "rw" if groups[row.group].status == Status.REWORDED else "id"
    return "solo"


def _sentence_view(
    aid: str,
    sentence: Sentence,
    diffs: list[_Mark],
    facts: list[_FactSpan],
    footnote: int | None,
    notes: list[str],
    ids: Sequence[str],
    *,
    partial: bool = False,
) -> _SentenceView:
    if sentence.role == Role.BOILERPLATE:
        classes, label = ["s", "bp"], "boilerplate: "
    elif sentence.status == Status.UNIQUE:
        classes, label = ["s", "un"], f"only in {aid}: "
    elif sentence.status == Status.REWORDED:
        classes, label = ["s", "rw"], "reworded: "
    else:
        classes, label = ["s", "id"], ""
    if sentence.role == Role.TITLE:
        classes.append("tt")
    title = ""
    if partial:
        label += "partial match: "
    if sentence.commentary:
        classes.append("cm")
        label += "commentary: "
        if sentence.cues:
            title = "commentary cues: " + ", ".join(sentence.cues)
    return _SentenceView(
        anchor=_clean(f"s-{aid}-{sentence.index}"),
        number=sentence.index + 1,
        classes=" ".join(classes),
        label=label,
        title=_clean(title),
        parts=_parts(sentence.text, diffs, facts, ids, _label_spans(sentence)),
        footnote=footnote,
        notes=[_clean(n) for n in notes],
        partial=partial,
    )


def _parts(
    text: str, diffs: list[_Mark], facts: list[_FactSpan], ids: Sequence[str], labels: Sequence[Label] = ()
) -> list[_Part]:
    """Cut a sentence at every highlight boundary: fact and label marks outside, word-diff runs inside them.
    ``labels`` carry sentence-local offsets; one that overlaps a missing fact is left to the fact's mark."""
    spans: list[tuple[int, int, _FactSpan | Label]] = [(f.start, f.end, f) for f in facts]
    spans += [(lb.start, lb.end, lb) for lb in labels if not any(lb.start < f.end and f.start < lb.end for f in facts)]
    parts = []
    cursor = 0
    for start, end, span in sorted(spans, key=lambda s: s[0]):
        if start < cursor:
            continue
        if cursor < start:
            parts.append(_Part(_runs(text, cursor, start, diffs)))
        if isinstance(span, Label):
            spoken = f"loaded label (neutral: {span.neutral}): " if span.neutral else "loaded label: "
            mark = _LabelMark(_clean(label_tip(span.neutral)), _clean(spoken))
            parts.append(_Part(_runs(text, start, end, diffs), label=mark))
            cursor = end
            continue
        fact = span
        missing = ", ".join(fact.missing)
        present = ", ".join(aid for aid in ids if aid not in fact.missing)
        parts.append(
            _Part(
                _runs(text, fact.start, fact.end, diffs),
                _FactMark(
                    ids=" ".join(map(str, fact.ids)),
                    title=_clean(f"missing from {missing}" + (f" · present in {present}" if present else "")),
                    label=_clean(f"fact missing from {missing}: "),
                ),
            )
        )
        cursor = fact.end
    if cursor < len(text) or not parts:
        parts.append(_Part(_runs(text, cursor, len(text), diffs)))
    return parts


def label_tip(neutral: str) -> str:
    """What a loaded label's mark says on hover, in the app and the export alike."""
    return f"loaded label — neutral: {neutral}" if neutral else "loaded label"


def _label_spans(sentence: Sentence) -> list[Label]:
    """The sentence's loaded labels in sentence-local offsets; one whose offsets miss its words is dropped."""
    found = []
    for label in sentence.labels:
        start, end = label.start - sentence.start, label.end - sentence.start
        if 0 <= start < end <= len(sentence.text):
            found.append(Label(start, end, label.text, label.neutral))
    return found


def _runs(text: str, start: int, end: int, diffs: list[_Mark]) -> list[_Run]:
    runs = []
    cursor = start
    for mark in diffs:
        lo, hi = max(mark.start, start), min(mark.end, end)
        # A fact boundary can cut a diff run next to a space; the space stays outside the highlight.
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo >= hi:
            continue
        if cursor < lo:
            runs.append(_Run("", _clean(text[cursor:lo])))
        runs.append(_Run(mark.op, _clean(text[lo:hi]), _clean(mark.title)))
        cursor = hi
    if cursor < end:
        runs.append(_Run("", _clean(text[cursor:end])))
    return runs


def _fact_marks(comparison: Comparison) -> dict[tuple[str, int], list[_FactSpan]]:
    """Missing facts per sentence, in sentence offsets; overlapping facts merge into one mark listing both."""
    sentences = {(r.article.id, s.index): s for r in comparison.articles for s in r.sentences}
    spans: dict[tuple[str, int], list[tuple[int, int, int, Fact]]] = {}
    for number, fact in enumerate(comparison.facts):
        sentence = sentences.get((fact.article, fact.sentence))
        if not fact.missing_from or sentence is None:
            continue
        start, end = fact.start - sentence.start, fact.end - sentence.start
        if not (0 <= start < end <= len(sentence.text)) or sentence.text[start:end] != fact.text:
            # Offsets that do not point at the fact (an edited JSON file): fall back to finding its text.
            start = sentence.text.find(fact.text)
            if start < 0 or not fact.text:
                continue
            end = start + len(fact.text)
        spans.setdefault((fact.article, fact.sentence), []).append((start, end, number, fact))
    marks: dict[tuple[str, int], list[_FactSpan]] = {}
    for key, found in spans.items():
        merged: list[_FactSpan] = []
        for start, end, number, fact in sorted(found, key=lambda f: (f[0], -f[1])):
            if merged and start < merged[-1].end:
                last = merged[-1]
                missing = last.missing + [m for m in fact.missing_from if m not in last.missing]
                merged[-1] = _FactSpan(last.start, max(last.end, end), [*last.ids, number], missing)
            else:
                merged.append(_FactSpan(start, end, [number], list(fact.missing_from)))
        marks[key] = merged
    return marks


def _diff_marks(comparison: Comparison) -> dict[tuple[str, int], list[_Mark]]:
    """Word-diff highlights per sentence: the source side's removed words, each target's inserted words.

    A group's diffs run over its members' sentences joined by one space (as the pipeline diffs them), so
    offsets are mapped back to each sentence. Removals are merged over all targets: a word of the reference
    that B and C both replaced is one struck run titled "not in B, C". Identical groups differ only in case
    or punctuation, which the comparison ignores, so they get no marks.
    """
    results = {r.article.id: r for r in comparison.articles}
    marks: dict[tuple[str, int], list[_Mark]] = {}
    for group in comparison.groups:
        if group.status != Status.REWORDED:
            continue
        members = {
            aid: [results[aid].sentences[i] for i in idx if 0 <= i < len(results[aid].sentences)]
            for aid, idx in group.members.items()
            if aid in results
        }
        joined = {aid: " ".join(s.text for s in sentences) for aid, sentences in members.items()}
        removed: dict[str, dict[int, list[str]]] = {}
        for diff in group.diffs:
            if not _diff_fits(diff, joined):
                continue
            source_pos = target_pos = 0
            for op, text in diff.ops:
                if op == DiffOp.EQUAL:
                    source_pos += len(text)
                    target_pos += len(text)
                elif op == DiffOp.DELETE:
                    positions = removed.setdefault(diff.source, {})
                    for pos in range(source_pos, source_pos + len(text)):
                        positions.setdefault(pos, []).append(diff.target)
                    source_pos += len(text)
                else:
                    title = f"added in {diff.target}, not in {diff.source}"
                    _place(marks, diff.target, members[diff.target], target_pos, target_pos + len(text), "+", title)
                    target_pos += len(text)
        for source, deleted in removed.items():
            for start, end, lacking in _runs_of(deleted):
                title = f"not in {', '.join(lacking)}"
                _place(marks, source, members[source], start, end, "-", title)
    for found in marks.values():
        found.sort(key=lambda m: m.start)
    return marks


def _diff_fits(diff: WordDiff, joined: Mapping[str, str]) -> bool:
    """Whether the edit script really rebuilds both sides; offsets from any other script would be garbage."""
    if diff.source not in joined or diff.target not in joined or diff.source == diff.target:
        return False
    source = "".join(text for op, text in diff.ops if op != DiffOp.INSERT)
    target = "".join(text for op, text in diff.ops if op != DiffOp.DELETE)
    return source == joined[diff.source] and target == joined[diff.target]


def _runs_of(positions: Mapping[int, list[str]]) -> list[tuple[int, int, list[str]]]:
    runs: list[tuple[int, int, list[str]]] = []
    for pos in sorted(positions):
        lacking = sorted(set(positions[pos]))
        if runs and runs[-1][1] == pos and runs[-1][2] == lacking:
            runs[-1] = (runs[-1][0], pos + 1, lacking)
        else:
            runs.append((pos, pos + 1, lacking))
    return runs


def _place(
    marks: dict[tuple[str, int], list[_Mark]],
    aid: str,
    sentences: Sequence[Sentence],
    start: int,
    end: int,
    op: str,
    title: str,
) -> None:
    """Split a run over the joined member sentences into per-sentence marks, trimmed of edge whitespace."""
    offset = 0
    for sentence in sentences:
        lo, hi = max(start - offset, 0), min(end - offset, len(sentence.text))
        while lo < hi and sentence.text[lo].isspace():
            lo += 1
        while hi > lo and sentence.text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            marks.setdefault((aid, sentence.index), []).append(_Mark(lo, hi, op, title))
        offset += len(sentence.text) + 1
