"""The unit of batch work: compare every cluster of one partition and write its Parquet files.

Lives in the package (not in a script or test) because Dask workers import it by name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.batch.corpus import Cluster
from desktop.batch.output import write_partition
from desktop.batch.tables import TABLES, comparison_rows
from desktop.core.model import Article, Settings
from desktop.core.pipeline import article_ids, compare
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, load_article


@dataclass(frozen=True, slots=True)
class PartitionReport:
    partition: int
    clusters: int
    articles: int
    failures: tuple[tuple[str, str, str], ...]  # (cluster, article id, reason)


def _load(
    cluster: Cluster, presegmented: bool = False
) -> tuple[list[Article], dict[str, str], dict[str, str], list[tuple[str, str, str]]]:
    articles, corpus_ids, outlets, failures = [], {}, {}, []
    for item, letter in zip(cluster.articles, article_ids(len(cluster.articles)), strict=True):
        try:
            if item.text.strip():
                article = article_from_text(
                    item.text, letter, path=item.path or item.article_id, presegmented=presegmented
                )
            elif item.refused:
                raise LoadError(item.path, item.refused)
            elif item.path:
                loaded = load_article(item.resolved or item.path, letter, presegmented=presegmented)
                article = replace(loaded, path=item.path)
            else:
                raise LoadError(item.article_id, "no text and no path")
        except LoadError as error:
            failures.append((cluster.cluster_id, item.article_id, error.reason))
            continue
        article = replace(article, title=item.title or article.title, source=item.source or article.source)
        articles.append(article)
        corpus_ids[letter] = item.article_id
        outlets[letter] = item.source
    return articles, corpus_ids, outlets, failures


def compare_partition(partition: int, clusters: list[Cluster], settings: Settings, out_dir: str) -> PartitionReport:
    """Compare each cluster; a bad article or a failing cluster is reported, never fatal to the others."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    articles_done = 0
    failures: list[tuple[str, str, str]] = []
    for cluster in clusters:
        articles, corpus_ids, outlets, bad = _load(cluster, settings.presegmented)
        failures += bad
        if len(articles) < 2:
            failures.append((cluster.cluster_id, "", f"only {len(articles)} readable article(s); nothing to compare"))
            continue
        try:
            comparison = compare(articles, settings)
        except Exception as error:  # one broken cluster must not sink the job; its reason is reported
            failures.append((cluster.cluster_id, "", f"comparison failed: {type(error).__name__}: {error}"))
            continue
        for table, table_rows in comparison_rows(cluster.cluster_id, comparison, corpus_ids, outlets).items():
            rows[table] += table_rows
        articles_done += len(articles)
    rows["failures"] = [{"cluster": c, "article_id": a, "reason": r} for c, a, r in failures]
    write_partition(Path(out_dir), partition, rows)
    return PartitionReport(partition, len(clusters), articles_done, tuple(failures))
