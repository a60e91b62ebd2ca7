"""Flatten one cluster's ``Comparison`` into rows of the fixed batch tables, and their Parquet schemas."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from desktop.core import collector
from desktop.core.model import Comparison
from desktop.export import document_text, to_dict

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


def comparison_rows(
    cluster: str, comparison: Comparison, corpus_ids: dict[str, str], outlets: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table; ``corpus_ids``/``outlets`` map the comparison's letters back to the corpus.

    Every row is a record of the JSON document (``desktop.core.records``) with the cluster and the corpus's names
    beside it, and the ``comparisons`` table holds that document as text: one mapping for all of them.
    """
    with collector.paused():  # the records stay alive until written: nothing for the collector to find
        return _rows(cluster, to_dict(comparison), corpus_ids, outlets)


def _rows(
    cluster: str, document: dict[str, Any], corpus_ids: dict[str, str], outlets: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for article in document["articles"]:
        letter = article["id"]
        corpus = {"cluster": cluster, "article": letter, "article_id": corpus_ids[letter], "outlet": outlets[letter]}
        rows["sentences"].extend(corpus | sentence for sentence in article["sentences"])
        rows["summary"].append(
            corpus | {"title": article["title"], "language": article["language"]} | document["summary"][letter]
        )
    rows["groups"] = [
        {
            "cluster": cluster,
            "group": group["id"],
            "similarity": group["similarity"],
            "status": group["status"],
            "members": json.dumps(group["members"]),
        }
        for group in document["alignments"]
    ]
    rows["facts"] = [
        {
            "cluster": cluster,
            "outlet": outlets[fact["article"]],
            "missing_outlets": [outlets[m] for m in fact["missing_from"]],
        }
        | fact
        for fact in document["facts"]
    ]
    rows["comparisons"].append({"cluster": cluster, "comparison": document_text(document)})
    return rows
