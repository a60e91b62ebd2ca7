"""The batch output folder: one Parquet file per table and partition, written atomically, with done markers.

A partition's files are renamed into place one by one and its marker is written last, so a retried or
killed task can only ever replace its own complete files, and ``--resume`` trusts only marked partitions.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from desktop.batch.tables import SCHEMAS, TABLES


def part_name(partition: int) -> str:
    return f"part-{partition:05d}.parquet"


def marker(out_dir: Path, partition: int) -> Path:
    return out_dir / "_done" / f"part-{partition:05d}"


def is_done(out_dir: Path, partition: int) -> bool:
    return marker(out_dir, partition).exists()


def write_partition(out_dir: Path, partition: int, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in TABLES:
        folder = out_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=folder)
        os.close(fd)
        try:
            pq.write_table(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]), tmp)
            os.replace(tmp, folder / part_name(partition))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    done = marker(out_dir, partition)
    done.parent.mkdir(parents=True, exist_ok=True)
    done.write_text("ok\n", encoding="utf-8")


def read_table(out_dir: str | Path, table: str) -> pa.Table:
    """All finished partitions of one table, in partition order."""
    out_dir = Path(out_dir)
    files = [out_dir / table / f"{done.name}.parquet" for done in sorted((out_dir / "_done").glob("part-*"))]
    if not files:
        return SCHEMAS[table].empty_table()
    return pa.concat_tables([pq.read_table(f, schema=SCHEMAS[table]) for f in files])
