"""User notes on screen: which cell carries which note, for tooltips and the corner marker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.model import Note
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
