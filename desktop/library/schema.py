"""The library database's schema: what counts as a library file, its versions, and forward migrations.

A fresh library is built by applying every migration to an empty file, so the code that upgrades an old
library is the same code that creates a new one and is exercised by every test that opens a library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """A library file that cannot be used. ``str(error)`` names the file and says what is wrong."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _v1_results(db: sqlite_utils.Database) -> None:
    """Articles, comparisons and their results as readable tables."""
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the text: importing the same text again reuses the row
            path TEXT NOT NULL DEFAULT '',       -- file path or URL it was first imported from
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',     -- the outlet
            published TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE comparisons (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            settings TEXT NOT NULL,              -- JSON of desktop.core.model.Settings
            engine_version TEXT NOT NULL,        -- desktop.__version__ that aligned it
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX comparisons_updated ON comparisons (updated);
        -- The articles of one comparison in order, as that comparison loaded them (a file may have moved since).
        CREATE TABLE comparison_articles (
            comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL,                 -- the article's id inside the comparison: A, B, C …
            article_id INTEGER NOT NULL REFERENCES articles (id),
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            summary TEXT,                        -- JSON of ArticleSummary, NULL when the comparison has none
            PRIMARY KEY (comparison_id, label),
            UNIQUE (comparison_id, position)
        );
        CREATE INDEX comparison_articles_article ON comparison_articles (article_id);
        CREATE TABLE sentences (
            comparison_id INTEGER NOT NULL,
            article TEXT NOT NULL,               -- label, as in comparison_articles
            number INTEGER NOT NULL,             -- index of the sentence in its article
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            role TEXT NOT NULL,                  -- title | body | boilerplate
            status TEXT NOT NULL,                -- identical | reworded | unique
            commentary INTEGER NOT NULL,         -- 1 when it carries opinion language
            cues TEXT NOT NULL DEFAULT '[]',     -- JSON list of the commentary cue words
            group_number INTEGER,                -- alignment_groups.number, NULL when unique
            PRIMARY KEY (comparison_id, article, number),
            FOREIGN KEY (comparison_id, article) REFERENCES comparison_articles (comparison_id, label) ON DELETE CASCADE
        );
        CREATE TABLE alignment_groups (
            comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            similarity REAL NOT NULL,
            status TEXT NOT NULL,
            diffs TEXT NOT NULL DEFAULT '[]',    -- JSON: [{"from", "to", "ops": [[op, text], …]}, …]
            PRIMARY KEY (comparison_id, number)
        );
        CREATE TABLE group_members (
            comparison_id INTEGER NOT NULL,
            group_number INTEGER NOT NULL,
            article TEXT NOT NULL,
            sentence_number INTEGER NOT NULL,
            position INTEGER NOT NULL,           -- order of the members as the aligner gave them
            PRIMARY KEY (comparison_id, group_number, position),
            FOREIGN KEY (comparison_id, group_number)
                REFERENCES alignment_groups (comparison_id, number) ON DELETE CASCADE
        );
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,                  -- name | number | date | quote | term
            article TEXT NOT NULL,               -- label of the article that has it
            sentence_number INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            missing_from TEXT NOT NULL DEFAULT '[]',  -- JSON list of labels of the articles that lack it
            UNIQUE (comparison_id, position)
        );
        CREATE INDEX facts_text ON facts (text);
        """
    )


def _v2_notes_and_absences(db: sqlite_utils.Database) -> None:
    """User notes on sentences and groups; one row per (fact, article that lacks it) so omissions are joinable."""
    db.executescript(
        """
        -- Notes point at a sentence or group by number, not by foreign key, so they survive a re-alignment.
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            article TEXT,                        -- with sentence_number: a note on that sentence
            sentence_number INTEGER,
            group_number INTEGER,                -- a note on that alignment group
            text TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK ((article IS NOT NULL AND sentence_number IS NOT NULL AND group_number IS NULL)
                OR (article IS NULL AND sentence_number IS NULL AND group_number IS NOT NULL))
        );
        CREATE INDEX notes_comparison ON notes (comparison_id);
        CREATE TABLE fact_absences (
            fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
            comparison_id INTEGER NOT NULL,
            article TEXT NOT NULL,               -- label of the article that lacks the fact
            outlet TEXT NOT NULL DEFAULT '',     -- that article's source (or title, or path)
            PRIMARY KEY (fact_id, article)
        );
        CREATE INDEX fact_absences_comparison ON fact_absences (comparison_id);
        CREATE INDEX fact_absences_outlet ON fact_absences (outlet);
        INSERT INTO fact_absences (fact_id, comparison_id, article, outlet)
            SELECT f.id, f.comparison_id, missing.value,
                   COALESCE(NULLIF(ca.source, ''), NULLIF(ca.title, ''), ca.path, '')
            FROM facts AS f, json_each(f.missing_from) AS missing
            LEFT JOIN comparison_articles AS ca
                ON ca.comparison_id = f.comparison_id AND ca.label = missing.value;
        """
    )


def _v3_full_text_search(db: sqlite_utils.Database) -> None:
    """FTS5 over article titles and text and comparison names, kept current by triggers."""
    db.table("articles").enable_fts(["title", "text"], create_triggers=True)
    db.table("comparisons").enable_fts(["name"], create_triggers=True)


def _v4_match_evidence(db: sqlite_utils.Database) -> None:
    """Why each group was matched (score, shared anchors, signals, partial) as the JSON's ``evidence`` object;
    NULL for groups saved before, or found by a matcher that gives none."""
    db.execute("ALTER TABLE alignment_groups ADD COLUMN evidence TEXT")


def _v5_sentence_labels(db: sqlite_utils.Database) -> None:
    """Loaded labels in each sentence (JSON list of {start, end, text, neutral}); '[]' for sentences saved
    before labels were kept apart from commentary."""
    db.execute("ALTER TABLE sentences ADD COLUMN labels TEXT NOT NULL DEFAULT '[]'")


def _v6_conflicts(db: sqlite_utils.Database) -> None:
    """Where outlets disagree: one row per (conflict, outlet's value), so "which comparisons have number
    conflicts" is a plain WHERE; comparisons saved before have none until they are re-aligned."""
    db.executescript(
        """
        CREATE TABLE conflicts (
            comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,             -- position of the conflict in the comparison
            group_number INTEGER NOT NULL,       -- alignment_groups.number of the group it is in
            kind TEXT NOT NULL,                  -- number | date | name | place | attribution | certainty
            about TEXT NOT NULL DEFAULT '',      -- the slot: what the number counts, "weekday", the office …
            position INTEGER NOT NULL,           -- order of the values inside the conflict
            article TEXT NOT NULL,               -- label of the article giving this value
            sentence_number INTEGER NOT NULL,
            value TEXT NOT NULL,                 -- the article's words ('' where it makes no such statement)
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (comparison_id, number, position)
        );
        CREATE INDEX conflicts_kind ON conflicts (kind);
        """
    )


def _v7_matched_by(db: sqlite_utils.Database) -> None:
    """The matcher that aligned each comparison, as recorded when it ran ('' for comparisons saved before)."""
    db.execute("ALTER TABLE comparisons ADD COLUMN matched_by TEXT NOT NULL DEFAULT ''")


def _v8_user_links(db: sqlite_utils.Database) -> None:
    """The user's corrections (links, unlinks, "not commentary"), as the JSON's ``user_links`` records."""
    db.execute("ALTER TABLE comparisons ADD COLUMN user_links TEXT NOT NULL DEFAULT '[]'")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1_results,
    _v2_notes_and_absences,
    _v3_full_text_search,
    _v4_match_evidence,
    _v5_sentence_labels,
    _v6_conflicts,
    _v7_matched_by,
    _v8_user_links,
)
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    """0 for an empty file; otherwise the highest migration applied."""
    if not db["schema_version"].exists():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def check_library_file(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite gets a chance to write to it."""
    if path.is_dir():
        raise LibraryError(str(path), "is a folder, not a library file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryError(str(path), f"cannot read the library: {error.strerror or error}") from error
    if header != SQLITE_HEADER:
        raise LibraryError(str(path), "not a Parallax library (the file is not an SQLite database); left untouched")


def check_library_contents(db: sqlite_utils.Database, path: str) -> None:
    """An SQLite file is a library only if it is intact and empty or ours, and not from a newer Parallax."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
        tables = set(db.table_names())
    except sqlite3.OperationalError as error:  # cannot open, locked, I/O: the file itself may be fine
        raise LibraryError(path, f"cannot read the library: {error}") from error
    except sqlite3.DatabaseError as error:  # SQLITE_CORRUPT, SQLITE_NOTADB
        raise LibraryError(path, f"the library file is damaged ({error}); left untouched") from error
    if problems != ["ok"]:
        raise LibraryError(path, f"the library file is damaged ({'; '.join(problems[:3])}); left untouched")
    if tables and "schema_version" not in tables:
        raise LibraryError(
            path, "an SQLite database, but not a Parallax library (no schema_version table); left untouched"
        )
    version = schema_version(db)
    if version > CURRENT_VERSION:
        raise LibraryError(
            path, f"made by a newer Parallax (library version {version}, this one reads up to {CURRENT_VERSION})"
        )


def migrate(db: sqlite_utils.Database) -> int:
    """Apply the missing migrations in one write transaction; returns the version reached.

    ``BEGIN IMMEDIATE`` takes the write lock before reading the version, so two processes opening an old
    library at once cannot both upgrade it.
    """
    if schema_version(db) == CURRENT_VERSION:
        return CURRENT_VERSION
    db.execute("BEGIN IMMEDIATE")
    try:
        if not db["schema_version"].exists():
            db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
        version = schema_version(db)
        for number in range(version + 1, CURRENT_VERSION + 1):
            MIGRATIONS[number - 1](db)
            db.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                [number, datetime.now(UTC).isoformat(timespec="seconds")],
            )
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
    return CURRENT_VERSION
