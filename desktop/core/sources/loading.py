"""Turn a file path, URL or pasted text into an ``Article``, or a ``LoadError`` that says what is wrong.

Everything a user may hand over is checked before it is trusted: the size before a byte is read, the
magic number before decoding, the markup size before trafilatura sees it. ``Article.text`` keeps the
text as written (paragraphs as blank-line separated blocks) minus the characters that only break
matching: soft hyphens, zero-width spaces, bidi-control characters, and odd line separators. The zero-width
joiner and non-joiner stay: they are spelling in Persian, Arabic and Indic scripts and hold emoji sequences
together (👩‍👩‍👧); matching ignores them (``normalize.canonical``).
"""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from desktop.core.model import Article
from desktop.core.sources.decoding import NotText, decode, html_declared_charset, sniff_binary
from desktop.core.sources.docx_text import DocxProblem, docx_to_text
from desktop.core.sources.eml_text import EmlProblem, eml_to_message
from desktop.core.sources.errors import LoadError
from desktop.core.sources.html_extract import (
    TooMuchMarkup,
    extract_page,
    html_from_mhtml,
    looks_like_html,
    mime_nesting_problem,
)
from desktop.core.sources.markdown_text import markdown_to_text
from desktop.core.sources.pdf_text import PdfProblem, pdf_to_text
from desktop.core.text.language import detect_language
from desktop.core.text.segmentation import TooManySentences, check_sentence_count

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TITLE_CHARS = 200
# The file limit bounds reading; this bounds the comparison, whose time and memory grow with the text
# (~4 s and ~100 MB a million characters on two cores; a 45 MB text file took 8 minutes and 4.7 GB).
# Two million characters is some 300,000 words: a book, forty times the longest news feature.
MAX_TEXT_CHARS = 2_000_000
# Markdown is stripped line by line in Python (~1 s a MB on a busy machine); past this a file is no
# article, and it is read as plain text with its markup rather than held up for half a minute.
MAX_MARKDOWN_CHARS = 8_000_000

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
_MHTML_SUFFIXES = {".mhtml", ".mht"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
_TEXT_SUFFIXES = {".txt", ".text"}
_DOCUMENT_SUFFIXES = {".pdf", ".docx", ".eml"}
_MARKDOWN_TYPES = {"text/markdown", "text/x-markdown"}
_EMPTY_PAGE = "the page is empty"
_HINTS = {".odt": "an OpenDocument text", ".epub": "an e-book", ".pages": "a Pages file"}

# One pass over the text finds every character that is rewritten: odd line separators become line breaks;
# soft hyphens, zero-width spaces, the word joiner, the BOM, bidi embedding/override/isolate controls (which
# can also disguise displayed text) and other C0 controls are dropped because they split words for the matcher.
# ZWNJ and ZWJ (U+200C, U+200D) are kept: dropping them changed Persian spelling and broke emoji sequences.
# (``str.translate`` with a table took 7.5 s on 45 MB; this regex takes under 1 s.)
_REWRITTEN = re.compile(
    "[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
    "\x00-\x08\x0e-\x1b\x1f\x7f\ud800-\udfff]"
)
_REPLACEMENTS = dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028", "\n") | {"\u2029": "\n\n"}
_BLANK_LINES = re.compile(r"\n[ \t\u00a0\u3000]+(?=\n|\Z)")
_NOTHING_VISIBLE = re.compile(r"[\s\u200c\u200d]*")  # joiners alone are no text
_ANY_TAG = re.compile(r"<[a-zA-Z!/?]")
# A .txt is sniffed only when it opens with markup: an article that quotes a few tags further down stays text.
_LEADING_TAG = re.compile(r"\s*<[a-zA-Z!?]")


def load_article(source: str, article_id: str, *, presegmented: bool = False) -> Article:
    """``presegmented``: the sentence limit counts non-blank lines, as the comparison will."""
    shown = displayable(source)
    try:
        article = _load(source, article_id, shown)
        _check_sentences(shown, article.text, presegmented)
        return article
    except LoadError as error:
        if error.source == shown:
            raise
        raise LoadError(shown, error.reason) from None


def _load(source: str, article_id: str, shown: str) -> Article:
    """``source`` opens the file; ``shown`` (the same unless the name has undecodable bytes) goes into the Article."""
    if is_web_address(source):
        from desktop.core.sources.fetch import fetch  # http.client, ssl and urllib: 50 ms only URL users pay

        fetched = fetch(source)
        try:
            markup = decode(fetched.data, fetched.charset or html_declared_charset(fetched.data))
        except NotText as error:
            raise LoadError(source, str(error)) from None
        address_suffix = PurePosixPath(urlsplit(fetched.url).path).suffix.lower()
        if fetched.content_type in _MARKDOWN_TYPES or address_suffix in _MARKDOWN_SUFFIXES:
            converted = markdown_to_text(_clean(markup))  # raw Markdown files are served as text/plain
            return _text_article(
                shown, article_id, converted.text, fallback_title=fetched.url, title=converted.title, empty=_EMPTY_PAGE
            )
        if fetched.content_type == "text/plain" or not _ANY_TAG.search(markup[:65536]):
            return _text_article(shown, article_id, markup, fallback_title=fetched.url, empty=_EMPTY_PAGE)
        return _html_article(shown, article_id, markup, url=fetched.url)
    if looks_like_address(source):
        raise LoadError(source, "only http:// and https:// addresses can be fetched")

    path = Path(source)
    data = _read_file(path, source)
    suffix = path.suffix.lower()
    if suffix in _MHTML_SUFFIXES:
        return _mhtml_article(shown, article_id, data)
    if suffix in _DOCUMENT_SUFFIXES:
        return _document_article(shown, article_id, data, suffix, displayable(path.stem))
    kind = "html" if suffix in _HTML_SUFFIXES else "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
    try:
        text = decode(data, html_declared_charset(data) if kind == "html" else None)
    except NotText as error:
        hint = _HINTS.get(suffix)
        raise LoadError(source, f"not a text file (looks like {hint})" if hint else str(error)) from None
    if suffix not in _HTML_SUFFIXES | _MARKDOWN_SUFFIXES | _TEXT_SUFFIXES and looks_like_html(text):
        kind = "html"
    elif suffix in _TEXT_SUFFIXES and _LEADING_TAG.match(text) and looks_like_html(text):
        kind = "html"  # a page saved (or copied from "view source") as .txt: extracted, not compared as markup
    if kind == "html" and _ANY_TAG.search(text):
        return _html_article(shown, article_id, text, url="")
    if kind == "markdown" and len(text) <= MAX_MARKDOWN_CHARS:
        converted = markdown_to_text(_clean(text))
        stem = displayable(path.stem)
        return _text_article(shown, article_id, converted.text, fallback_title=stem, title=converted.title)
    return _text_article(shown, article_id, text, fallback_title=displayable(path.stem))


def _mhtml_article(source: str, article_id: str, data: bytes) -> Article:
    if sniff_binary(data) is not None:
        raise LoadError(source, f"not a text file (looks like {sniff_binary(data)})")
    try:
        found = html_from_mhtml(data)
    except TooMuchMarkup as error:
        raise LoadError(source, str(error)) from None
    if found is None:
        raise LoadError(source, "no web page inside this .mhtml file")
    markup, charset = found
    try:
        text = decode(markup, charset or html_declared_charset(markup))
    except NotText as error:
        raise LoadError(source, str(error)) from None
    return _html_article(source, article_id, text, url="")


def _document_article(source: str, article_id: str, data: bytes, suffix: str, stem: str) -> Article:
    """PDF, Word and e-mail files: their text, title and date, then the same checks as any text."""
    try:
        if suffix == ".pdf":
            pdf = pdf_to_text(data)
            return _text_article(source, article_id, pdf.text, fallback_title=stem, title=pdf.title)
        if suffix == ".docx":
            document = docx_to_text(data)
            return _text_article(source, article_id, document.text, fallback_title=stem, title=document.title)
        problem = mime_nesting_problem(data)
        if problem:
            raise EmlProblem(problem)
        message = eml_to_message(data)
    except (PdfProblem, DocxProblem, EmlProblem) as error:
        raise LoadError(source, str(error)) from None
    if message.html:
        article = _html_article(source, article_id, message.html, url="")
        body = article.text
        if article.title and article.title != message.subject and body.startswith(article.title):
            body = body[len(article.title) :].lstrip()  # the page's <title> yields to the subject
    else:
        body = _clean(message.text)
    subject = _clean(message.subject)
    if subject and "\n" not in subject and not body.startswith(subject):
        body = f"{subject}\n\n{body}"
    if not body.strip():
        raise LoadError(source, "the message has no text")
    article = _text_article(source, article_id, body, fallback_title=stem, title=subject)
    return Article(
        id=article.id,
        path=article.path,
        text=article.text,
        title=article.title,
        source=message.sender,
        published=message.published,
    )


def article_from_text(text: str, article_id: str, path: str = "clipboard", *, presegmented: bool = False) -> Article:
    """Pasted text: a copied web page's HTML is extracted like a saved page, anything else kept as written."""
    path = displayable(path)
    if len(text) > MAX_FILE_BYTES:
        raise LoadError(path, f"too large: {_megabytes(len(text))}, the limit is {_megabytes(MAX_FILE_BYTES)}")
    if not text.strip():
        raise LoadError(path, "the pasted text is empty")
    if looks_like_html(text):
        article = _html_article(path, article_id, text, url="")
        _check_sentences(path, article.text, presegmented)
        return article
    fallback = "Pasted text" if path == "clipboard" else path
    article = _text_article(path, article_id, text, fallback_title=fallback, empty="the pasted text is empty")
    _check_sentences(path, article.text, presegmented)
    return article


def is_web_address(source: str) -> bool:
    """Only these are fetched; the check is on the source as typed, before any parsing."""
    return source[:8].lower().startswith(("http://", "https://"))


def looks_like_address(source: str) -> bool:
    """``ftp://…``, ``file://…``, ``javascript:…``: addresses we refuse rather than treat as file names."""
    scheme, _, rest = source.partition("://")
    return bool(rest) and scheme.isascii() and scheme.isalpha() and len(scheme) > 1


def displayable(name: str) -> str:
    """A file name with bytes that are not UTF-8 (possible on Linux) arrives with lone surrogates, which no
    JSON file, Qt label or UTF-8 terminal accepts; they are shown as ``\\udcff`` escapes instead."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return name


def _read_file(path: Path, source: str) -> bytes:
    """Refuse by ``stat`` first (size, type), then read at most one byte past the limit."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(source, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(source, "not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_FILE_BYTES:
            raise LoadError(source, f"too large: {_megabytes(info.st_size)}, the limit is {_megabytes(MAX_FILE_BYTES)}")
        if info.st_size == 0:
            raise LoadError(source, "the file is empty")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = _os_reason(error)
        if error.errno == errno.ENOENT and source.lower().startswith("www."):
            reason += " (for a web page, write https:// in front)"
        raise LoadError(source, reason) from None
    except ValueError:
        raise LoadError(source, "not a valid file name") from None
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(source, f"too large: over the {_megabytes(MAX_FILE_BYTES)} limit")
    return data


def _os_reason(error: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symbolic link loop",
        errno.EISDIR: "is a folder, not a file",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the file name is too long",
        errno.EIO: "the disk reported a read error",
    }
    return reasons.get(error.errno or 0) or (error.strerror or str(error)).lower()


def _html_article(source: str, article_id: str, markup: str, url: str) -> Article:
    try:
        page = extract_page(markup, url)
    except TooMuchMarkup as error:
        raise LoadError(source, str(error)) from None
    body = _clean(page.text)
    if _NOTHING_VISIBLE.fullmatch(body):
        raise LoadError(source, "no article text found in the page")
    title = _clean(page.title)
    if title and "\n" not in title and not body.startswith(title):
        body = f"{title}\n\n{body}"  # the headline is part of what outlets word differently
    _check_length(source, body)
    return Article(
        id=article_id,
        path=source,
        text=body,
        title=title or guess_title(body, _stem_or_host(source, url)),
        source=page.site,
        published=page.published,
    )


def _text_article(
    source: str, article_id: str, text: str, fallback_title: str, title: str = "", empty: str = "the file is empty"
) -> Article:
    text = _clean(text)
    if _NOTHING_VISIBLE.fullmatch(text):
        raise LoadError(source, empty)
    _check_length(source, text)
    return Article(
        id=article_id,
        path=source,
        text=text,
        title=_clean(title) or guess_title(text, fallback_title),
    )


def _check_length(source: str, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise LoadError(
            source,
            f"too long for an article: {len(text) / 1e6:.1f} million characters of text, "
            f"the limit is {MAX_TEXT_CHARS / 1e6:.0f} million",
        )


def _check_sentences(source: str, text: str, presegmented: bool) -> None:
    try:
        # In the language the comparison will detect, so both count the same sentences (and the comparison finds
        # a long article already cut).
        check_sentence_count(text, detect_language(text), presegmented=presegmented)
    except TooManySentences as error:
        raise LoadError(source, str(error)) from None


def _clean(text: str) -> str:
    """Line endings to ``\\n``, invisible characters out, whitespace-only lines emptied, ends trimmed."""
    text = text.replace("\r\n", "\n")
    text = _REWRITTEN.sub(_rewrite, text)
    return _BLANK_LINES.sub("\n", text).strip()


def _rewrite(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"  # a lone surrogate (from a Python caller) cannot be saved or shown; mark the spot
    return _REPLACEMENTS.get(char, "")


def guess_title(text: str, fallback: str) -> str:
    """The headline of a plain-text article: the first short line without a final full stop, skipping a
    one- or two-word kicker above it; ``fallback`` when the text starts with prose. Later short lines are
    bylines and photo credits as often as subtitles, so they are never preferred to the first."""
    candidates: list[str] = []
    for line in text.split("\n", 12)[:12]:
        line = line.strip()
        if not line:
            continue
        if len(line) >= MAX_TITLE_CHARS or line.endswith((".", ":", ";", ",", "…")) or len(candidates) == 3:
            break
        candidates.append(line)
    if not candidates:
        return fallback
    if len(candidates) > 1 and len(candidates[0].split()) <= 2:
        return candidates[1]  # a kicker or section label ("International") above the headline
    return candidates[0]


def _stem_or_host(source: str, url: str) -> str:
    if url:
        return url
    return displayable(Path(source).stem or source)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
