"""A ``Comparison`` as rows of the library tables and back, with no database access of its own.

A row is the model's record (``desktop.core.records``: the JSON's names and values) laid out in a table: some keys
renamed to their column (``index`` → ``number``), lists and objects held as JSON text, and the keys that say where
the row belongs (``comparison_id``, ``article``, ``position``) beside them. Reading selects the columns back under
their record names (``number AS "index"``), so the rows become records again and the records the model, through the
same mapping the JSON uses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.model import Article, ArticleResult, Comparison, Conflict, Settings
from desktop.core.records import (
    Record,
    article_from_record,
    article_record,
    conflict_from_record,
    conflict_record,
    fact_from_record,
    fact_record,
    group_from_record,
    group_record,
    sentence_from_record,
    sentence_record,
    settings_from_record,
    settings_record,
    summary_from_record,
    summary_record,
    user_link_records,
    user_links_from_records,
)

Row = dict[str, Any]


class Named(Protocol):
    """A row read by column name: a dict or an ``sqlite3.Row``."""

    def __getitem__(self, key: str, /) -> Any: ...


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_of(article: Article) -> str:
    """The name a reader knows an article by: its outlet, else its title, else where it came from."""
    return article.source or article.title or article.path


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def _to_json(value: Any) -> str | None:
    """A JSON column: NULL for None (evidence a matcher did not give), '[]' written without the encoder."""
    if value is None:
        return None
    return "[]" if value == [] else dumps(value)


def _from_json(text: str | None) -> Any:
    # Most cue and label lists are empty: '[]' is read without the parser, thousands of times in a large comparison.
    if text is None:
        return None
    return [] if text == "[]" else json.loads(text)


class Layout:
    """Where one record's keys sit in a table: ``keys`` in column order, ``renamed`` where a column has another
    name than the key, ``as_json`` the keys held as JSON text."""

    __slots__ = ("_json", "_plain", "as_json", "keys", "renamed")

    def __init__(
        self, keys: tuple[str, ...], renamed: Mapping[str, str] | None = None, as_json: frozenset[str] = frozenset()
    ) -> None:
        self.keys = keys
        self.renamed = dict(renamed or {})
        self.as_json = as_json
        # (key, column) pairs worked out once: a large comparison writes tens of thousands of rows.
        self._plain = tuple((k, self.column(k)) for k in keys if k not in as_json)
        self._json = tuple((k, self.column(k)) for k in keys if k in as_json)

    def column(self, key: str) -> str:
        return self.renamed.get(key, key)

    def row(self, record: Record, head: Row | None = None) -> Row:
        """The record's columns, after ``head`` (the columns that say where the row belongs)."""
        row = dict(head) if head else {}
        for key, column in self._plain:
            row[column] = record[key]
        for key, column in self._json:
            row[column] = _to_json(record[key])
        return row

    def select(self, table: str = "") -> str:
        """The columns under their record names, for a SELECT whose rows ``record`` reads."""
        prefix = f"{table}." if table else ""
        return ", ".join(f'{prefix}{self.column(k)} AS "{k}"' for k in self.keys)

    def record(self, values: Sequence[Any]) -> Record:
        """A row selected with ``select`` (its first ``len(keys)`` values) as the record it was written from."""
        record = dict(zip(self.keys, values, strict=False))
        for key in self.as_json:
            record[key] = _from_json(record[key])
        return record


# ``text`` is kept once per distinct text in ``articles``; a comparison's articles point at it.
ARTICLE = Layout(("id", "path", "title", "source", "published", "language"), {"id": "label"})
LIBRARY_ARTICLE = Layout(("path", "title", "source", "published", "language", "text"))
SENTENCE = Layout(
    ("index", "start", "end", "text", "role", "status", "commentary", "cues", "group", "labels"),
    {"index": "number", "start": "start_char", "end": "end_char", "group": "group_number"},
    frozenset({"cues", "labels"}),
)
# ``members`` are rows of ``group_members``; ``partial`` is kept inside the evidence.
GROUP = Layout(("id", "similarity", "status", "diffs", "evidence"), {"id": "number"}, frozenset({"diffs", "evidence"}))
FACT = Layout(
    ("text", "kind", "article", "sentence", "start", "end", "missing_from"),
    {"sentence": "sentence_number", "start": "start_char", "end": "end_char"},
    frozenset({"missing_from"}),
)
# A conflict has one row per outlet's value, so "which comparisons have number conflicts" is a plain WHERE.
CONFLICT = Layout(("group", "kind", "about"), {"group": "group_number"})
CONFLICT_VALUE = Layout(
    ("article", "sentence", "text", "start", "end"),
    {"sentence": "sentence_number", "text": "value", "start": "start_char", "end": "end_char"},
)


