"""File names and filters the window's dialogs offer (no Qt): the articles the Open dialog lists, and the name an
export is suggested under."""

from __future__ import annotations

STEM_LIMIT = 60
# Every suffix the loader reads (``desktop.core.sources.loading``; not imported here, it pulls in the extractors).
ARTICLE_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".mdown",
    ".mkd",
    ".mkdn",
    ".html",
    ".htm",
    ".xhtml",
    ".xht",
    ".shtml",
    ".mhtml",
    ".mht",
    ".pdf",
    ".docx",
    ".eml",
)
ARTICLE_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in ARTICLE_SUFFIXES) + ");;"
    "Web pages (*.html *.htm *.xhtml *.xht *.shtml *.mhtml *.mht);;"
    "Text and Markdown (*.txt *.text *.md *.markdown *.mdown *.mkd *.mkdn);;"
    "PDF, Word and e-mail (*.pdf *.docx *.eml);;"
    "All files (*)"
)
_APOSTROPHES = "'’‘`´"


def suggested_stem(title: str, limit: int = STEM_LIMIT) -> str:
    """A file name (without suffix) from a comparison's title: letters, digits, spaces, hyphens and underscores;
    other characters become spaces (apostrophes go); cut at the last word boundary within ``limit``."""
    kept = "".join("" if c in _APOSTROPHES else c if c.isalnum() or c in "-_ " else " " for c in title)
    words = kept.split()
    stem = ""
    for word in words:
        longer = f"{stem} {word}" if stem else word
        if len(longer) > limit:
            break
        stem = longer
    if not stem and words:  # one word longer than the limit: cut it
        stem = words[0][:limit]
    return stem.strip("-_ ") or "comparison"
