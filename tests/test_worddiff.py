"""Word-level diffs: readable whole-word replacements, and an edit script that always rebuilds both texts."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.align.worddiff import changed_spans, word_diff
from desktop.core.model import DiffOp


def _side(ops, keep):
    return "".join(text for op, text in ops if op in (DiffOp.EQUAL, keep))


def test_three_swapped_words_show_as_three_replacements_not_character_soup():
    a = "Der ukrainische Machthaber Wladimir Selenskij dankte Kellogg."
    b = "Der ukrainische Präsident Wolodymyr Selenskyj dankte Kellogg."
    ops = word_diff(a, b)
    assert [text for op, text in ops if op == DiffOp.DELETE] == ["Machthaber", "Wladimir", "Selenskij"]
    assert [text for op, text in ops if op == DiffOp.INSERT] == ["Präsident", "Wolodymyr", "Selenskyj"]
    assert ops[0] == (DiffOp.EQUAL, "Der ukrainische ")


def test_inserted_word_is_one_insert_between_equal_parts():
    ops = word_diff("Die Entsendung dient nicht dem Frieden.", "Die Entsendung dient daher nicht dem Frieden.")
    assert ops == (
        (DiffOp.EQUAL, "Die Entsendung dient "),
        (DiffOp.INSERT, "daher "),
        (DiffOp.EQUAL, "nicht dem Frieden."),
    )


def test_changed_words_are_never_cut_inside():
    ops = word_diff("Selenskij traf Macron.", "Selenskyj traf Macron.")
    assert ops[:2] == ((DiffOp.DELETE, "Selenskij"), (DiffOp.INSERT, "Selenskyj"))


def test_identical_and_empty_inputs():
    assert word_diff("Gleich.", "Gleich.") == ((DiffOp.EQUAL, "Gleich."),)
    assert word_diff("", "") == ()
    assert word_diff("", "Neu") == ((DiffOp.INSERT, "Neu"),)
    assert word_diff("Alt", "") == ((DiffOp.DELETE, "Alt"),)


def test_private_use_characters_in_the_text_do_not_confuse_the_encoding():
    a = "\ue000 \ue001 Wort"
    b = "\ue001 \ue000 Wort"
    ops = word_diff(a, b)
    assert _side(ops, DiffOp.DELETE) == a
    assert _side(ops, DiffOp.INSERT) == b


def test_more_distinct_tokens_than_the_private_use_planes_hold():
    words = [f"w{i}" for i in range(150_000)]
    a = " ".join(words)
    b = " ".join([*words[:75_000], "neu", *words[75_001:]])
    ops = word_diff(a, b)
    assert [(op, text) for op, text in ops if op != DiffOp.EQUAL] == [(DiffOp.DELETE, "w75000"), (DiffOp.INSERT, "neu")]
    assert _side(ops, DiffOp.DELETE) == a
    assert _side(ops, DiffOp.INSERT) == b


def test_changed_spans_point_at_inserted_words_in_the_target():
    b = "Die Entsendung dient daher nicht dem Frieden."
    ops = word_diff("Die Entsendung dient nicht dem Frieden.", b)
    assert [b[s:e] for s, e in changed_spans(ops, DiffOp.INSERT)] == ["daher "]
    assert changed_spans(ops, DiffOp.DELETE) == []


_words = st.lists(
    st.sampled_from(["Der", "die", "Selenskij", "Selenskyj", " ", "  ", ",", ".", "„", "“", "2,300", "\ue000", "ß"]),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_words.map("".join), st.text(max_size=60)), st.one_of(_words.map("".join), st.text(max_size=60)))
def test_edit_script_rebuilds_both_texts(a, b):
    ops = word_diff(a, b)
    assert _side(ops, DiffOp.DELETE) == a
    assert _side(ops, DiffOp.INSERT) == b
    assert all(text for _, text in ops)
    assert all(x[0] != y[0] for x, y in itertools.pairwise(ops))
