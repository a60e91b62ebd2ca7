"""Libraries written by every earlier schema version open, upgrade in place and keep their comparisons."""

import sqlite3

import pytest

from desktop.core.model import (
    Article,
    ArticleResult,
    Comparison,
    Fact,
    FactKind,
    Group,
    Note,
    Role,
    Sentence,
    Settings,
    Status,
)
from desktop.library import open_library
from desktop.library.schema import CURRENT_VERSION

# The schema as version 1 shipped it, written out literally so later edits to the migrations cannot change it.
V1_SQL = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00+00:00');
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', created TEXT NOT NULL,
    updated TEXT NOT NULL, settings TEXT NOT NULL, engine_version TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
CREATE INDEX comparisons_updated ON comparisons (updated);
CREATE TABLE comparison_articles (
    comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE, position INTEGER NOT NULL,
    label TEXT NOT NULL, article_id INTEGER NOT NULL REFERENCES articles (id), path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '', summary TEXT,
    PRIMARY KEY (comparison_id, label), UNIQUE (comparison_id, position));
CREATE INDEX comparison_articles_article ON comparison_articles (article_id);
CREATE TABLE sentences (
    comparison_id INTEGER NOT NULL, article TEXT NOT NULL, number INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, text TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,
    commentary INTEGER NOT NULL, cues TEXT NOT NULL DEFAULT '[]', group_number INTEGER,
    PRIMARY KEY (comparison_id, article, number),
    FOREIGN KEY (comparison_id, article) REFERENCES comparison_articles (comparison_id, label) ON DELETE CASCADE);
CREATE TABLE alignment_groups (
    comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE, number INTEGER NOT NULL,
    similarity REAL NOT NULL, status TEXT NOT NULL, diffs TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (comparison_id, number));
CREATE TABLE group_members (
    comparison_id INTEGER NOT NULL, group_number INTEGER NOT NULL, article TEXT NOT NULL,
    sentence_number INTEGER NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (comparison_id, group_number, position),
    FOREIGN KEY (comparison_id, group_number) REFERENCES alignment_groups (comparison_id, number) ON DELETE CASCADE);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY, comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, article TEXT NOT NULL,
    sentence_number INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    missing_from TEXT NOT NULL DEFAULT '[]', UNIQUE (comparison_id, position));
CREATE INDEX facts_text ON facts (text);

INSERT INTO articles VALUES
    (1, '2f37326c7e89e198f17e72209bb0e5d93ec8be4b29ac911fb05baf79a26c9ab3',
        'a.txt', '', 'Daily A', '', 'en', 'Jane Northwood spoke. Rain fell.', '2026-01-01'),
    (2, '5a4b716e846f76b59a4185659bb9b6a65e713ff932c300baad5340b17028dbd5',
        'b.txt', '', 'Herald B', '', 'en', 'Someone spoke.', '2026-01-01');
INSERT INTO comparisons VALUES (1, 'Speech', 'Old title', '2026-01-01', '2026-01-02',
    '{"threshold": 0.6, "ignore_case": true, "ignore_punctuation": true, "reference": "A", "presegmented": false}',
    '0.0.9', 'saved by version 1');
INSERT INTO comparison_articles VALUES
    (1, 0, 'A', 1, 'a.txt', '', 'Daily A', '', 'en', NULL),
    (1, 1, 'B', 2, 'b.txt', '', 'Herald B', '', 'en', NULL);
INSERT INTO sentences VALUES
    (1, 'A', 0, 0, 21, 'Jane Northwood spoke.', 'body', 'reworded', 0, '[]', 0),
    (1, 'A', 1, 22, 32, 'Rain fell.', 'body', 'unique', 0, '[]', NULL),
    (1, 'B', 0, 0, 14, 'Someone spoke.', 'body', 'reworded', 0, '[]', 0);
INSERT INTO alignment_groups VALUES (1, 0, 0.7, 'reworded', '[]');
INSERT INTO group_members VALUES (1, 0, 'A', 0, 0), (1, 0, 'B', 0, 1);
INSERT INTO facts VALUES (1, 1, 0, 'Jane Northwood', 'name', 'A', 0, 0, 14, '["B"]');
"""

V2_SQL = (
    V1_SQL
    + """
