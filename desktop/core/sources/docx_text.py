"""A Word (.docx) document to article text: body paragraphs and tables in order, headings as their own
paragraphs, the "Title" style (or the first top-level heading) as the title.

python-docx (MIT) opens the package and resolves style names; the text is walked here, in the order of the
body: tracked insertions are kept and deletions, field codes, text boxes (pull quotes, sidebars) and the
fallback copies of drawing content are left out; footnotes, endnotes, comments, headers and footers live
in parts of their own and are never read. A table becomes one paragraph per row, cells separated by a tab.

Before python-docx inflates anything, the ZIP directory is checked: at most ``MAX_ENTRIES`` members and
``MAX_UNPACKED_BYTES`` once unpacked (``zipfile`` stops at each member's declared size, so a lying header
cannot inflate more).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

MAX_ENTRIES = 5_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a 500-page report with pictures unpacks to some 60 MB

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = {
    f"{_W}del",
    f"{_W}delText",
    f"{_W}instrText",
    f"{_W}txbxContent",
    f"{_W}footnoteReference",
    f"{_MC}Fallback",
}
_SPACES = re.compile(r"[ \t]+")
_HEADING = re.compile(r"(?:heading|überschrift)\s*(\d)", re.IGNORECASE)


class DocxProblem(ValueError):
    """A .docx file that gives no article text; the message is the reason shown after the file name."""


@dataclass(frozen=True, slots=True)
class DocxText:
    text: str
    title: str


def docx_to_text(data: bytes) -> DocxText:
    _check_archive(data)
    import docx  # python-docx: 150 ms to import, only Word users pay
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs, title = _body(document)
        if not title:
            title = (document.core_properties.title or "").strip()
    except PackageNotFoundError:
        raise DocxProblem("not a Word document (no document inside the ZIP archive)") from None
    except RecursionError:
        raise DocxProblem("not a readable Word document (nested too deeply)") from None
    except Exception as error:
        reason = re.sub(r"\s+", " ", str(error)).strip()[:120] or type(error).__name__
        raise DocxProblem(f"not a readable Word document ({reason})") from None
    return DocxText("\n\n".join(paragraphs), title)


def _check_archive(data: bytes) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DocxProblem(
            "an old Word 97-2003 document or a password-protected one; save it as .docx without a password"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocxProblem("not a Word document (not a readable ZIP archive)") from None
    if len(members) > MAX_ENTRIES:
        raise DocxProblem(f"too many parts in the archive: {len(members):,}, the limit is {MAX_ENTRIES:,}")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxProblem(
            f"unpacks to {unpacked / (1024 * 1024):,.0f} MB, the limit is {MAX_UNPACKED_BYTES // (1024 * 1024)} MB "
            "(a ZIP bomb or not an article)"
        )
    if "word/document.xml" not in {member.filename for member in members}:
        raise DocxProblem("not a Word document (no word/document.xml inside the ZIP archive)")


def _body(document: Any) -> tuple[list[str], str]:
    from docx.text.paragraph import Paragraph

    paragraphs: list[str] = []
    title = ""
    first_heading = ""
    for element in _blocks(document.element.body):
        if element.tag == f"{_W}tbl":
            paragraphs.extend(_table_rows(element))
            continue
        text = _paragraph_text(element)
        if not text:
            continue
        style = _style_name(Paragraph(element, document))
        if style == "title" and not title:
            title = text
        elif (found := _HEADING.match(style)) and found.group(1) == "1" and not first_heading:
            first_heading = text
        paragraphs.append(text)
    return paragraphs, title or first_heading


def _blocks(parent: Any) -> Any:
    """Paragraphs and tables of the body in order, looking inside content controls (``w:sdt``)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _style_name(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "").strip().lower()
    except Exception:
        return ""


def _paragraph_text(element: Any) -> str:
    parts: list[str] = []
    _collect(element, parts)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            if child.get(f"{_W}type") not in ("page", "column"):
                parts.append("\n")
            else:
                parts.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            _collect(child, parts)


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.iterchildren(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            texts = []
            for block in _blocks(cell):
                if block.tag == f"{_W}tbl":
                    texts.extend(_table_rows(block))  # a table inside a cell: its rows, in the cell
                else:
                    texts.append(_paragraph_text(block).replace("\n", " "))
            cells.append(" ".join(t for t in texts if t).replace("\t", " "))
        if any(cells):
            rows.append("\t".join(cell for cell in cells if cell))
    return rows
