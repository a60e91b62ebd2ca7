"""How the user's corrections read: "Linked A 3 ↔ B 3" in the export, "Link A 3 ↔ B 3" on the app's Undo.

One wording for every place a correction is named (the export's "Your corrections", the app's Edit ▸ Undo and
status bar), with sentences numbered as people count them, from 1, as the views number them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.model import Comparison, CorrectionKind, UserLink

NOT_APPLIED = "names a sentence the article no longer has, so it is not applied"

Sentence = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class CorrectionView:
    """One correction as a line in pieces: text, or a sentence (``sentence`` set) that a renderer may link to.
    ``applied`` is false when it names a sentence the comparison does not have (the texts changed since)."""

    kind: CorrectionKind
    pieces: tuple[tuple[str, Sentence | None], ...]
    applied: bool = True

    @property
    def text(self) -> str:
        return "".join(text for text, _sentence in self.pieces)


def sentence_name(sentence: Sentence) -> str:
    """ "A 3": the article's letter and the sentence's number as the views show it."""
    return f"{sentence[0]} {sentence[1] + 1}"


def _listed(sentences: Sequence[Sentence]) -> list[tuple[str, Sentence | None]]:
    """ "A 1", "A 1 and B 1", "A 1, B 1 and C 2" as pieces."""
    pieces: list[tuple[str, Sentence | None]] = []
    for n, sentence in enumerate(sentences):
        if n:
            pieces.append((" and " if n == len(sentences) - 1 else ", ", None))
        pieces.append((sentence_name(sentence), sentence))
    return pieces


def _linked(sentences: Sequence[Sentence]) -> list[tuple[str, Sentence | None]]:
    pieces: list[tuple[str, Sentence | None]] = []
    for n, sentence in enumerate(sentences):
        if n:
            pieces.append((" ↔ ", None))
        pieces.append((sentence_name(sentence), sentence))
    return pieces


def done_pieces(link: UserLink) -> list[tuple[str, Sentence | None]]:
    """What the correction did, in the past tense: the export's line."""
    sentences = list(link.sentences)
    if link.kind == CorrectionKind.LINK:
        return [("Linked ", None), *_linked(sentences)]
    if link.kind == CorrectionKind.UNLINK:
        if len(sentences) == 1:
            return [*_listed(sentences), (" taken out of its group", None)]
        return [*_listed(sentences), (" taken apart", None)]
    return [*_listed(sentences), (" marked as reporting", None)]


def correction_line(link: UserLink) -> str:
    """ "Linked A 3 ↔ B 3", "A 1 taken out of its group", "B 2 marked as reporting"."""
    return "".join(text for text, _sentence in done_pieces(link))


def correction_command(link: UserLink) -> str:
    """The correction as a command, for Undo/Redo: "Link A 3 ↔ B 3", "Unlink A 1", "Mark B 2 as Reporting"."""
    sentences = list(link.sentences)
    if link.kind == CorrectionKind.LINK:
        return "Link " + "".join(text for text, _s in _linked(sentences))
    names = "".join(text for text, _s in _listed(sentences))
    if link.kind == CorrectionKind.UNLINK:
        return f"Unlink {names}"
    return f"Mark {names} as Reporting"


def correction_views(comparison: Comparison) -> tuple[CorrectionView, ...]:
    """The comparison's corrections, oldest first, each saying whether it could be applied."""
    sizes = {r.article.id: len(r.sentences) for r in comparison.articles}
    views = []
    for link in comparison.user_links:
        applied = bool(link.sentences) and all(0 <= index < sizes.get(aid, 0) for aid, index in link.sentences)
        views.append(CorrectionView(link.kind, tuple(done_pieces(link)), applied))
    return tuple(views)
