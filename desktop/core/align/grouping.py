"""Groups from pairwise links: sentences of any articles that report the same fact, not anchored on one article.

The aligners and the link model give evidence for sentence *pairs*; a reader wants *groups* ("these three outlets
all report the vote count"). Joining every linked pair transitively (connected components) chains unrelated
sentences together through one loose link, so groups are built by greedy correlation clustering: links are taken
strongest first, and two groups merge only when the summed log-odds of all their cross-article member pairs is
positive. A pair with no link counts ``UNLINKED`` against the merge, and two sentences of the same article count
``same_article`` against it, so an article contributes a second sentence to a group (a real split or merge) only
when both are linked to the others.

Fixed groups (the fuzzy aligner's beads) enter as they are and never split, so no pair the fuzzy aligner finds is
lost; they grow like any other group. Two groups that each hold a fixed group with a sentence of every article
merge only when they lie within ``RESTATEMENT_SPREAD`` sentences of each other in every article: the aligner paired
those sentences one to one, and what joins such pairs is a fact restated close by (a headline, a standfirst and a
lead), where the same wording far apart is another statement cast in the same mould ("6,500 signatures are needed"
in one paragraph, "7,500" in a later one), which long documents repeat in their hundreds. For the same reason no
group holds two sentences of one article more than ``MAX_SPREAD`` apart: longer than a news article, so news never
meets the bound, while in a long document it keeps sentences the aligner left unpaired from gathering the same
mould's variants from everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Node = tuple[int, int]  # (article position, sentence index)

UNLINKED = -5.0
MAX_PER_ARTICLE = 5  # sentences one article may have in a group (headline, standfirst, lead, a split)
RESTATEMENT_SPREAD = 3  # sentences apart, in each article, two groups of fixed pairs may be and still merge
MAX_SPREAD = 100  # sentences apart two members of one article may be in any group


@dataclass(frozen=True, slots=True)
class Link:
    """Evidence that two sentences of different articles report the same fact, as log-odds."""

    a: Node
    b: Node
    log_odds: float


def _spread(nodes: Sequence[Node]) -> int:
    """How many sentences apart the furthest two members of one article are, in the article where it is most."""
    lowest: dict[int, int] = {}
    highest: dict[int, int] = {}
    for article, sentence in nodes:
        lowest[article] = min(lowest.get(article, sentence), sentence)
        highest[article] = max(highest.get(article, sentence), sentence)
    return max(highest[article] - lowest[article] for article in lowest)


def cluster(
    links: Iterable[Link],
    *,
    fixed: Sequence[Sequence[Node]] = (),
    same_article: float = 1.0,
    link_min: float = 0.0,
    articles: int | None = None,
) -> list[list[Node]]:
    """Groups of two or more sentences; ``fixed`` groups are kept whole and may grow. ``articles``: how many
    articles are compared (by default, how many the nodes come from), so that a fixed group holding a sentence of
    every one is known."""
    weight: dict[frozenset[Node], float] = {}
    for link in links:
        key = frozenset((link.a, link.b))
        weight[key] = max(weight.get(key, UNLINKED), link.log_odds)
    members: dict[Node, list[Node]] = {}
    root: dict[Node, Node] = {}
    if articles is None:
        articles = len({node[0] for group in fixed for node in group} | {node[0] for key in weight for node in key})
    complete: set[Node] = set()  # roots of groups that hold a fixed group with a sentence of every article
    for group in fixed:
        head = group[0]
        for node in group:
            root[node] = head
        members[head] = list(group)
        if len({node[0] for node in group}) == articles:
            complete.add(head)
    for key in weight:
        for node in key:
            if node not in root:
                root[node] = node
                members[node] = [node]

    def pair_weight(x: Node, y: Node) -> float:
        if x[0] == y[0]:
            return -same_article
        return weight.get(frozenset((x, y)), UNLINKED)

    ordered = sorted(((w, tuple(sorted(k))) for k, w in weight.items() if w > link_min), reverse=True)
    for _w, (x, y) in ordered:
        rx, ry = root[x], root[y]
        if rx == ry:
            continue
        together = Counter(n[0] for n in members[rx]) + Counter(n[0] for n in members[ry])
        if max(together.values()) > MAX_PER_ARTICLE:
            continue
        spread = _spread(members[rx] + members[ry])
        if spread > MAX_SPREAD or (rx in complete and ry in complete and spread > RESTATEMENT_SPREAD):
            continue
        gain = sum(pair_weight(p, q) for p in members[rx] for q in members[ry])
        if gain <= 0:
            continue
        if len(members[rx]) < len(members[ry]):
            rx, ry = ry, rx
        if ry in complete:
            complete.discard(ry)
            complete.add(rx)
        for node in members[ry]:
            root[node] = rx
        members[rx].extend(members.pop(ry))
    groups = [sorted(m) for m in members.values() if len({n[0] for n in m}) >= 2]
    groups.sort()
    return groups
