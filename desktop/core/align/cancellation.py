"""Stopping a comparison on the caller's word: the one exception raised wherever ``cancelled()`` is found true.

It lives here, in the lowest stage that checks (the encoder and the bead searches are where a comparison spends its
time), so the aligners raise the very exception ``pipeline.compare`` raises and its callers catch; nothing in the
core returns an empty result to mean "cancelled". Loading sits beside the pipeline and may not import this room:
it takes a ``stop()`` hook that raises it.
"""

from __future__ import annotations

from collections.abc import Callable

Cancelled = Callable[[], bool]


class ComparisonCancelled(Exception):
    """The caller's ``cancelled()`` turned true: the comparison stops and nothing is returned."""


def check(cancelled: Cancelled | None) -> None:
    """Raise ``ComparisonCancelled`` when the caller has asked to stop."""
    if cancelled is not None and cancelled():
        raise ComparisonCancelled()
