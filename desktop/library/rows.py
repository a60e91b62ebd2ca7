"""A ``Comparison`` as rows of the library tables and back, with no database access of its own.

Kept apart from the store so the mapping can be read (and checked against ``jsonio``) field by field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol

from desktop.core.model import (
    Article,
    ArticleResult,
    ArticleSummary,
    Comparison,
    Conflict,
    ConflictKind,
    ConflictValue,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Role,
    Sentence,
    Settings,
    Status,
    WordDiff,
    evidence_from_record,
    evidence_record,
    label_record,
    labels_from_records,
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
# Enum lookups by value through a dict: ``Role(value)`` costs several times more, 17,000 times per large load.
_ROLES = {str(m): m for m in Role}
_STATUSES = {str(m): m for m in Status}
_KINDS = {str(m): m for m in FactKind}
_OPS = {str(m): m for m in DiffOp}


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def settings_json(settings: Settings) -> str:
    return dumps(asdict(settings))


def settings_from_json(text: str) -> Settings:
    """Settings saved by another version may have fields this one lacks; those are dropped, not fatal."""
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in json.loads(text).items() if k in known})


def article_row(article: Article, imported_at: str) -> Row:
    return {
        "content_hash": content_hash(article.text),
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "imported_at": imported_at,
    }


@dataclass(frozen=True, slots=True)
class ResultRows:
    """Everything one comparison writes besides its ``comparisons`` row and library articles."""

    comparison_articles: list[Row]
    sentences: list[Row]
    groups: list[Row]
    members: list[Row]
    facts: list[Row]
    absences: list[Row]
    conflicts: list[Row] = field(default_factory=list)


def result_rows(
    comparison: Comparison, comparison_id: int, article_ids: Sequence[int], first_fact_id: int
) -> ResultRows:
    """``article_ids`` are the library ids of ``comparison.articles`` in order; facts get ids from ``first_fact_id``."""
    outlets = {r.article.id: outlet_of(r.article) for r in comparison.articles}
    cid = comparison_id
    comparison_articles = []
    sentences: list[Row] = []
    for position, (result, library_id) in enumerate(zip(comparison.articles, article_ids, strict=True)):
        a = result.article
        summary = comparison.summary.get(a.id)
        comparison_articles.append(
            {
                "comparison_id": cid,
                "position": position,
                "label": a.id,
                "article_id": library_id,
                "path": a.path,
                "title": a.title,
                "source": a.source,
                "published": a.published,
                "language": a.language,
                "summary": dumps(asdict(summary)) if summary is not None else None,
            }
        )
        sentences.extend(
            {
                "comparison_id": cid,
                "article": a.id,
                "number": s.index,
                "start_char": s.start,
                "end_char": s.end,
                "text": s.text,
                "role": str(s.role),
                "status": str(s.status),
                "commentary": int(s.commentary),
                "cues": dumps(list(s.cues)) if s.cues else "[]",
                "group_number": s.group,
                "labels": dumps([label_record(label) for label in s.labels]) if s.labels else "[]",
            }
            for s in result.sentences
        )
    groups = [
        {
            "comparison_id": cid,
            "number": g.id,
            "similarity": g.similarity,
            "status": str(g.status),
            "diffs": dumps(
                [{"from": d.source, "to": d.target, "ops": [[str(op), text] for op, text in d.ops]} for d in g.diffs]
            ),
            "evidence": dumps(evidence_record(g.evidence)) if g.evidence else None,
        }
        for g in comparison.groups
    ]
    members = [
        {
            "comparison_id": cid,
            "group_number": g.id,
            "article": label,
            "sentence_number": number,
            "position": position,
        }
        for g in comparison.groups
        for position, (label, number) in enumerate(
            (label, number) for label, numbers in g.members.items() for number in numbers
        )
    ]
    facts = []
    absences: list[Row] = []
    for position, f in enumerate(comparison.facts):
        fact_id = first_fact_id + position
        facts.append(
            {
                "id": fact_id,
                "comparison_id": cid,
                "position": position,
                "text": f.text,
                "kind": str(f.kind),
                "article": f.article,
                "sentence_number": f.sentence,
                "start_char": f.start,
                "end_char": f.end,
                "missing_from": dumps(list(f.missing_from)),
            }
        )
        absences.extend(
            {"fact_id": fact_id, "comparison_id": cid, "article": label, "outlet": outlets.get(label, "")}
            for label in dict.fromkeys(f.missing_from)
        )
    return ResultRows(comparison_articles, sentences, groups, members, facts, absences, conflict_rows(comparison, cid))


def conflict_rows(comparison: Comparison, comparison_id: int) -> list[Row]:
    """One row per outlet's value of each conflict."""
    return [
        {
            "comparison_id": comparison_id,
            "number": number,
            "group_number": c.group,
            "kind": str(c.kind),
            "about": c.about,
            "position": position,
            "article": v.article,
            "sentence_number": v.sentence,
            "value": v.text,
            "start_char": v.start,
            "end_char": v.end,
        }
        for number, c in enumerate(comparison.conflicts)
        for position, v in enumerate(c.values)
    ]


