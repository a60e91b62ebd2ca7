"""Faults while saving: a process killed mid-write, a full disk, a read-only folder.

The library database has its own kill and rollback tests (``test_library_reliability``); these cover the JSON
and HTML exports, which go through ``desktop.export.atomic``. Tests run as root, where file modes stop nothing,
so full disks and read-only folders are simulated by making the system calls fail with their real errno.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.resources import sample_paths

GOOD = [str(path) for path in sample_paths("en")[:2]]

# Writes versions 1, 2, 3 … of a ~6 MB JSON export and a matching HTML report, over and over, naming each
# version on stdout once it is complete. The parent kills it with SIGKILL at arbitrary moments. Writes go out in
# 256 KB pieces 5 ms apart (a slow disk), so most kills land while bytes are being written, not while rendering.
WRITER = """
import os
import sys
import time

class SlowDisk:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()
    def write(self, data):
        for start in range(0, len(data), 262_144):
            self.handle.write(data[start : start + 262_144])
            self.handle.flush()
            time.sleep(0.005)
    def __getattr__(self, name):
        return getattr(self.handle, name)

real_fdopen = os.fdopen
os.fdopen = lambda *args, **kwargs: SlowDisk(real_fdopen(*args, **kwargs))
from dataclasses import replace
from desktop.export.html import write_html
from desktop.export.jsonio import write_json
from desktop.core.sources.loading import load_article
from desktop.core.pipeline import compare

json_target, html_target, *sources = sys.argv[1:]
base = compare([load_article(s, chr(65 + i)) for i, s in enumerate(sources)])
print("ready", flush=True)
version = 0
while True:
    version += 1
    comparison = replace(base, title=f"version {version} " + "x" * 6_000_000)
    write_json(comparison, json_target)
    write_html(comparison, html_target)
    print(version, flush=True)
"""


def _check_complete(json_target: Path, html_target: Path) -> None:
    if json_target.exists():
        data = json.loads(json_target.read_text(encoding="utf-8"))  # a torn file would not parse
        assert data["title"].startswith("version ")
        assert len(data["title"]) == len(f"version {data['title'].split()[1]} ") + 6_000_000
    if html_target.exists():
        assert html_target.read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.mark.slow
def test_killing_the_writer_at_any_moment_never_leaves_a_half_written_export(tmp_path: Path) -> None:
    json_target, html_target = tmp_path / "out.json", tmp_path / "out.html"
    seen_versions = 0
    # The last runs wait for a finished version first, so some kills land after a complete write however slow
    # the machine is (a loaded CI machine needed more than the longest fixed delay for one version).
    for delay, after_a_version in [(d, False) for d in (0.0, 0.07, 0.15, 0.23, 0.37)] + [(d, True) for d in (0.0, 0.1)]:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(json_target), str(html_target), *GOOD],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        if after_a_version:
            seen_versions += len(writer.stdout.readline().split())
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        rest = writer.communicate(timeout=30)[0]
        assert writer.returncode == -signal.SIGKILL
        seen_versions += len(rest.split())
        _check_complete(json_target, html_target)
    assert seen_versions > 0  # the kills did land between and during writes, not only before the first
    leftovers = {p.name for p in tmp_path.iterdir()} - {"out.json", "out.html"}
    # a killed writer cannot remove its hidden temporary file; it never replaces the target
    assert all(name.startswith((".out.json.", ".out.html.")) and name.endswith(".tmp") for name in leftovers)


def _fail_with(monkeypatch: pytest.MonkeyPatch, name: str, code: int, only_for: str = "") -> None:
    """Make ``os.<name>`` fail with ``code`` (for paths containing ``only_for``, if given)."""
    real = getattr(os, name)

    def failing(*args: object, **kwargs: object) -> object:
        target = " ".join(str(a) for a in args)
        if only_for in target:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    code = main(["compare", *GOOD, "--quiet", *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err.splitlines()


def test_disk_full_while_writing_gives_one_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    _fail_with(monkeypatch, "fsync", errno.ENOSPC)  # a full disk often surfaces only when the data is flushed
    assert _run(tmp_path, capsys, "--json", str(out)) == (
        2,
        [f"parallax: error: {out}: cannot write: {os.strerror(errno.ENOSPC)}"],
    )
    assert list(tmp_path.iterdir()) == []


def test_disk_full_keeps_the_previous_export_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    assert _run(tmp_path, capsys, "--json", str(out)) == (0, [])
    before = out.read_bytes()
    _fail_with(monkeypatch, "replace", errno.ENOSPC)
    code, errors = _run(tmp_path, capsys, "--json", str(out), "--threshold", "0.9")
    assert (code, errors) == (2, [f"parallax: error: {out}: cannot write: {os.strerror(errno.ENOSPC)}"])
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_read_only_folder_gives_one_line_naming_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.html"
    real_mkstemp = tempfile.mkstemp

    def read_only(*args: object, **kwargs: object) -> object:
        if kwargs.get("dir") == tmp_path:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert _run(tmp_path, capsys, "--html", str(out)) == (
        2,
        [f"parallax: error: {out}: cannot write: {os.strerror(errno.EROFS)}"],
    )
    assert list(tmp_path.iterdir()) == []


def test_the_failing_one_of_two_exports_is_the_one_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the disk fills up after the JSON is written: the error must name the HTML report, not the JSON
    json_out, html_out = tmp_path / "out.json", tmp_path / "out.html"
    _fail_with(monkeypatch, "replace", errno.ENOSPC, only_for="out.html")
    code, errors = _run(tmp_path, capsys, "--json", str(json_out), "--html", str(html_out))
    assert (code, errors) == (2, [f"parallax: error: {html_out}: cannot write: {os.strerror(errno.ENOSPC)}"])
    assert json.loads(json_out.read_text(encoding="utf-8"))["schema"] == "parallax/comparison-v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing-folder/out.json", os.strerror(errno.ENOENT)),
        ("a-file.txt/out.json", os.strerror(errno.ENOTDIR)),
        (".", os.strerror(errno.EISDIR)),
    ],
)
def test_impossible_target_is_named_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file.txt").write_text("x")
    assert _run(tmp_path, capsys, "--json", target) == (2, [f"parallax: error: {target}: cannot write: {reason}"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file.txt"]