def settings_json(settings: Settings) -> str:
    return dumps(settings_record(settings))


def settings_from_json(text: str) -> Settings:
    return settings_from_record(json.loads(text))


def comparison_row(comparison: Comparison) -> Row:
    """The ``comparisons`` columns that come from the comparison (name, dates, engine and note are the store's)."""
    return {
        "title": comparison.title,
        "settings": settings_json(comparison.settings),
        "matched_by": comparison.matched_by,
        # Written by the standard encoder's defaults since the column was added; any JSON reads back the same.
        "user_links": json.dumps(user_link_records(comparison.user_links)),
    }


def article_row(article: Article, imported_at: str) -> Row:
    """The ``articles`` row: one per distinct text (``content_hash``), whichever comparison imported it first."""
    row = LIBRARY_ARTICLE.row(article_record(article))
    return {"content_hash": content_hash(article.text), **row, "imported_at": imported_at}


@dataclass(frozen=True, slots=True)
class ResultRows:
    """The rows of one comparison's results, laid out before they have a comparison to belong to: the app lays a
    long comparison out on its worker thread, since doing it on the save's thread while the result was being shown
    took the interpreter from the window (2 x 10,000 sentences: showing took 0.6-0.85 s instead of 0.25).

    Rows hold no ``comparison_id`` (``LibraryStore`` writes it into the statement). A fact's ``id`` is its
    ``position`` plus the first id the store hands out, and an absence's ``fact_id`` holds its fact's position
    until then. A comparison's articles are not here: their rows need the library's article ids."""

    sentences: list[Row]
    groups: list[Row]
    members: list[Row]
    facts: list[Row]
    absences: list[Row]
    conflicts: list[Row] = field(default_factory=list)


def result_rows(comparison: Comparison) -> ResultRows:
    """The comparison's result rows, their comparison and fact ids left to the store."""
    sentences: list[Row] = []
    for result in comparison.articles:
        head = {"article": result.article.id}
        sentences.extend(SENTENCE.row(sentence_record(s), head) for s in result.sentences)
    groups: list[Row] = []
    members: list[Row] = []
    for g in comparison.groups:
        record = group_record(g)
        groups.append(GROUP.row(record))
        in_order = ((label, number) for label, numbers in record["members"].items() for number in numbers)
        members.extend(
            {"group_number": g.id, "article": label, "sentence_number": number, "position": p}
            for p, (label, number) in enumerate(in_order)
        )
    outlets = {r.article.id: outlet_of(r.article) for r in comparison.articles}
    facts: list[Row] = []
    absences: list[Row] = []
    for position, f in enumerate(comparison.facts):
        facts.append(FACT.row(fact_record(f), {"position": position}))
        absences.extend(
            {"fact_id": position, "article": label, "outlet": outlets.get(label, "")}
            for label in dict.fromkeys(f.missing_from)
        )
    return ResultRows(sentences, groups, members, facts, absences, conflict_rows(comparison))


def comparison_article_rows(comparison: Comparison, comparison_id: int, article_ids: Sequence[int]) -> list[Row]:
    """``article_ids``: the library ids of ``comparison.articles``, in order."""
    rows: list[Row] = []
    for position, (result, library_id) in enumerate(zip(comparison.articles, article_ids, strict=True)):
        summary = comparison.summary.get(result.article.id)
        rows.append(
            {
                "comparison_id": comparison_id,
                "position": position,
                "article_id": library_id,
                **ARTICLE.row(article_record(result.article)),
                "summary": _to_json(summary_record(summary)) if summary is not None else None,
            }
        )
    return rows


