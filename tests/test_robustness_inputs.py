"""The hostile-input corpus through the command line: one error line naming the file, exit 2, the rest compared.

Every input is generated here in ``tmp_path``; nothing binary is committed. Loader-level reasons are pinned in
``test_loading_bad_input.py``; this file pins what a user of ``parallax compare`` sees, and that the long
inputs survive the whole pipeline, not only loading.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import MAX_TEXT_CHARS

GOOD = [str(path) for path in sample_paths("de")[:2]]
GERMAN = (
    "Die Stadt Nordheim hat am Montag die Alte Brücke gesperrt. Ein Gutachten fand Risse in zwei Pfeilern. "
    "Die Reparatur dauert acht Monate, sagte Bürgermeisterin Anna Kälin."
)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *inputs: str) -> tuple[int, list[str], dict[str, Any]]:
    """``compare`` the inputs; exit code, stderr lines and the JSON written (empty if none was)."""
    out = tmp_path / "out.json"
    code = main(["compare", *inputs, "--json", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return code, captured.err.splitlines(), data


def assert_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str, reason: str) -> None:
    """One line naming the file and the reason, exit 2, and the two good articles compared all the same."""
    code, errors, data = run(tmp_path, capsys, bad, *GOOD)
    assert code == 2
    assert errors == [f"parallax: error: {bad}: {reason}"]
    assert [article["path"] for article in data["articles"]] == GOOD
    assert [article["id"] for article in data["articles"]] == ["B", "C"]  # ids follow the order given


def zip_bomb(megabytes: int = 20) -> bytes:
    """Zeros deflated a thousandfold (20 MB to ~20 KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", bytes(megabytes * 1024 * 1024))
    return buffer.getvalue()


REFUSED = [
    ("empty.txt", b"", "the file is empty"),
    ("whitespace.txt", " \n\t\r\n\u3000\u00a0 \n".encode(), "the file is empty"),
    ("image.png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + os.urandom(2000), "not a text file (looks like PNG image)"),
    ("archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0" + os.urandom(2000), "not a text file (looks like ZIP archive)"),
    ("a.out", b"\x7fELF\x02\x01\x01\0" + os.urandom(2000), "not a text file (looks like ELF executable)"),
    ("bomb.html", zip_bomb(), "not a text file (looks like ZIP archive)"),
    (
        "gzip-bomb.html",
        gzip.compress(b"<p>" + b"a" * (20 * 1024 * 1024)),
        "not a text file (looks like gzip-compressed data)",
    ),
]


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED, ids=[case[0] for case in REFUSED])
def test_refused_file_is_one_line_and_the_others_are_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, reason: str
) -> None:
    assert_refused(tmp_path, capsys, write(tmp_path, name, data), reason)


def test_two_hundred_megabytes_are_refused_by_size_before_a_byte_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: the size is set, nothing is written
    opened: list[str] = []
    real_open = Path.open

    def watching_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    assert_refused(tmp_path, capsys, str(huge), "too large: 200 MB, the limit is 50 MB")
    assert str(huge) not in opened
    assert opened  # the good articles were opened through the same call, so the watch did see reads


def test_text_over_the_character_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # under the 50 MB file limit, but more text than a comparison handles in bounded time and memory
    text = ("Ein Satz über die Brücke. " * (MAX_TEXT_CHARS // 26 + 2)).encode()
    assert_refused(
        tmp_path,
        capsys,
        write(tmp_path, "book.txt", text),
        "too long for an article: 2.0 million characters of text, the limit is 2 million",
    )


def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert_refused(tmp_path, capsys, str(tmp_path / "a.txt"), "symbolic link loop")


def test_directory_given_as_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "artikel.txt"
    folder.mkdir()
    assert_refused(tmp_path, capsys, str(folder), "is a folder, not a file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode; covered by the next test")
def test_unreadable_file_by_its_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = write(tmp_path, "secret.txt", GERMAN.encode())
    os.chmod(secret, 0)
    assert_refused(tmp_path, capsys, secret, "permission denied")


def test_unreadable_file_when_opening_is_denied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = write(tmp_path, "secret.txt", GERMAN.encode())
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self) == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert_refused(tmp_path, capsys, secret, "permission denied")


def test_fewer_than_two_readable_articles_is_an_error_with_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path, "empty.txt", b"")
    code, errors, data = run(tmp_path, capsys, empty, GOOD[0])
    assert code == 2
    assert errors == [
        f"parallax: error: {empty}: the file is empty",
        "parallax: error: 1 readable article(s); a comparison needs two",
    ]
    assert data == {}


