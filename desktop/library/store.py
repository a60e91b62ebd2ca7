"""The comparison library: saved comparisons, their articles and notes in one SQLite file.

``LibraryStore`` takes its ``sqlite_utils.Database`` from outside (tests pass ``Database(memory=True)``);
``open_library`` is the one place that turns a path into a checked, migrated, WAL-mode connection.
Every write is one ``BEGIN IMMEDIATE`` transaction: a crash mid-save leaves the previous state, and two
processes writing at once queue on the lock instead of failing or interleaving.

The store holds the saved comparisons themselves (save, update, load, list, search, rename, duplicate, delete) and
exposes the library's two other kinds of row as parts sharing its connection: ``store.notes`` (``LibraryNotes``)
and ``store.articles`` (``LibraryArticles``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop import __version__
from desktop.core.model import Comparison, Note, Settings
from desktop.library import search_index
from desktop.library.articles import LibraryArticle, LibraryArticles
from desktop.library.connection import BUSY_TIMEOUT_SECONDS, Connection, UnknownComparison, now, sqlite_errors
from desktop.library.notes import LibraryNotes
from desktop.library.rows import (
    ARTICLES_SQL,
    CONFLICTS_SQL,
    FACTS_SQL,
    GROUPS_SQL,
    MEMBERS_SQL,
    SENTENCES_SQL,
    ResultRows,
    comparison_article_rows,
    comparison_from_rows,
    comparison_row,
    content_hash,
    result_rows,
    settings_from_json,
)
from desktop.library.schema import LibraryError, check_library_contents, check_library_file, migrate
from desktop.library.search_index import SearchIndexDamaged, fts_query, searching

__all__ = [
    "ComparisonInfo",
    "LibraryArticle",
    "LibraryError",
    "LibraryStore",
    "SearchIndexDamaged",
    "UnknownComparison",
    "open_library",
]


@dataclass(frozen=True, slots=True)
class ComparisonInfo:
    """One line of the library list: enough to show, sort and search without loading results."""

    id: int
    name: str
    title: str
    created: str
    updated: str
    engine_version: str
    outlets: tuple[str, ...]
    note: str


_INFO_SQL = """
    SELECT c.id, c.name, c.title, c.created, c.updated, c.engine_version, c.note,
           (SELECT json_group_array(COALESCE(NULLIF(ca.source, ''), NULLIF(ca.title, ''), ca.path))
              FROM (SELECT * FROM comparison_articles WHERE comparison_id = c.id ORDER BY position) AS ca) AS outlets
    FROM comparisons AS c
