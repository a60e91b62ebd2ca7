"""The ``soft`` signal: words said in other words count, unrelated words do not, rare words weigh more."""

import numpy as np
import pytest

from desktop.core.align import evidence, soft_overlap


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, np.float32)
    return v / np.linalg.norm(v)


# Hand-made word vectors: "fired"/"dismissed" and "minister"/"secretary" are near, the rest point elsewhere.
VECTORS = {
    "fired": _unit(1, 0.1, 0, 0),
    "dismissed": _unit(1, 0.2, 0, 0),
    "minister": _unit(0, 1, 0.1, 0),
    "secretary": _unit(0, 1, 0.2, 0),
    "weather": _unit(0, 0, 1, 0),
    "sunny": _unit(0, 0, 0.2, 1),
}
IDF = {w: 1.0 for w in VECTORS}


def test_synonyms_count_as_said_and_unrelated_words_do_not():
    found = soft_overlap.overlap(
        [("fired", "minister")], [("dismissed", "secretary"), ("weather", "sunny")], VECTORS, IDF
    )
    assert found[0, 0] > 0.95
    assert found[0, 1] == 0.0


def test_half_the_words_said_scores_between():
    found = soft_overlap.overlap([("fired", "weather")], [("dismissed", "minister")], VECTORS, IDF)
    assert 0.4 < found[0, 0] < 0.6


def test_rare_words_weigh_more():
    rare_said = soft_overlap.overlap(
        [("fired", "weather")], [("dismissed",)], VECTORS, {**IDF, "fired": 3.0, "dismissed": 3.0}
    )
    common_said = soft_overlap.overlap([("fired", "weather")], [("dismissed",)], VECTORS, {**IDF, "weather": 3.0})
    assert rare_said[0, 0] > common_said[0, 0]


def test_words_without_vectors_and_empty_sentences_score_zero():
    found = soft_overlap.overlap([("unknown",), ()], [("fired",)], VECTORS, IDF)
    assert found.shape == (2, 1)
    assert not found.any()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Kanzler hat den Minister am 6. November entlassen.", ("Kanzler", "Minister", "November", "entlassen")),
        ("It was a sunny day in Rome, Rome!", ("sunny", "day", "Rome")),
    ],
)
def test_content_words_keep_case_and_drop_function_words_figures_and_repeats(text, expected):
    assert soft_overlap.content_words(text) == expected


def test_pair_evidence_has_no_soft_signal_without_word_vectors():
    a = [evidence.SentenceInfo("The minister was fired.", "en")]
    b = [evidence.SentenceInfo("The secretary was dismissed.", "en")]
    idf = evidence.corpus_idf([a, b])
    without = evidence.pair_evidence(a, b, None, None, idf)
    assert not without.signals["soft"].any()
    with_vectors = evidence.pair_evidence(a, b, None, None, idf, VECTORS)
    assert with_vectors.signals["soft"][0, 0] > 0.9
