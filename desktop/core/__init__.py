"""The pure comparison engine, one folder per stage of the data: ``sources`` (files, URLs and pasted text to
articles), ``text`` (sentences, roles, language, facts), ``align`` (which sentences and words correspond),
``detect`` (commentary, conflicts), ``pipeline`` (the one orchestrator, ``compare``) and ``presentation`` (how a
finished comparison reads), on ``model`` (the immutable data they pass on) and ``resources``. Storage and export
sit outside, in ``desktop.library`` and ``desktop.export``; docs/architecture.md draws the map.

Nothing under this package imports Qt (an import-linter contract in pyproject.toml enforces it, and another that
the stages import one way only), so the command line, the batch engine and the tests use exactly the code the
desktop window shows.
"""