def test_every_bad_file_gets_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = write(tmp_path, "empty.txt", b"")
    image = write(tmp_path, "photo.html", b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, errors, data = run(tmp_path, capsys, empty, *GOOD, image)
    assert code == 2
    assert errors == [
        f"parallax: error: {empty}: the file is empty",
        f"parallax: error: {image}: not a text file (looks like PNG image)",
    ]
    assert [article["id"] for article in data["articles"]] == ["B", "C"]


# --- inputs that are odd but readable: compared, exit 0 ---------------------------------------------------------


def first_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str) -> str:
    code, errors, data = run(tmp_path, capsys, source, *GOOD)
    assert (code, errors) == (0, [])
    assert [article["path"] for article in data["articles"]] == [source, *GOOD]
    text: str = data["articles"][0]["text"]
    return text


def test_utf8_cut_off_inside_its_last_character(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = (GERMAN + " Grüße").encode()[:-2]  # "Grü" and the first byte of "ß"
    assert first_text(tmp_path, capsys, write(tmp_path, "cut.txt", data)) == GERMAN + " Grü"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    assert first_text(tmp_path, capsys, write(tmp_path, "windows.txt", GERMAN.encode(encoding))) == GERMAN


def test_mixed_encodings_in_one_file_keep_both_parts_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a UTF-8 article with a cp1252 paragraph pasted in, more cp1252 bytes than UTF-8 umlauts
    data = GERMAN.encode() + b"\n\n" + "Nachtrag über Größe, Maß und Spaß.".encode("cp1252")
    text = first_text(tmp_path, capsys, write(tmp_path, "mixed.txt", data))
    assert text == GERMAN + "\n\nNachtrag über Größe, Maß und Spaß."


def test_path_with_non_ascii_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "Überblick – 東京 ✓"
    folder.mkdir()
    source = write(folder, "Brücke_Ærø.txt", GERMAN.encode())
    assert first_text(tmp_path, capsys, source) == GERMAN


def test_deeply_nested_html_is_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = "<title>Tief</title>" + "<div>" * 10_000 + f"<p>{GERMAN}</p>" + "</div>" * 10_000
    assert first_text(tmp_path, capsys, write(tmp_path, "deep.html", page.encode())) == f"Tief\n\n{GERMAN}"


def test_html_with_huge_inline_script_and_style_is_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = "var payload = '<p>not article</p>';" * 300_000  # ~10 MB
    style = "p { color: red }" * 200_000
    page = (
        f"<html><head><title>Sperrung</title><style>{style}</style></head><body><script>{script}</script>"
        f"<article><p>{GERMAN}</p></article><script>{script[:1000]}</script></body></html>"
    )
    text = first_text(tmp_path, capsys, write(tmp_path, "scripts.html", page.encode()))
    assert text == f"Sperrung\n\n{GERMAN}"


@pytest.mark.slow
def test_one_megabyte_line_without_punctuation_goes_through_the_whole_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = " ".join(["Brücke", "Nordheim", "2024", "sagte", "leider", "wort"] * 35_000)  # ~1.1 MB
    code, errors, data = run(tmp_path, capsys, write(tmp_path, "line.txt", line.encode()), *GOOD)
    assert (code, errors) == (0, [])
    article = data["articles"][0]
    assert article["text"] == line
    sentences = article["sentences"]
    assert max(s["end"] - s["start"] for s in sentences) <= 2000  # cut into sentence-sized pieces
    assert " ".join(s["text"] for s in sentences) == line


@pytest.mark.slow
def test_hundred_thousand_one_word_lines_go_through_the_whole_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(f"wort{i}" for i in range(100_000))
    code, errors, data = run(tmp_path, capsys, write(tmp_path, "words.txt", text.encode()), *GOOD)
    assert (code, errors) == (0, [])
    sentences = data["articles"][0]["sentences"]
    assert re.split(r"\s+", " ".join(s["text"] for s in sentences)) == text.split("\n")


# --- memory: refusals happen before the data is read or inflated -------------------------------------------------

_PEAK = "import re, sys; from desktop.cli import main; code = main(sys.argv[1:]); " + (
    "print(code, re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))"
)


def peak_megabytes(*argv: str) -> tuple[int, float]:
    """Exit code and peak resident memory of a fresh ``parallax`` process. VmHWM, not ru_maxrss: after
    fork+exec ru_maxrss still counts the (large) pytest parent, VmHWM only the new program."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *argv], capture_output=True, text=True, check=False)
    code, kilobytes = done.stdout.split()
    return int(code), int(kilobytes) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc for the peak memory")
def test_refusing_a_huge_file_and_bombs_costs_no_more_memory_than_a_normal_compare(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    bomb = write(tmp_path, "bomb.html", zip_bomb(200))
    gzip_bomb = write(tmp_path, "gzip-bomb.html", gzip.compress(bytes(200 * 1024 * 1024)))
    _, baseline = peak_megabytes("compare", *GOOD, "--quiet")
    for bad in (str(huge), bomb, gzip_bomb):
        code, peak = peak_megabytes("compare", bad, *GOOD, "--quiet")
        assert code == 2
        # reading the 200 MB, or inflating either 200 MB bomb, would add far more than that
        assert peak < baseline + 40, (bad, peak, baseline)
