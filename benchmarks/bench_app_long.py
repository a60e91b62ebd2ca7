"""The window on a long comparison: how long the GUI thread stalls once the result arrives, and a scroll step.

Run: ``.venv/bin/python -m benchmarks.bench_app_long [--sentences 10000]`` (offscreen; no screen needed).

Two pre-split documents of ``--sentences`` lines each (``bench_end_to_end.presplit_pair``: the same generated
articles as the end-to-end benchmark) are opened in a real window (``app.create_window``, a throw-away library,
settings and recovery folder). A 20 ms timer on the GUI thread records every gap over 0.1 s from the moment the
comparison arrives until the rows are sized and the window has been idle for a second: a stall the user feels as
a frozen window. Then the Aligned view is scrolled 30 times by 400 pixels, each step with its repaint.

Baseline, in the same process: the same 30 scroll steps of a bare ``QTableView`` over a ``QStandardItemModel``
holding the same rows' texts, word-wrapped, with its rows sized once (no delegate, no overview bar), so a
scroll step is printed as a ratio to what Qt itself takes for that table.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from benchmarks.bench_end_to_end import presplit_pair

STALL = 0.1  # seconds between two ticks of a 20 ms timer that count as a stall
STEPS = 30
STEP_PIXELS = 400


def scroll_steps(app: QApplication, table: QTableView) -> list[float]:
    bar = table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    times = []
    for _ in range(STEPS):
        started = time.perf_counter()
        bar.setValue(bar.value() + STEP_PIXELS)
        table.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    return times


def bare_table(texts: list[list[str]], width: int, height: int) -> QTableView:
    model = QStandardItemModel(len(texts), len(texts[0]) if texts else 0)
    for row, cells in enumerate(texts):
        for column, text in enumerate(cells):
            model.setItem(row, column, QStandardItem(text))
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(True)
    view.resize(width, height)
    for column in range(model.columnCount()):
        view.setColumnWidth(column, width // max(1, model.columnCount()) - 10)
    view.resizeRowsToContents()
    view.show()
    return view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from desktop.ui.app import create_window
    from desktop.ui.garbage import GuiThreadCollector

    folder = Path(tempfile.mkdtemp(prefix="parallax-bench-app-"))
    os.environ["PARALLAX_RECOVERY_DIR"] = str(folder / "recovery")
    with contextlib.redirect_stdout(io.StringIO()):  # presplit_pair prints its truth set
        a, b, _ = presplit_pair(args.sentences, folder)
    collector = GuiThreadCollector(app)  # as ``app.run`` collects
    window = create_window(
        [str(a), str(b)], QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), db=str(folder / "l.db")
    )
    window.resize(1400, 900)
    window.show()
    started = time.perf_counter()
    arrived: list[float] = []
    stalls: list[float] = []
    last = [started]
    quiet_since = [0.0]
    steps: list[float] = []
    baseline: list[float] = []  # the bare table's steps

    def tick() -> None:
        now = time.perf_counter()
        if arrived and now - last[0] > STALL:
            stalls.append(now - last[0])
        last[0] = now
        view = window.aligned
        if arrived and not view._pending_rows and not quiet_since[0]:
            quiet_since[0] = now
        if quiet_since[0] and now - quiet_since[0] > 1.0 and not steps:
            timer.stop()
            steps.extend(scroll_steps(app, window.aligned.table))
            model = window.aligned.model
            texts = [[model.cell(r, c).text for c in range(model.columnCount())] for r in range(model.rowCount())]
            viewport = window.aligned.table.viewport()
            bare = bare_table(texts, viewport.width(), viewport.height())
            baseline.extend(scroll_steps(app, bare))
            bare.close()
            app.quit()

    def shown(comparison: object) -> None:
        if comparison is not None and not arrived:
            arrived.append(time.perf_counter() - started)

    window.session.comparison_changed.connect(shown)
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    if not steps:
        raise SystemExit("no comparison was shown and sized within 10 minutes")
    collector.stop()
    window.close()

    print(f"2 x {args.sentences:,} sentences in the window (offscreen)")
    print(f"comparison shown after {arrived[0]:.1f} s (comparing included)")
    print(
        f"GUI-thread stalls over {STALL:.1f} s after it arrived: {len(stalls)}, {sum(stalls):.2f} s in all, "
        f"longest {max(stalls, default=0.0):.2f} s"
    )
    median, bare_median = statistics.median(steps), statistics.median(baseline)
    print(
        f"scroll step ({STEP_PIXELS} px with its repaint): median {median * 1000:.0f} ms, longest "
        f"{max(steps) * 1000:.0f} ms; bare QTableView of the same texts {bare_median * 1000:.0f} ms "
        f"(x{median / bare_median:.1f})"
    )


if __name__ == "__main__":
    main()
