"""How a group's match evidence reads to a person: one wording shared by the app's tooltips and the HTML export.

The combined matcher keeps its anchors spelled blind ("konti", "varsav", "402"), which is right for matching
and wrong for reading; the line shown here spells each anchor as one of the group's own sentences does
("Conti", "Warsaw"), taken from the facts found in those sentences.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from desktop.core.detect.corrections import LINKED
from desktop.core.model import Comparison, Fact, FactKind, Group, MatchEvidence
from desktop.core.text.facts.words import fold_name

PARTIAL_MARK = "≈"
PARTIAL_LABEL = "≈ partial"
PARTIAL_MEANING = "Partial match: one sentence says only part of what the other says"
# The line of a group the user linked: no score and no shared words, the user decided it.
LINKED_BY_YOU = "Linked by you"


def match_lines(comparison: Comparison) -> dict[int, str]:
    """One line per group that carries evidence (group id → text); groups from fuzzy matching alone have none."""
    if not any(g.evidence is not None for g in comparison.groups):
        return {}
    by_sentence: dict[tuple[str, int], list[Fact]] = {}
    for fact in comparison.facts:
        by_sentence.setdefault((fact.article, fact.sentence), []).append(fact)
    lines = {}
    for group in comparison.groups:
        if group.evidence is None:
            continue
        facts = [f for aid, indices in group.members.items() for i in indices for f in by_sentence.get((aid, i), ())]
        lines[group.id] = match_line(group.evidence, shown_anchors(group.evidence.anchors, facts))
    return lines


def is_partial(group: Group | None) -> bool:
    return group is not None and group.evidence is not None and group.evidence.partial


def match_line(evidence: MatchEvidence, anchors: Iterable[str] | None = None) -> str:
    """ "Matched: 93 % — shared: 402, Rome — shared words, same meaning". Whether the match is partial is shown
    apart from this line (``PARTIAL_MEANING``), as its own cue.

    The score is rounded down, so a link the model is not certain of never reads as 100 %."""
    if LINKED.signals[0] in evidence.signals:
        return LINKED_BY_YOU
    percent = 100 if evidence.score >= 1 else min(99, math.floor(max(0.0, evidence.score) * 100))
    parts = [f"Matched: {percent} %"]
    shown = list(evidence.anchors if anchors is None else anchors)
    if shown:
        parts.append("shared: " + ", ".join(shown))
    if evidence.signals:
        parts.append(", ".join(evidence.signals))
    return " — ".join(parts)


def shown_anchors(anchors: Iterable[str], facts: Iterable[Fact]) -> list[str]:
    """Each folded anchor as the group's sentences write it; an anchor no fact explains is shown folded."""
    surfaces: dict[str, str] = {}
    for fact in facts:
        if fact.kind == FactKind.NAME:
            for word in re.findall(r"\w+", fact.text):
                surfaces.setdefault(fold_name(word), word)
        elif fact.kind in (FactKind.NUMBER, FactKind.DATE):
            digits = re.sub(r"[^\d]", "", fact.text)
            if digits:
                surfaces.setdefault(digits.lstrip("0") or "0", fact.text)
    return list(dict.fromkeys(surfaces.get(anchor, anchor) for anchor in anchors))
