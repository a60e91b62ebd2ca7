"""One Qt-free description of what a finished comparison shows — sentence kinds, cues, marked words, tooltips,
article counts — built once by ``present(comparison)`` and drawn by the app's views and the HTML export alike, so
the two cannot disagree about which word is struck or which sentence is commentary.
"""

from desktop.core.presentation.corrections import (
    CORRECTED_MARK,
    CorrectionView,
    corrected_tip,
    correction_command,
    correction_line,
    correction_views,
    sentence_corrections,
    sentence_name,
)
from desktop.core.presentation.marks import Mark, MarkKind, sentence_marks
from desktop.core.presentation.views import (
    ArticleView,
    Presentation,
    SentenceKind,
    SentenceView,
    cell_status,
    present,
    sentence_kind,
)
from desktop.core.presentation.wording import (
    NO_STATEMENT,
    conflict_tip,
    conflict_value,
    conflict_values,
    deleted_tip,
    fact_tip,
    inserted_tip,
    label_tip,
    missing_tip,
    quoted,
    shorten,
    shown_location,
)

__all__ = [
    "CORRECTED_MARK",
    "NO_STATEMENT",
    "ArticleView",
    "CorrectionView",
    "Mark",
    "MarkKind",
    "Presentation",
    "SentenceKind",
    "SentenceView",
    "cell_status",
    "conflict_tip",
    "conflict_value",
    "conflict_values",
    "corrected_tip",
    "correction_command",
    "correction_line",
    "correction_views",
    "deleted_tip",
    "fact_tip",
    "inserted_tip",
    "label_tip",
    "missing_tip",
    "present",
    "quoted",
    "sentence_corrections",
    "sentence_kind",
    "sentence_marks",
    "sentence_name",
    "shorten",
    "shown_location",
]
