"""How the user's corrections read: "Linked A 3 ↔ B 3" in the export, "Link A 3 ↔ B 3" on the app's Undo.

One wording for every place a correction is named (the export's "Your corrections", the app's Edit ▸ Undo and
status bar), with sentences numbered as people count them, from 1, as the views number them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.detect.corrections import LINKED
from desktop.core.model import Comparison, CorrectionKind, UserLink

NOT_APPLIED = "names a sentence the article no longer has, so it is not applied"
# The sign by a sentence the user's corrections changed, and what it says (tooltips, the export, screen readers).
CORRECTED_MARK = "✎"
LINKED_CUE = "linked by you"
UNLINKED_CUE = "taken out of its group by you"
REPORTING_CUE = "marked as reporting by you"

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


def corrected_tip(cues: Sequence[str]) -> str:
    """A corrected sentence's line: "✎ Linked by you; marked as reporting by you"."""
    text = "; ".join(cues)
    return f"{CORRECTED_MARK} {text[:1].upper()}{text[1:]}"


def sentence_corrections(comparison: Comparison) -> dict[Sentence, tuple[str, ...]]:
    """What the user's corrections changed about each sentence, as it stands after all of them: in a group the
    user linked, out of a group the user took it from (and in none now), reporting where the detector said
    commentary. Sentences no correction changed are not listed."""
    if not comparison.user_links:
        return {}
    found: dict[Sentence, list[str]] = {}
    for group in comparison.groups:
        if group.evidence is not None and LINKED.signals[0] in group.evidence.signals:
            for aid, indices in group.members.items():
                for index in indices:
                    found.setdefault((aid, index), []).append(LINKED_CUE)
    sentences = {(r.article.id, s.index): s for r in comparison.articles for s in r.sentences}
    for link in comparison.user_links:
        for key in link.sentences:
            sentence = sentences.get(key)
            if sentence is None:
                continue
            if link.kind == CorrectionKind.UNLINK and sentence.group is None:
                cue = UNLINKED_CUE
            elif link.kind == CorrectionKind.NOT_COMMENTARY and not sentence.commentary:
                cue = REPORTING_CUE
            else:
                continue
            if cue not in found.setdefault(key, []):
                found[key].append(cue)
    return {key: tuple(cues) for key, cues in found.items()}
