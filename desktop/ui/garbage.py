"""Python's cyclic garbage collector, run from the GUI thread only.

CPython collects in whichever thread crosses its allocation threshold. In the app that may be a worker of the
thread pools (a library query, an export, a fetch), and a collection there destroys whatever Qt objects sit in
the cycles it frees (a closed dialog, a replaced model) away from the thread they belong to: a known cause of
crashes under PySide (calibre, pyqtgraph, napari issue 1029, novelWriter). The app therefore turns automatic
collection off and collects on a timer of the GUI thread, by the interpreter's own thresholds: the youngest
generation after 700 new objects, the middle one every tenth time, everything every tenth time of that. (The
interpreter also puts off a full collection until a quarter of the oldest generation is new, which it does not
expose; a full collection with a 2 x 10,000-sentence comparison open took ~40 ms.) While a comparison runs with
the collector paused (``core.collector``), the timer leaves its objects alone, as automatic collection would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from desktop.core import collector

INTERVAL_MS = 1000  # a second's garbage waits at most; reference counting frees everything that is no cycle at once


class GuiThreadCollector(QObject):
    """Owns cyclic collection while it lives (``stop`` hands it back). Create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations the interpreter would have collected by now; the number of objects freed."""
        if collector.active():
            return 0
        young, middle, old = gc.get_count()
        limit_young, limit_middle, limit_old = gc.get_threshold()
        if young <= limit_young:
            return 0  # as the interpreter: the older generations are only looked at when the youngest is due
        # (Python 3.14's incremental collector has no third threshold: 0 there.)
        return gc.collect(2 if limit_old and old > limit_old else 1 if middle > limit_middle else 0)

    def stop(self) -> None:
        """Stop collecting here; automatic collection resumes if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
