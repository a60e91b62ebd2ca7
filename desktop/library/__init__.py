"""The comparison library: saved comparisons, their articles and notes in one SQLite file.

``store`` owns the database (``LibraryStore``; every failure of SQLite comes out of it as a ``LibraryError``) and
composes its parts over one ``connection``: ``notes`` (``store.notes``) and ``articles`` (``store.articles``);
``schema`` what counts as a library file, its versions and migrations, ``rows`` a ``Comparison`` as table rows and
back, ``search_index`` the full-text indexes, ``location`` where the file lives.

Callers import from here, as in ``from desktop.library import LibraryStore, library_path``. Each name is imported
from its module on first use, so importing the package itself costs nothing: the command line asks where the library
lives at start-up and should not pay for sqlite-utils (a third of a second) unless it opens the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.lazy_door import lazy_door

if TYPE_CHECKING:  # for type checkers, and so that PyInstaller sees the modules
    from desktop.library.articles import LibraryArticle, LibraryArticles
    from desktop.library.connection import UnknownComparison
    from desktop.library.location import ENV_VAR, FILE_NAME, default_library_path, library_path
    from desktop.library.notes import LibraryNotes
    from desktop.library.rows import ResultRows, result_rows
    from desktop.library.schema import LibraryError
    from desktop.library.search_index import SearchIndexDamaged
    from desktop.library.store import ComparisonInfo, LibraryStore, open_library

__all__ = [
    "ENV_VAR",
    "FILE_NAME",
    "ComparisonInfo",
    "LibraryArticle",
    "LibraryArticles",
    "LibraryError",
    "LibraryNotes",
    "LibraryStore",
    "ResultRows",
    "SearchIndexDamaged",
    "UnknownComparison",
    "default_library_path",
    "library_path",
    "open_library",
    "result_rows",
]

_HOMES = {
    "ComparisonInfo": "store",
    "ENV_VAR": "location",
    "FILE_NAME": "location",
    "LibraryArticle": "articles",
    "LibraryArticles": "articles",
    "LibraryError": "schema",
    "LibraryNotes": "notes",
    "LibraryStore": "store",
    "ResultRows": "rows",
    "SearchIndexDamaged": "search_index",
    "UnknownComparison": "connection",
    "default_library_path": "location",
    "library_path": "location",
    "open_library": "store",
    "result_rows": "rows",
}

__getattr__ = lazy_door(__name__, _HOMES)
