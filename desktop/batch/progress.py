"""A one-line progress bar on stderr: clusters done, rate and ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, *, stream: TextIO = sys.stderr, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled
        self.started = time.perf_counter()

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else float("nan")
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        eta_text = f"{eta:5.0f} s" if eta == eta else "    ? s"
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} clusters "
            f"· {rate:6.1f}/s · ETA {eta_text}"
        )

    def advance(self, clusters: int) -> None:
        self.done += clusters
        if self.enabled:
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
