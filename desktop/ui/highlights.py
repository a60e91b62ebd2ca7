"""What the views show, derived from a ``Comparison`` without Qt: cells, highlight marks and differences.

Kept Qt-free so the mark offsets (the fiddly part) are testable with literal data, and so the Qt models stay
thin adapters. Row order comes from ``desktop.core.collation``, shared with the HTML export.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.collation import Row
from desktop.core.match_display import is_partial
from desktop.core.model import Comparison, Conflict, DiffOp, Group, Role, Sentence, Status

SNIPPET = 90


class MarkKind(StrEnum):
    DELETED = "deleted"
    INSERTED = "inserted"
    FACT = "fact"
    LABEL = "label"  # a loaded word choice ("Machthaber"); the sentence stays reporting
    CONFLICT = "conflict"  # a value another outlet gives differently ("20,000" against "6,000")


class DiffKind(StrEnum):
    CONFLICT = "disagreement"
    FACT = "omitted fact"
    COMMENTARY = "commentary"
    REWORDED = "reworded"
    UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted character range inside a cell's text, with the plain-text explanation for its tooltip."""

    start: int
    end: int
    kind: MarkKind
    tip: str = ""


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


def _shorten(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def missing_tip(missing_from: Sequence[str]) -> str:
    return "missing from " + ", ".join(missing_from)


def label_tip(neutral: str) -> str:
    """A loaded label's tooltip; the same words as the HTML export's (``desktop.core.export_html.label_tip``,
    not imported here so the window starts without Jinja2)."""
    return f"loaded label — neutral: {neutral}" if neutral else "loaded label"


NO_STATEMENT = {"attribution": "stated without a source", "certainty": "stated plainly"}


def conflict_values(conflict: Conflict) -> str:
    """Each outlet's value in a line, "A 20,000 · B 6,000"; an outlet that makes no such statement (an unattributed
    claim) is named with what it does instead, in the HTML export's words ("B stated without a source")."""
    parts = []
    for value in conflict.values:
        text = " ".join(value.text.split()) or NO_STATEMENT.get(str(conflict.kind), "—")
        parts.append(f"{value.article} {_shorten(text, 40)}")
    return " · ".join(dict.fromkeys(parts))


def conflict_tip(conflict: Conflict) -> str:
    """The disagreement's tooltip: "Disagreement (number, people): A 20,000 · B 6,000"."""
    about = f"{conflict.kind}, {conflict.about}" if conflict.about else str(conflict.kind)
    return f"Disagreement ({about}): {conflict_values(conflict)}"


def sentence_marks(comparison: Comparison) -> dict[tuple[str, int], list[Mark]]:
    """Marks per (article id, sentence index), offsets relative to the sentence text.

    A group's word diff runs over its members joined with single spaces, so ranges are split back onto the
    member sentences. Insertions are marked in each article against the reference; in the reference itself a
    word counts as missing elsewhere only if every other member lacks it (one loose paraphrase should not strike
    the whole sentence). A diff that does not rebuild the joined text exactly is skipped rather than trusted.
    """
    marks: dict[tuple[str, int], list[Mark]] = {}
    for group in comparison.groups:
        deleted: dict[str, list[int]] = {}
        diffs_from: dict[str, int] = {}
        for diff in group.diffs:
            for side, keep in ((diff.source, DiffOp.DELETE), (diff.target, DiffOp.INSERT)):
                indices = group.members.get(side, ())
                if not indices:
                    continue
                sentences = [comparison.article(side).sentences[i] for i in indices]
                joined = " ".join(s.text for s in sentences)
                flags = _changed_chars(diff.ops, keep, joined)
                if flags is None:
                    continue
                if keep == DiffOp.INSERT:
                    _split_onto_sentences(marks, side, indices, sentences, _runs(flags, joined), MarkKind.INSERTED)
                else:
                    counts = deleted.setdefault(side, [0] * len(joined))
                    for n, flag in enumerate(flags):
                        counts[n] += flag
                    diffs_from[side] = diffs_from.get(side, 0) + 1
        for side, counts in deleted.items():
            indices = group.members[side]
            sentences = [comparison.article(side).sentences[i] for i in indices]
            joined = " ".join(s.text for s in sentences)
            flags = [count == diffs_from[side] for count in counts]
            _split_onto_sentences(marks, side, indices, sentences, _runs(flags, joined), MarkKind.DELETED)
    for fact in comparison.facts:
        if not fact.missing_from:
            continue
        sentence = comparison.article(fact.article).sentences[fact.sentence]
        start, end = fact.start - sentence.start, fact.end - sentence.start
        if 0 <= start < end <= len(sentence.text):
            key = (fact.article, fact.sentence)
            marks.setdefault(key, []).append(Mark(start, end, MarkKind.FACT, missing_tip(fact.missing_from)))
    for result in comparison.articles:
        for sentence in result.sentences:
            for label in sentence.labels:
                start, end = label.start - sentence.start, label.end - sentence.start
                if 0 <= start < end <= len(sentence.text):
                    key = (result.article.id, sentence.index)
                    marks.setdefault(key, []).append(Mark(start, end, MarkKind.LABEL, label_tip(label.neutral)))
    for conflict in comparison.conflicts:
        tip = conflict_tip(conflict)
        for value in conflict.values:
            if not value.text:  # no statement: its offsets span the whole sentence, nothing to point at
                continue
            try:
                sentence = comparison.article(value.article).sentences[value.sentence]
            except (KeyError, IndexError):
                continue
            start, end = value.start - sentence.start, value.end - sentence.start
            if 0 <= start < end <= len(sentence.text):
                bucket = marks.setdefault((value.article, value.sentence), [])
                mark = Mark(start, end, MarkKind.CONFLICT, tip)
                if mark not in bucket:
                    bucket.append(mark)
    return marks


def _changed_chars(ops: Sequence[tuple[DiffOp, str]], keep: DiffOp, joined: str) -> list[bool] | None:
    """Per character of this side's text: is it inside a ``keep`` (deleted or inserted) op? None if the ops do
    not rebuild the text."""
    flags: list[bool] = []
    rebuilt = []
    for op, text in ops:
        if op == DiffOp.EQUAL or op == keep:
            rebuilt.append(text)
            flags.extend([op == keep] * len(text))
    if "".join(rebuilt) != joined:
        return None
    return flags


def _runs(flags: Sequence[bool], text: str) -> list[tuple[int, int]]:
    """Marked stretches, with whitespace between two marked words joined in and edges trimmed of spaces."""
    runs: list[tuple[int, int]] = []
    start = None
    for n, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = n
        elif not flag and start is not None:
            if runs and not text[runs[-1][1]:start].strip():
                runs[-1] = (runs[-1][0], n)
            else:
                runs.append((start, n))
            start = None
    trimmed = []
    for lo, hi in runs:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            trimmed.append((lo, hi))
    return trimmed


def _covers_nearly_all(ranges: Sequence[tuple[int, int]], text: str) -> bool:
    """A sentence replaced wholesale: striking or underlining every word adds noise, not information."""
    marked = sum(len(text[lo:hi].replace(" ", "")) for lo, hi in ranges)
    return marked >= 0.9 * max(1, len(text.replace(" ", "")))


def _split_onto_sentences(
    marks: dict[tuple[str, int], list[Mark]],
    article: str,
    indices: Sequence[int],
    sentences: Sequence[Sentence],
    ranges: Iterable[tuple[int, int]],
    kind: MarkKind,
) -> None:
    ranges = list(ranges)
    offset = 0
    for index, sentence in zip(indices, sentences, strict=True):
        end_of_sentence = offset + len(sentence.text)
        local = [(max(lo, offset) - offset, min(hi, end_of_sentence) - offset)
                 for lo, hi in ranges if max(lo, offset) < min(hi, end_of_sentence)]
        if local and not _covers_nearly_all(local, sentence.text):
            bucket = marks.setdefault((article, index), [])
            for lo, hi in local:
                mark = Mark(lo, hi, kind)
                if mark not in bucket:
                    bucket.append(mark)
        offset = end_of_sentence + 1


def make_cell(
    comparison: Comparison,
    article: str,
    indices: Sequence[int],
    marks: dict[tuple[str, int], list[Mark]],
    *,
    paragraph_start: bool = False,
) -> Cell:
    if not indices:
        return Cell(article)
    sentences = [comparison.article(article).sentences[i] for i in indices]
    parts, cell_marks, pos = [], [], 0
    for sentence in sentences:
        parts.append(sentence.text)
        for mark in marks.get((article, sentence.index), ()):
            cell_marks.append(Mark(mark.start + pos, mark.end + pos, mark.kind, mark.tip))
        pos += len(sentence.text) + 1
    cues = tuple(dict.fromkeys(c for s in sentences for c in s.cues))
    statuses = {s.status for s in sentences}
    status = Status.UNIQUE if Status.UNIQUE in statuses else (
        Status.REWORDED if Status.REWORDED in statuses else Status.IDENTICAL
    )
    return Cell(
        article=article,
        sentences=tuple(indices),
        text=" ".join(parts),
        status=status,
        commentary=any(s.commentary for s in sentences),
        cues=cues,
        boilerplate=all(s.role == Role.BOILERPLATE for s in sentences),
        title=all(s.role == Role.TITLE for s in sentences),
        group=sentences[0].group,
        marks=tuple(sorted(cell_marks, key=lambda m: (m.start, m.end))),
        paragraph_start=paragraph_start,
        other_language=_pairs_across_languages(comparison, article, sentences[0].group),
        partial=is_partial(group_of(comparison, sentences[0].group)),
    )


def group_of(comparison: Comparison, group_id: int | None) -> Group | None:
    """The group with that id (groups are usually numbered by position, so that is tried first)."""
    if group_id is None:
        return None
    groups = comparison.groups
    if 0 <= group_id < len(groups) and groups[group_id].id == group_id:
        return groups[group_id]
    return next((g for g in groups if g.id == group_id), None)


def _pairs_across_languages(comparison: Comparison, article: str, group_id: int | None) -> bool:
    """The sentence's group holds an article in another language, so its rewording has no word diff there."""
    if group_id is None or not comparison.cross_language:
        return False
    group = group_of(comparison, group_id)
    if group is None:
        return False
    language = comparison.article(article).article.language
    return any(comparison.article(other).article.language not in ("", language) for other in group.members
               if other != article)


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
                found.append(Difference(
                    DiffKind.COMMENTARY, aid, s.index, f"Commentary · {aid}", _shorten(s.text),
                    "cues: " + ", ".join(s.cues), position, (aid,),
                ))
            if s.status == Status.UNIQUE:
                found.append(Difference(DiffKind.UNIQUE, aid, s.index, f"Unique · {aid} only", _shorten(s.text), "",
                                        position, (aid,)))
    for group in comparison.groups:
        changed = [d for d in group.diffs if any(op != DiffOp.EQUAL for op, _ in d.ops)]
        if group.status != Status.REWORDED or not changed:
            continue
        first = changed[0]
        removed, added = _main_change(first.ops)
        removed, added = _shorten(removed, 40).strip(), _shorten(added, 40).strip()
        if removed and added:
            summary = f"{removed} → {added}"
        else:
            summary = f"“{removed}” left out" if removed else f"“{added}” added"
        source = first.source
        index = group.members[source][0]
        targets = ", ".join(d.target for d in changed)
        found.append(Difference(
            DiffKind.REWORDED, source, index, f"Reworded · {source} ↔ {targets}", summary,
            _shorten(comparison.article(source).sentences[index].text, 200), row_of.get((source, index), 0),
            (source, *(d.target for d in changed)),
        ))
    from desktop.core.facts import fact_key  # lexicon loading stays off the start-up path

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
        found.append(Difference(
            DiffKind.FACT, article, sentence, f"Omitted fact · {missing_tip(missing)}",
            f"“{_shorten(text, 60)}” ({', '.join(present)})", "", row_of.get((article, sentence), 0),
            present,
        ))
    for conflict in comparison.conflicts:
        stated = [v for v in conflict.values if v.text] or list(conflict.values)
        if not stated:
            continue
        first = stated[0]
        about = f" · {conflict.about}" if conflict.about else ""
        found.append(Difference(
            DiffKind.CONFLICT, first.article, first.sentence, f"Disagreement · {conflict.kind}{about}",
            conflict_values(conflict), conflict_tip(conflict), row_of.get((first.article, first.sentence), 0),
            tuple(dict.fromkeys(v.article for v in conflict.values)),
        ))
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
    from desktop.core.facts import fact_key

    return len({fact_key(f.text) for f in comparison.facts if article in f.missing_from})
