"""Pausing Python's cyclic garbage collector while a comparison builds its results.

Comparing two 10,000-sentence articles allocates millions of small objects (sentences, facts, cues, word
diffs, then the JSON's dicts and lists) that all stay alive until the comparison returns. The collector, started
every few hundred allocations, walks them again and again although none of them is garbage: ~1 s of 8 for the
comparison and three quarters of turning it into JSON. Reference counting still frees everything that is not a
cycle while the collector rests (peak memory +4 %), and it resumes when the last paused block ends, so nested
and concurrent comparisons (the app's worker, batch threads) are safe.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (also usable as a decorator: ``@paused()``)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                # Everything allocated during the pause still sits in the youngest generation, and the first
                # collection after resuming would walk all of it (~0.2 s after 2 x 10,000 sentences). Freezing and
                # unfreezing moves every tracked object to the oldest generation in one step, where only a full
                # collection looks: the results are long-lived anyway. (Also where automatic collection was off
                # before: the app collects from its GUI thread instead, ``desktop.ui.garbage``.)
                gc.freeze()
                gc.unfreeze()
                if _resume:
                    gc.enable()


def active() -> bool:
    """Whether a paused block runs now, in any thread: a collection started by hand would walk what it builds."""
    return _depth > 0
