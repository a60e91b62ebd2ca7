"""The one error type users see: it names the file (or URL) and says what is wrong with it."""

from __future__ import annotations


class LoadError(Exception):
    """An input that cannot be compared. ``str(error)`` is the one line shown to the user."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
