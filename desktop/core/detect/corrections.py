"""The user's corrections applied to what the aligner and the commentary detector found.

A correction is a fact the user established, so it wins over every automatic decision and is applied again, in
the order it was made, each time the comparison runs (new settings, another matcher, a re-open): the aligner's
sets come in, the corrected sets go on to grouping, statuses, facts and conflicts, which therefore all agree
with the correction. Later corrections win over earlier ones (link, then unlink, leaves the sentence alone).

A correction that names a sentence the text no longer has (the segmentation changed) is skipped, not fatal: the
rest of the user's work still applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.core.model import ArticleResult, CorrectionKind, MatchEvidence, UserLink

RawSet = tuple[dict[int, tuple[int, ...]], float, MatchEvidence | None]
Node = tuple[int, int]  # (article position, sentence index)

LINKED = MatchEvidence(score=1.0, signals=("linked by you",))


def apply_to_sets(
    sets: Sequence[RawSet], corrections: Sequence[UserLink], ids: Sequence[str], sizes: Sequence[int]
) -> list[RawSet]:
    """The aligned sets with every link and unlink applied in order; ``sizes`` are the articles' sentence
    counts (a node outside them is skipped)."""
    current: list[RawSet] = list(sets)
    position = {aid: n for n, aid in enumerate(ids)}
    for correction in corrections:
        nodes = [
            (position[aid], index)
            for aid, index in correction.sentences
            if aid in position and 0 <= index < sizes[position[aid]]
        ]
        if correction.kind == CorrectionKind.LINK and len(nodes) >= 2:
            current = _link(current, nodes)
        elif correction.kind == CorrectionKind.UNLINK and nodes:
            current = _unlink(current, set(nodes))
    return current


def _nodes(members: dict[int, tuple[int, ...]]) -> set[Node]:
    return {(art, i) for art, indices in members.items() for i in indices}


def _members(nodes: set[Node]) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for art, i in sorted(nodes):
        found.setdefault(art, []).append(i)
    return {art: tuple(indices) for art, indices in found.items()}


def _link(sets: list[RawSet], nodes: Sequence[Node]) -> list[RawSet]:
    """One set holding the linked sentences and everything already grouped with them."""
    wanted = set(nodes)
    joined = [s for s in sets if _nodes(s[0]) & wanted]
    kept = [s for s in sets if not _nodes(s[0]) & wanted]
    merged = set(wanted)
    for members, _similarity, _evidence in joined:
        merged |= _nodes(members)
    similarity = max((s[1] for s in joined), default=0.0)
    return [*kept, (_members(merged), similarity, LINKED)]


def _unlink(sets: list[RawSet], nodes: set[Node]) -> list[RawSet]:
    """Each named sentence out of its set (a set left with one article only is no longer a match)."""
    result: list[RawSet] = []
    for members, similarity, evidence in sets:
        left = _nodes(members) - nodes
        if left == _nodes(members):
            result.append((members, similarity, evidence))
        elif len({art for art, _i in left}) > 1:
            result.append((_members(left), similarity, evidence))
    return result


def apply_to_sentences(results: Sequence[ArticleResult], corrections: Sequence[UserLink]) -> list[ArticleResult]:
    """The article results with the sentences the user called reporting no longer marked as commentary."""
    reporting = {
        (aid, index)
        for correction in corrections
        if correction.kind == CorrectionKind.NOT_COMMENTARY
        for aid, index in correction.sentences
    }
    if not reporting:
        return list(results)
    corrected = []
    for result in results:
        aid = result.article.id
        sentences = tuple(
            replace(s, commentary=False, cues=()) if (aid, s.index) in reporting and s.commentary else s
            for s in result.sentences
        )
        corrected.append(replace(result, sentences=sentences) if sentences != result.sentences else result)
    return corrected