"""


def _info(row: Any) -> ComparisonInfo:
    return ComparisonInfo(
        id=row[0],
        name=row[1],
        title=row[2],
        created=row[3],
        updated=row[4],
        engine_version=row[5],
        note=row[6],
        outlets=tuple(json.loads(row[7])),
    )


class LibraryStore:
    """Every public method raises ``LibraryError`` (or ``UnknownComparison``, a ``LookupError``, for an id the library
    does not have) and nothing of ``sqlite3``: locked past the timeout, disk full, a read-only or damaged file."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        location = "the library file"  # until the database says which file it is
        try:
            location = _file_of(db)
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        except sqlite3.Error as error:
            raise LibraryError(location, f"cannot use the library: {error}") from error
        self.connection = Connection(db, location)
        self.notes = LibraryNotes(self.connection)
        self.articles = LibraryArticles(self.connection)

    def close(self) -> None:
        """Close the connection (a worker's own store, when its job is done)."""
        self.db.close()

    # -- the search index ---------------------------------------------------------------------------

    @sqlite_errors("read")
    def search_index_problem(self) -> str:
        """What is wrong with the full-text index ('' if nothing); see ``search_index.problem``."""
        return search_index.problem(self.db, busy_timeout_ms=int(BUSY_TIMEOUT_SECONDS * 1000))

    @sqlite_errors("save to")
    def repair_search_index(self) -> None:
        """Rebuild the full-text indexes from the tables; see ``search_index.rebuild``."""
        with self.connection.writing():
            search_index.rebuild(self.db)

    def location(self) -> str:
        """The library's file, for messages (``:memory:`` for an in-memory library)."""
        return self.connection.location

    # -- comparisons ----------------------------------------------------------------------------------

    @sqlite_errors("read")
    def counts(self) -> tuple[int, int]:
        """How many articles and comparisons the library holds."""
        articles = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        comparisons = self.db.execute("SELECT COUNT(*) FROM comparisons").fetchone()[0]
        return int(articles), int(comparisons)

    @sqlite_errors("save to")
    def save(
        self, comparison: Comparison, name: str, notes: Sequence[Note] = (), rows: ResultRows | None = None
    ) -> int:
        """Store a new comparison with its articles and notes; returns its id. ``rows``: ``result_rows(comparison)``
        if laid out already."""
        return self._insert(comparison, name, notes, engine_version=__version__, created=None, rows=rows)

    def _insert(
        self,
        comparison: Comparison,
        name: str,
        notes: Sequence[Note],
        engine_version: str,
        created: str | None,
        rows: ResultRows | None = None,
    ) -> int:
        when = now()
        row = {"name": name, "created": created or when, "updated": when, "engine_version": engine_version}
        row |= comparison_row(comparison)
        with self.connection.writing():
            cursor = self.db.execute(
                f"INSERT INTO comparisons ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})", row
            )
            comparison_id = int(cursor.lastrowid or 0)
            self._write_results(comparison_id, comparison, when, rows)
            for note in notes:
                self.notes.write(comparison_id, note, when)
        return comparison_id

    @sqlite_errors("save to")
    def update(
        self,
        comparison_id: int,
        comparison: Comparison,
        engine_version: str = __version__,
        rows: ResultRows | None = None,
    ) -> None:
        """Replace a saved comparison's results (autosave, re-align); name and notes stay. ``rows`` as in ``save``."""
        when = now()
        row = {"updated": when, "engine_version": engine_version} | comparison_row(comparison)
        with self.connection.writing():
            self.connection.require(comparison_id)
            self.db.execute(
                f"UPDATE comparisons SET {', '.join(f'{c} = :{c}' for c in row)} WHERE id = :id",
                {**row, "id": comparison_id},
            )
            self._delete_results(comparison_id)
            self._write_results(comparison_id, comparison, when, rows)

    def _delete_results(self, comparison_id: int) -> None:
        # Children first, so the delete does not lean on cascades being switched on in this connection.
        children = (
            "conflicts",
            "fact_absences",
            "facts",
            "group_members",
            "alignment_groups",
            "sentences",
            "comparison_articles",
        )
        for table in children:
            self.db.execute(f"DELETE FROM {table} WHERE comparison_id = ?", [comparison_id])

    def _write_results(self, comparison_id: int, comparison: Comparison, when: str, rows: ResultRows | None) -> None:
        article_ids = [self.articles.file(r.article, when) for r in comparison.articles]
        self._insert_rows("comparison_articles", comparison_article_rows(comparison, comparison_id, article_ids))
        rows = rows or result_rows(comparison)
        mine = {"comparison_id": str(comparison_id)}
        self._insert_rows("sentences", rows.sentences, mine)
        self._insert_rows("alignment_groups", rows.groups, mine)
        self._insert_rows("group_members", rows.members, mine)
        self._write_facts(rows, mine)
        self._insert_rows("conflicts", rows.conflicts, mine)

    def _write_facts(self, rows: ResultRows, mine: dict[str, str]) -> None:
        first = int(self.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM facts").fetchone()[0])
        self._insert_rows("facts", rows.facts, mine | {"id": f"{first} + :position"})
        self._insert_rows("fact_absences", rows.absences, mine | {"fact_id": f"{first} + :fact_id"})

    def _insert_rows(self, table: str, rows: list[dict[str, Any]], values: dict[str, str] | None = None) -> None:
        """Plain ``executemany``: the tables exist with their types, so sqlite-utils' column inference is not needed.
        ``values``: columns whose value is this SQL expression (built here from integers only) instead of the row's
        own, which it may use."""
        if not rows:
            return
        values = values or {}
        columns = list(dict.fromkeys([*values, *rows[0]]))
        expressions = ", ".join(values.get(c, ":" + c) for c in columns)
        self.db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({expressions})", rows)

    @sqlite_errors("read")
    def load(self, comparison_id: int) -> Comparison:
        """The saved result as it was, without re-aligning.

        One read transaction, so a save by another process is seen whole or not at all. Rows come as plain tuples
        whose columns the queries name after the records' keys (``rows``); building a dict per row through
        ``db.query`` was half the load time.
        """
        cursor = self.db.conn.cursor()
        self.db.execute("BEGIN")
        try:
            row = self.connection.require(comparison_id)
            args = [comparison_id]

            def rows(sql: str) -> list[Any]:
                return cursor.execute(sql, args).fetchall()

            return comparison_from_rows(
                row,
                rows(ARTICLES_SQL),
                rows(SENTENCES_SQL),
                rows(GROUPS_SQL),
                rows(MEMBERS_SQL),
                rows(FACTS_SQL),
                rows(CONFLICTS_SQL),
            )
        finally:
            self.db.rollback()

    @sqlite_errors("read")
    def info(self, comparison_id: int) -> ComparisonInfo:
        row = self.db.execute(_INFO_SQL + " WHERE c.id = ?", [comparison_id]).fetchone()
        if row is None:
            raise UnknownComparison(comparison_id)
        return _info(row)

    @sqlite_errors("read")
    def list(self, limit: int | None = None) -> tuple[ComparisonInfo, ...]:
        """Most recently changed first; ``limit`` for a File ▸ Recent menu or a start page."""
        sql = _INFO_SQL + " ORDER BY c.updated DESC, c.id DESC LIMIT ?"
        return tuple(_info(row) for row in self.db.execute(sql, [-1 if limit is None else limit]))

    @sqlite_errors("read")
    def search(self, query: str) -> tuple[ComparisonInfo, ...]:
        """Comparisons whose name matches, or that contain an article whose title or text matches."""
        match = fts_query(query)
        if not match:
            return self.list()
        with searching(self.connection.location):
            rows = self.db.execute(
                _INFO_SQL
                + """
                WHERE c.id IN (SELECT rowid FROM comparisons_fts WHERE comparisons_fts MATCH :q)
                   OR c.id IN (SELECT ca.comparison_id FROM comparison_articles AS ca
                               WHERE ca.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q))
                ORDER BY c.updated DESC, c.id DESC
                """,
                {"q": match},
            ).fetchall()
        return tuple(_info(row) for row in rows)

    @sqlite_errors("read")
    def same_articles(self, comparison: Comparison) -> int | None:
        """The most recently changed saved comparison of exactly these article texts in this order, if any."""
        wanted = ",".join(content_hash(r.article.text) for r in comparison.articles)
        row = self.db.execute(
            "SELECT c.id FROM comparisons AS c WHERE ? = (SELECT group_concat(h, ',') FROM ("
            "  SELECT a.content_hash AS h FROM comparison_articles AS ca JOIN articles AS a ON a.id = ca.article_id"
            "  WHERE ca.comparison_id = c.id ORDER BY ca.position)) ORDER BY c.updated DESC, c.id DESC LIMIT 1",
            [wanted],
        ).fetchone()
        return int(row[0]) if row is not None else None

    @sqlite_errors("read")
    def comparison_settings(self, comparison_id: int) -> Settings:
        return settings_from_json(self.connection.require(comparison_id)["settings"])

    @sqlite_errors("read")
    def engine_version(self, comparison_id: int) -> str:
        return str(self.connection.require(comparison_id)["engine_version"])

    @sqlite_errors("read")
    def realign_reason(
        self, comparison_id: int, settings: Settings | None = None, engine_version: str = __version__
    ) -> str:
        """Why a saved result may differ from aligning again now ('' if it would not): for the reopen prompt.

        ``settings`` are the ones the user would re-align with; ``None`` keeps the saved ones.
        """
        saved = self.connection.require(comparison_id)
        reasons = []
        if saved["engine_version"] != engine_version:
            reasons.append(f"aligned by Parallax {saved['engine_version']}, this is {engine_version}")
        if settings is not None:
            old = settings_from_json(saved["settings"])
            changed = [
                f"{name} {getattr(old, name)!r} → {getattr(settings, name)!r}"
                for name in Settings.__dataclass_fields__
                if getattr(old, name) != getattr(settings, name)
            ]
            if changed:
                reasons.append("settings changed: " + ", ".join(changed))
        return "; ".join(reasons)

    @sqlite_errors("save to")
    def rename(self, comparison_id: int, name: str) -> None:
        with self.connection.writing():
            self.connection.require(comparison_id)
            self.db.execute("UPDATE comparisons SET name = ?, updated = ? WHERE id = ?", [name, now(), comparison_id])

    @sqlite_errors("save to")
    def duplicate(self, comparison_id: int, name: str | None = None) -> int:
        """A copy with its notes; it keeps the original's engine version, since its results are the original's."""
        source = self.info(comparison_id)
        comparison = self.load(comparison_id)
        return self._insert(
            comparison,
            name if name is not None else f"{source.name} (copy)",
            self.notes.of(comparison_id),
            engine_version=source.engine_version,
            created=None,
        )

    @sqlite_errors("save to")
    def delete(self, comparison_id: int) -> None:
        """Removes the comparison, its results and notes; its articles stay in the library for reuse."""
        with self.connection.writing():
            self.connection.require(comparison_id)
            self._delete_results(comparison_id)
            self.notes.delete_all(comparison_id)
            self.db.execute("DELETE FROM comparisons WHERE id = ?", [comparison_id])


def _file_of(db: sqlite_utils.Database) -> str:
    for _seq, name, file in db.execute("PRAGMA database_list"):
        if name == "main":
            return str(file) or ":memory:"
    return ":memory:"


def open_library(path: str | os.PathLike[str], *, check_search_index: bool = True) -> LibraryStore:
    """Open (creating if needed) the library at ``path``; anything that is not one raises ``LibraryError``.

    The file is checked before anything is written, so a damaged or foreign file is left byte for byte as found.
    A damaged full-text index raises ``SearchIndexDamaged`` (before a save could write into it) unless
    ``check_search_index`` is off, as for ``parallax library repair``, which rebuilds it.
    """
    target = Path(path)
    check_library_file(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_SECONDS)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(str(target), f"cannot open the library: {error}") from error
    try:
        db = sqlite_utils.Database(conn)
        check_library_contents(db, str(target))
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
        store = LibraryStore(db)
        if check_search_index:
            problem = store.search_index_problem()
            if problem:
                raise SearchIndexDamaged(str(target), problem)
        return store
    except LibraryError:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        raise LibraryError(str(target), f"cannot use the library: {error}") from error
