"""The articles kept in the library, one row per distinct text, whichever comparisons use them: listing and
searching them, and reading one back as an ``Article`` to add to a comparison. ``LibraryStore.articles`` is the one
``LibraryArticles`` of a store; saving a comparison files its articles here (``file``).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.model import Article
from desktop.library.connection import Connection, now, sqlite_errors
from desktop.library.rows import article_row
from desktop.library.search_index import fts_query, searching


@dataclass(frozen=True, slots=True)
class LibraryArticle:
    """An article kept in the library, without its text (``LibraryArticles.get`` loads that)."""

    id: int
    content_hash: str
    path: str
    title: str
    source: str
    published: str
    language: str
    imported_at: str
    characters: int


_COLUMNS = "a.id, a.content_hash, a.path, a.title, a.source, a.published, a.language, a.imported_at, length(a.text)"


class LibraryArticles:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def file(self, article: Article, imported_at: str) -> int:
        """Inside the caller's transaction: the article's library id. Same text → same row; the first import's path
        and title stay on it."""
        row = article_row(article, imported_at)
        db = self.connection.db
        db.execute(
            "INSERT INTO articles (content_hash, path, title, source, published, language, text, imported_at) "
            "VALUES (:content_hash, :path, :title, :source, :published, :language, :text, :imported_at) "
            "ON CONFLICT (content_hash) DO NOTHING",
            row,
        )
        found = db.execute("SELECT id FROM articles WHERE content_hash = ?", [row["content_hash"]]).fetchone()
        return int(found[0])

    @sqlite_errors("save to")
    def add(self, article: Article) -> int:
        with self.connection.writing():
            return self.file(article, now())

    @sqlite_errors("read")
    def list(self) -> tuple[LibraryArticle, ...]:
        """Newest import first."""
        rows = self.connection.db.execute(
            f"SELECT {_COLUMNS} FROM articles AS a ORDER BY a.imported_at DESC, a.id DESC"
        ).fetchall()
        return tuple(LibraryArticle(*row) for row in rows)

    @sqlite_errors("read")
    def search(self, query: str) -> tuple[LibraryArticle, ...]:
        """Articles whose title or text matches, best match first."""
        match = fts_query(query)
        if not match:
            return ()
        with searching(self.connection.location):
            rows = self.connection.db.execute(
                f"SELECT {_COLUMNS} FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY articles_fts.rank",
                [match],
            ).fetchall()
        return tuple(LibraryArticle(*row) for row in rows)

    @sqlite_errors("read")
    def get(self, library_id: int, label: str = "A") -> Article:
        """A library article ready to add to a comparison under ``label``; ``LookupError`` for an unknown id."""
        row = self.connection.db.execute(
            "SELECT path, text, title, source, published, language FROM articles WHERE id = ?", [library_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"no article with id {library_id} in the library")
        return Article(label, *row)
