"""What the views show, adapted from the presentation (``desktop.core.presentation``) without Qt: cells, and the
differences listed in the Differences panel.

The presentation decides every sentence's kind and marks, once for the app and the HTML export; this module only
joins a row's sentences into one cell (shifting their marks) and lists the differences in row order, so the Qt
models stay thin adapters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from desktop.core.detect.summary import lacking_facts
from desktop.core.model import Comparison, DiffOp, Role, Status
from desktop.core.presentation import (
    Mark,
    MarkKind,
    Presentation,
    SentenceKind,
    cell_status,
    conflict_tip,
    conflict_values,
    label_tip,
    missing_tip,
    quoted,
    shorten,
)
from desktop.core.presentation import sentence_marks as _presented_marks
from desktop.core.presentation.collation import Row

# Mark, MarkKind and the tooltip wordings are re-exported: the views and their tests name them from here.
__all__ = [
    "Cell",
    "DiffKind",
    "Difference",
    "Mark",
    "MarkKind",
    "Place",
    "conflict_tip",
    "conflict_values",
    "differences",
    "label_tip",
    "make_cell",
    "missing_fact_count",
    "missing_tip",
    "sentence_marks",
]


class DiffKind(StrEnum):
    CONFLICT = "disagreement"
    FACT = "omitted fact"
    COMMENTARY = "commentary"
    REWORDED = "reworded"
    UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's side of a row (aligned view) or one sentence (reading view). No sentences: a gap."""

    article: str
    sentences: tuple[int, ...] = ()
    text: str = ""
    status: Status | None = None
    commentary: bool = False
    cues: tuple[str, ...] = ()
    boilerplate: bool = False
    title: bool = False
    group: int | None = None
    marks: tuple[Mark, ...] = ()
    paragraph_start: bool = False
    other_language: bool = False  # aligned with a sentence in another language: no word diff to show
    partial: bool = False  # its group is a partial match: one sentence says only part of the other
    corrected: tuple[str, ...] = ()  # what the user's corrections changed here ("linked by you", …)

    @property
    def is_gap(self) -> bool:
        return not self.sentences

    @property
    def label(self) -> str:
        """Sentence numbers as people count them (from 1)."""
        if not self.sentences:
            return ""
        numbers = [i + 1 for i in self.sentences]
        if numbers == list(range(numbers[0], numbers[-1] + 1)):  # a run: "4" or "4–6"
            return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
        return ", ".join(map(str, numbers))  # a headline grouped with a later sentence: "1, 8", not "1–8"


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DiffKind
    article: str
    sentence: int
    heading: str
    text: str
    tip: str = ""
    row: int = 0
    articles: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader is in a view, by sentence rather than by pixel, so it survives a re-run (rows come and go,
    heights change) and a switch between the Aligned and Reading views: the selected sentence, and the sentence
    whose row is at the top of the view with how far that row's top edge sits above the view's (``offset``)."""

    selected: tuple[str, int] | None = None
    top: tuple[str, int] | None = None
    offset: int = 0


def sentence_marks(comparison: Comparison) -> dict[tuple[str, int], list[Mark]]:
    """The presentation's marks per (article id, sentence index), offsets relative to the sentence text; for
    callers that want the marks alone."""
    return {key: list(marks) for key, marks in _presented_marks(comparison).items()}


def make_cell(
    presentation: Presentation,
    article: str,
    indices: Sequence[int],
    *,
    paragraph_start: bool = False,
) -> Cell:
    """One cell from the presentation's sentences: their texts joined by single spaces, their marks shifted."""
    if not indices:
        return Cell(article)
    views = [presentation.sentence(article, i) for i in indices]
    marks: list[Mark] = []
    position = 0
    for view in views:
        marks.extend(replace(m, start=m.start + position, end=m.end + position) for m in view.marks)
        position += len(view.text) + 1
    first = views[0]
    return Cell(
        article=article,
        sentences=tuple(indices),
        text=" ".join(v.text for v in views),
        status=cell_status(views),
        commentary=any(v.commentary for v in views),
        cues=tuple(dict.fromkeys(c for v in views for c in v.cues)),
        boilerplate=all(v.kind == SentenceKind.BOILERPLATE for v in views),
        title=all(v.title for v in views),
        group=first.group,
        marks=tuple(sorted(marks, key=lambda m: (m.start, m.end))),
        paragraph_start=paragraph_start,
        other_language=first.other_language,
        partial=first.partial,
        corrected=tuple(dict.fromkeys(c for v in views for c in v.corrected)),
    )


