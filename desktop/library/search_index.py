"""The library's full-text indexes (FTS5 over article titles and texts and comparison names): checking them and
rebuilding them from the tables, and the error that names a damaged one.

They are derived data, kept current by triggers: rebuilding them loses nothing. PRAGMA quick_check cannot see inside
FTS5, so a damaged index is found by FTS5's own integrity check, on open and whenever a search meets it.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from desktop.library.schema import LibraryError

# The full-text indexes (FTS5, external content) and the table each indexes, with the columns. They are derived
# data: rebuilding them from the tables loses nothing.
INDEXES = {"articles_fts": ("articles", ("title", "text")), "comparisons_fts": ("comparisons", ("name",))}
_FTS_SHADOW_TABLES = (
    "CREATE TABLE IF NOT EXISTS '{t}_data'(id INTEGER PRIMARY KEY, block BLOB)",
    "CREATE TABLE IF NOT EXISTS '{t}_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS '{t}_docsize'(id INTEGER PRIMARY KEY, sz BLOB)",
    "CREATE TABLE IF NOT EXISTS '{t}_config'(k PRIMARY KEY, v) WITHOUT ROWID",
)


class SearchIndexDamaged(LibraryError):
    """The comparisons are intact but the full-text index is not: ``parallax library repair`` rebuilds it."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            path,
            f"the library's search index is damaged ({detail}); your comparisons are intact: "
            f"run 'parallax library repair --db {shlex.quote(path)}' to rebuild the index",
        )


def fts_query(text: str) -> str:
    """Every word must match; the last may be a prefix so search-as-you-type finds ``Northw``."""
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@contextmanager
def searching(location: str) -> Iterator[None]:
    """An index damaged after the library was opened: ``SearchIndexDamaged`` instead of an sqlite3 error."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "vtable" in str(error):
            raise SearchIndexDamaged(location, str(error)) from error
        raise
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a closed connection, a bad call: nothing wrong with the index
    except sqlite3.DatabaseError as error:
        raise SearchIndexDamaged(location, str(error)) from error


def problem(db: sqlite_utils.Database, busy_timeout_ms: int) -> str:
    """What is wrong with the full-text index ('' if nothing): FTS5's own integrity check, which also compares
    the index with the tables. It reads the whole index: about 0.05 s for 600 news articles, 0.4 s for 3,000 long
    ones. A lock held by another writer skips the check; ``busy_timeout_ms`` is the connection's wait, restored after.
    """
    problems = []
    # The check is an INSERT, so it takes the write lock: while another process saves, skip rather than wait.
    db.execute("PRAGMA busy_timeout = 0")
    with db.ensure_autocommit_on():
        for index in INDEXES:
            try:
                db.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    continue  # another process is saving; its own open checked, and the next one will
                problems.append(f"{index}: {error}")
            except sqlite3.DatabaseError as error:
                problems.append(f"{index}: {error}")
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    return "; ".join(problems)


def rebuild(db: sqlite_utils.Database) -> None:
    """Rebuild the full-text indexes from the tables, inside the caller's write transaction. When FTS5 cannot even
    open an index (its structure record or a shadow table is gone), its shadow tables are emptied and re-created
    first; the triggers that keep it current are re-created if they were dropped."""
    for index, (table, columns) in INDEXES.items():
        if not db[index].exists():
            db.table(table).enable_fts(list(columns), create_triggers=True, replace=True)
            continue
        try:
            db.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
        except sqlite3.DatabaseError:
            for statement in _FTS_SHADOW_TABLES:
                db.execute(statement.format(t=index))
            for shadow in ("data", "idx", "docsize"):
                db.execute(f"DELETE FROM '{index}_{shadow}'")
            db.execute(f"INSERT OR REPLACE INTO '{index}_config' (k, v) VALUES ('version', 4)")
            # An empty index: no averages record (id 1), an empty structure record (id 10).
            db.execute(f"INSERT INTO '{index}_data' (id, block) VALUES (1, X''), (10, X'00000000000000')")
            db.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
        present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        if not {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= present:
            _create_triggers(db, index, table, columns)


def _create_triggers(db: sqlite_utils.Database, index: str, table: str, columns: tuple[str, ...]) -> None:
    """The triggers sqlite-utils' ``enable_fts(create_triggers=True)`` writes, for the ones that are gone."""
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    insert = f'INSERT INTO "{index}" (rowid, {names}) VALUES (new.rowid, {new});'
    delete = f'INSERT INTO "{index}" ("{index}", rowid, {names}) VALUES(\'delete\', old.rowid, {old});'
    bodies = {"ai": ("INSERT", insert), "ad": ("DELETE", delete), "au": ("UPDATE", delete + "\n  " + insert)}
    for suffix, (event, body) in bodies.items():
        db.execute(f'CREATE TRIGGER IF NOT EXISTS "{table}_{suffix}" AFTER {event} ON "{table}" BEGIN\n  {body}\nEND')
