"""The unit of batch work: compare every cluster of one partition and write its Parquet files.

Lives in the package (not in a script or test) because Dask workers import it by name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.batch.corpus import Cluster, CorpusArticle
from desktop.batch.layout import TABLES
from desktop.batch.output import write_partition
from desktop.batch.report import PartitionReport
from desktop.batch.tables import comparison_rows
from desktop.core.engine import Engine
from desktop.core.model import Article, Settings
from desktop.core.pipeline import compare
from desktop.core.sources.articles import ArticleInput, load_articles
from desktop.core.sources.errors import LoadError

# This worker process's engine: its partitions share one encoder (one model load, one vector cache), as the
# windows of the app share theirs. A Dask worker runs tasks in threads; an Engine may be used from any thread.
ENGINE = Engine()


def _input(item: CorpusArticle) -> ArticleInput:
    """A corpus row's text is compared as given (its path only names it); without text its checked file is read."""
    if item.text.strip():
        return ArticleInput(item.path or item.article_id, text=item.text)
    if item.refused:
        return ArticleInput(item.path, refused=item.refused)
    if item.path:
        return ArticleInput(item.resolved or item.path)
    return ArticleInput(item.article_id, refused="no text and no path")


def _load(
    cluster: Cluster, presegmented: bool = False
) -> tuple[list[Article], dict[str, str], dict[str, str], list[tuple[str, str, str]]]:
    articles, corpus_ids, outlets, failures = [], {}, {}, []
    inputs = [_input(item) for item in cluster.articles]
    loaded = load_articles(inputs, presegmented=presegmented)
    for item, source, outcome in zip(cluster.articles, inputs, loaded.outcomes, strict=True):
        if isinstance(outcome, LoadError):
            failures.append((cluster.cluster_id, item.article_id, outcome.reason))
            continue
        # The corpus's own names win: a file's path as the corpus wrote it (it was read where it resolved), the
        # row's title and outlet where it gives them.
        article = replace(
            outcome,
            path=item.path if source.text is None else outcome.path,
            title=item.title or outcome.title,
            source=item.source or outcome.source,
        )
        articles.append(article)
        corpus_ids[article.id] = item.article_id
        outlets[article.id] = item.source
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
            comparison = compare(articles, settings, engine=ENGINE)
        except Exception as error:  # one broken cluster must not sink the job; its reason is reported
            failures.append((cluster.cluster_id, "", f"comparison failed: {type(error).__name__}: {error}"))
            continue
        for table, table_rows in comparison_rows(cluster.cluster_id, comparison, corpus_ids, outlets).items():
            rows[table] += table_rows
        articles_done += len(articles)
    rows["failures"] = [{"cluster": c, "article_id": a, "reason": r} for c, a, r in failures]
    write_partition(Path(out_dir), partition, rows)
    return PartitionReport(partition, len(clusters), articles_done, tuple(failures))


# Two small clusters, English and German, so both languages' lexicons are read.
_WARM_UP = (
    (
        "Officials in Harbourtown announced new measures on Monday. About 400 residents are affected, the city "
        "said. Mayor Ada Brennan said the plan would be reviewed within 6 weeks.",
        "Officials in Harbourtown unveiled new measures on Monday. About 400 residents are hit by the decision, "
        "according to the city. Mayor Ada Brennan stated the plan would be reviewed.",
        "Once again the authorities have shown their contempt for ordinary people. Officials in Harbourtown "
        "announced new measures on Monday.",
    ),
    (
        "Der Stadtrat von Lindenau hat am Montag den Verkauf der Kliniken beschlossen. Für den Verkauf stimmten "
        "27 Ratsmitglieder, dagegen 15. Bürgermeisterin Petra Hassberg sagte, man habe keine Wahl gehabt.",
        "Der Lindenauer Stadtrat beschloss am Montag den Verkauf der Kliniken. 27 Ratsmitglieder stimmten dafür. "
        "„Wir hatten keine Wahl“, sagte Bürgermeisterin Hassberg.",
        "Einmal mehr haben die Verantwortlichen die Bürger übergangen. Der Stadtrat von Lindenau hat am Montag "
        "den Verkauf der Kliniken beschlossen.",
    ),
)


def warm_up() -> None:
    """Ready this process for its first partition: load the sentence encoder, compare two tiny built-in clusters
    (English, German) with the default settings and build their table rows, so the engine's modules, lexicons,
    link model and pyarrow (which imports pandas) are loaded before a task is timed. ~1-2 s of CPU, which a
    worker otherwise pays inside its first task."""
    import pyarrow as pa

    from desktop.batch.tables import SCHEMAS
    from desktop.core.align import embeddings

    if embeddings.available():
        ENGINE.encoder.load()
    for number, texts in enumerate(_WARM_UP):
        rows_in = tuple(CorpusArticle(f"warm-up-{number}-{i}", text=text) for i, text in enumerate(texts))
        cluster = Cluster(f"warm-up-{number}", rows_in)
        articles, corpus_ids, outlets, _ = _load(cluster)
        rows = comparison_rows(cluster.cluster_id, compare(articles, Settings(), engine=ENGINE), corpus_ids, outlets)
        pa.Table.from_pylist(rows["sentences"], schema=SCHEMAS["sentences"])
