"""What the pipeline stages remember between calls never changes what they answer.

The later stages keep per-sentence results (commentary cues, facts, word diffs, sentence spans) so that
sentences shared by many outlets, and a re-run after a threshold change, are not worked out again. These tests
pin that the remembered answers are the ones a fresh computation gives, and that callers cannot spoil them.
"""

from desktop.core import commentary


def test_hyphenated_label_cue_is_found_wherever_its_word_occurs():
    # "*-machthaber" may start inside any word, so it is tried only in sentences containing its core.
    assert commentary.commentary_cues("Der Rathaus-Machthaber verteidigte den Verkauf.", "de") == (
        "Rathaus-Machthaber",
    )
    assert commentary.commentary_cues("Der Rathaus-Chef verteidigte den Verkauf.", "de") == ()


def test_cues_handed_out_are_copies_the_caller_may_change():
    sentence = "Zur Erinnerung: Die Stadt hat das Klinikum verkauft."
    first = commentary.find_cues(sentence, "de")
    first.clear()
    assert [c.text for c in commentary.find_cues(sentence, "de")] == ["Zur Erinnerung"]


def test_same_sentence_judged_alike_in_each_language_it_is_asked_in():
    # Remembered per language: the English lexicon knows "clearly", the German one does not.
    sentence = "This is clearly wrong."
    assert commentary.commentary_cues(sentence, "en") == ("clearly",)
    assert commentary.commentary_cues(sentence, "de") == ()
    assert commentary.commentary_cues(sentence, "en") == ("clearly",)


def test_quotation_marks_far_apart_still_mask_the_quoted_words():
    quoted = "„" + "sehr " * 200 + "skandalös“"
    sentence = "Kowalczyk sagte: " + quoted + " Die Sitzung endete um 22 Uhr."
    assert commentary.quoted_spans(sentence) == [(17, 17 + len(quoted))]
    assert commentary.commentary_cues(sentence, "de") == ()
