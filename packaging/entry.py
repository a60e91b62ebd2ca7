"""Entry point of the frozen app: PyInstaller runs this file as ``__main__`` (``main.py`` serves checkouts)."""

import multiprocessing

from desktop.cli import run

if __name__ == "__main__":
    # Batch mode's process pool re-executes the frozen binary for its workers; without this they would start
    # the whole app again instead of running the worker function.
    multiprocessing.freeze_support()
    run()
