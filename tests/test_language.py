"""Language detection for the two languages Parallax has lexicons for."""

from desktop.core.text.language import detect_language


def test_german_paragraph_is_german():
    text = "Die Stadt hat am Montag beschlossen, dass die Brücke über den Fluss nicht mehr befahren werden darf."
    assert detect_language(text) == "de"


def test_english_paragraph_is_english():
    text = "The council said on Monday that the bridge over the river would be closed to traffic for a year."
    assert detect_language(text) == "en"


def test_text_without_function_words_is_undecided():
    assert detect_language("Paris, Rom, Berlin 2026") == ""
    assert detect_language("Il governo ha approvato la legge sulla scuola.") == ""


def test_short_titles_are_told_apart_by_spelling():
    assert detect_language("Erdrutsch in Calverley Bay: Zwölf Häuser zerstört") == "de"
    assert detect_language("Police asked onlookers to stay away.") == "en"
    assert detect_language("Mayor Claire Dunmore promised emergency aid for the families affected.") == "en"


def test_one_spelling_cue_alone_decides_nothing():
    assert detect_language("Zelensky meets Biden in Washington") == ""
    assert detect_language("Müller") == ""
