"""A word diff is shown only where it says which words differ, not for two free paraphrases of one fact."""

from desktop.core.align.worddiff import readable, word_diff


def test_an_edited_sentence_keeps_its_diff():
    ops = word_diff("The Ukrainian president spoke on Monday.", "The Ukrainian leader spoke on Monday.")
    assert readable(ops)


def test_two_paraphrases_sharing_only_a_name_get_no_diff():
    ops = word_diff(
        "Lindqvist received 402 votes in the secret ballot, while 361 were needed.",
        "Parliament chose Lindqvist, a former mayor, on Thursday.",
    )
    assert not readable(ops)


def test_identical_and_empty_sentences_are_readable():
    assert readable(word_diff("Same words.", "Same words."))
    assert readable(())
