"""Keeps the session on disk while the window is open and offers it back after a crash (see ``recovery``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.info_bar import InfoBar
from desktop.ui.library_link import LibraryLink
from desktop.ui.recovery import Orphan, Recovery, Snapshot
from desktop.ui.session import Session

log = logging.getLogger(__name__)
WRITE_DELAY_MS = 250  # several changes in a row (open four files, drag a slider) make one write
TOPIC = "recovery"


class CrashGuard(QObject):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        session: Session,
        library: LibraryLink,
        info_bar: InfoBar,
        recovery: Recovery,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.info_bar = info_bar
        self.recovery = recovery
        self.offered: Orphan | None = None
        self._warned = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WRITE_DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        session.sources_changed.connect(self._timer.start)
        session.finished_run.connect(lambda _result: self._timer.start())

    def snapshot(self) -> Snapshot:
        session = self.session
        return Snapshot(
            tuple(session.sources),
            session.settings,
            session.reference,
            self.library.current_id,
            corrections=session.corrections,
        )

    def write_now(self) -> None:
        self._timer.stop()
        try:
            self.recovery.write(self.snapshot())
        except OSError as error:
            # Recovery is a safety net: say once that it is missing, and carry on.
            log.warning("cannot write the recovery file %s: %s", self.recovery.path, error)
            if not self._warned:
                self._warned = True
                self.message.emit(f"Crash recovery is off: cannot write {self.recovery.path}")

    def offer(self) -> bool:
        """Ask (in the info bar) whether to restore the newest session left by a crashed Parallax."""
        orphans = self.recovery.orphans()
        if not orphans:
            return False
        orphan = self.offered = orphans[0]
        when = orphan.snapshot.written.replace("T", " ")[:16]
        self.info_bar.ask(
            TOPIC,
            f"Parallax did not close properly{' on ' + when + ' UTC' if when else ''}. Restore the "
            f"{Recovery.describe(orphan.snapshot)} you were comparing?",
            [("Restore", lambda: self.restore(orphan)), ("Discard", lambda: self.discard(orphan))],
        )
        return True

    def restore(self, orphan: Orphan) -> None:
        snapshot = orphan.snapshot
        self.library.adopt(snapshot.library_id)
        self.session.restore(list(snapshot.sources), snapshot.settings, snapshot.reference, snapshot.corrections)
        self.recovery.forget(orphan)
        self.offered = None
        self.write_now()
        self.offer()  # another window may have crashed too

    def discard(self, orphan: Orphan) -> None:
        self.recovery.forget(orphan)
        self.offered = None
        self.offer()

    def close(self) -> None:
        """Clean exit: the session needs no recovery."""
        self._timer.stop()
        self.recovery.close()
