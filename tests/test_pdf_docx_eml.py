"""PDF, Word and e-mail files as articles (issue 19).

Every test builds its own file from a bundled sample article: a two-column PDF with a running header, page
numbers and words hyphenated at line ends (written by hand below: pypdf reads PDFs but lays out no text), a
.docx written with python-docx, and .eml messages written with the standard library. Compared with the
.txt of the same article they must give the same sentences, every one in a group with its twin, identical.
"""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from email.message import EmailMessage
from pathlib import Path

import pytest
from pypdf.generic._font import Font  # Helvetica's widths, to wrap lines as a typesetter would

from desktop.core.model import Article, Comparison, Role, Status
from desktop.core.pipeline import compare
from desktop.core.resources import resource_path
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import load_article
from desktop.core.sources.pdf_text import join_lines

GERMAN = "de/1-agentur.txt"
ENGLISH = "en/1-wire.txt"
HEADER = "Nordwest-Anzeiger · Politik · Dienstag, 14. Oktober 2025"

# -- a small PDF writer ------------------------------------------------------------------------------------

_HELVETICA = Font.from_core_font_name("/Helvetica")


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252")  # WinAnsiEncoding: umlauts, „“ quotes, dashes
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def build_pdf(
    pages: list[list[tuple[float, float, float, str]]],
    *,
    title: str = "",
    compress: bool = True,
    raw_contents: list[bytes] | None = None,
    image_pages: bool = False,
) -> bytes:
    """A PDF whose pages hold the given runs (x, y, size, text) in Helvetica."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 1 >>\nstream\n\x80\nendstream",
    }
    images = b"/XObject << /Im1 4 0 R >> " if image_pages else b""
    contents = raw_contents or [
        b"".join(b"BT /F1 %g Tf %g %g Td %s Tj ET\n" % (size, x, y, _pdf_string(text)) for x, y, size, text in runs)
        for runs in pages
    ]
    if image_pages:
        contents = [b"q 400 0 0 580 10 10 cm /Im1 Do Q\n" for _ in contents]
    kids = []
    number = 5
    for content in contents:
        kids.append(number)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 3 0 R >> %s>> "
            b"/Contents %d 0 R >>" % (images, number + 1)
        )
        if compress:
            packed = zlib.compress(content)
            objects[number + 1] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
                len(packed),
                packed,
            )
        else:
            objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        number += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = b""
    if title:
        objects[number] = b"<< /Title %s >>" % _pdf_string(title)
        info = b" /Info %d 0 R" % number
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, objects[key])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for key in range(1, size):
        out += b"%010d 00000 n \n" % offsets[key]
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, info, xref)
    return bytes(out)


def _fits(text: str, size: float, width: float) -> bool:
    return _HELVETICA.get_text_width(text) * size / 1000 <= width


def _split_word(line: str, word: str, size: float, width: float) -> tuple[str, str] | None:
    """A word that does not fit, hyphenated as a typesetter would: long words between letters, compounds
    with a capital after the hyphen at their hyphen ("Vestalis-" / "Vorstandschef")."""
    if "-" in word[1:-1]:
        head, _, rest = word.partition("-")
        if rest[:1].isupper() and _fits(f"{line} {head}-", size, width):
            return f"{head}-", rest
        return None
    letters = word.rstrip(".,;:!?“”\"'")
    if len(letters) < 8 or not letters.isalpha():
        return None
    for cut in range(len(letters) - 3, 2, -1):
        if _fits(f"{line} {word[:cut]}-", size, width):
            return f"{word[:cut]}-", word[cut:]
    return None


def _wrap(text: str, size: float, width: float, hyphenate: bool = True) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and not _fits(f"{line} {word}", size, width):
            split = _split_word(line, word, size, width) if hyphenate else None
            if split:
                lines.append(f"{line} {split[0]}")
                line = split[1]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def article_pdf(text: str, *, columns: int = 2, header: str = HEADER, title: str = "") -> bytes:
    """The article laid out like a printed page: headline across the columns, body in ``columns`` columns
    with a gap between paragraphs, a running header and "Seite N von M" at the foot of every page."""
    headline, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    width, height, margin, gutter, size, leading = 420, 595, 40, 20, 11, 14
    column_width = (width - 2 * margin - gutter * (columns - 1)) / columns
    pages: list[list[tuple[float, float, float, str]]] = []
    runs: list[tuple[float, float, float, str]] = []
    y = height - 60
    for line in _wrap(headline, 16, width - 2 * margin, hyphenate=False):
        runs.append((margin, y, 16, line))
        y -= 20
    y -= 8
    column_top, column = y, 0
    for paragraph in paragraphs:
        for line in _wrap(paragraph, size, column_width):
            if y < 60:
                column += 1
                if column == columns:
                    pages.append(runs)
                    runs, column, column_top = [], 0, height - 60
                y = column_top
            runs.append((margin + column * (column_width + gutter), y, size, line))
            y -= leading
        y -= 6
    pages.append(runs)
    for number, page in enumerate(pages, 1):
        if header:
            page.append((margin, height - 30, 7, header))
        page.append((width / 2 - 20, 25, 7, f"Seite {number} von {len(pages)}"))
    return build_pdf(pages, title=title)


# -- helpers -----------------------------------------------------------------------------------------------


def sample(name: str) -> str:
    return resource_path("samples", name).read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def reason_for(source: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(source, "B")
    assert str(caught.value) == f"{source}: {caught.value.reason}"
    assert "\n" not in caught.value.reason
    return caught.value.reason


def content(result: Comparison, article_id: str) -> list[str]:
    return [s.text for s in result.article(article_id).sentences if s.role != Role.BOILERPLATE]


def assert_same_story(txt: Article, other: Article) -> Comparison:
    """The same sentences as the .txt, each in a group with its twin, all identical."""
    result = compare([txt, other])
    assert " ".join(content(result, "B")).split() == " ".join(content(result, "A")).split()
    assert [s.text.split() for s in result.article("B").sentences if s.role != Role.BOILERPLATE] == [
        s.text.split() for s in result.article("A").sentences if s.role != Role.BOILERPLATE
    ]
    for group in result.groups:
        assert set(group.members) == {"A", "B"}
        assert group.status == Status.IDENTICAL
    grouped = sum(len(group.members["A"]) for group in result.groups)
    assert grouped == len(content(result, "A"))
    return result


def load_txt(tmp_path: Path, name: str) -> Article:
    return load_article(write(tmp_path, "article.txt", sample(name).encode()), "A")


# -- PDF ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [GERMAN, ENGLISH])
def test_two_column_pdf_gives_the_same_sentences_and_groups_as_the_text(tmp_path: Path, name: str) -> None:
    data = article_pdf(sample(name))
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    raw = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2 and "Seite 2 von" in raw and HEADER in raw  # furniture on every page
    assert any(word.endswith("-") for word in raw.split())  # and words hyphenated at line ends

    pdf = load_article(write(tmp_path, "article.pdf", data), "B")
    result = assert_same_story(load_txt(tmp_path, name), pdf)
    headline = sample(name).split("\n", 1)[0]
    assert pdf.title == headline
    assert result.article("B").sentences[0].role == Role.TITLE
    # The running header and the page numbers are furniture: none of it is left in the story.
    for text in content(result, "B"):
        assert "Nordwest-Anzeiger" not in text and "Seite" not in text


def test_single_page_pdf_drops_small_print_above_and_below_the_text(tmp_path: Path) -> None:
    """One page cannot show a header repeating; small print above or below all body text is page furniture."""
    text = sample("en/3-brief.txt")
    data = article_pdf(text, columns=1)
    pdf = load_article(write(tmp_path, "brief.pdf", data), "B")
    txt = load_article(write(tmp_path, "brief.txt", text.encode()), "A")
    result = assert_same_story(txt, pdf)
    assert result.article("B").sentences[0].role == Role.TITLE
    assert "Nordwest-Anzeiger" not in pdf.text and "Seite 1 von 1" not in pdf.text


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("die Bundes-", "regierung sagte", "die Bundesregierung sagte"),
        ("der CDU-", "Chef sagte", "der CDU-Chef sagte"),
        ("am Ein-", "und Ausgang", "am Ein- und Ausgang"),
        ("a 72-", "hour strike", "a 72-hour strike"),
        ("eine Ver\u00ad", "sammlung", "eine Versammlung"),
        ("am Dienstag", "sagte er", "am Dienstag sagte er"),
        ("Protest –", "und dann", "Protest – und dann"),
    ],
)
def test_line_end_hyphens(before: str, after: str, joined: str) -> None:
    assert join_lines(before, after) == joined


def test_the_documents_own_spelling_decides_a_line_end_hyphen() -> None:
    from collections import Counter

    assert join_lines("a well-", "known face", Counter({"well-known": 2})) == "a well-known face"
    assert join_lines("a well-", "known face") == "a wellknown face"  # without evidence: joined


def test_pdf_title_from_metadata_when_no_line_is_larger(tmp_path: Path) -> None:
    runs = [(40, 500 - 14 * i, 11, line) for i, line in enumerate(["Der Rat tagte am Dienstag.", "Er beschloss."])]
    path = write(tmp_path, "plain.pdf", build_pdf([runs], title="Ratssitzung in Marlbach"))
    assert load_article(path, "A").title == "Ratssitzung in Marlbach"
    junk = write(tmp_path, "junk.pdf", build_pdf([runs], title="Microsoft Word - rat.docx"))
    assert load_article(junk, "A").title != "Microsoft Word - rat.docx"


def test_scanned_pdf_without_a_text_layer_is_one_clear_line(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", build_pdf([[]], image_pages=True))
    assert reason_for(path) == "no text layer — scanned image (text recognition is not supported)"


def test_pdf_with_no_text_and_no_image(tmp_path: Path) -> None:
    assert reason_for(write(tmp_path, "blank.pdf", build_pdf([[]]))) == "no text in this PDF"


def _encrypted(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf_needing_a_password_is_one_clear_line(tmp_path: Path, algorithm: str) -> None:
    data = _encrypted(article_pdf(sample(GERMAN)), "geheim", "owner", algorithm)
    reason = reason_for(write(tmp_path, "locked.pdf", data))
    assert reason == "encrypted: it needs a password to open (open it, save an unprotected copy, compare that)"


def test_pdf_protected_only_against_copying_opens(tmp_path: Path) -> None:
    data = _encrypted(article_pdf(sample(GERMAN)), "", "owner", "AES-128")
    pdf = load_article(write(tmp_path, "restricted.pdf", data), "B")
    assert_same_story(load_txt(tmp_path, GERMAN), pdf)


def test_damaged_pdf_is_one_clear_line(tmp_path: Path) -> None:
    reason = reason_for(write(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog"))
    assert reason.startswith("not a readable PDF (")


def test_pdf_compression_bomb_is_refused(tmp_path: Path) -> None:
    """200 MB of page content deflated to 200 KB: pypdf stops inflating at the stream limit."""
    bomb = b"0 0 m\n" * (200 * 1024 * 1024 // 6)
    path = write(tmp_path, "bomb.pdf", build_pdf([[]], raw_contents=[bomb]))
    assert Path(path).stat().st_size < 1024 * 1024
    assert reason_for(path) == "a compressed stream expands past 10 MB (a compression bomb)"


def test_pdf_whose_pages_together_expand_past_the_content_limit_is_refused(tmp_path: Path) -> None:
    page = b" " * (7 * 1024 * 1024)  # each stream under the per-stream limit, six together over the total
    path = write(tmp_path, "pages.pdf", build_pdf([[]] * 6, raw_contents=[page] * 6))
    started = time.monotonic()
    assert reason_for(path) == "page content expands past 40 MB (a compression bomb or not an article)"
    assert time.monotonic() - started < 10


def test_pdf_page_with_millions_of_drawing_operations_is_refused(tmp_path: Path) -> None:
    page = b"0 0 m\n" * (9 * 1024 * 1024 // 6)  # 1.5 million operations, deflated to 10 KB
    path = write(tmp_path, "ops.pdf", build_pdf([[]], raw_contents=[page]))
    assert reason_for(path) == ("page 1 has more drawing operations than any article page (a damaged or hostile file)")


def test_pdf_with_a_million_objects_is_refused_before_parsing(tmp_path: Path) -> None:
    count = 1_000_000
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number in range(1, count):
        offsets.append(len(body))
        body += b"%d 0 obj null endobj\n" % number
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % count
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    path = write(tmp_path, "objects.pdf", bytes(body))
    started = time.monotonic()
    assert reason_for(path) == "too many PDF objects: 1,000,000, the limit is 250,000 (a damaged or hostile file)"
    assert time.monotonic() - started < 5


def test_pdf_over_the_file_size_limit_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(60 * 1024 * 1024)
    assert reason_for(str(path)) == "too large: 60 MB, the limit is 50 MB"


# -- Word --------------------------------------------------------------------------------------------------


def article_docx(text: str, *, extras: bool = True) -> bytes:
    import docx

    headline, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER  # a header part: never read
    document.sections[0].footer.paragraphs[0].text = "Seite 1"
    document.add_heading(headline, level=0)  # the "Title" style
    for number, paragraph in enumerate(paragraphs):
        added = document.add_paragraph(paragraph)
        if extras and number == 1:
            document.add_comment(added.runs, text="Zahl prüfen!", author="Redaktion")  # a comment: left out
            footnote = docx.oxml.parse_xml(  # a footnote reference: its text lives in another part
                '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:footnoteReference w:id="1"/></w:r>'
            )
            added._p.append(footnote)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", [GERMAN, ENGLISH])
def test_word_document_gives_the_same_sentences_and_groups_as_the_text(tmp_path: Path, name: str) -> None:
    word = load_article(write(tmp_path, "article.docx", article_docx(sample(name))), "B")
    assert word.title == sample(name).split("\n", 1)[0]
    assert "Zahl prüfen" not in word.text and "Nordwest-Anzeiger" not in word.text
    result = assert_same_story(load_txt(tmp_path, name), word)
    assert result.article("B").sentences[0].role == Role.TITLE


def test_word_headings_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Wahlergebnis in Marlbach", level=1)
    document.add_paragraph("Die Wahl ging knapp aus.")
    document.add_heading("Die Zahlen", level=2)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Partei", "Stimmen"), ("Bürgerliste", "31,2 %")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    word = load_article(write(tmp_path, "wahl.docx", out.getvalue()), "A")
    assert word.title == "Wahlergebnis in Marlbach"
    assert word.text == (
        "Wahlergebnis in Marlbach\n\nDie Wahl ging knapp aus.\n\nDie Zahlen\n\nPartei\tStimmen\n\nBürgerliste\t31,2 %"
    )


def test_docx_zip_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(210):
                member.write(block)
    path = write(tmp_path, "bomb.docx", buffer.getvalue())
    assert Path(path).stat().st_size < 2 * 1024 * 1024
    assert reason_for(path) == "unpacks to 210 MB, the limit is 200 MB (a ZIP bomb or not an article)"


def test_docx_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(5_001):
            archive.writestr(f"word/media/{number}.xml", b"")
    assert reason_for(write(tmp_path, "many.docx", buffer.getvalue())) == (
        "too many parts in the archive: 5,001, the limit is 5,000"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04" + bytes(100), "not a Word document (not a readable ZIP archive)"),
        (b"Just some text saved as .docx", "not a Word document (not a readable ZIP archive)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            "an old Word 97-2003 document or a password-protected one; save it as .docx without a password",
        ),
    ],
    ids=["damaged-zip", "text", "ole"],
)
def test_damaged_word_files_are_one_clear_line(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason_for(write(tmp_path, "report.docx", data)) == reason


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<p>Hallo</p>")
    assert reason_for(write(tmp_path, "other.docx", buffer.getvalue())) == (
        "not a Word document (no word/document.xml inside the ZIP archive)"
    )


# -- e-mail ------------------------------------------------------------------------------------------------


def article_eml(text: str, *, html: bool = False, flowed: bool = False) -> bytes:
    headline, _, body = text.partition("\n\n")
    message = EmailMessage()
    message["From"] = "Nordwest-Agentur <redaktion@nwa.example>"
    message["To"] = "desk@example.org"
    message["Subject"] = f"WG: {headline}"
    message["Date"] = "Tue, 14 Oct 2025 18:05:00 +0200"
    if html:
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
        message.set_content(
            f"<html><head><title>Newsletter</title></head><body><article>{paragraphs}</article>"
            "<footer><a href='https://nwa.example/abmelden'>Newsletter abbestellen</a></footer></body></html>",
            subtype="html",
        )
    elif flowed:
        lines = []
        for paragraph in body.split("\n\n"):
            wrapped = _wrap(paragraph, 10, 400, hyphenate=False)
            lines.extend([line + " " for line in wrapped[:-1]] + [wrapped[-1], ""])
        message.set_content("\n".join(lines), cte="quoted-printable")
        message.set_param("format", "flowed")
    else:
        message.set_content(body)
        message.add_attachment(b"%PDF-1.4 not read", maintype="application", subtype="pdf", filename="a.pdf")
    return bytes(message)


@pytest.mark.parametrize("kind", ["plain", "html", "flowed"])
@pytest.mark.parametrize("name", [GERMAN, ENGLISH])
def test_email_gives_the_same_sentences_and_groups_as_the_text(tmp_path: Path, name: str, kind: str) -> None:
    data = article_eml(sample(name), html=kind == "html", flowed=kind == "flowed")
    mail = load_article(write(tmp_path, "article.eml", data), "B")
    assert mail.title == sample(name).split("\n", 1)[0]  # the subject, without "WG:"
    assert mail.published == "2025-10-14"
    assert mail.source == "Nordwest-Agentur"
    assert "abbestellen" not in mail.text
    result = assert_same_story(load_txt(tmp_path, name), mail)
    assert result.article("B").sentences[0].role == Role.TITLE


def test_email_without_a_text_part(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Anhang"
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    assert reason_for(write(tmp_path, "anhang.eml", bytes(message))) == (
        "the message has no text part (only attachments, or empty)"
    )


def test_file_that_is_no_email(tmp_path: Path) -> None:
    assert reason_for(write(tmp_path, "note.eml", b"Nur ein Satz ohne Kopfzeilen.")) == (
        "not an e-mail message (no mail headers at the top)"
    )


def test_deeply_nested_email_is_one_line(tmp_path: Path) -> None:
    depth = 5_000
    parts = [f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)]
    data = ("Subject: tief\n" + "".join(parts) + "Content-Type: text/plain\n\nHallo.\n").encode()
    path = write(tmp_path, "deep.eml", data)
    try:
        article = load_article(path, "A")
    except LoadError as error:
        assert "\n" not in error.reason
    else:
        assert article.text
