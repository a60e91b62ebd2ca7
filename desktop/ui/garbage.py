"""Python's cyclic garbage collector, run from the GUI thread only.

CPython collects in whichever thread crosses its allocation threshold. In the app that may be a worker of the
thread pools (a library query, an export, a fetch), and a collection there destroys whatever Qt objects sit in
the cycles it frees (a closed dialog, a replaced model) away from the thread they belong to: a known cause of
crashes under PySide (calibre, pyqtgraph, napari issue 1029, novelWriter). The app therefore turns automatic
collection off and collects on a timer of the GUI thread, by the interpreter's own rules: the youngest generation
after 700 new objects, the middle one every tenth time, everything every tenth time of that, but a full
collection only once the heap has grown by a quarter from its smallest size since the last one. (The interpreter
counts the objects that reached its oldest generation, which it does not expose; the heap's block count,
``sys.getallocatedblocks``, stands in. With a 2 x 10,000-sentence comparison on screen a full collection took
0.5-0.6 s: every tenth time of a tenth, it would have frozen the window every two minutes of scrolling.) While a
comparison runs with the collector paused (``core.collector``), the timer leaves its objects alone, as automatic
collection would.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

from desktop.core import collector

INTERVAL_MS = 1000  # a second's garbage waits at most; reference counting frees everything that is no cycle at once


class GuiThreadCollector(QObject):
    """Owns cyclic collection while it lives (``stop`` hands it back). Create it on the GUI thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._heap_base = sys.getallocatedblocks()  # the heap's smallest size since the last full collection
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations the interpreter would have collected by now; the number of objects freed."""
        if collector.active():
            return 0
        heap = sys.getallocatedblocks()
        self._heap_base = min(self._heap_base, heap)  # a closed comparison's freed blocks count as shrinking
        young, middle, old = gc.get_count()
        limit_young, limit_middle, limit_old = gc.get_threshold()
        if young <= limit_young:
            return 0  # as the interpreter: the older generations are only looked at when the youngest is due
        # (Python 3.14's incremental collector has no third threshold: 0 there.)
        if limit_old and old > limit_old and heap - self._heap_base > self._heap_base // 4:
            freed = gc.collect(2)
            self._heap_base = sys.getallocatedblocks()
            return freed
        return gc.collect(1 if middle > limit_middle else 0)

    def stop(self) -> None:
        """Stop collecting here; automatic collection resumes if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
