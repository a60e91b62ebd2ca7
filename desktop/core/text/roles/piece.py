"""A sentence as role detection sees it: its offsets and the layout facts of where it sits and how the segmenter
cut it (``Piece``). The segmenter builds them; every rule of this package reads them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence with the layout facts role detection needs (where it sits, how it was cut)."""

    start: int
    end: int
    paragraph: int
    line: int
    whole_line: bool  # the sentence is its whole line
    credit: bool = False  # cut off the caption before it as a photo credit
    dateline: bool = False  # cut off the paragraph's first sentence as its dateline ("Kessingen (dpa) –")
