"""The session and its worker: responsiveness during a large compare, stale results, cancellation."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from desktop.core.model import Settings
from desktop.ui.session import Session
from desktop.ui.worker import RunResult

SUBJECTS = ["The council", "A spokesman", "The mayor", "Local traders", "The union", "Police", "Engineers"]
VERBS = ["said", "confirmed", "denied", "expected", "announced", "reported", "warned"]
OBJECTS = [
    "the bridge reopens",
    "repairs cost more",
    "traffic will resume",
    "the port stays shut",
    "talks continue",
    "fares rise",
    "the tunnel floods",
]


def long_article(path, count, seed):
    """Deterministic, varied sentences so alignment has real work to do."""
    lines = []
    for n in range(count):
        k = n * 7 + seed
        lines.append(
            f"{SUBJECTS[k % 7]} {VERBS[(k // 7) % 7]} on day {n} that {OBJECTS[(k // 3) % 7]} "
            f"in district {n % 13} after {n % 5 + 2} weeks."
        )
    path.write_text(" ".join(lines), encoding="utf-8")
    return str(path)


def test_worker_keeps_the_event_loop_running_during_a_large_compare(qtbot, tmp_path):
    session = Session()
    files = [long_article(tmp_path / f"{n}.txt", 250, n) for n in range(2)]
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(session.comparison_changed, timeout=120000) as blocker:
        session.set_sources(files)
        ticks_at_start = len(ticks)
    timer.stop()
    assert blocker.args[0] is not None
    assert ticks_at_start == 0  # set_sources returned before any tick: nothing ran on the GUI thread
    assert len(ticks) >= 5
    session.runs.wait(10000)


def test_stale_results_are_dropped(qtbot, article_files):
    session = Session(settings=Settings(threshold=0.9))
    shown = []
    session.comparison_changed.connect(shown.append)
    session.set_sources(article_files[:2])
    session.update_settings(threshold=0.4, debounce=False)
    qtbot.waitUntil(lambda: not session.runs.busy, timeout=30000)
    session.runs.wait(10000)
    assert shown, "the newest run must be shown"
    assert all(c.settings.threshold == 0.4 for c in shown)
    newest = session.comparison
    session.accept(RunResult(generation=session.runs.generation - 1, comparison=None, articles=()))
    assert session.comparison is newest


def test_cancel_stops_the_run_and_keeps_the_previous_result(qtbot, tmp_path, article_files):
    session = Session()
    with qtbot.waitSignal(session.comparison_changed, timeout=30000):
        session.set_sources(article_files[:2])
    qtbot.waitUntil(lambda: not session.runs.busy, timeout=30000)
    previous = session.comparison
    session.add_sources([long_article(tmp_path / "long.txt", 1500, 3)])
    session.cancel()
    qtbot.waitUntil(lambda: not session.runs.busy, timeout=60000)
    assert session.comparison is previous


def test_a_single_readable_article_gives_no_comparison(qtbot, article_files):
    session = Session()
    with qtbot.waitSignal(session.finished_run, timeout=30000) as blocker:
        session.set_sources(article_files[:1])
    assert blocker.args[0].comparison is None
    assert len(blocker.args[0].articles) == 1
    session.runs.wait(10000)
