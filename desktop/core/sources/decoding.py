"""Bytes to text: refuse what is not text (by magic number) and find the encoding of what is.

Articles arrive from editors, e-mail attachments and old archives, so UTF-8 is only the common case:
UTF-16 from Windows tools (often without a BOM), cp1252 from old CMS exports, and files that are UTF-8
with a few cp1252 bytes pasted in. Each is decoded to what a reader would see rather than refused.
"""

from __future__ import annotations

import codecs
import re

# (magic prefix, offset, what to tell the user). Checked before decoding so a renamed archive or image
# never reaches the HTML parser (a zip bomb renamed .html is refused on its first four bytes).
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"RIFF", 0, "RIFF media file (WebP/WAV/AVI)"),
    (b"ftyp", 4, "MP4/MOV video"),
    (b"OggS", 0, "Ogg media file"),
    (b"ID3", 0, "MP3 audio"),
    (b"PK\x03\x04", 0, "ZIP archive"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"PK\x07\x08", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip-compressed data"),
    (b"BZh", 0, "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"(\xb5/\xfd", 0, "zstd-compressed data"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "Mach-O executable"),
    (b"%PDF-", 0, "PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Microsoft Office 97-2003 document"),
    (b"{\\rtf", 0, "RTF document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"wOFF", 0, "web font"),
    (b"wOF2", 0, "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# charset-normalizer guesses among near-identical Western codecs on short German or English texts
# (cp1250, latin-2, mac_roman …); cp1252 is what such files almost always are, so it wins that tie.
_WESTERN = {
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "cp1254",
    "iso8859_9",
    "iso8859_3",
    "iso8859_4",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_16",
    "cp1257",
    "cp850",
    "cp437",
    "mac_latin2",
    "ascii",
}
_DECLARED_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso_8859-1": "cp1252",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_SAMPLE = 4096
_DECISION_SAMPLE = 1 << 20
_TYPOGRAPHIC = set("„“”‚‘’«»‹›–—…€§°©®·•\u00a0")
_UNLIKELY = set("ªºƒµŠšŽžŒœŸÐðÞþ")  # letters cp1252 has but German/English text hardly uses
_META_CHARSET = re.compile(r"""(?:<meta[^<>]*?charset|<\?xml[^<>]*?encoding)\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF8_EVIDENCE = re.compile("[\u00c0-\u017f\u2013-\u201e\u20ac]")  # Latin letters, dashes, quotes, euro sign


class NotText(ValueError):
    """The bytes are not a text document; ``str(error)`` says what they look like instead."""


def sniff_binary(data: bytes) -> str | None:
    """What kind of non-text file ``data`` starts like, or None if it may be text."""
    for magic, offset, kind in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return kind
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` as text, trying a declared charset (HTTP header, HTML meta) after any BOM.

    Raises ``NotText`` with a short reason when the bytes are binary or in no encoding we can tell.
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise NotText(f"not a text file (looks like {kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise NotText("not a text file (contains NUL bytes)")
    if declared:
        text = _try_declared(data, declared)
        if text is not None:
            return _checked(text)
    return _checked(_guess(data))


def html_declared_charset(data: bytes) -> str | None:
    """The charset a page names for itself in its first few KB (<meta charset>, http-equiv, XML prolog)."""
    head = data[:_SAMPLE].decode("ascii", errors="replace")
    match = _META_CHARSET.search(head)
    return match.group(1) if match else None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 4 and "end of data" in str(error.reason):
            return data[: error.start].decode(encoding)  # a file cut off in the middle of a character
        raise NotText(f"cannot decode the text: invalid {encoding.upper()} at byte {error.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """Windows tools write UTF-16 without a BOM; Latin text then has a NUL in every other byte."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / max(len(odd), 1)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _try_declared(data: bytes, declared: str) -> str | None:
    name = declared.strip().strip("\"'").lower()
    name = _DECLARED_ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    if name.replace("_", "-") not in {"utf-8", "utf8"} and _is_utf8_with_non_ascii(data):
        return data.decode("utf-8")  # pages that declare latin-1 but are UTF-8 are far commoner than the reverse
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        head = data[: error.start]
        if error.start >= len(data) - 4 and "end of data" in str(error.reason) and not head.isascii():
            return head.decode("utf-8")  # cut off mid-character; a lone cp1252 "ß" at the end of ASCII is not
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    western = _plausible_cp1252(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # 25 ms import, needed only for files that are not UTF-8

    best = from_bytes(data[:_DECISION_SAMPLE]).best()
    if best is None:
        raise NotText("cannot tell the text encoding (not UTF-8, UTF-16 or a Western encoding)")
    encoding = best.encoding
    if encoding in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            encoding = "latin_1" if encoding == "cp1252" else encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise NotText(f"cannot decode the text (looks like {encoding}, but is not)") from None


def _plausible_cp1252(data: bytes) -> str | None:
    """German or English in cp1252: few non-ASCII characters, nearly all of them letters (ä, ß, é) or
    typographic marks („ “ – € …). charset-normalizer misreads such short texts ('Maß' came back as
    Japanese); Cyrillic or Greek in their own codepages fail the first test, being mostly non-ASCII."""
    try:
        text = data[:_DECISION_SAMPLE].decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [char for char in text if char > "\x7f"]
    letters = sum(1 for char in text if char.isalpha())
    if not non_ascii or len(non_ascii) > 0.3 * max(letters, 1):
        return None
    likely = sum(1 for char in non_ascii if (char.isalpha() and char not in _UNLIKELY) or char in _TYPOGRAPHIC)
    if likely < 0.8 * len(non_ascii):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray cp1252 bytes (text pasted from an old document): keep both readable.

    Decided on the first megabyte, so a large cp1252 file is not decoded twice over (6 s on 42 MB).
    """
    whole = len(data) <= _DECISION_SAMPLE
    sample = data[:_DECISION_SAMPLE].decode("utf-8", errors="surrogateescape")
    if sample.isascii() and not whole:  # nothing to decide on yet: the stray bytes come later
        sample, whole = data.decode("utf-8", errors="surrogateescape"), True
    invalid = len(_ESCAPED.findall(sample))
    valid_non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore")) - invalid
    # Umlauts, accents and typographic marks as UTF-8 prove the file is UTF-8 at heart however many cp1252
    # bytes were pasted in; cp1252 text forms such byte pairs only by chance ("Ã" + "¼"), so one is enough.
    if valid_non_ascii == 0 or (invalid > valid_non_ascii and not _UTF8_EVIDENCE.search(sample)):
        return None
    text = sample if whole else data.decode("utf-8", errors="surrogateescape")
    return _ESCAPED.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text)


def _checked(text: str) -> str:
    """A text full of control characters is a binary format the magic table does not know."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotText("not a text file (control characters)")
    return text
