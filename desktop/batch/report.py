"""What one batch task reports back: its partition, how much it compared, and what failed and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PartitionReport:
    partition: int
    clusters: int
    articles: int
    failures: tuple[tuple[str, str, str], ...]  # (cluster, article id, reason)
