"""The card above each article column: title, source, date, language, length, and its summary as a share bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.model import ArticleSummary, Comparison, Role
from desktop.ui.highlights import missing_fact_count
from desktop.ui.theme import theme_for


def display_title(title: str, path: str) -> str:
    if title:
        return title
    if "://" in path:
        return path
    return Path(path).name or path


# Names for the languages the engine detects, as the header and the status bar show them; other codes show as is.
LANGUAGE_NAMES = {"de": "German", "en": "English"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code.upper() if code else "unknown language")


def word_count(text: str) -> int:
    return len(text.split())


class ShareBar(QWidget):
    """Identical / reworded / unique / commentary shares of an article's sentences, as one thin stacked bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts: list[tuple[int, QColor]] = []
        self.setFixedHeight(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_summary(self, summary: ArticleSummary, *, across_languages: bool = False) -> None:
        """``across_languages``: every other article is in another language, so "reworded" means "paired"."""
        theme = theme_for(self.palette())
        self._parts = [
            (summary.identical, theme.identical_bar),
            (summary.reworded, theme.identical_bar if across_languages else theme.reworded_bar),
            (summary.unique, theme.unique_rule),
        ]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        total = sum(n for n, _ in self._parts)
        rect = self.rect()
        painter.fillRect(rect, theme_for(self.palette()).gap_hatch)
        if not total:
            return
        x = 0.0
        for count, colour in self._parts:
            width = rect.width() * count / total
            painter.fillRect(QRect(round(x), 0, round(x + width) - round(x), rect.height()), colour)
            x += width


class ArticleHeader(QFrame):
    """Header card for one article. Its context menu offers the article actions (reference, move, remove)."""

    reference_requested = Signal(str)
    move_requested = Signal(str, int)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.article_id = ""
        self.is_reference = False
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # titles come from the article: never markup
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.bar = ShareBar()
        self.counts = QLabel()
        self.counts.setObjectName("articleCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_article(self, comparison: Comparison, article_id: str) -> None:
        result = comparison.article(article_id)
        article = result.article
        summary = comparison.summary.get(article_id)
        self.article_id = article_id
        self.is_reference = comparison.settings.reference == article_id
        headline = next((s.text.strip() for s in result.sentences if s.role == Role.TITLE), "")
        name = headline or display_title(article.title, article.path)
        self.title.setText(f"{article_id} · {name}")
        meta = [
            article.source or _site(article.path),
            article.published,
            language_name(article.language),
            f"{word_count(article.text):,} words",
        ]
        if self.is_reference:
            meta.append("reference")
        self.meta.setText(" · ".join(m for m in meta if m))
        self.setToolTip("")
        self.setAccessibleName(f"Article {article_id}: {name}")
        if summary is not None:
            # Against articles only in other languages every paired sentence counts as reworded; say "paired".
            others = [r.article.language for r in comparison.articles if r.article.id != article_id]
            across = bool(article.language) and all(lang not in ("", article.language) for lang in others)
            self.bar.set_summary(summary, across_languages=across)
            content = max(1, summary.sentences - summary.boilerplate)
            lacks = missing_fact_count(comparison, article_id)
            reworded = "paired across languages" if across else "reworded"
            shares = (("identical", summary.identical), (reworded, summary.reworded), ("unique", summary.unique))
            parts = [f"{round(100 * n / content)}% {label}" for label, n in shares if n]
            parts.append(f"{summary.commentary} commentary")
            if lacks:
                parts.append(f"lacks {lacks} fact{'s' if lacks != 1 else ''}")
            self.counts.setText(" · ".join(parts))
        self.setProperty("reference", self.is_reference)
        self.style().unpolish(self)
        self.style().polish(self)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        aid = self.article_id
        menu.addAction("Use as reference", lambda: self.reference_requested.emit(aid)).setEnabled(not self.is_reference)
        menu.addAction("Move left", lambda: self.move_requested.emit(aid, -1))
        menu.addAction("Move right", lambda: self.move_requested.emit(aid, 1))
        menu.addSeparator()
        menu.addAction("Remove from comparison", lambda: self.remove_requested.emit(aid))
        menu.exec(event.globalPos())


def _site(path: str) -> str:
    """Where the article came from: the web site for a URL, the file name for a local file."""
    if "://" in path:
        return path.split("://", 1)[1].split("/", 1)[0]
    if not path or path.lower().startswith("pasted"):
        return "pasted text"
    return Path(path).name
