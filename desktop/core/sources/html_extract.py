"""Saved web pages to article text and metadata: trafilatura where it is safe, a linear scanner otherwise.

trafilatura drops navigation, share bars and footers well, but its run time grows faster than linearly
with the number of tags and with nesting depth (measured: 3.5k tags 0.8 s, 14k tags 3.6 s, 47k tags
10.7 s; 9k tags nested 250 deep 4.5 s on a loaded machine), lxml gives up on text nodes over 10 MB and
on nesting deeper than 256 levels, and stdlib ``html.parser`` is quadratic on inputs like
``"<a " * 300_000``. So scripts and styles are cut out first with a forward-only scan, the page is scanned
by ``_scan`` (a regex tokenizer whose every match stops at the next ``<``), and only pages within the
``TRAFILATURA_MAX_*`` bounds go to trafilatura, whose result is preferred. Pages with more than
``MAX_TAGS`` tags are refused outright. Together this bounds extraction to a few seconds.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

TRAFILATURA_MAX_TAGS = 10_000  # news article pages have 2k-8k once scripts and SVG are gone
TRAFILATURA_MAX_CHARS = 1_500_000
TRAFILATURA_MAX_DEPTH = 80  # real pages nest 15-50 deep; 10k tags 100 deep took 6.7 s, 40 deep 1.9 s
# Every "<" costs about a microsecond in the scans below; past this many no page is an article, and
# refusing keeps a 50 MB file of "<b>" to a fraction of a second instead of half a minute.
MAX_TAGS = 2_000_000
# The standard library's MIME parser recurses once per nested multipart or message/rfc822 part; 2,000
# nested levels ended in a RecursionError. A browser's .mhtml holds one multipart section and an e-mail a
# handful, so the sections are counted (a cheap regex pass, 0.2 s on 50 MB) before anything is parsed.
MAX_MIME_SECTIONS = 100
_SHORT_TEXT = 50
_JOINER = re.compile("[\u200c\u200d]|&(?:zwn?j|#820[45]|#x200[cd]);", re.IGNORECASE)
_JOINER_FORMS = {"\u200d", "&zwj;", "&#8205;", "&#x200d;"}
_JOINER_MASKS = (("\u2e3a", "\u2e3b"), ("\u2e4e", "\u2e4f"), ("\u2bfe", "\u2bff"))  # printable, rare
_MIME_SECTION = re.compile(rb"content-type:\s*(?:multipart|message)/", re.IGNORECASE)

_INERT_START = re.compile(r"<!--|<(script|style|noscript|template|svg|math|iframe|object)\b", re.IGNORECASE)
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>?|<[!?][^<>]*>?|([^<]+|<)")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_TABLE_RULE = re.compile(r"\s*\|(?:\s*:?-+:?\s*\|)+\s*$")

# Page furniture whose text is never part of the article.
_SKIP = {"nav", "footer", "aside", "form", "button", "select", "textarea", "dialog", "menu"}
# Containers that never sit inside page furniture: an unclosed <nav> before them must not hide the article.
_RESET = {"body", "main", "article"}
# Elements that end a paragraph; text between them is one block.
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "body",
    "address",
    "details",
    "summary",
    "caption",
}
# Blocks that hold prose, preferred over loose text in <div>s when there are enough of them.
_PROSE = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "td", "th"}
_CELLS = {"td", "th"}
# Void elements and those whose end tag may be left out; counting them would make old pages look deep.
_UNNESTED = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "option",
    "thead",
    "tbody",
    "tfoot",
    "colgroup",
    "rt",
    "rp",
}
_TITLE_META = ("og:title", "twitter:title")
_SITE_META = ("og:site_name", "application-name", "publisher")
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publish-date",
    "sailthru.date",
    "og:published_time",
)


class TooMuchMarkup(ValueError):
    """The page has more tags than any article; ``str(error)`` is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page yields: body paragraphs joined by blank lines, and the metadata found."""

    text: str
    title: str = ""
    published: str = ""
    site: str = ""


def extract_page(markup: str, url: str = "") -> Page:
    tags = markup.count("<")
    if tags > MAX_TAGS:
        raise TooMuchMarkup(
            f"too much markup for an article page ({tags / 1e6:.1f} million tags, the limit is 2 million)"
        )
    cleaned = strip_inert(markup)
    scanned, depth = _scan(cleaned)
    safe = len(cleaned) <= TRAFILATURA_MAX_CHARS and depth <= TRAFILATURA_MAX_DEPTH
    extracted = None
    if safe and cleaned.count("<") <= TRAFILATURA_MAX_TAGS:
        masked, unmask = _mask_joiners(cleaned)
        extracted = _trafilatura(masked, url)
        if extracted is not None and unmask is not None:
            extracted = Page(
                *(unmask(field) for field in (extracted.text, extracted.title, extracted.published, extracted.site))
            )
    # Below a few words trafilatura's own fallbacks return menu labels ("Home") from pages without prose;
    # the scanner, which never reads <nav>/<footer>, decides those.
    text = extracted.text if extracted is not None and len(extracted.text) >= _SHORT_TEXT else scanned.text
    first = extracted or scanned
    return Page(
        text=text,
        title=first.title or scanned.title,
        published=first.published or scanned.published,
        site=first.site or scanned.site or _host(url),
    )


def _mask_joiners(markup: str) -> tuple[str, Callable[[str], str] | None]:
    """trafilatura drops every non-printable character, the zero-width (non-)joiner too, which are spelling in
    Persian and Indic scripts and hold emoji sequences together. They pass through it as two printable
    characters the page does not use, and are put back after."""
    if not _JOINER.search(markup):
        return markup, None
    for non_joiner, joiner in _JOINER_MASKS:
        if non_joiner not in markup and joiner not in markup:
            break
    else:
        return markup, None  # the page uses every stand-in; its joiners are lost as before

    def mask(match: re.Match[str]) -> str:
        return joiner if match.group().lower() in _JOINER_FORMS else non_joiner

    def unmask(text: str) -> str:
        return text.replace(non_joiner, "\u200c").replace(joiner, "\u200d")

    return _JOINER.sub(mask, markup), unmask


def html_from_mhtml(data: bytes) -> tuple[bytes, str | None] | None:
    """The page inside a browser's single-file save (.mhtml/.mht, a MIME message): its HTML bytes and charset."""
    import email  # 25 ms of imports that only .mhtml files need
    import email.policy

    problem = mime_nesting_problem(data)
    if problem:
        raise TooMuchMarkup(problem)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() in {"text/html", "application/xhtml+xml"}:
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    return payload, part.get_content_charset()
    except RecursionError:  # not reached within the section bound; kept so no nesting can become a traceback
        raise TooMuchMarkup("its MIME parts are nested too deeply") from None
    return None


