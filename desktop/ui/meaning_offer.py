"""Offers to align two outlets' reports by all evidence when matching their strings paired few sentences.

Two articles of one language are matched by their strings unless the user chooses otherwise: right for two
versions of one text, wrong for two outlets writing on their own, whose every unpaired sentence then reads as
"only in A" and whose facts as omitted. The core says when a result looks like the second case
(``matching.few_paired``); this offers the switch in the notice bar, for this comparison only, and withdraws the
offer when another result arrives. Once dismissed it is not made again for the same articles in this window: a
re-run of them (another threshold, a correction) would otherwise bring back what the user has just closed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core.model import Comparison, MatchMode
from desktop.ui.info_bar import InfoBar
from desktop.ui.session import Session

TOPIC = "match-by-evidence"


class MeaningOffer(QObject):
    def __init__(self, session: Session, info_bar: InfoBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.info_bar = info_bar
        self._declined: set[tuple[int, ...]] = set()  # the articles (as hashes of their texts) it was closed for
        session.comparison_changed.connect(self._shown)

    def _shown(self, comparison: Comparison | None) -> None:
        from desktop.core.align.matching import few_paired  # the alignment engine is imported on the worker

        few = few_paired(comparison) if comparison is not None else None
        if comparison is None or few is None or _articles(comparison) in self._declined:
            self.info_bar.close_bar(TOPIC)
            return
        paired, sentences = few
        matched = f"Only {paired} of {sentences}" if paired else f"None of the {sentences}"
        self.info_bar.ask(
            TOPIC,
            f"{matched} sentences matched word for word. If these are two outlets' own reports, aligning them by "
            "all evidence (shared names, numbers, meaning) pairs far more of what both report.",
            [("Align by all &evidence", self._switch)],
            on_dismiss=lambda: self._declined.add(_articles(comparison)),
        )

    def _switch(self) -> None:
        self.session.update_settings(match=MatchMode.COMBINED.value, debounce=False)


def _articles(comparison: Comparison) -> tuple[int, ...]:
    return tuple(hash(result.article.text) for result in comparison.articles)