INSERT INTO schema_version VALUES (2, '2026-02-01T00:00:00+00:00');
CREATE TABLE notes (
    id INTEGER PRIMARY KEY, comparison_id INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
    article TEXT, sentence_number INTEGER, group_number INTEGER, text TEXT NOT NULL, updated TEXT NOT NULL,
    CHECK ((article IS NOT NULL AND sentence_number IS NOT NULL AND group_number IS NULL)
        OR (article IS NULL AND sentence_number IS NULL AND group_number IS NOT NULL)));
CREATE INDEX notes_comparison ON notes (comparison_id);
CREATE TABLE fact_absences (
    fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE, comparison_id INTEGER NOT NULL,
    article TEXT NOT NULL, outlet TEXT NOT NULL DEFAULT '', PRIMARY KEY (fact_id, article));
CREATE INDEX fact_absences_comparison ON fact_absences (comparison_id);
CREATE INDEX fact_absences_outlet ON fact_absences (outlet);
INSERT INTO fact_absences VALUES (1, 1, 'B', 'Herald B');
INSERT INTO notes VALUES (1, 1, NULL, NULL, 0, 'false match', '2026-02-01');
"""
)

EXPECTED = Comparison(
    settings=Settings(threshold=0.6),
    articles=(
        ArticleResult(
            Article("A", "a.txt", "Jane Northwood spoke. Rain fell.", source="Daily A", language="en"),
            (
                Sentence(0, 0, 21, "Jane Northwood spoke.", Role.BODY, Status.REWORDED, group=0),
                Sentence(1, 22, 32, "Rain fell.", Role.BODY, Status.UNIQUE),
            ),
        ),
        ArticleResult(
            Article("B", "b.txt", "Someone spoke.", source="Herald B", language="en"),
            (Sentence(0, 0, 14, "Someone spoke.", Role.BODY, Status.REWORDED, group=0),),
        ),
    ),
    groups=(Group(0, {"A": (0,), "B": (0,)}, 0.7, Status.REWORDED),),
    facts=(Fact("Jane Northwood", FactKind.NAME, "A", 0, 0, 14, ("B",)),),
    summary={},
    title="Old title",
)


@pytest.mark.parametrize("version, sql", [(1, V1_SQL), (2, V2_SQL)])
def test_earlier_library_upgrades_and_keeps_its_comparison(tmp_path, version, sql):
    path = tmp_path / f"v{version}.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(sql)
    conn.close()

    store = open_library(path)

    assert [row[0] for row in store.db.execute("SELECT version FROM schema_version ORDER BY version")] == list(
        range(1, CURRENT_VERSION + 1)
    )
    assert store.load(1) == EXPECTED
    assert store.engine_version(1) == "0.0.9"
    assert store.db.execute("SELECT article, outlet FROM fact_absences WHERE fact_id = 1").fetchall() == [
        ("B", "Herald B")
    ]
    assert [i.id for i in store.search("Rain")] == [1]  # full-text index built over the rows already there
    assert [i.id for i in store.search("Speech")] == [1]
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_upgraded_v1_library_accepts_new_saves_and_notes(tmp_path):
    path = tmp_path / "v1.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SQL)
    conn.close()
    store = open_library(path)
    store.notes.set(1, "confirmed omission", article="B", sentence=0)
    new = store.save(EXPECTED, "Again")
    assert store.load(new) == EXPECTED
    assert len(store.articles.list()) == 2  # the texts saved by version 1 are reused, not stored again


def test_v2_notes_are_kept_through_the_upgrade(tmp_path):
    path = tmp_path / "v2.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(V2_SQL)
    conn.close()
    assert open_library(path).notes.of(1) == (Note("saved by version 1"), Note("false match", group=0))


def test_opening_a_current_library_twice_applies_nothing_again(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path).db.close()
    store = open_library(path)
    assert store.db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == CURRENT_VERSION
