"""Batch comparison of whole corpora of event clusters, on local processes or a Dask cluster.

Each cluster goes through exactly the ``desktop.core.pipeline.compare`` the app uses; this package only
reads corpora, spreads partitions of clusters over an engine and writes their results as Parquet.
"""
