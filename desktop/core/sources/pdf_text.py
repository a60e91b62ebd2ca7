"""A PDF's text layer to article text: reading order across columns, line-end hyphens, page furniture out.

pypdf (BSD, pure Python) hands every piece of text with its position and font size; the layout is rebuilt
here rather than taken from pypdf's own text output, which reads two columns line by line across the
gutter. The steps:

1. Pieces on one baseline form a line *segment*, cut where the gap is wider than a gutter, so two columns
   at the same height stay apart.
2. Segments that follow each other down the page in the same column and size form a *block*; blocks are
   read in the order of Breuel's rules (above and overlapping first; of two side by side, the left one
   unless a block spanning both lies between them), so a headline across both columns is read first, then
   the left column, then the right.
3. Running headers and footers (a line among the top or bottom two of a page, the same apart from its
   numbers and in the same size on at least half of the pages, two at least), bare page numbers ("3",
   "- 3 -", "Seite 3 von 5", "Page 3 of 5", "3/5") and small print there above or below all body text (a
   browser's date, title and address lines) are left out: on every page they would cut the paragraph that
   runs over the page break in two and repeat in the comparison as often as there are pages.
4. Lines are joined into paragraphs (a blank line between): a paragraph ends at a change of size, a wider
   gap than the line spacing, or a short line ending a sentence. A word hyphenated at the line end is
   joined ("Bundes-" + "regierung"); a hyphen before a capital or digit stays ("CDU-" + "Chef"), and so
   does one before "und"/"oder" ("Ein- und Ausgang"). Where the document itself spells the word, that
   spelling decides.

Bounds against hostile files: the object count is read from the file before pypdf parses it, each
compressed stream may expand to ``MAX_STREAM_BYTES`` (pypdf's own limit, lowered), all page content
together to ``MAX_CONTENT_BYTES``, and at most ``MAX_PAGES`` pages are read.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_PAGES = 1_000  # a book; articles and press releases have 1-20
MAX_OBJECTS = 250_000  # a 1,000-page book has some 100,000; a hostile file a million
MAX_STREAM_BYTES = 10 * 1024 * 1024  # one page's content is 5-200 KB
MAX_CONTENT_BYTES = 40 * 1024 * 1024  # all pages' content together
MAX_PAGE_OPERATIONS = 500_000  # pypdf's parsing budget a page (operators and operands); a dense page has 50,000
_MAX_BLOCKS = 120  # per page (articles have 5-40); past this, blocks are read top to bottom: the ordering is cubic

_OBJECT_SIZE = re.compile(rb"/Size\s+(\d{1,12})")
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?(?:(?:seite|page|s\.|p\.)\s*)?\d{1,4}(?:\s*(?:/|von|of)\s*\d{1,4})?(?:\s*[-–—])?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_HYPHENS = "-\u2010\u2011"
# Where a paragraph may end: a sentence end, a closing quote, a colon ("zum 1." is a date going on).
_PARAGRAPH_END = re.compile(r"(?<!\d)[.!?:…\"'”’“»«]$")
_KEEP_HYPHEN_BEFORE = frozenset(["und", "oder", "bis", "sowie", "als", "wie", "and", "or", "nor", "to"])
_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
_JUNK_TITLE = re.compile(
    r"^(?:untitled|unbenannt|microsoft word\b|document\d*$|dokument\d*$)|\.(?:docx?|pdf|odt|html?)$", re.IGNORECASE
)


class PdfProblem(ValueError):
    """A PDF that gives no article text; the message is the reason shown after the file name."""


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    title: str


@dataclass(slots=True)
class _Piece:
    x: float
    y: float
    size: float
    text: str
    width: float

    @property
    def end(self) -> float:
        return self.x + self.width


@dataclass(slots=True)
class _Segment:
    x0: float
    x1: float
    y: float
    size: float
    text: str


@dataclass(slots=True)
class _Block:
    lines: list[_Segment] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].y + self.lines[0].size

    @property
    def bottom(self) -> float:
        return self.lines[-1].y


def pdf_to_text(data: bytes) -> PdfText:
    """The article text of a PDF, or ``PdfProblem`` saying why there is none."""
    objects = max((int(found) for found in _OBJECT_SIZE.findall(data)), default=0)
    if objects > MAX_OBJECTS:
        raise PdfProblem(f"too many PDF objects: {objects:,}, the limit is {MAX_OBJECTS:,} (a damaged or hostile file)")
    import pypdf  # 60 ms to import: only PDF users pay
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        with pypdf.apply_configuration(
            zlib_maximum_output_length=MAX_STREAM_BYTES,
            lzw_maximum_output_length=MAX_STREAM_BYTES,
            run_length_maximum_output_length=MAX_STREAM_BYTES,
            brotli_maximum_output_length=MAX_STREAM_BYTES,
            array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
            maximum_declared_stream_length=MAX_STREAM_BYTES,
            stream_decoding_work_maximum_length=4 * MAX_STREAM_BYTES,
            page_tree_maximum_entries=MAX_PAGES * 10,
            stream_parsing_work_maximum_count=MAX_PAGE_OPERATIONS,
        ):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            _decrypt(reader)
            pages, metadata_title = _read_pages(reader)
    except PdfProblem:
        raise
    except LimitReachedError:
        raise PdfProblem(
            f"a compressed stream expands past {MAX_STREAM_BYTES // (1024 * 1024)} MB (a compression bomb)"
        ) from None
    except FileNotDecryptedError:
        raise PdfProblem("encrypted: it needs a password to open") from None
    except DependencyError:
        raise PdfProblem("encrypted with a method this installation cannot decrypt") from None
    except RecursionError:
        raise PdfProblem("not a readable PDF (its objects are nested too deeply)") from None
    except (PdfReadError, Exception) as error:
        raise PdfProblem(f"not a readable PDF ({_short(error)})") from None
    return _assemble(pages, metadata_title)


def _decrypt(reader: Any) -> None:
    if not reader.is_encrypted:
        return
    from pypdf import PasswordType

    # Most "protected" PDFs only restrict printing or copying: they open with the empty password.
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise PdfProblem("encrypted: it needs a password to open (open it, save an unprotected copy, compare that)")


def _read_pages(reader: Any) -> tuple[list[list[_Piece]], str]:
    from pypdf.errors import LimitReachedError

    count = len(reader.pages)
    if count > MAX_PAGES:
        raise PdfProblem(f"too many pages: {count:,}, the limit is {MAX_PAGES:,}")
    pages: list[list[_Piece]] = []
    fonts: dict[int, Any] = {}
    content_bytes = 0
    for page in reader.pages:  # all content inflated (and so bounded) before any is parsed
        contents = page.get_contents()
        content_bytes += len(contents.get_data()) if contents is not None else 0
        if content_bytes > MAX_CONTENT_BYTES:
            raise PdfProblem(
                f"page content expands past {MAX_CONTENT_BYTES // (1024 * 1024)} MB (a compression bomb "
                "or not an article)"
            )
    images = False
    for number, page in enumerate(reader.pages, 1):
        pieces: list[_Piece] = []

        def visit(
            text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float, pieces: list[_Piece] = pieces
        ) -> None:
            if not text.strip():
                return
            matrix = _multiply(tm, cm)
            size_here = max(float(size) * ((matrix[2] ** 2 + matrix[3] ** 2) ** 0.5 or 1.0), 1.0)
            for number, line in enumerate(text.split("\n")):  # pypdf sends one line at a time; guard anyway
                if line.strip():
                    width = _width(line, size_here, font, fonts)
                    pieces.append(_Piece(matrix[4], matrix[5] - number * size_here * 1.2, size_here, line, width))

        try:
            page.extract_text(orientations=(0,), visitor_text=visit)
        except LimitReachedError:
            raise PdfProblem(
                f"page {number} has more drawing operations than any article page (a damaged or hostile file)"
            ) from None
        if not pieces and not images:
            images = _has_images(page)
        pages.append(pieces)
    metadata = reader.metadata
    title = str(metadata.title or "") if metadata is not None else ""
    if not any(pages):
        if images:
            raise PdfProblem("no text layer — scanned image (text recognition is not supported)")
        raise PdfProblem("no text in this PDF")
    return pages, title


def _has_images(page: Any) -> bool:
    try:
        resources = page.get("/Resources") or {}
        objects = resources.get("/XObject") or {}
        return any(objects[name].get("/Subtype") == "/Image" for name in objects)
    except Exception:
        return False


def _multiply(a: Sequence[float], b: Sequence[float]) -> tuple[float, float, float, float, float, float]:
    """PDF matrices [a b c d e f]: ``a`` then ``b``."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _width(text: str, size: float, font: Any, fonts: dict[int, Any]) -> float:
    """The width from the font's metrics; half an em a character where they cannot be read."""
    key = id(font)
    if key not in fonts:
        try:
            from pypdf.generic._font import Font

            fonts[key] = (Font.from_font_resource(font), font)  # the dictionary is kept so its id stays unique
        except Exception:
            fonts[key] = (None, font)
    measured = fonts[key][0]
    if measured is not None:
        try:
            width = float(measured.get_text_width(text)) * size / 1000
            if width > 0:
                return width
        except Exception:
            pass
    return len(text) * size * 0.5


