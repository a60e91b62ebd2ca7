"""A Dask worker preload that readies Parallax before the first task: ``dask worker ADDRESS --preload
desktop.batch.preload`` (``LocalCluster`` workers get it from the batch engine).

Without it each worker's first partition also imports the engine and pyarrow/pandas, reads the lexicons and loads
the sentence encoder (~1 s of CPU on two cores); long-lived workers of a real cluster then pay it once at start-up,
not in every job's first task.
"""

from __future__ import annotations


def dask_setup(worker: object) -> None:
    from desktop.batch.worker import warm_up

    warm_up()
