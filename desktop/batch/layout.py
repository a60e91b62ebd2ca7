"""The batch output folder's layout: its tables' names, each partition's file name and its done marker.

Kept apart from the Parquet writing (``output``) and the schemas (``tables``), which need pyarrow: the submitting
command of a Dask job only plans the work and checks what is done, and importing pyarrow and the engine there
delayed the first task by ~0.5 s while both cores waited.
"""

from __future__ import annotations

from pathlib import Path

TABLES = ("sentences", "groups", "facts", "summary", "comparisons", "failures")


def _part(partition: int) -> str:
    return f"part-{partition:05d}"


def part_name(partition: int) -> str:
    return f"{_part(partition)}.parquet"


def marker(out_dir: Path, partition: int) -> Path:
    return out_dir / "_done" / _part(partition)


def is_done(out_dir: Path, partition: int) -> bool:
    """Marked finished and all its files still there (a deleted file means: compute it again)."""
    return marker(out_dir, partition).exists() and all(
        (out_dir / table / part_name(partition)).is_file() for table in TABLES
    )