def _short(error: BaseException) -> str:
    text = _SPACES.sub(" ", str(error)).strip() or type(error).__name__
    return text[:120]


# -- layout ------------------------------------------------------------------------------------------------


def _segments(pieces: list[_Piece]) -> list[_Segment]:
    """Pieces on one baseline joined left to right, cut at gutters."""
    ordered = sorted(pieces, key=lambda p: (-p.y, p.x))
    lines: list[list[_Piece]] = []
    for piece in ordered:
        if lines and abs(lines[-1][0].y - piece.y) <= 0.35 * min(lines[-1][0].size, piece.size):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    segments: list[_Segment] = []
    for line in lines:
        line.sort(key=lambda p: p.x)
        current: _Segment | None = None
        for piece in line:
            gap_limit = 1.5 * max(piece.size, current.size if current else 0)
            if current is not None and piece.x - current.x1 <= gap_limit and piece.x >= current.x0:
                glue = "" if piece.x - current.x1 < 0.15 * piece.size and not piece.text[:1].isspace() else " "
                current.text = (current.text.rstrip() + glue + piece.text.lstrip()).strip()
                current.x1 = max(current.x1, piece.end)
                current.size = max(current.size, piece.size)
            else:
                current = _Segment(piece.x, piece.end, piece.y, piece.size, piece.text.strip())
                segments.append(current)
    return [s for s in segments if s.text]


