"""Capitalised words that are never names, wherever they stand in an English sentence."""

import pytest

from desktop.core.model import FactKind
from desktop.core.text.facts.extraction import extract_facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports rose after ASEAN and EU, However, the spokesperson gave no date.",
        "The vote is due at 9 pm Eastern Time on Friday.",
        "Talks ended on Monday; Meanwhile, the port stayed shut.",
    ],
)
def test_connectives_and_time_words_are_not_names(sentence: str) -> None:
    found = {text for text, kind, _start, _end in extract_facts(sentence, "en") if kind == FactKind.NAME}
    assert not found & {"However", "Time", "Eastern Time", "Meanwhile"}


def test_a_real_name_after_a_connective_is_still_found() -> None:
    found = {t for t, k, _s, _e in extract_facts("However, Dana Whitcombe said the talks failed.", "en")}
    assert "Dana Whitcombe" in found
