"""Issue 16 item 7: writing to a FIFO or device never blocks; the opened descriptor decides, not the name."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.export import atomic

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def articles(tmp_path):
    a = tmp_path / "daily.txt"
    b = tmp_path / "herald.txt"
    a.write_text("Mayor Jane Northwood opened the Elbe bridge on 12 March. It cost 4 million euros.\n", "utf-8")
    b.write_text("The Elbe bridge was opened on 12 March. It cost 4 million euros.\n", "utf-8")
    return a, b


def test_json_to_a_fifo_nobody_reads_fails_in_seconds_instead_of_hanging(tmp_path, articles):
    a, b = articles
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "compare", str(a), str(b), "--json", str(fifo), "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"parallax: error: {fifo}: cannot write: a FIFO that nothing reads from (waited 2 s)"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_swapped_for_a_regular_file_after_the_check_is_written_atomically(tmp_path, monkeypatch):
    """The name said FIFO, the opened descriptor says regular file: the descriptor wins."""
    target = tmp_path / "out.json"
    target.write_text("old")
    real_stat = os.stat
    calls = []

    def stat_says_fifo_once(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if Path(path) == target and not calls:
            calls.append(path)
            return os.stat_result((stat.S_IFIFO | 0o644, *tuple(result)[1:]))
        return result

    monkeypatch.setattr(atomic.os, "stat", stat_says_fifo_once)
    atomic.atomic_write_text(target, "new")
    assert calls and target.read_text() == "new"
    assert stat.S_ISREG(target.lstat().st_mode)


def test_a_stalled_reader_ends_the_write_instead_of_blocking(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read
    monkeypatch.setattr(atomic, "STALLED_READER_SECONDS", 0.5)
    try:
        with pytest.raises(OSError, match="took no data"):
            atomic.atomic_write_bytes(fifo, b"x" * (4 << 20))
    finally:
        os.close(reader)
