"""One open library database as the store and its parts share it: the write transaction, the error that names the
file (no ``sqlite3`` error leaves the library), and reading one comparison's row.

``LibraryStore`` builds one ``Connection`` over the ``sqlite_utils.Database`` it is given and hands it to the parts
it exposes (``notes``, ``articles``), so each part holds its own SQL and all of them write the same way.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

import sqlite_utils

from desktop.library.schema import LibraryError

# Long enough for another process to finish saving a large comparison; short enough that a stuck lock
# surfaces as an error instead of a frozen window.
BUSY_TIMEOUT_SECONDS = 30.0


class UnknownComparison(LookupError):
    def __init__(self, comparison_id: int) -> None:
        super().__init__(f"no comparison with id {comparison_id} in the library")
        self.comparison_id = comparison_id


def now() -> str:
    """When a row is written, in UTC to the microsecond (the list sorts saves made in the same second)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Connection:
    def __init__(self, db: sqlite_utils.Database, location: str) -> None:
        """``location``: the library's file, kept for messages (asking the database for it would fail just when a
        message is needed)."""
        self.db = db
        self.location = location

    def failure(self, doing: str, error: sqlite3.Error) -> LibraryError:
        """The ``LibraryError`` for an ``sqlite3`` error met while trying to ``doing`` ("read", "save to")."""
        reason = f"could not {doing} the library: {error}"
        if doing == "save to" and not isinstance(error, sqlite3.OperationalError):
            # SQLITE_CORRUPT, e.g. in the search index a trigger writes to
            reason += f"; 'parallax library repair --db {self.location}' rebuilds a damaged search index"
        return LibraryError(self.location, reason)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Take the write lock first: a deferred transaction that later upgrades can fail with SQLITE_BUSY.

        Locked past the busy timeout, disk full, read-only file: a ``LibraryError`` naming the file, after
        rolling back, so callers show one message instead of an ``sqlite3`` traceback.
        """
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                raise
        except sqlite3.Error as error:
            raise self.failure("save to", error) from error

    def require(self, comparison_id: int) -> dict[str, Any]:
        """The comparison's row by column, or ``UnknownComparison``."""
        row = self.db.execute("SELECT * FROM comparisons WHERE id = ?", [comparison_id]).fetchone()
        if row is None:
            raise UnknownComparison(comparison_id)
        columns = [d[0] for d in self.db.execute("SELECT * FROM comparisons LIMIT 0").description]
        return dict(zip(columns, row, strict=True))


class _Connected(Protocol):
    @property
    def connection(self) -> Connection: ...


S = TypeVar("S", bound=_Connected)
P = ParamSpec("P")
R = TypeVar("R")


def sqlite_errors(doing: str) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Every ``sqlite3`` error out of the method becomes a ``LibraryError`` naming the file and what could not be
    done (``doing``: "read", "save to"), so callers catch the store's own type and nothing of SQLite's."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def guarded(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as error:
                raise self.connection.failure(doing, error) from error

        return guarded

    return decorate
