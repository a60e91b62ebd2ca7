"""Every model class as a record and back: the plain dicts, lists and scalars the ``parallax/comparison-v1`` JSON
is made of, which the library lays out in its tables and batch mode in its Parquet tables.

One mapping per class, so a field added to the model is added here once and reaches the JSON, the library and the
batch tables together. A record's keys are the JSON contract's names (``index``, ``start``, ``group`` …); the
library renames some of them to columns (``number``, ``start_char``, ``group_number``) without touching the values.
Readers are lenient where files written by older versions lack a field: it gets the model's default.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from desktop.core.model import (
    Article,
    ArticleSummary,
    Conflict,
    ConflictKind,
    ConflictValue,
    CorrectionKind,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Label,
    MatchEvidence,
    Role,
    Sentence,
    Settings,
    Status,
    UserLink,
    WordDiff,
)

Record = dict[str, Any]

# Enum members by value through a dict: ``Role(value)`` costs several times more, 17,000 times in a large comparison.
# An unknown value still goes through the enum, so it fails as it always did (ValueError naming the value).
_ROLES = {str(m): m for m in Role}
_STATUSES = {str(m): m for m in Status}
_KINDS = {str(m): m for m in FactKind}
_OPS = {str(m): m for m in DiffOp}


def _role(value: str) -> Role:
    return _ROLES.get(value) or Role(value)


def _status(value: str) -> Status:
    return _STATUSES.get(value) or Status(value)


def _op(value: str) -> DiffOp:
    return _OPS.get(value) or DiffOp(value)


def _fact_kind(value: str) -> FactKind:
    return _KINDS.get(value) or FactKind(value)


# -- settings and the per-article summary -------------------------------------------------------------------------


def settings_record(settings: Settings) -> Record:
    return asdict(settings)


_SETTINGS_FIELDS = frozenset(f.name for f in fields(Settings))


def settings_from_record(record: Record) -> Settings:
    """Settings written by another version may have fields this one lacks; those are dropped, not fatal."""
    return Settings(**{k: v for k, v in record.items() if k in _SETTINGS_FIELDS})


def summary_record(summary: ArticleSummary) -> Record:
    return asdict(summary)


def summary_from_record(record: Record) -> ArticleSummary:
    return ArticleSummary(**record)


# -- articles and sentences ---------------------------------------------------------------------------------------


def article_record(article: Article) -> Record:
    """The article as loaded; the JSON puts its sentences after ``text``, the library keeps ``text`` once per
    distinct text in its ``articles`` table."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "language": article.language,
        "text": article.text,
    }


def article_from_record(record: Record) -> Article:
    return Article(
        id=record["id"],
        path=record.get("path", ""),
        text=record["text"],
        title=record.get("title", ""),
        source=record.get("source", ""),
        published=record.get("published") or "",
        language=record.get("language", ""),
    )


def label_record(label: Label) -> Record:
    """A loaded label: offsets in the article text, the words, the neutral alternative."""
    return {"start": label.start, "end": label.end, "text": label.text, "neutral": label.neutral}


def labels_from_records(records: object) -> tuple[Label, ...]:
    """``Label``s back from their records; anything else (a file written before labels existed) gives none."""
    if not isinstance(records, list):
        return ()
    return tuple(
        Label(int(r["start"]), int(r["end"]), str(r["text"]), str(r.get("neutral") or ""))
        for r in records
        if isinstance(r, dict)
    )


def sentence_record(sentence: Sentence) -> Record:
    return {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "role": str(sentence.role),
        "status": str(sentence.status),
        "commentary": sentence.commentary,
        "cues": list(sentence.cues),
        "group": sentence.group,
        "labels": [label_record(label) for label in sentence.labels],
    }


def sentence_from_record(record: Record) -> Sentence:
    cues = record.get("cues")
    return Sentence(
        index=record["index"],
        start=record["start"],
        end=record["end"],
        text=record["text"],
        role=_role(record["role"]),
        status=_status(record["status"]),
        commentary=bool(record.get("commentary", False)),
        cues=tuple(cues) if cues else (),
        group=record.get("group"),
        labels=labels_from_records(record.get("labels")),
    )


# -- groups -------------------------------------------------------------------------------------------------------


def word_diff_record(diff: WordDiff) -> Record:
    return {"from": diff.source, "to": diff.target, "ops": [[str(op), text] for op, text in diff.ops]}


def word_diff_from_record(record: Record) -> WordDiff:
    return WordDiff(record["from"], record["to"], tuple((_op(op), text) for op, text in record["ops"]))


