"""Commentary in the register of real news pages (issue 14): quiet framing is flagged, hard reporting is not.

Sentences are invented for these tests; ``commentary_real_kinds_set`` holds the held-out sets the figures in the
commit messages come from."""

import pytest
from commentary_real_kinds_set import (
    DE_COMMENTARY,
    DE_NEUTRAL,
    DE_NEUTRAL_2,
    EN_COMMENTARY,
    EN_NEUTRAL,
    EN_NEUTRAL_2,
)

from desktop.core.detect.commentary_verdict import commentary_cues

FRAMING = [
    ("The reshuffle is widely read as a rebuke to the party's left wing.", "en", "widely read as"),
    ("Three months in, the new board has achieved little of substance.", "en", "achieved little"),
    ("For now the pipeline project looks all but dead.", "en", "all but dead"),
    ("The walkout is likely to deepen mistrust between staff and management.", "en", "is likely to"),
    ("The ruling is a setback for the mayor's housing plans.", "en", "setback for"),
    ("Die Affäre dürfte den Bürgermeister noch lange belasten.", "de", "dürfte"),
    ("Ein bitterer Beigeschmack bleibt dennoch.", "de", "bitterer Beigeschmack"),
    ("Für die Landesregierung ist das Urteil ein herber Rückschlag.", "de", "herber Rückschlag"),
    ("Im Rathaus herrscht Ratlosigkeit.", "de", "herrscht Ratlosigkeit"),
    ("Die Sanierung wird den Haushalt der Stadt auf Jahre belasten.", "de", "wird"),
    ("Streiks, Staus, Stillstand!", "de", "!"),
]

REPORTING = [
    ("The two coaches clashed loudly on the touchline before kick-off.", "en"),
    ("The motion missed the required two-thirds majority.", "en"),
    ("Many experts were present at the hearing on Monday.", "en"),
    ("Der Antrag verpasste im Stadtrat die nötige Mehrheit.", "de"),
    ("Dass eine Frau den Verband führt, ist ein Novum.", "de"),
    ("Es gibt offenbar mehrere Verletzte.", "de"),
    ("Die Brücke ist gesperrt!", "de"),
    ("Nach den Bekanntgaben der Ermittler, dass der Täter offenbar allein handelte, endete die Suche.", "de"),
    ("Dennoch fühle sich die Niederlage falsch an, sagte der Trainer.", "de"),
    ("Die Polizei sagte, die Straße werde am Abend erneut gesperrt.", "de"),
]


@pytest.mark.parametrize(("sentence", "language", "cue"), FRAMING)
def test_framing_without_a_loud_word_is_commentary(sentence, language, cue):
    cues = commentary_cues(sentence, language)
    assert any(cue in found for found in cues), cues


@pytest.mark.parametrize(("sentence", "language"), REPORTING)
def test_hard_reporting_and_hedged_facts_stay_reporting(sentence, language):
    assert commentary_cues(sentence, language) == ()


def test_many_experts_say_is_no_attribution_but_a_named_source_is():
    vague = "Many economists say the official growth figures are wildly exaggerated."
    named = "The central bank said the official growth figures were wildly exaggerated."
    assert commentary_cues(vague, "en")
    assert commentary_cues(named, "en") == ()


@pytest.mark.parametrize(
    ("commentary", "neutral", "language"),
    [(EN_COMMENTARY, EN_NEUTRAL + EN_NEUTRAL_2, "en"), (DE_COMMENTARY, DE_NEUTRAL + DE_NEUTRAL_2, "de")],
)
def test_held_out_sets_keep_their_bars(commentary, neutral, language):
    """The issue's bar: at most 2 of 40 neutral wire sentences flagged (here 60 a language, none flagged at the
    time of writing); recall on the first held-out set was 24/30 (en) and 23/30 (de)."""
    flagged = [s for s in neutral if commentary_cues(s, language)]
    assert len(flagged) <= 2, flagged
    assert sum(bool(commentary_cues(s, language)) for s in commentary) >= 0.7 * len(commentary)
