"""Align sentences across articles (first version: pairwise greedy 1:1 on rapidfuzz ratio, unioned)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class AlignedSet:
    """Sentence indices per article position (0 = first article) that say the same thing."""

    members: dict[int, tuple[int, ...]]
    similarity: float


def align(
    keys: Sequence[Sequence[str]],
    *,
    threshold: float = 0.5,
    reference: int = 0,
    cancelled: Callable[[], bool] | None = None,
) -> list[AlignedSet]:
    parent: dict[tuple[int, int], tuple[int, int]] = {}
    scores: dict[tuple[int, int], float] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a, b in combinations(range(len(keys)), 2):
        if not keys[a] or not keys[b]:
            continue
        matrix = process.cdist(keys[a], keys[b], scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
        order = np.argsort(-matrix, axis=None)
        used_a: set[int] = set()
        used_b: set[int] = set()
        for flat in order:
            i, j = divmod(int(flat), matrix.shape[1])
            score = matrix[i, j] / 100
            if score < threshold:
                break
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            parent[find((a, i))] = find((b, j))
            scores[(a, i)] = max(scores.get((a, i), 0), score)
            scores[(b, j)] = max(scores.get((b, j), 0), score)
    components: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in list(parent):
        components.setdefault(find(node), []).append(node)
    result = []
    for nodes in components.values():
        members: dict[int, list[int]] = {}
        for art, idx in nodes:
            members.setdefault(art, []).append(idx)
        if len(members) < 2:
            continue
        similarity = min(scores[n] for n in nodes)
        result.append(AlignedSet({k: tuple(sorted(v)) for k, v in sorted(members.items())}, similarity))
    result.sort(key=lambda s: min((art, idx[0]) for art, idx in s.members.items()))
    return result