def conflicts_from_rows(rows: Iterable[Named]) -> tuple[Conflict, ...]:
    """Rows ordered by number and position."""
    found: dict[int, tuple[Named, list[ConflictValue]]] = {}
    for r in rows:
        values = found.setdefault(r["number"], (r, []))[1]
        values.append(ConflictValue(r["article"], r["sentence_number"], r["value"], r["start_char"], r["end_char"]))
    return tuple(
        Conflict(first["group_number"], ConflictKind(first["kind"]), first["about"], tuple(values))
        for first, values in found.values()
    )


def comparison_from_rows(
    comparison_row: Named,
    article_rows: Iterable[Named],
    sentence_rows: Iterable[Named],
    group_rows: Iterable[Named],
    member_rows: Iterable[Named],
    fact_rows: Iterable[Named],
    conflict_rows: Iterable[Named] = (),
) -> Comparison:
    """Rows must come ordered: articles by position, sentences by number, members and facts by position."""
    sentences_by_article: dict[str, list[Sentence]] = {}
    for s in sentence_rows:
        sentences_by_article.setdefault(s["article"], []).append(
            Sentence(
                index=s["number"],
                start=s["start_char"],
                end=s["end_char"],
                text=s["text"],
                role=_ROLES[s["role"]],
                status=_STATUSES[s["status"]],
                commentary=bool(s["commentary"]),
                cues=tuple(json.loads(s["cues"])) if s["cues"] != "[]" else (),
                group=s["group_number"],
                labels=labels_from_records(json.loads(s["labels"])) if s["labels"] != "[]" else (),
            )
        )
    articles = []
    summary = {}
    for a in article_rows:
        article = Article(
            id=a["label"],
            path=a["path"],
            text=a["text"],
            title=a["title"],
            source=a["source"],
            published=a["published"],
            language=a["language"],
        )
        articles.append(ArticleResult(article, tuple(sentences_by_article.get(article.id, ()))))
        if a["summary"] is not None:
            summary[article.id] = ArticleSummary(**json.loads(a["summary"]))
    members: dict[int, dict[str, list[int]]] = {}
    for m in member_rows:
        members.setdefault(m["group_number"], {}).setdefault(m["article"], []).append(m["sentence_number"])
    groups = tuple(
        Group(
            id=g["number"],
            members={label: tuple(numbers) for label, numbers in members.get(g["number"], {}).items()},
            similarity=g["similarity"],
            status=_STATUSES[g["status"]],
            diffs=tuple(
                WordDiff(d["from"], d["to"], tuple((_OPS[op], text) for op, text in d["ops"]))
                for d in json.loads(g["diffs"])
            ),
            evidence=evidence_from_record(json.loads(g["evidence"] or "null")),
        )
        for g in group_rows
    )
    facts = tuple(
        Fact(
            text=f["text"],
            kind=_KINDS[f["kind"]],
            article=f["article"],
            sentence=f["sentence_number"],
            start=f["start_char"],
            end=f["end_char"],
            missing_from=tuple(json.loads(f["missing_from"])) if f["missing_from"] != "[]" else (),
        )
        for f in fact_rows
    )
    return Comparison(
        settings=settings_from_json(comparison_row["settings"]),
        articles=tuple(articles),
        groups=groups,
        facts=facts,
        summary=summary,
        title=comparison_row["title"],
        conflicts=conflicts_from_rows(conflict_rows),
        matched_by=comparison_row["matched_by"],
        user_links=user_links_from_records(json.loads(comparison_row["user_links"] or "[]")),
    )
