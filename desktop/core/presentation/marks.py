"""Which characters of a sentence are marked, and why: word differences, omitted facts, loaded labels, conflicts.

The rule for a word difference, decided here for every renderer:

- a row's source sentence (the reference article's, or the row's first article's where the reference has none)
  strikes a word when **at least one** other article's counterpart lacks it; the tooltip names which ("not in
  C"), so a word B kept and C dropped is visible, and every word underlined in C has its struck counterpart;
- another article's sentence underlines the words the source sentence lacks ("added in B, not in A");
- against one article, a sentence nearly all of whose words would be struck or underlined gets no marks from
  that article: it was rewritten wholesale or has no counterpart there (the other sentence of an n:m pair),
  which the row already shows, and striking every word would bury the differences that matter;
- identical rows (the same text up to typography) carry no word marks, and where the comparison ignores
  punctuation (the default) a mark of punctuation alone (a comma for a full stop) is left out too.

Offsets are sentence-local. A group's word diffs run over its members' sentences joined by single spaces (as the
pipeline diffs them), so positions are mapped back onto the member sentences; a diff that does not rebuild both
joined texts exactly (an edited JSON file) is skipped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.core.model import Comparison, DiffOp, Fact, Group, Sentence, Status, WordDiff
from desktop.core.presentation.wording import (
    conflict_tip,
    deleted_tip,
    fact_tip,
    inserted_tip,
    label_spoken,
    label_tip,
    missing_tip,
)

# Share of a sentence's (non-space) characters beyond which its marks against one article say nothing.
WHOLESALE = 0.9


class MarkKind(StrEnum):
    DELETED = "deleted"  # struck: a counterpart lacks these words
    INSERTED = "inserted"  # underlined: the row's source sentence lacks these words
    FACT = "fact"  # a name, number, date or quote another article lacks
    LABEL = "label"  # a loaded word choice ("Machthaber"); the sentence stays reporting
    CONFLICT = "conflict"  # a value another outlet gives differently ("20,000" against "6,000")


@dataclass(frozen=True, slots=True)
class Mark:
    """A marked character range of a sentence (or of a cell's joined text), with its tooltip and what a screen
    reader says before the marked words (``spoken``). ``facts`` are the indices in ``Comparison.facts`` a fact
    mark stands for (overlapping facts share one mark)."""

    start: int
    end: int
    kind: MarkKind
    tip: str = ""
    facts: tuple[int, ...] = ()
    spoken: str = ""


Key = tuple[str, int]  # (article id, sentence index)


def sentence_marks(comparison: Comparison) -> dict[Key, tuple[Mark, ...]]:
    """Every sentence's marks, sorted by position; sentences without marks are left out."""
    found: dict[Key, list[Mark]] = {}
    sentences = {r.article.id: r.sentences for r in comparison.articles}
    order = [r.article.id for r in comparison.articles]
    for group in comparison.groups:
        if group.status == Status.REWORDED:
            _word_marks(found, group, sentences, order, comparison.settings.ignore_punctuation)
    _fact_marks(found, comparison, order)
    for result in comparison.articles:
        for sentence in result.sentences:
            for label in sentence.labels:
                start, end = label.start - sentence.start, label.end - sentence.start
                if 0 <= start < end <= len(sentence.text):
                    _add(
                        found,
                        (result.article.id, sentence.index),
                        Mark(start, end, MarkKind.LABEL, label_tip(label.neutral), spoken=label_spoken(label.neutral)),
                    )
    for conflict in comparison.conflicts:
        tip = conflict_tip(conflict)
        for value in conflict.values:
            if not value.text:  # no statement: its offsets span the whole sentence, nothing to point at
                continue
            article = sentences.get(value.article, ())
            if not 0 <= value.sentence < len(article):
                continue
            sentence = article[value.sentence]
            start, end = value.start - sentence.start, value.end - sentence.start
            if 0 <= start < end <= len(sentence.text):
                mark = Mark(start, end, MarkKind.CONFLICT, tip, spoken="disputed: ")
                _add(found, (value.article, value.sentence), mark)
    rank = {kind: n for n, kind in enumerate(MarkKind)}
    return {key: tuple(sorted(marks, key=lambda m: (m.start, m.end, rank[m.kind]))) for key, marks in found.items()}


def _add(found: dict[Key, list[Mark]], key: Key, mark: Mark) -> None:
    bucket = found.setdefault(key, [])
    if mark not in bucket:
        bucket.append(mark)


def _word_marks(
    found: dict[Key, list[Mark]],
    group: Group,
    sentences: Mapping[str, Sequence[Sentence]],
    order: Sequence[str],
    ignore_punctuation: bool,
) -> None:
    members = {
        aid: [sentences[aid][i] for i in indices if 0 <= i < len(sentences[aid])]
        for aid, indices in group.members.items()
        if aid in sentences
    }
    joined = {aid: " ".join(s.text for s in member) for aid, member in members.items()}
    lacking: dict[str, dict[int, set[str]]] = {}  # source article → position → articles lacking that character
    for diff in group.diffs:
        if not _fits(diff, joined):
            continue
        deleted, inserted = _changed(diff.ops)
        for position in _without_wholesale(deleted, members[diff.source]):
            lacking.setdefault(diff.source, {}).setdefault(position, set()).add(diff.target)
        tip = inserted_tip(diff.target, diff.source)
        changed = dict.fromkeys(_without_wholesale(inserted, members[diff.target]), ())
        for start, end, _ in _runs(changed, joined[diff.target]):
            mark = Mark(start, end, MarkKind.INSERTED, tip, spoken="inserted: ")
            _place(found, diff.target, members[diff.target], mark, ignore_punctuation)
    rank = {aid: n for n, aid in enumerate(order)}
    for source, positions in lacking.items():
        by_position = {
            p: tuple(sorted(articles, key=lambda a: rank.get(a, len(rank)))) for p, articles in positions.items()
        }
        for start, end, targets in _runs(by_position, joined[source]):
            mark = Mark(start, end, MarkKind.DELETED, deleted_tip(targets), spoken="removed: ")
            _place(found, source, members[source], mark, ignore_punctuation)


def _fits(diff: WordDiff, joined: Mapping[str, str]) -> bool:
    """Whether the edit script really rebuilds both sides; offsets from any other script would be garbage."""
    if diff.source not in joined or diff.target not in joined or diff.source == diff.target:
        return False
    source = "".join(text for op, text in diff.ops if op != DiffOp.INSERT)
    target = "".join(text for op, text in diff.ops if op != DiffOp.DELETE)
    return source == joined[diff.source] and target == joined[diff.target]


def _changed(ops: Iterable[tuple[DiffOp, str]]) -> tuple[set[int], set[int]]:
    """Positions of the source's deleted and the target's inserted characters."""
    deleted: set[int] = set()
    inserted: set[int] = set()
    source = target = 0
    for op, text in ops:
        if op == DiffOp.DELETE:
            deleted.update(range(source, source + len(text)))
            source += len(text)
        elif op == DiffOp.INSERT:
            inserted.update(range(target, target + len(text)))
            target += len(text)
        else:
            source += len(text)
            target += len(text)
    return deleted, inserted


def _without_wholesale(positions: set[int], sentences: Sequence[Sentence]) -> set[int]:
    """The positions, less those in a sentence nearly all of whose characters they cover."""
    kept: set[int] = set()
    offset = 0
    for sentence in sentences:
        end = offset + len(sentence.text)
        inside = {p for p in positions if offset <= p < end}
        marked = sum(not sentence.text[p - offset].isspace() for p in inside)
        if inside and marked < WHOLESALE * max(1, len(sentence.text) - sum(c.isspace() for c in sentence.text)):
            kept |= inside
        offset = end + 1
    return kept


def _runs(positions: Mapping[int, tuple[str, ...]], text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Marked stretches of ``text``: a run holds positions with the same value (the articles lacking them) and
    takes in whitespace between two of its words, so "walked · out" reads as one phrase; edges are trimmed of
    whitespace."""
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    for position in sorted(positions):
        value = positions[position]
        if runs and runs[-1][2] == value and not text[runs[-1][1] : position].strip():
            runs[-1] = (runs[-1][0], position + 1, value)
        else:
            runs.append((position, position + 1, value))
    trimmed = []
    for lo, hi, value in runs:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            trimmed.append((lo, hi, value))
    return trimmed


def _place(
    found: dict[Key, list[Mark]],
    article: str,
    sentences: Sequence[Sentence],
    run: Mark,
    words_only: bool,
) -> None:
    """Split a run over the joined member sentences into sentence-local marks, trimmed of edge whitespace;
    ``words_only`` drops a piece without a letter or digit (the full stop of "weekday. Many")."""
    offset = 0
    for sentence in sentences:
        lo, hi = max(run.start - offset, 0), min(run.end - offset, len(sentence.text))
        while lo < hi and sentence.text[lo].isspace():
            lo += 1
        while hi > lo and sentence.text[hi - 1].isspace():
            hi -= 1
        if lo < hi and not (words_only and not any(c.isalnum() for c in sentence.text[lo:hi])):
            _add(found, (article, sentence.index), replace(run, start=lo, end=hi))
        offset += len(sentence.text) + 1


def _fact_marks(found: dict[Key, list[Mark]], comparison: Comparison, order: Sequence[str]) -> None:
    """Facts other articles lack, in sentence offsets; overlapping facts merge into one mark listing both."""
    sentences = {(r.article.id, s.index): s for r in comparison.articles for s in r.sentences}
    spans: dict[Key, list[tuple[int, int, int, Fact]]] = {}
    for number, fact in enumerate(comparison.facts):
        sentence = sentences.get((fact.article, fact.sentence))
        if not fact.missing_from or sentence is None:
            continue
        start, end = fact.start - sentence.start, fact.end - sentence.start
        if not (0 <= start < end <= len(sentence.text)) or sentence.text[start:end] != fact.text:
            # Offsets that do not point at the fact (an edited JSON file): fall back to finding its text.
            start = sentence.text.find(fact.text) if fact.text else -1
            if start < 0:
                continue
            end = start + len(fact.text)
        spans.setdefault((fact.article, fact.sentence), []).append((start, end, number, fact))
    for key, facts in spans.items():
        merged: list[tuple[int, int, list[int], list[str]]] = []
        for start, end, number, fact in sorted(facts, key=lambda f: (f[0], -f[1])):
            if merged and start < merged[-1][1]:
                lo, hi, numbers, missing = merged[-1]
                missing += [m for m in fact.missing_from if m not in missing]
                merged[-1] = (lo, max(hi, end), [*numbers, number], missing)
            else:
                merged.append((start, end, [number], list(fact.missing_from)))
        for start, end, numbers, missing in merged:
            present = [aid for aid in order if aid not in missing]
            spoken = f"fact {missing_tip(missing)}: "
            _add(found, key, Mark(start, end, MarkKind.FACT, fact_tip(missing, present), tuple(numbers), spoken))