def conflict_rows(comparison: Comparison) -> list[Row]:
    """One row per outlet's value of each conflict."""
    rows: list[Row] = []
    for number, conflict in enumerate(comparison.conflicts):
        record = conflict_record(conflict)
        head = {"number": number, **CONFLICT.row(record)}
        rows.extend(
            {**head, "position": position, **CONFLICT_VALUE.row(value)}
            for position, value in enumerate(record["values"])
        )
    return rows


# What ``comparison_from_rows`` reads, each with the comparison's id as its one parameter and in the order it needs.
ARTICLES_SQL = (
    f"SELECT {ARTICLE.select('ca')}, a.text, ca.summary FROM comparison_articles AS ca "
    "JOIN articles AS a ON a.id = ca.article_id WHERE ca.comparison_id = ? ORDER BY ca.position"
)
SENTENCES_SQL = f"SELECT {SENTENCE.select()}, article FROM sentences WHERE comparison_id = ? ORDER BY article, number"
GROUPS_SQL = f"SELECT {GROUP.select()} FROM alignment_groups WHERE comparison_id = ? ORDER BY number"
MEMBERS_SQL = (
    "SELECT group_number, article, sentence_number FROM group_members WHERE comparison_id = ? "
    "ORDER BY group_number, position"
)
FACTS_SQL = f"SELECT {FACT.select()} FROM facts WHERE comparison_id = ? ORDER BY position"
CONFLICTS_SQL = (
    f"SELECT {CONFLICT.select()}, {CONFLICT_VALUE.select()}, number FROM conflicts WHERE comparison_id = ? "
    "ORDER BY number, position"
)


def conflicts_from_rows(rows: Iterable[Sequence[Any]]) -> tuple[Conflict, ...]:
    """Rows of ``CONFLICTS_SQL``: a conflict's values are the rows that share its number."""
    found: dict[int, Record] = {}
    width = len(CONFLICT.keys)
    for row in rows:
        record = found.get(row[-1])
        if record is None:
            record = found[row[-1]] = {**CONFLICT.record(row), "values": []}
        record["values"].append(CONFLICT_VALUE.record(row[width:]))
    return tuple(conflict_from_record(r) for r in found.values())


def comparison_from_rows(
    comparison_row: Named,
    article_rows: Iterable[Sequence[Any]],
    sentence_rows: Iterable[Sequence[Any]],
    group_rows: Iterable[Sequence[Any]],
    member_rows: Iterable[Sequence[Any]],
    fact_rows: Iterable[Sequence[Any]],
    conflict_rows: Iterable[Sequence[Any]] = (),
) -> Comparison:
    """``comparison_row`` by column name; the others as selected by ``ARTICLES_SQL``, ``SENTENCES_SQL`` … ."""
    sentences_by_article: dict[str, list[Any]] = {}
    for row in sentence_rows:
        sentences_by_article.setdefault(row[-1], []).append(sentence_from_record(SENTENCE.record(row)))
    articles = []
    summary = {}
    width = len(ARTICLE.keys)
    for row in article_rows:
        article = article_from_record({**ARTICLE.record(row), "text": row[width]})
        articles.append(ArticleResult(article, tuple(sentences_by_article.get(article.id, ()))))
        if row[width + 1] is not None:
            summary[article.id] = summary_from_record(json.loads(row[width + 1]))
    members: dict[int, dict[str, list[int]]] = {}
    for number, label, sentence in member_rows:
        members.setdefault(number, {}).setdefault(label, []).append(sentence)
    groups = tuple(
        group_from_record({**record, "members": members.get(record["id"], {})})
        for record in map(GROUP.record, group_rows)
    )
    return Comparison(
        settings=settings_from_json(comparison_row["settings"]),
        articles=tuple(articles),
        groups=groups,
        facts=tuple(fact_from_record(FACT.record(row)) for row in fact_rows),
        summary=summary,
        title=comparison_row["title"],
        conflicts=conflicts_from_rows(conflict_rows),
        matched_by=comparison_row["matched_by"],
        user_links=user_links_from_records(json.loads(comparison_row["user_links"] or "[]")),
    )
