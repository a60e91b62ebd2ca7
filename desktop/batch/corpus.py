"""Read a corpus (JSONL, CSV or Parquet, one row per article) into clusters of articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


class CorpusError(Exception):
    """A corpus file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Which corpus column holds what; researchers' corpora name them differently."""

    cluster: str = "cluster_id"
    article: str = "article_id"
    source: str = "source"
    title: str = "title"
    text: str = "text"
    path: str = "path"


@dataclass(frozen=True, slots=True)
class SourcePolicy:
    """What a corpus row may make Parallax read: a corpus is data someone else may have written, so by
    default only files inside the corpus's own folder, and no web addresses (which could be internal ones)."""

    allow_paths_outside: bool = False
    allow_urls: bool = False


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    article_id: str
    source: str = ""
    title: str = ""
    text: str = ""
    path: str = ""  # as written in the corpus (shown in the results)
    # Set by read_corpus: the checked file to load (relative paths resolve against the corpus folder),
    # or why the path may not be read. Not part of the corpus fingerprint.
    resolved: str = ""
    refused: str = ""


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_source(article: CorpusArticle, folder: Path, policy: SourcePolicy) -> CorpusArticle:
    """Resolve an article's path against the corpus folder and apply the policy (only when it has no text:
    a path beside a text is a label, never read)."""
    raw = article.path
    if article.text.strip() or not raw:
        return article
    if _is_url(raw):
        if policy.allow_urls:
            return replace(article, resolved=raw)
        return replace(article, refused="a web address in the corpus; give --allow-urls to fetch it")
    candidate = Path(raw) if Path(raw).is_absolute() else folder / raw
    try:
        real = Path(os.path.realpath(candidate))
        base = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return replace(article, refused="not a usable file path")
    if not policy.allow_paths_outside and real != base and base not in real.parents:
        return replace(article, refused=f"outside the corpus folder {base}; give --allow-paths-outside to read it")
    return replace(article, resolved=str(real))


@dataclass(frozen=True, slots=True)
class Cluster:
    cluster_id: str
    articles: tuple[CorpusArticle, ...]


_JSON_KINDS = {
    int: "a number",
    float: "a number",
    bool: "true or false",
    str: "a string",
    list: "a list",
    type(None): "null",
}


def _records(path: Path) -> Iterable[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as error:
                        raise CorpusError(f"{path}: line {number} is not JSON ({error.msg})") from None
                    except RecursionError:
                        raise CorpusError(f"{path}: line {number} is nested too deeply to be an article") from None
                    if not isinstance(record, dict):
                        kind = _JSON_KINDS.get(type(record), type(record).__name__)
                        raise CorpusError(f"{path}: line {number} is {kind}, not an object with columns")
                    yield record
    elif suffix == ".csv":
        import pandas as pd

        yield from pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    elif suffix in {".parquet", ".pq"}:
        import pandas as pd

        yield from pd.read_parquet(path).to_dict("records")
    else:
        raise CorpusError(f"{path}: unknown corpus format {suffix or '(no extension)'}; use .jsonl, .csv or .parquet")


class _NotText(ValueError):
    pass


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):  # a Parquet binary column: text, or refused
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise _NotText from None
    return "" if value is None or value != value else str(value)  # value != value: pandas NaN


def read_corpus(path: str | Path, columns: Columns = Columns(), policy: SourcePolicy = SourcePolicy()) -> list[Cluster]:
    """Clusters in order of their ids (so partitions are stable across runs and ``--resume`` is safe);
    article paths checked against ``policy`` (see :func:`check_source`)."""
    path = Path(path)
    folder = path.parent
    if not path.is_file():
        raise CorpusError(f"{path}: no such corpus file")
    grouped: dict[str, list[CorpusArticle]] = {}
    try:
        for number, record in enumerate(_records(path), 1):
            try:
                article, cluster = _article(record, columns, number, path, grouped)
            except _NotText:
                raise CorpusError(f"{path}: row {number} holds bytes that are not UTF-8 text") from None
            articles = grouped.setdefault(cluster, [])
            articles.append(check_source(article, folder, policy))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, CorpusError):
            raise
        raise CorpusError(f"{path}: cannot read corpus ({error})") from None
    return [Cluster(cid, tuple(arts)) for cid, arts in sorted(grouped.items())]


def _article(
    record: dict[str, Any], columns: Columns, number: int, path: Path, grouped: dict[str, list[CorpusArticle]]
) -> tuple[CorpusArticle, str]:
    if columns.cluster not in record:
        raise CorpusError(f"{path}: row {number} has no column {columns.cluster!r} (set it with --cluster-col)")
    cluster = _text(record[columns.cluster])
    article = CorpusArticle(
        article_id=_text(record.get(columns.article)) or str(len(grouped.get(cluster, ())) + 1),
        source=_text(record.get(columns.source)),
        title=_text(record.get(columns.title)),
        text=_text(record.get(columns.text)),
        path=_text(record.get(columns.path)),
    )
    return article, cluster


def partitions(clusters: list[Cluster], size: int) -> list[tuple[int, list[Cluster]]]:
    """Fixed-size chunks with stable numbers: part *k* always holds the same clusters for the same corpus."""
    return [(k, clusters[start : start + size]) for k, start in enumerate(range(0, len(clusters), size))]


def longest_first(work: list[tuple[int, list[Cluster]]]) -> list[tuple[int, list[Cluster]]]:
    """Partitions in the order to start them: the longest expected first, so that the job does not end with one
    worker busy on a long partition while the others idle. A cluster's comparison grows with its text times its
    outlets (every pair is aligned); a file's length stands for its text. A partition's number, and so its files,
    stay the same."""

    def cost(clusters: list[Cluster]) -> int:
        return sum((len(a.text) or _file_size(a.resolved)) * len(c.articles) for c in clusters for a in c.articles)

    return sorted(work, key=lambda part: -cost(part[1]))


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size if path and not _is_url(path) else 0
    except OSError:
        return 0
