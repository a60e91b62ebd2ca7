"""How much of one sentence's wording the other sentence says in other words.

Outlets that report the same fact pick their own words: "entlassen" / "gefeuert", "coalition" / "Bündnis",
"Regierung" / "government". Stemmed words and character grams see none of that, and a whole-sentence vector
blurs it with everything else the sentences say. Here every content word is compared with every content word of
the other sentence through the multilingual encoder's vectors of the words themselves; a word counts as said
when its closest counterpart is near enough (``NEAR``), by that closeness and by how rare the word is. The
signal is the harmonic mean of the two directions, like an F-score over words (the idea of BERTScore, with
static word vectors).

Words are encoded once per comparison (a news comparison has one or two thousand distinct words; the encoder's
caches keep them across runs), so the cost is one small matrix product per article pair and a maximum per
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from desktop.core.text import wordlists

Matrix = npt.NDArray[np.float64]
WordVectors = Mapping[str, npt.NDArray[np.float32]]

NEAR = 0.6  # word cosine below which two words are unrelated (the encoder puts unrelated words near 0.2-0.4)
_WORD = re.compile(r"\w+")


def content_words(text: str) -> tuple[str, ...]:
    """The words of a sentence worth comparing, as written (the encoder reads case): no function words, no
    figures (the anchors compare those by value), nothing shorter than three letters."""
    function = wordlists.function_words()
    return tuple(
        dict.fromkeys(
            w for w in _WORD.findall(text) if len(w) >= 3 and not w.isdigit() and w.casefold() not in function
        )
    )


def overlap(
    words_a: Sequence[Sequence[str]],
    words_b: Sequence[Sequence[str]],
    vectors: WordVectors,
    idf: Mapping[str, float],
) -> Matrix:
    """Every sentence of A (rows) against every sentence of B (columns): the idf-weighted F-score of words said
    in both, each word counted by the cosine of its nearest counterpart when that reaches ``NEAR``."""
    result = np.zeros((len(words_a), len(words_b)))
    vocab_a = sorted({w for s in words_a for w in s if w in vectors})
    vocab_b = sorted({w for s in words_b for w in s if w in vectors})
    if not vocab_a or not vocab_b:
        return result
    near = (
        np.stack([vectors[w] for w in vocab_a]).astype(np.float64)
        @ np.stack([vectors[w] for w in vocab_b]).astype(np.float64).T
    )
    near[near < NEAR] = 0.0
    index_a = {w: n for n, w in enumerate(vocab_a)}
    index_b = {w: n for n, w in enumerate(vocab_b)}
    rows = [[index_a[w] for w in s if w in index_a] for s in words_a]
    cols = [[index_b[w] for w in s if w in index_b] for s in words_b]
    said_a = _said(near, cols, rows, idf, vocab_a)  # how much of A's sentence each B sentence says
    said_b = _said(near.T, rows, cols, idf, vocab_b).T
    total = said_a + said_b
    np.divide(2 * said_a * said_b, total, out=result, where=total > 0)
    return result


def _said(
    near: Matrix,
    other: Sequence[Sequence[int]],
    own: Sequence[Sequence[int]],
    idf: Mapping[str, float],
    vocab: Sequence[str],
) -> Matrix:
    """Share of each own sentence's word weight (rows) that each other sentence (columns) says."""
    nearest = np.zeros((near.shape[0], len(other)))
    for j, members in enumerate(other):
        if members:
            nearest[:, j] = near[:, members].max(axis=1)
    weights = np.array([idf.get(w.casefold(), 0.0) for w in vocab])
    incidence = np.zeros((len(own), near.shape[0]))
    for i, members in enumerate(own):
        incidence[i, members] = weights[members]
    own_weight = incidence.sum(axis=1, keepdims=True)
    said: Matrix = np.divide(
        incidence @ nearest, own_weight, out=np.zeros((len(own), len(other))), where=own_weight > 0
    )
    return said
