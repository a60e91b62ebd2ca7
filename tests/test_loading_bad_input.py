"""Bad and hostile input files: every one ends in a LoadError with a short reason, never a traceback or a hang."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path

import pytest

from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import load_article


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def reason_for(source: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_article(source, "A")
    assert caught.value.source == source
    assert str(caught.value) == f"{source}: {caught.value.reason}"
    return caught.value.reason


def zip_bomb() -> bytes:
    """20 MB of zeros deflated to ~20 KB: the loader must refuse it on its magic number, not inflate it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "the file is empty"),
    ("invisible.txt", "\u200b\u00ad\ufeff".encode(), "the file is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(100), "not a text file (looks like PNG image)"),
    ("archive.txt", b"PK\x03\x04" + bytes(100), "not a text file (looks like ZIP archive)"),
    ("program", b"\x7fELF\x02\x01\x01" + bytes(100), "not a text file (looks like ELF executable)"),
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a text file (looks like PDF document)"),
    (
        "page.html",
        gzip.compress(b"<html><body><p>Hi</p></body></html>"),
        "not a text file (looks like gzip-compressed data)",
    ),
    ("report.docx", b"PK\x03\x04" + bytes(100), "not a Word document (not a readable ZIP archive)"),
    ("nul.txt", b"Some text\0with a NUL byte " * 20, "not a text file (contains NUL bytes)"),
    ("controls.txt", bytes(range(1, 9)) * 200, "not a text file (control characters)"),
    (
        "random.txt",
        bytes(range(0x80, 0x100)) * 50,
        "cannot tell the text encoding (not UTF-8, UTF-16 or a Western encoding)",
    ),
    (
        "nothing.html",
        b"<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "no article text found in the page",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_gives_a_clear_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    assert reason_for(write(tmp_path, name, data)) == reason


def test_zip_bomb_renamed_html_is_refused_by_its_magic(tmp_path: Path) -> None:
    assert reason_for(write(tmp_path, "bomb.html", zip_bomb())) == "not a text file (looks like ZIP archive)"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(212 * 1024 * 1024)  # sparse: no 212 MB written, only the size set
    assert reason_for(str(path)) == "too large: 212 MB, the limit is 50 MB"


def test_missing_file(tmp_path: Path) -> None:
    assert reason_for(str(tmp_path / "nicht-da.txt")) == "no such file"


def test_directory_given_as_file(tmp_path: Path) -> None:
    assert reason_for(str(tmp_path)) == "is a folder, not a file"


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert reason_for(str(tmp_path / "a.txt")) == "symbolic link loop"


def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert reason_for(str(pipe)) == "not a regular file (a device, pipe or socket)"


def test_path_under_a_file(tmp_path: Path) -> None:
    source = write(tmp_path, "file.txt", b"text")
    assert reason_for(source + "/inner.txt") == "a part of the path is not a folder"


def test_null_character_in_the_name(tmp_path: Path) -> None:
    assert reason_for(str(tmp_path / "a\0b.txt")) == "not a valid file name"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    source = write(tmp_path, "secret.txt", b"text")
    os.chmod(source, 0)
    assert reason_for(source) == "permission denied"


def test_permission_denied_on_open_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same case as above for runs as root (containers, CI): opening fails after stat succeeded.
    source = write(tmp_path, "secret.txt", b"text")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert reason_for(source) == "permission denied"


@pytest.mark.parametrize("source", ["file:///etc/passwd", "ftp://example.org/a.txt", "FILE://x/y"])
def test_non_web_addresses_are_refused(source: str) -> None:
    assert reason_for(source) == "only http:// and https:// addresses can be fetched"


def test_one_megabyte_line_without_punctuation_loads(tmp_path: Path) -> None:
    line = ("wort " * 200_000).strip()
    article = load_article(write(tmp_path, "line.txt", line.encode()), "A")
    assert article.text == line
    assert article.title == "line"


def test_hundred_thousand_one_word_lines_load(tmp_path: Path) -> None:
    text = "\n".join(f"w{i}" for i in range(100_000))
    article = load_article(write(tmp_path, "words.txt", text.encode()), "A")
    assert article.text == text


def test_deeply_nested_html_still_yields_its_text(tmp_path: Path) -> None:
    depth = 10_000
    page = (
        "<html><head><title>Tief verschachtelt</title></head><body>"
        + "<div>" * depth
        + "<p>Der Satz ganz unten wird trotzdem gefunden.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    article = load_article(write(tmp_path, "deep.html", page.encode()), "A")
    assert article.text == "Tief verschachtelt\n\nDer Satz ganz unten wird trotzdem gefunden."
    assert article.title == "Tief verschachtelt"


def test_deeply_nested_unclosed_html(tmp_path: Path) -> None:
    page = "<title>Offen</title>" + "<div><span>" * 10_000 + "Text ohne Ende."
    article = load_article(write(tmp_path, "open.html", page.encode()), "A")
    assert article.text.endswith("Text ohne Ende.")


def test_huge_inline_script_and_style_are_dropped(tmp_path: Path) -> None:
    script = "var payload = '<p>not article</p>';" * 400_000  # ~14 MB, over lxml's 10 MB text node limit
    style = "p { color: red }" * 200_000
    page = (
        f"<html><head><title>Bericht</title><style>{style}</style></head><body><script>{script}</script>"
        "<article><p>Der eigentliche Bericht steht hier und ist lang genug.</p></article></body></html>"
    )
    article = load_article(write(tmp_path, "scripts.html", page.encode()), "A")
    assert "Der eigentliche Bericht steht hier und ist lang genug." in article.text
    assert "payload" not in article.text
    assert "color" not in article.text


@pytest.mark.parametrize(
    "markup",
    ["<" * 200_000, "<a " * 100_000, "<!--" + "x" * 100_000, "<p a='" + "x" * 100_000, "<![CDATA[" + "<b>" * 50_000],
)
def test_pathological_markup_ends_in_a_load_error_or_text(tmp_path: Path, markup: str) -> None:
    # inputs that make stdlib html.parser quadratic; the scanner is linear, so these finish at once
    source = write(tmp_path, "odd.html", ("<html><body>" + markup).encode())
    try:
        article = load_article(source, "A")
    except LoadError as error:
        assert error.reason == "no article text found in the page"
    else:
        assert "<a " not in article.text


@pytest.mark.parametrize(
    "line",
    ["[" * 19_000, "**a " * 4_900, "![a](" * 3_900, "<!--" * 4_900, "# a" + " " * 19_000 + "b ##", "~~a " * 4_900],
)
def test_adversarial_markdown_lines_load_without_backtracking(tmp_path: Path, line: str) -> None:
    # each of these took seconds to minutes with '.+?'-style inline patterns; the text survives minus markup
    article = load_article(write(tmp_path, "odd.md", (line + "\n\nEin normaler Satz.").encode()), "A")
    assert article.text.endswith("Ein normaler Satz.")


def test_page_with_millions_of_tags_is_refused_without_parsing(tmp_path: Path) -> None:
    source = write(tmp_path, "tags.html", b"<p>Anfang.</p>" + b"<b>" * 2_100_000)
    assert reason_for(source) == "too much markup for an article page (2.1 million tags, the limit is 2 million)"


def test_web_address_without_scheme_gets_a_hint() -> None:
    assert reason_for("www.example.org/artikel") == "no such file (for a web page, write https:// in front)"
