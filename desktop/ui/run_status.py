"""The status bar: what the session is doing (comparing, cancelled, failed, done and how), its progress bar and
Cancel button, and the note on how a cross-language comparison was aligned.

It listens to the ``Session`` and says what happened; a failure the user has to read is emitted as ``alert``
(title, text) for the window's dialog.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from desktop.core.model import Comparison
from desktop.core.sources.errors import LoadError
from desktop.ui.article_header import language_name
from desktop.ui.session import Session
from desktop.ui.worker import RunResult


class RunStatus(QObject):
    alert = Signal(str, str)  # title, text: a failure the user has to acknowledge

    def __init__(self, session: Session, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.comparison: Comparison | None = None  # the comparison on screen
        self.run_started = 0.0
        self.status = QLabel("Ready")
        self.status.setObjectName("statusText")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Comparison progress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        # Says how the shown comparison was aligned when that is not plain text matching (e.g. across languages);
        # a permanent widget, so messages like "Saved …" in the status text do not wipe it.
        self.match_note = QLabel()
        self.match_note.setObjectName("matchNote")
        self.match_note.setTextFormat(Qt.TextFormat.PlainText)
        self.match_note.setAccessibleName("How the articles were aligned")
        self.match_note.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel comparison")
        self.cancel_button.hide()
        bar.addWidget(self.status, 1)
        bar.addPermanentWidget(self.match_note)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.cancel_button.clicked.connect(session.cancel)
        session.comparison_changed.connect(self.show_comparison)
        session.busy_changed.connect(self.busy)
        session.progress.connect(self.show_progress)
        session.run_failed.connect(self.run_failed)
        session.run_cancelled.connect(self.cancelled)
        session.finished_run.connect(self.finished_run)
        # Queued: the views paint the articles that did load before the (modal) error dialog opens over them.
        session.load_failed.connect(self.load_failed, Qt.ConnectionType.QueuedConnection)

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Say plainly when the articles are in different languages: they were paired by meaning (when the
        encoder ran) and pairs across languages carry no word diff, which would otherwise look like a bug."""
        self.comparison = comparison
        note = match_note(comparison) if comparison is not None else ""
        self.match_note.setText(note)
        self.match_note.setToolTip(
            "Sentences in different languages are paired by what they mean and shown side "
            "by side; names, numbers and dates are still compared across the languages."
            if note
            else ""
        )
        self.match_note.setVisible(bool(note))

    def busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.run_started = time.perf_counter()
            self.progress.setRange(0, 0)
            self.status.setText(f"Comparing {len(self.session.sources)} articles…")

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def finished_run(self, result: RunResult) -> None:
        comparison = result.comparison
        if comparison is None:
            count = len(result.articles)
            self.status.setText(f"{count} article{'s' if count != 1 else ''} loaded · a comparison needs two")
            return
        sentences = sum(len(r.sentences) for r in comparison.articles)
        self.status.setText(
            f"{len(comparison.articles)} articles · {sentences:,} sentences · {len(comparison.groups):,} alignment "
            f"groups · loaded in {result.load_seconds:.2f} s · compared in {result.compare_seconds:.2f} s · "
            f"threshold {comparison.settings.threshold:.2f} · {_matched_label(comparison)} · "
            f"reference: {comparison.settings.reference}"
        )

    def cancelled(self) -> None:
        self.status.setText(
            "Comparison cancelled" + (": the previous result stays on screen" if self.comparison is not None else "")
        )

    def run_failed(self, message: str) -> None:
        kept = " The previous result stays on screen." if self.comparison is not None else ""
        self.status.setText("Comparison failed." + kept)
        self.alert.emit("Comparison failed", f"{message}\n\nYour articles are unchanged.{kept}")

    def load_failed(self, errors: list[LoadError]) -> None:
        kept = len(self.session.sources)
        lines = "\n".join(str(e) for e in errors)
        if kept == 1:
            more = "\n\nThe other article stays open."
        else:
            more = f"\n\nThe other {kept} articles stay open." if kept else ""
        title = "Could not open an article" if len(errors) == 1 else f"Could not open {len(errors)} articles"
        self.alert.emit(title, lines + more)


_MATCHED = {
    "fuzzy": "matched by text",
    "semantic": "matched by meaning",
    "both": "matched by text and meaning",
    "combined": "matched by all evidence",
}


def _matched_label(comparison: Comparison) -> str:
    from desktop.core.align.matching import matched_by  # the alignment engine is imported on the worker, not at start

    return _MATCHED.get(matched_by(comparison), f"matched by {comparison.settings.match}")


def match_note(comparison: Comparison) -> str:
    """The status-bar note for a cross-language comparison (“German and English: aligned by meaning, no word
    diff between languages”), so missing strike/underline marks read as intended; "" for one language."""
    if not comparison.cross_language:
        return ""
    names = [language_name(code) for code in dict.fromkeys(r.article.language for r in comparison.articles) if code]
    languages = ", ".join(names[:-1]) + " and " + names[-1]
    from desktop.core.align.matching import matched_by

    how = matched_by(comparison)
    if how == "fuzzy":
        # The encoder is missing (or fuzzy was chosen): translations will mostly stay unpaired.
        aligned = "aligned by text only, so translated sentences mostly stay unpaired"
    else:
        aligned = {"semantic": "aligned by meaning", "combined": "aligned by meaning, names and numbers"}.get(
            how, "aligned by text and meaning"
        )
    return f"{languages}: {aligned}, no word diff between languages"
