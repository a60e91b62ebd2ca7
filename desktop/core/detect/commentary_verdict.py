"""Whether a whole sentence is commentary: the cue lexicons and the structural signal, and where they are not
sure, the classifier.

The verdict sits above what it combines (``commentary``'s cues, ``subjectivity``'s structural signal and
``commentary_model``'s classifier), all of which read the cue machinery in ``commentary`` and none of which needs
the verdict, so the three import each other in one direction only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.detect import commentary_model
from desktop.core.detect.commentary import THRESHOLD, Cue, find_cues
from desktop.core.detect.subjectivity import subjectivity_cues

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder


def commentary_cues(text: str, language: str, encoder: Encoder | None = None) -> tuple[str, ...]:
    """Cues that make a whole sentence commentary (empty for reporting): the rules' cues, or, where the rules
    are not sure and an ``encoder`` holds the sentence's vector, the classifier's verdict ("model 0.83") after
    whatever weak cues it saw."""
    cues = _rule_cues(text, language)
    if sum(c.weight for c in cues) >= THRESHOLD:
        return tuple(dict.fromkeys(c.text for c in cues))
    probability = commentary_model.judged(text, language, encoder)
    if probability is None:
        return ()
    return (*dict.fromkeys(c.text for c in cues), f"{MODEL_CUE} {probability:.2f}")


MODEL_CUE = "model"  # the cue shown when the classifier, not a listed word, made a sentence commentary


def rule_cues(text: str, language: str) -> tuple[str, ...]:
    """The rules' verdict alone (lexicon and structural signal), without the classifier."""
    cues = _rule_cues(text, language)
    if sum(c.weight for c in cues) < THRESHOLD:
        return ()
    return tuple(dict.fromkeys(c.text for c in cues))


def _rule_cues(text: str, language: str) -> list[Cue]:
    cues = find_cues(text, language)
    return cues + subjectivity_cues(text, language, cues)
