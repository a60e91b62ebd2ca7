"""Sentence vectors kept on disk between runs, so comparing the same articles again costs no encoding, and the
encoder (``disk_encoder``) that reads and fills them.

A ``VectorStore`` (see ``embeddings``) over one SQLite file in the user's cache folder (``platformdirs``): rows
keyed by model version and the sentence's digest (``embeddings.text_key``), never the sentence itself, so the
cache holds no article text. The cache is a convenience: any failure to open, read or write it (a read-only
home, a full disk, a damaged file) is swallowed and the encoder simply runs, and a damaged file is replaced.
``PARALLAX_VECTOR_CACHE=off`` turns it off; ``PARALLAX_VECTOR_CACHE=PATH`` moves it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from desktop.core.align.embeddings import DIMENSIONS, Encoder, Vectors

FILE_NAME = "sentence-vectors.sqlite3"
MAX_ROWS = 200_000  # ~400 MB of float32 vectors at most; the oldest rows go first (fewer kept after replacements)
_CHUNK = 500  # keys per SELECT (SQLite's variable limit is 32,766; smaller chunks keep statements short)


def default_path() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    setting = os.environ.get("PARALLAX_VECTOR_CACHE", "")
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    if setting:
        return Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("parallax", appauthor=False)) / FILE_NAME


class DiskVectorStore:
    """Vectors by (model, key) in SQLite; thread-safe, and silent about its own failures."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._broken = False

    def _open(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        for attempt in range(2):
            if self._connection is not None:
                break
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, check_same_thread=False, timeout=2.0)
            except (OSError, sqlite3.Error):
                self._broken = True
                return None
            try:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vector BLOB, PRIMARY KEY (model, key))"
                )
                # No flush to the disk at every write: a batch job writes once per cluster, and waiting for the
                # disk was a fifth of its time (1,500 clusters: 47 s with 35 s of CPU). A file damaged by a
                # power cut is replaced like any other damaged cache; the vectors are only ever a shortcut.
                connection.execute("PRAGMA synchronous = OFF")
                self._connection = connection
            except sqlite3.Error:  # not a database, or damaged: start a new file once
                connection.close()
                if attempt or not self._remove():
                    self._broken = True
                    return None
        return self._connection

    def _remove(self) -> bool:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            return False
        return True

    def get_vectors(self, model: str, keys: Sequence[str]) -> Mapping[str, Vectors]:
        found: dict[str, Vectors] = {}
        with self._lock:
            connection = self._open()
            if connection is None:
                return found
            try:
                for start in range(0, len(keys), _CHUNK):
                    chunk = list(keys[start : start + _CHUNK])
                    marks = ",".join("?" * len(chunk))
                    rows = connection.execute(
                        f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})", [model, *chunk]
                    )
                    for key, blob in rows:
                        vector = np.frombuffer(blob, np.float32)
                        if vector.shape == (DIMENSIONS,):
                            found[key] = vector
            except sqlite3.OperationalError:
                pass  # busy (another process writes), or the disk: this run encodes instead
            except sqlite3.Error:
                self._reset()
        return found

    def put_vectors(self, model: str, vectors: Mapping[str, Vectors]) -> None:
        with self._lock:
            connection = self._open()
            if connection is None:
                return
            try:
                with connection:
                    connection.executemany(
                        "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?, ?, ?)",
                        [(model, key, np.asarray(v, np.float32).tobytes()) for key, v in vectors.items()],
                    )
                    # Rows are numbered in the order written (a replaced row gets a new number), so the rows more
                    # than MAX_ROWS numbers behind the newest are the oldest: a range delete on the rowid. Counting
                    # back MAX_ROWS rows with OFFSET walked the whole table on every write (0.1 s at 30,000 rows,
                    # once per batch cluster and per app comparison).
                    connection.execute(
                        "DELETE FROM vectors WHERE rowid <= (SELECT max(rowid) FROM vectors) - ?", (MAX_ROWS,)
                    )
            except sqlite3.OperationalError:
                pass  # busy or full: the vectors are simply not kept this time
            except sqlite3.Error:
                self._reset()

    def _reset(self) -> None:
        """A damaged cache file is set aside for a fresh one on the next use; if that fails, no cache."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if not self._remove():
            self._broken = True


def disk_encoder() -> Encoder:
    """An encoder in front of the on-disk cache (``default_path``), which keeps vectors between runs; without a
    cache folder (turned off) an encoder that keeps them in memory only."""
    path = default_path()
    return Encoder(store=DiskVectorStore(path) if path is not None else None)