def differences(comparison: Comparison, rows: Sequence[Row]) -> list[Difference]:
    """Every difference worth a look, in aligned-row order: disagreements, omitted facts, commentary, rewording,
    unique."""
    row_of: dict[tuple[str, int], int] = {}
    for number, row in enumerate(rows):
        for aid, indices in row.cells.items():
            for i in indices:
                row_of[(aid, i)] = number
    found: list[Difference] = []
    for result in comparison.articles:
        aid = result.article.id
        for s in result.sentences:
            if s.role == Role.BOILERPLATE:
                continue
            position = row_of.get((aid, s.index), 0)
            if s.commentary:
                found.append(
                    Difference(
                        DiffKind.COMMENTARY,
                        aid,
                        s.index,
                        f"Commentary · {aid}",
                        shorten(s.text),
                        "cues: " + ", ".join(s.cues),
                        position,
                        (aid,),
                    )
                )
            if s.status == Status.UNIQUE:
                found.append(
                    Difference(
                        DiffKind.UNIQUE, aid, s.index, f"Unique · {aid} only", shorten(s.text), "", position, (aid,)
                    )
                )
    for group in comparison.groups:
        changed = [d for d in group.diffs if any(op != DiffOp.EQUAL for op, _ in d.ops)]
        if group.status != Status.REWORDED or not changed:
            continue
        first = changed[0]
        removed, added = _main_change(first.ops)
        removed, added = shorten(removed, 40).strip(), shorten(added, 40).strip()
        if removed and added:
            summary = f"{removed} → {added}"
        else:
            summary = f"{quoted(removed)} left out" if removed else f"{quoted(added)} added"
        source = first.source
        index = group.members[source][0]
        targets = ", ".join(d.target for d in changed)
        found.append(
            Difference(
                DiffKind.REWORDED,
                source,
                index,
                f"Reworded · {source} ↔ {targets}",
                summary,
                shorten(comparison.article(source).sentences[index].text, 200),
                row_of.get((source, index), 0),
                (source, *(d.target for d in changed)),
            )
        )
    from desktop.core.text.facts.words import fact_key  # lexicon loading stays off the start-up path

    by_key: dict[str, list[tuple[str, int, str, tuple[str, ...]]]] = {}
    for fact in comparison.facts:
        if fact.missing_from:
            by_key.setdefault(fact_key(fact.text), []).append(
                (fact.article, fact.sentence, fact.text, fact.missing_from)
            )
    for occurrences in by_key.values():
        article, sentence, text, _ = occurrences[0]
        present = tuple(dict.fromkeys(o[0] for o in occurrences))
        missing = sorted(set().union(*(o[3] for o in occurrences)) - set(present))
        if not missing:
            continue
        found.append(
            Difference(
                DiffKind.FACT,
                article,
                sentence,
                f"Omitted fact · {missing_tip(missing)}",
                f"{quoted(shorten(text, 60))} ({', '.join(present)})",
                "",
                row_of.get((article, sentence), 0),
                present,
            )
        )
    for conflict in comparison.conflicts:
        stated = [v for v in conflict.values if v.text] or list(conflict.values)
        if not stated:
            continue
        value = stated[0]
        about = f" · {conflict.about}" if conflict.about else ""
        found.append(
            Difference(
                DiffKind.CONFLICT,
                value.article,
                value.sentence,
                f"Disagreement · {conflict.kind}{about}",
                conflict_values(conflict),
                conflict_tip(conflict),
                row_of.get((value.article, value.sentence), 0),
                tuple(dict.fromkeys(v.article for v in conflict.values)),
            )
        )
    rank = {DiffKind.CONFLICT: -1, DiffKind.FACT: 0, DiffKind.COMMENTARY: 1, DiffKind.REWORDED: 2, DiffKind.UNIQUE: 3}
    found.sort(key=lambda d: (d.row, rank[d.kind], d.article))
    return found


def _main_change(ops: Sequence[tuple[DiffOp, str]]) -> tuple[str, str]:
    """The longest replaced stretch (removed words, the words put in their place), to name a rewording in a line.
    Whitespace-only equal runs between changes do not break a stretch, so word-by-word ops read as phrases."""
    best = ("", "")
    removed: list[str] = []
    added: list[str] = []
    for op, text in [*ops, (DiffOp.EQUAL, "end")]:
        if op == DiffOp.DELETE:
            removed.append(text)
        elif op == DiffOp.INSERT:
            added.append(text)
        elif text.strip():
            candidate = (" ".join("".join(removed).split()), " ".join("".join(added).split()))
            if len(candidate[0]) + len(candidate[1]) > len(best[0]) + len(best[1]):
                best = candidate
            removed, added = [], []
        else:
            if removed:
                removed.append(text)
            if added:
                added.append(text)
    return best


def missing_fact_count(comparison: Comparison, article: str) -> int:
    """Distinct facts other articles report that ``article`` lacks (the JSON summary's ``missing_facts``)."""
    return lacking_facts(comparison.facts, article)
