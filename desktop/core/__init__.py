"""The pure comparison engine: loading, segmentation, alignment, diff, classification, storage, export.

Nothing under this package imports Qt (an import-linter contract in pyproject.toml enforces it), so the
command line, the batch engine and the tests use exactly the code the desktop window shows.
"""
