"""Flatten one cluster's ``Comparison`` into rows of the fixed batch tables, and their Parquet schemas."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from desktop.core.model import Comparison
from desktop.export import dumps

_STR, _INT, _BOOL, _FLOAT = pa.string(), pa.int64(), pa.bool_(), pa.float64()
_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "sentences": pa.schema(
        [
            ("cluster", _STR),
            ("article", _STR),
            ("article_id", _STR),
            ("outlet", _STR),
            ("index", _INT),
            ("start", _INT),
            ("end", _INT),
            ("text", _STR),
            ("role", _STR),
            ("status", _STR),
            ("commentary", _BOOL),
            ("cues", _LIST),
            ("group", _INT),
        ]
    ),
    "groups": pa.schema(
        [("cluster", _STR), ("group", _INT), ("similarity", _FLOAT), ("status", _STR), ("members", _STR)]
    ),
    "facts": pa.schema(
        [
            ("cluster", _STR),
            ("article", _STR),
            ("outlet", _STR),
            ("sentence", _INT),
            ("text", _STR),
            ("kind", _STR),
            ("start", _INT),
            ("end", _INT),
            ("missing_from", _LIST),
            ("missing_outlets", _LIST),
        ]
    ),
    "summary": pa.schema(
        [
            ("cluster", _STR),
            ("article", _STR),
            ("article_id", _STR),
            ("outlet", _STR),
            ("title", _STR),
            ("language", _STR),
            ("sentences", _INT),
            ("identical", _INT),
            ("reworded", _INT),
            ("unique", _INT),
            ("commentary", _INT),
            ("boilerplate", _INT),
            ("missing_facts", _INT),
        ]
    ),
    "comparisons": pa.schema([("cluster", _STR), ("comparison", _STR)]),
    "failures": pa.schema([("cluster", _STR), ("article_id", _STR), ("reason", _STR)]),
}
TABLES = tuple(SCHEMAS)


def comparison_rows(
    cluster: str, comparison: Comparison, corpus_ids: dict[str, str], outlets: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table; ``corpus_ids``/``outlets`` map the comparison's letters back to the corpus."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for result in comparison.articles:
        letter = result.article.id
        for s in result.sentences:
            rows["sentences"].append(
                {
                    "cluster": cluster,
                    "article": letter,
                    "article_id": corpus_ids[letter],
                    "outlet": outlets[letter],
                    "index": s.index,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "role": str(s.role),
                    "status": str(s.status),
                    "commentary": s.commentary,
                    "cues": list(s.cues),
                    "group": s.group,
                }
            )
        summary = comparison.summary[letter]
        rows["summary"].append(
            {
                "cluster": cluster,
                "article": letter,
                "article_id": corpus_ids[letter],
                "outlet": outlets[letter],
                "title": result.article.title,
                "language": result.article.language,
                "sentences": summary.sentences,
                "identical": summary.identical,
                "reworded": summary.reworded,
                "unique": summary.unique,
                "commentary": summary.commentary,
                "boilerplate": summary.boilerplate,
                "missing_facts": summary.missing_facts,
            }
        )
    for g in comparison.groups:
        rows["groups"].append(
            {
                "cluster": cluster,
                "group": g.id,
                "similarity": g.similarity,
                "status": str(g.status),
                "members": json.dumps({k: list(v) for k, v in g.members.items()}),
            }
        )
    for f in comparison.facts:
        rows["facts"].append(
            {
                "cluster": cluster,
                "article": f.article,
                "outlet": outlets[f.article],
                "sentence": f.sentence,
                "text": f.text,
                "kind": str(f.kind),
                "start": f.start,
                "end": f.end,
                "missing_from": list(f.missing_from),
                "missing_outlets": [outlets[m] for m in f.missing_from],
            }
        )
    rows["comparisons"].append({"cluster": cluster, "comparison": dumps(comparison)})
    return rows
