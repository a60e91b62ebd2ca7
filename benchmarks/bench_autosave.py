"""The desktop app's autosave and reopen with a 5 × 1,000-sentence comparison, offscreen.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_autosave.py [--cache FILE.json]``.
Measures, in one process: the autosave (first save, then an update) on its worker thread; how long the GUI
thread's event loop stalls meanwhile (the longest gap between 5 ms timer ticks, against the same loop idle);
and reopening the saved comparison in the window (read, marks and rows on the worker, views on the GUI
thread). Ratios are against ``json.dumps`` of the same comparison, the baseline the library benchmark uses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.bench_library import build_comparison
from desktop.export import read_json, to_dict, write_json


def longest_stall(app: QApplication, until: object, limit_s: float = 120.0) -> float:
    """Spin the event loop until ``until()`` is true; the longest gap between 5 ms ticks, in seconds."""
    clock = QElapsedTimer()
    clock.start()
    last, worst = 0, 0
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        nonlocal last, worst
        now = clock.elapsed()
        worst = max(worst, now - last)
        last = now

    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    while not until() and time.perf_counter() - started < limit_s:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return worst / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--cache", metavar="FILE.json", help="reuse (or write) the compared result")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.cache and Path(args.cache).exists():
        comparison = read_json(args.cache)
    else:
        comparison = build_comparison(args.articles, args.sentences)
        if args.cache:
            write_json(comparison, args.cache)
    sentences = sum(len(r.sentences) for r in comparison.articles)
    started = time.perf_counter()
    json.dumps(to_dict(comparison), ensure_ascii=False)
    baseline = time.perf_counter() - started
    print(
        f"{len(comparison.articles)} articles, {sentences:,} sentences, {len(comparison.groups):,} groups; "
        f"json.dumps baseline {baseline * 1000:.0f} ms"
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PARALLAX_DB"] = str(Path(folder) / "library.sqlite3")
        os.environ["PARALLAX_RECOVERY_DIR"] = str(Path(folder) / "recovery")
        from desktop.ui.app import create_window

        window = create_window([], QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1600, 1000)
        window.show()
        idle = longest_stall(app, lambda: False, limit_s=1.5)  # also lets the first paint finish
        link = window.library
        assert link.worker is not None
        rows = []
        for label in ("autosave, first save", "autosave, update"):
            link.last_save_seconds = None
            link.worker.save(comparison)
            stall = longest_stall(app, lambda: link.last_save_seconds is not None)
            seconds = link.last_save_seconds or 0.0
            rows.append((label, seconds, stall))
        cid = link.current_id
        assert cid is not None
        window.new_comparison()
        app.processEvents()
        shown: list[int] = []
        link.opened.connect(shown.append)
        started = time.perf_counter()
        link.open_saved(cid)
        reopen_stall = longest_stall(app, lambda: bool(shown))
        reopen = time.perf_counter() - started
        assert window.comparison == comparison
        status = window.status.text()
        window.close()
    print(f"event loop idle: longest gap {idle * 1000:.0f} ms")
    for label, seconds, stall in rows:
        print(
            f"{label:22} {seconds * 1000:6.0f} ms on the worker = {seconds / baseline:4.1f} × json; "
            f"GUI longest gap meanwhile {stall * 1000:.0f} ms"
        )
    print(
        f"{'reopen in the window':22} {reopen * 1000:6.0f} ms until shown = {reopen / baseline:4.1f} × json; "
        f"GUI longest gap meanwhile {reopen_stall * 1000:.0f} ms (building the views)"
    )
    print(f"  status bar: {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
