"""User notes on screen: which cell carries which note, for tooltips and the corner marker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.model import Comparison, Note
from desktop.ui.highlights import Cell


@dataclass(frozen=True)
class NoteIndex:
    """The library's notes for one comparison, keyed the way cells are looked up."""

    comparison: str = ""
    sentences: dict[tuple[str, int], str] = field(default_factory=dict)
    groups: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, notes: Iterable[Note]) -> NoteIndex:
        comparison = ""
        sentences: dict[tuple[str, int], str] = {}
        groups: dict[int, str] = {}
        for note in notes:
            if note.article is not None and note.sentence is not None:
                sentences[(note.article, note.sentence)] = note.text
            elif note.group is not None:
                groups[note.group] = note.text
            else:
                comparison = note.text
        return cls(comparison, sentences, groups)

    def for_cell(self, cell: Cell) -> list[str]:
        """The notes a cell shows: its sentences' own, then its group's."""
        if cell.is_gap:
            return []
        found = [self.sentences[(cell.article, i)] for i in cell.sentences if (cell.article, i) in self.sentences]
        if cell.group is not None and cell.group in self.groups:
            found.append(self.groups[cell.group])
        return found

    def __bool__(self) -> bool:
        return bool(self.comparison or self.sentences or self.groups)


EMPTY = NoteIndex()


@dataclass(frozen=True)
class Remapped:
    """Notes re-keyed to a new result of the same comparison; ``lost`` could not be placed in it."""

    notes: tuple[Note, ...]
    lost: tuple[Note, ...]


def _sentence_key(old: Comparison, new: Comparison, article: str, sentence: int) -> tuple[str, int] | None:
    """Where a sentence of ``old`` is in ``new``: same article text, same character offsets."""
    try:
        result = old.article(article)
        found = result.sentences[sentence]
    except (KeyError, IndexError):
        return None
    for candidate in new.articles:
        if candidate.article.text == result.article.text:
            for moved in candidate.sentences:
                if moved.start == found.start and moved.end == found.end:
                    return candidate.article.id, moved.index
    return None


def remap_notes(notes: Iterable[Note], old: Comparison, new: Comparison) -> Remapped:
    """Sentence and group notes follow their sentences when articles are reordered, added or re-aligned.

    Notes are stored by article letter and group number, which both change when the user moves or removes an
    article or the threshold changes; without this a note would silently attach to a different sentence.
    """
    kept: list[Note] = []
    lost: list[Note] = []
    for note in notes:
        if note.article is not None and note.sentence is not None:
            key = _sentence_key(old, new, note.article, note.sentence)
            if key is None:
                lost.append(note)
            else:
                kept.append(Note(note.text, key[0], key[1]))
        elif note.group is not None:
            target = _group_in(old, new, note.group)
            if target is None:
                lost.append(note)
            else:
                kept.append(Note(note.text, group=target))
        else:
            kept.append(note)
    return Remapped(tuple(kept), tuple(lost))


def _group_in(old: Comparison, new: Comparison, group: int) -> int | None:
    """The group of ``new`` holding the first sentence of ``old``'s group that is still there."""
    try:
        members = old.group(group).members
    except KeyError:
        return None
    for article, indices in members.items():
        for index in indices:
            key = _sentence_key(old, new, article, index)
            if key is not None:
                moved = new.article(key[0]).sentences[key[1]].group
                if moved is not None:
                    return moved
    return None


def describe_lost(note: Note, old: Comparison) -> str:
    """A lost note, folded into the comparison note so its text is never thrown away."""
    where = "an alignment group"
    if note.article is not None and note.sentence is not None:
        try:
            title = old.article(note.article).article.title or old.article(note.article).article.path
        except KeyError:
            title = note.article
        where = f"sentence {note.sentence + 1} of “{title}”"
    return f"[on {where}, no longer in the comparison] {note.text}"


@dataclass
class WaitingNotes:
    """Notes written before the comparison on screen has a library row (its first autosave is still on the
    library worker): shown at once and written when that save lands, so the GUI thread never waits for it."""

    notes: list[Note] = field(default_factory=list)

    def add(self, note: Note) -> None:
        """The newest note on a sentence, group or the comparison replaces an older one (an empty text removes)."""
        key = (note.article, note.sentence, note.group)
        self.notes = [n for n in self.notes if (n.article, n.sentence, n.group) != key] + [note]

    def index(self) -> NoteIndex:
        return NoteIndex.of(n for n in self.notes if n.text)

    def follow(self, old: Comparison, new: Comparison) -> None:
        """The comparison changed before they were written: re-key them as saved notes are, a lost one folded into
        the comparison note."""
        moved = remap_notes(self.notes, old, new)
        if not moved.lost:
            self.notes = list(moved.notes)
            return
        overall = [n.text for n in moved.notes if n.article is None and n.group is None and n.text]
        lines = overall + [describe_lost(n, old) for n in moved.lost]
        placed = [n for n in moved.notes if n.article is not None or n.group is not None]
        self.notes = [*placed, Note("\n".join(lines))]

    def take(self) -> list[Note]:
        taken, self.notes = self.notes, []
        return taken

    def __bool__(self) -> bool:
        return bool(self.notes)
