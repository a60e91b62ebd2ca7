"""The headline: the first short lines without final punctuation, alone on their line but for furniture; a
section label above them (the kicker) is furniture.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.model import Role
from desktop.core.text.roles.piece import Piece
from desktop.core.text.roles.rules import Rules
from desktop.core.text.roles.shapes import FINAL, normalised

_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 220
_MAX_TITLE_LINES = 3
_MAX_KICKER_WORDS = 2


def heading_like(sentence: str, *, allow_question: bool = False) -> bool:
    """Short, and without the punctuation that ends a running-text sentence."""
    stripped = sentence.strip()
    if len(stripped) > _MAX_TITLE_CHARS or len(stripped.split()) > _MAX_TITLE_WORDS:
        return False
    final = FINAL.search(stripped)
    if final is None:
        return True
    return allow_question and final.group()[0] in "?!"


def mark_title(pieces: Sequence[Piece], sentences: Sequence[str], roles: list[Role], rules: Rules) -> None:
    """The headline: the first short line(s) without final punctuation (alone on its line but for furniture,
    such as the lead picture's credit). A section label above it ("International", "Ukraine-Krieg", "Analysis")
    is the kicker: furniture."""
    headings: list[int] = []
    for i, piece in enumerate(pieces):
        if roles[i] == Role.BOILERPLATE:
            continue
        sentence = sentences[i]
        label_with_colon = not headings and sentence.endswith(":") and len(sentence.split()) <= _MAX_KICKER_WORDS
        alone = piece.whole_line or _alone_but_furniture(pieces, roles, i)
        if len(headings) > _MAX_TITLE_LINES or not (
            alone and (label_with_colon or heading_like(sentence, allow_question=not headings))
        ):
            break
        headings.append(i)
    if not headings:
        return
    first = sentences[headings[0]]
    known_label = normalised(first) in rules.section_labels or first.endswith(":")
    if known_label or (
        len(headings) >= 2 and len(first.split()) <= _MAX_KICKER_WORDS and len(first) < len(sentences[headings[1]])
    ):
        roles[headings[0]] = Role.BOILERPLATE
        headings = headings[1:]
    for i in headings[:_MAX_TITLE_LINES]:
        roles[i] = Role.TITLE


def _alone_but_furniture(pieces: Sequence[Piece], roles: Sequence[Role], i: int) -> bool:
    """Every other piece on this piece's line (they sit next to it) is furniture."""
    line = pieces[i].line
    j = i - 1
    while j >= 0 and pieces[j].line == line:
        if roles[j] != Role.BOILERPLATE:
            return False
        j -= 1
    j = i + 1
    while j < len(pieces) and pieces[j].line == line:
        if roles[j] != Role.BOILERPLATE:
            return False
        j += 1
    return True