def evidence_record(evidence: MatchEvidence) -> Record:
    """Why a group was matched (``partial`` also travels beside it, as the group's own field)."""
    return {
        "score": evidence.score,
        "anchors": list(evidence.anchors),
        "signals": list(evidence.signals),
        "partial": evidence.partial,
    }


def evidence_from_record(record: object, partial: bool | None = None) -> MatchEvidence | None:
    """``MatchEvidence`` back from its record; anything that is not one (an older file's null) gives None.
    ``partial`` (the group's own field) wins over the record's when given."""
    if not isinstance(record, dict):
        return None
    return MatchEvidence(
        score=float(record.get("score", 0.0)),
        anchors=tuple(str(a) for a in record.get("anchors", ())),
        signals=tuple(str(s) for s in record.get("signals", ())),
        partial=bool(record.get("partial", False)) if partial is None else partial,
    )


def group_record(group: Group) -> Record:
    return {
        "id": group.id,
        "members": {aid: list(indexes) for aid, indexes in group.members.items()},
        "similarity": group.similarity,
        "status": str(group.status),
        "diffs": [word_diff_record(d) for d in group.diffs],
        "partial": bool(group.evidence and group.evidence.partial),
        "evidence": evidence_record(group.evidence) if group.evidence else None,
    }


def group_from_record(record: Record) -> Group:
    """Without ``partial`` (the library keeps it only inside the evidence) the evidence's own flag stands."""
    partial = record.get("partial")
    return Group(
        id=record["id"],
        members={aid: tuple(indexes) for aid, indexes in record["members"].items()},
        similarity=record["similarity"],
        status=_status(record["status"]),
        diffs=tuple(word_diff_from_record(d) for d in record.get("diffs", ())),
        evidence=evidence_from_record(record.get("evidence"), None if partial is None else bool(partial)),
    )


# -- facts and conflicts ------------------------------------------------------------------------------------------


def fact_record(fact: Fact) -> Record:
    return {
        "text": fact.text,
        "kind": str(fact.kind),
        "article": fact.article,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "missing_from": list(fact.missing_from),
    }


def fact_from_record(record: Record) -> Fact:
    missing = record.get("missing_from")
    return Fact(
        text=record["text"],
        kind=_fact_kind(record["kind"]),
        article=record["article"],
        sentence=record["sentence"],
        start=record["start"],
        end=record["end"],
        missing_from=tuple(missing) if missing else (),
    )


def conflict_value_record(value: ConflictValue) -> Record:
    return {
        "article": value.article,
        "sentence": value.sentence,
        "text": value.text,
        "start": value.start,
        "end": value.end,
    }


def conflict_record(conflict: Conflict) -> Record:
    return {
        "group": conflict.group,
        "kind": str(conflict.kind),
        "about": conflict.about,
        "values": [conflict_value_record(v) for v in conflict.values],
    }


def conflict_from_record(record: Record) -> Conflict:
    values = record.get("values")
    return Conflict(
        group=int(str(record["group"])),
        kind=ConflictKind(str(record["kind"])),
        about=str(record.get("about") or ""),
        values=tuple(
            ConflictValue(str(v["article"]), int(v["sentence"]), str(v["text"]), int(v["start"]), int(v["end"]))
            for v in (values if isinstance(values, list) else ())
            if isinstance(v, dict)
        ),
    )


def conflicts_from_records(records: object) -> tuple[Conflict, ...]:
    """``Conflict``s back from their records; anything else (a file written before conflicts) gives none."""
    if not isinstance(records, list):
        return ()
    return tuple(conflict_from_record(r) for r in records if isinstance(r, dict))


# -- the user's corrections ---------------------------------------------------------------------------------------


def user_link_records(links: tuple[UserLink, ...]) -> list[Record]:
    return [{"kind": str(link.kind), "sentences": [[aid, index] for aid, index in link.sentences]} for link in links]


def user_links_from_records(records: object) -> tuple[UserLink, ...]:
    """Corrections back from their records; a record of an unknown kind (a later version's) is skipped."""
    if not isinstance(records, list):
        return ()
    known = {str(k) for k in CorrectionKind}
    found = []
    for record in records:
        if not isinstance(record, dict) or record.get("kind") not in known:
            continue
        sentences = record.get("sentences")
        found.append(
            UserLink(
                CorrectionKind(str(record["kind"])),
                tuple(
                    (str(pair[0]), int(pair[1]))
                    for pair in (sentences if isinstance(sentences, list) else ())
                    if isinstance(pair, list) and len(pair) == 2
                ),
            )
        )
    return tuple(found)
