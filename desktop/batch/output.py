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

from desktop.batch.layout import TABLES, marker, part_name
from desktop.batch.tables import SCHEMAS


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


class OutputReadError(Exception):
    """A partition marked finished whose file is missing or damaged; the message names it and the way out."""


def _read_part(path: Path, table: str, done: Path) -> pa.Table:
    redo = f"delete {done} and run the batch again with --resume"
    try:
        return pq.read_table(path, schema=SCHEMAS[table])
    except FileNotFoundError:
        raise OutputReadError(f"{path}: missing, though its partition is marked finished; {redo}") from None
    except (OSError, ValueError) as error:  # pyarrow.ArrowInvalid is a ValueError
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise OutputReadError(f"{path}: cannot be read ({reason[:200]}); {redo}") from None


def read_table(out_dir: str | Path, table: str) -> pa.Table:
    """All finished partitions of one table, in partition order."""
    out_dir = Path(out_dir)
    markers = sorted((out_dir / "_done").glob("part-*"))
    if not markers:
        return SCHEMAS[table].empty_table()
    return pa.concat_tables([_read_part(out_dir / table / f"{done.name}.parquet", table, done) for done in markers])