def mime_nesting_problem(data: bytes) -> str:
    """Why a MIME file (.mhtml, .eml) is not parsed, or "": more multipart/message sections than any page or
    mail has, which is how a file nests deeply enough to exhaust the parser's recursion."""
    sections = 0
    for _ in _MIME_SECTION.finditer(data):
        sections += 1
    if sections <= MAX_MIME_SECTIONS:
        return ""
    return (
        f"too many nested MIME sections ({sections:,} multipart or message parts, the limit is "
        f"{MAX_MIME_SECTIONS}); not a saved web page or mail"
    )


def strip_inert(markup: str) -> str:
    """Cut out comments, scripts, styles and embedded SVG; an unclosed one runs to the end, as in a browser."""
    pieces: list[str] = []
    position = 0
    while True:
        match = _INERT_START.search(markup, position)
        if match is None:
            pieces.append(markup[position:])
            break
        pieces.append(markup[position : match.start()])
        if match.group(1) is None:
            end = markup.find("-->", match.end())
            position = len(markup) if end < 0 else end + 3
        else:
            closing = re.compile(rf"</{match.group(1)}\s*>", re.IGNORECASE).search(markup, match.end())
            position = len(markup) if closing is None else closing.end()
        pieces.append(" ")
    return "".join(pieces)


