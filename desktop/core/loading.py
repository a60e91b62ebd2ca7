"""Turn a file path or URL into an ``Article`` (first version: UTF-8 text files only)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.model import Article


def load_article(source: str, article_id: str) -> Article:
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LoadError(source, error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise LoadError(source, "not UTF-8 text") from None
    if not text.strip():
        raise LoadError(source, "the file is empty")
    return Article(id=article_id, path=source, text=text, title=path.stem)
