"""The offer to re-align a reopened comparison that an older Parallax (or other settings) aligned: the bar that asks,
the held run while the saved result stays on screen, and taking the new result or keeping the old one.

``LibraryLink`` makes the offer when a reopened comparison has a reason (``offer``) and withdraws it when something
else comes on screen (``withdraw``); the rest follows the session's signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.ui.info_bar import InfoBar
from desktop.ui.session import Session
from desktop.ui.worker import RunResult

REALIGN = "realign"  # the info bar's topic


class RealignOffer(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, session: Session, info_bar: InfoBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.info_bar = info_bar
        self.pending: RunResult | None = None  # a re-aligned result waiting for the user's yes
        self._realigning: int | None = None  # generation of the held re-align run
        session.realigned.connect(self._ready)
        session.run_failed.connect(lambda _message: self._over())
        session.run_cancelled.connect(self._over)
        session.finished_run.connect(self._finished_run)

    def offer(self, name: str, reason: str) -> None:
        self.info_bar.ask(
            REALIGN,
            f"“{name}” was aligned differently from how Parallax would align it now ({reason}). "
            "Re-align? The saved result stays on screen until you accept the new one.",
            [("Re-align", self.realign), ("Keep", lambda: None)],
        )

    def withdraw(self) -> None:
        """Another comparison is on screen: no offer, and no re-aligned result waiting, for the one before."""
        self.pending = None
        self.info_bar.close_bar(REALIGN)

    def realign(self) -> None:
        comparison = self.session.comparison
        if comparison is None:
            return
        self._realigning = self.session.realign(comparison.settings)
        self.info_bar.ask(
            REALIGN,
            "Re-aligning… the saved result stays on screen until you choose.",
            [("Cancel", self.session.cancel)],
        )

    def _finished_run(self, result: RunResult) -> None:
        if self._realigning is not None and result.generation != self._realigning:
            self._over()  # a change by the user replaced the re-align run

    def _over(self) -> None:
        """The held run ended without a result, or another run replaced it: the "Re-aligning…" bar goes."""
        if self._realigning is None:
            return
        if self._realigning != self.session.runs.generation or not self.session.runs.busy:
            self._realigning = None
            self.info_bar.close_bar(REALIGN)

    def _ready(self, result: RunResult) -> None:
        self._realigning = None
        old, new = self.session.comparison, result.comparison
        if new is None:
            self.info_bar.close_bar(REALIGN)
            return
        self.pending = result
        before = f" (was {len(old.groups):,})" if old is not None else ""
        self.info_bar.ask(
            REALIGN,
            f"The re-aligned result is ready: {len(new.groups):,} alignment groups{before}, threshold "
            f"{new.settings.threshold:.2f}. Show it and save it in place of the old one?",
            [("Use New Result", self.accept), ("Keep Old", self.discard)],
            on_dismiss=self.discard,
        )

    def accept(self) -> None:
        result, self.pending = self.pending, None
        if result is None:
            return
        if result.generation != self.session.runs.generation:
            self.message.emit("The comparison changed after re-aligning; that result no longer applies")
            return
        self.session.accept(result)  # shows it, and finished_run autosaves it over the old row

    def discard(self) -> None:
        self.pending = None