def _without_furniture(pages: list[list[_Segment]]) -> list[list[_Segment]]:
    """Drop running headers and footers and page numbers from the top and bottom two lines of each page, and
    small print there that sits above or below all the text in body size (a browser's date, title and
    address lines, which a one-page print cannot show repeating)."""
    sizes = [s.size for segments in pages for s in segments for _ in range(len(s.text))]
    body = statistics.median(sizes) if sizes else 0.0
    bands: list[set[int]] = []
    for segments in pages:
        heights = sorted({round(s.y, 1) for s in segments}, reverse=True)
        edge = set(heights[:2]) | set(heights[-2:])
        bands.append({i for i, s in enumerate(segments) if round(s.y, 1) in edge})
    keys = Counter(
        key for segments, band in zip(pages, bands, strict=True) for key in {_key(segments[i]) for i in band}
    )
    needed = max(2, (len(pages) + 1) // 2)
    result = []
    for segments, band in zip(pages, bands, strict=True):
        body_heights = [s.y for s in segments if s.size > 0.8 * body]
        top, bottom = (max(body_heights), min(body_heights)) if body_heights else (0.0, 0.0)

        def furniture(s: _Segment, top: float = top, bottom: float = bottom) -> bool:
            small_print = s.size <= 0.8 * body and (s.y > top or s.y < bottom)
            return keys[_key(s)] >= needed or small_print or _PAGE_NUMBER.fullmatch(s.text.strip()) is not None

        result.append([s for i, s in enumerate(segments) if i not in band or not furniture(s)])
    return result


def _key(segment: _Segment) -> tuple[str, int]:
    return _SPACES.sub(" ", _DIGITS.sub("#", segment.text.lower())).strip(), round(segment.size)


def _blocks(segments: list[_Segment]) -> list[_Block]:
    """Segments that follow each other down one column, in one size."""
    blocks: list[_Block] = []
    open_blocks: list[_Block] = []
    for segment in segments:  # top to bottom, left to right
        chosen = None
        for block in open_blocks:
            last = block.lines[-1]
            step = last.y - segment.y
            same_size = abs(last.size - segment.size) <= 0.12 * max(last.size, segment.size)
            overlaps = segment.x0 < block.x1 and segment.x1 > block.x0
            if same_size and overlaps and 0.5 * segment.size < step <= 2.6 * segment.size:
                chosen = block
                break
        if chosen is None:
            chosen = _Block()
            blocks.append(chosen)
        chosen.lines.append(segment)
        open_blocks = [b for b in blocks if b.lines[-1].y - segment.y <= 3 * segment.size]
    return blocks


def _reading_order(blocks: list[_Block]) -> list[_Block]:
    """Breuel's two rules, then a stable topological sort (ties: top to bottom, left to right)."""
    if len(blocks) > _MAX_BLOCKS:
        return blocks
    n = len(blocks)
    before: list[set[int]] = [set() for _ in range(n)]  # before[j]: blocks that must come before j
    box = [(b.x0, b.x1, b.bottom, b.top) for b in blocks]
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            ax0, ax1, abottom, atop = box[i]
            bx0, bx1, bbottom, btop = box[j]
            if ax0 < bx1 and bx0 < ax1:
                if atop > btop and abottom >= bbottom:
                    before[j].add(i)  # overlapping columns: the upper one
            elif ax1 <= bx0 and not any(
                k not in (i, j)
                and box[k][0] < ax1
                and box[k][1] > bx0
                and ((abottom >= box[k][3] and box[k][2] >= btop) or (bbottom >= box[k][3] and box[k][2] >= atop))
                for k in range(n)
            ):
                before[j].add(i)  # side by side: the left one, unless a block spanning both lies between
    order: list[int] = []
    placed: set[int] = set()
    while len(order) < n:
        ready = [k for k in range(n) if k not in placed and before[k] <= placed]
        if not ready:  # a cycle (overlapping blocks): take the topmost left
            ready = [k for k in range(n) if k not in placed]
        chosen = min(ready, key=lambda k: (-round(box[k][3]), box[k][0]))
        order.append(chosen)
        placed.add(chosen)
    return [blocks[k] for k in order]


# -- text --------------------------------------------------------------------------------------------------


def _assemble(raw_pages: list[list[_Piece]], metadata_title: str) -> PdfText:
    pages = _without_furniture([_segments(pieces) for pieces in raw_pages])
    ordered: list[tuple[_Block, list[_Segment]]] = []
    for segments in pages:
        blocks = _reading_order(_blocks(segments))
        page_lines = [line for block in blocks for line in block.lines]
        for block in blocks:
            size = block.lines[0].size
            column = [s for s in page_lines if abs(s.x0 - block.x0) <= s.size and abs(s.size - size) <= 0.12 * size]
            ordered.append((block, column))
    sizes = [line.size for block, _ in ordered for line in block.lines for _ in range(len(line.text))]
    body_size = statistics.median(sizes) if sizes else 0.0
    words = Counter(word.lower() for block, _ in ordered for line in block.lines for word in _WORD.findall(line.text))

    paragraphs: list[tuple[str, float]] = []
    current: list[str] = []
    current_size = 0.0
    previous: _Segment | None = None
    previous_block: _Block | None = None
    previous_room = 0.0
    room_rule = _room_rule_holds(ordered)
    for block, column in ordered:
        right = max(s.x1 for s in column)
        spacing = _line_spacing(block)
        for number, line in enumerate(block.lines):
            if previous is not None and previous_block is not None:
                size_changed = abs(previous.size - line.size) > 0.12 * max(previous.size, line.size)
                # A sentence ended a line early although the next word would have fitted: so did the paragraph.
                ended = (
                    room_rule
                    and previous_room > _first_word_width(line) + 0.3 * line.size
                    and _PARAGRAPH_END.search(previous.text) is not None
                )
                if number == 0:
                    # A block below the last one in the same column starts after a gap; a block at the top of
                    # the next column or page continues the paragraph unless the last line ended it.
                    below = previous_block.x0 < block.x1 and block.x0 < previous_block.x1 and block.top < previous.y
                    breaks = below or ended
                else:
                    breaks = previous.y - line.y > 1.4 * spacing or ended
                if size_changed or breaks:
                    paragraphs.append((_join(current, words), current_size))
                    current = []
            if not current:
                current_size = line.size
            current.append(line.text)
            previous, previous_block = line, block
            previous_room = right - line.x1
    if current:
        paragraphs.append((_join(current, words), current_size))

    # The headline: the largest text near the start (a printed web page has its navigation above it).
    candidates = [(size, -number, text) for number, (text, size) in enumerate(paragraphs[:12]) if len(text) <= 300]
    biggest = max(candidates, default=(0.0, 0, ""))
    title = biggest[2] if biggest[0] >= 1.2 * body_size else ""
    metadata_title = _SPACES.sub(" ", metadata_title).strip()
    if not title and metadata_title and not _JUNK_TITLE.search(metadata_title):
        title = metadata_title
    return PdfText("\n\n".join(text for text, _ in paragraphs if text), title)


def _room_rule_holds(ordered: list[tuple[_Block, list[_Segment]]]) -> bool:
    """Whether "the next word would have fitted" can be trusted: with widths pypdf could not measure, most
    lines seem to have room, and the rule would cut every paragraph into lines."""
    roomy = total = 0
    for block, column in ordered:
        right = max(s.x1 for s in column)
        for line, after in zip(block.lines, block.lines[1:], strict=False):
            total += 1
            roomy += right - line.x1 > _first_word_width(after) + 0.3 * after.size
    return total == 0 or roomy <= 0.4 * total


def _first_word_width(line: _Segment) -> float:
    word = line.text.split(" ", 1)[0]
    return (line.x1 - line.x0) * len(word) / max(len(line.text), 1)


def _line_spacing(block: _Block) -> float:
    steps = [a.y - b.y for a, b in zip(block.lines, block.lines[1:], strict=False) if a.y > b.y]
    return statistics.median(steps) if steps else 1.2 * block.lines[0].size


def _join(lines: list[str], words: Counter[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = join_lines(text, line, words)
    return text


def join_lines(before: str, after: str, words: Counter[str] | None = None) -> str:
    """Two lines of one paragraph: a space between, or a line-end hyphen resolved (see the module doc)."""
    before, after = before.rstrip(), after.lstrip()
    if before.endswith("\u00ad"):
        return before[:-1] + after
    if before[-1:] not in _HYPHENS or len(before) < 2 or before[-2].isspace():
        return f"{before} {after}"  # a dash between words: "Ein- und Ausgang" needs the same below
    if before[-2].isdigit():
        return before + after  # "72-" + "hour", "2026-" + "2027"
    head = before[:-1]
    next_word = after.split(" ", 1)[0]
    if next_word.lower().strip(",.;:") in _KEEP_HYPHEN_BEFORE:
        return f"{before} {after}"  # "Ein- und Ausgang"
    last_word = head.rsplit(" ", 1)[-1]
    joined = _WORD.match(last_word + next_word)
    hyphened = _WORD.match(last_word + "-" + next_word)
    if words is not None and joined and hyphened:
        plain = words[joined.group().lower()]
        kept = words[hyphened.group().lower()]
        if plain != kept:
            return head + after if plain > kept else before + after
    if after[:1].islower():
        return head + after  # "Bundes-" + "regierung"
    return before + after  # "CDU-" + "Chef"