def looks_like_html(text: str) -> bool:
    """Sniff files without a telling extension: a doctype, an <html> tag, or several common tags early on."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:8192].lower():
        return True
    return len(re.findall(r"<(?:p|div|br|body|head|title|meta|span|a)\b[^<>]*>", head)) >= 3


def _trafilatura(cleaned: str, url: str) -> Page | None:
    import trafilatura  # 0.7 s import, paid only when a web page is loaded

    try:
        document = trafilatura.bare_extraction(
            cleaned,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False},  # else a footer "© 2025" becomes 2025-01-01
        )
    except Exception:  # RecursionError included; any failure inside the extractor means: use the scanner
        return None
    if document is None:
        return None
    text = str(getattr(document, "text", "") or "")
    return Page(
        text=_paragraphs([_plain_line(line) for line in text.split("\n") if not _TABLE_RULE.match(line)]),
        title=_clean(str(getattr(document, "title", "") or "")),
        published=str(getattr(document, "date", "") or ""),
        site=_clean(str(getattr(document, "sitename", "") or "")),
    )


def _plain_line(line: str) -> str:
    """trafilatura writes list items as '- item' and table rows as '| a | b |'; the reader saw neither."""
    line = line.strip()
    if line.startswith(("- ", "* ")):
        return line[2:]
    if len(line) > 1 and line.startswith("|") and line.endswith("|"):
        return " · ".join(cell.strip() for cell in line[1:-1].split("|") if cell.strip())
    return line


def _scan(cleaned: str) -> tuple[Page, int]:
    """Linear fallback: text of prose blocks outside page furniture, plus <title> and <meta> metadata;
    also the deepest element nesting seen, which decides whether trafilatura may run."""
    blocks: list[tuple[str, bool]] = []
    buffer: list[str] = []
    meta: dict[str, str] = {}
    title: list[str] = []
    heading: list[str] = []
    skip_depth = 0
    prose_depth = 0
    in_title = in_heading = buffer_is_prose = False
    time_datetime = ""
    depth = max_depth = 0

    def flush() -> None:
        nonlocal buffer_is_prose
        block = _clean(html_lib.unescape("".join(buffer)))
        buffer.clear()
        if block:
            blocks.append((block, buffer_is_prose))
        buffer_is_prose = False

    for match in _TOKEN.finditer(cleaned):
        data = match.group(4)
        if data is not None:
            if in_title:
                title.append(data)
            elif skip_depth == 0:
                buffer.append(data)
                buffer_is_prose = buffer_is_prose or prose_depth > 0
                if in_heading:
                    heading.append(data)
            continue
        name = (match.group(2) or "").lower()
        if not name:
            continue
        closing = match.group(1) == "/"
        if closing:
            depth = max(0, depth - 1) if name not in _UNNESTED else depth
        elif name not in _UNNESTED and not (match.group(3) or "").endswith("/"):
            depth += 1
            max_depth = max(max_depth, depth)
        if name == "title":
            in_title = not closing and not title
            continue
        if name == "meta" and not closing:
            _read_meta(match.group(3) or "", meta)
        elif name == "time" and not closing and not time_datetime:
            time_datetime = _attributes(match.group(3) or "").get("datetime", "")
        if name in _RESET and not closing:
            skip_depth = 0
        if name in _CELLS:  # cells of a row read as one line, as trafilatura's rows do after _plain_line
            if not closing and "".join(buffer).strip():
                buffer.append(" · ")
            prose_depth = max(0, prose_depth + (-1 if closing else 1))
        if name in _SKIP:
            skip_depth = max(0, skip_depth + (-1 if closing else 1))
        elif name in _BLOCK:
            flush()
            in_title = False  # an unclosed <title> must not swallow the page
            if name == "h1":
                in_heading = not closing and not heading and skip_depth == 0
            if name in _PROSE:
                prose_depth = max(0, prose_depth + (-1 if closing else 1))
    flush()
    prose_chars = sum(len(block) for block, is_prose in blocks if is_prose)
    loose_chars = sum(len(block) for block, is_prose in blocks if not is_prose)
    chosen = [block for block, is_prose in blocks if is_prose or prose_chars < loose_chars / 2]
    published = next((meta[key] for key in _DATE_META if key in meta), "") or time_datetime
    date = _ISO_DATE.search(published)
    site = next((meta[key] for key in _SITE_META if key in meta), "")
    page_title = _without_site(_clean(html_lib.unescape("".join(title))), site)
    page = Page(
        text=_paragraphs(chosen),
        title=next((meta[key] for key in _TITLE_META if key in meta), "")
        or _clean(html_lib.unescape("".join(heading)))
        or page_title,
        published=date.group(1) if date else "",
        site=site,
    )
    return page, max_depth


def _without_site(title: str, site: str) -> str:
    """'Brücke gesperrt | Tageblatt' -> 'Brücke gesperrt' when the page names Tageblatt as its site."""
    for separator in (" | ", " – ", " — ", " - ", " · ", " :: "):
        head, found, tail = title.rpartition(separator)
        if found and head and site and tail.strip().casefold() == site.casefold():
            return head.strip()
    return title


def _read_meta(attribute_text: str, meta: dict[str, str]) -> None:
    attributes = _attributes(attribute_text)
    key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
    content = _clean(attributes.get("content", ""))
    if key and content and key not in meta:
        meta[key] = content


def _attributes(attribute_text: str) -> dict[str, str]:
    return {name.lower(): html_lib.unescape(value.strip("\"'")) for name, value in _ATTRIBUTE.findall(attribute_text)}


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _paragraphs(blocks: list[str]) -> str:
    return "\n\n".join(block.strip() for block in blocks if block.strip())


def _host(url: str) -> str:
    if not url:
        return ""
    return (urlsplit(url).hostname or "").removeprefix("www.")
