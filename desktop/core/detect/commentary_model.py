"""A small commentary classifier: logistic regression over a sentence's meaning and its rule signals (issue 14).

The cue lexicons and the structural signal (``commentary``, ``subjectivity``) only see commentary that uses a word
or a construction they list. The classifier adds the sentence's meaning: the multilingual sentence vector of
``embeddings`` (512 numbers, the encoder matching already uses) plus a few numbers the rules compute anyway (cue
weights in the author's own voice, how much of the sentence is quoted or attributed, whether it is anchored in
numbers and dates, its length). One set of weights serves German and English; it is fitted by
``benchmarks/fit_commentary.py`` on hand-written labelled sentences (``tests/data/commentary_labelled_*.tsv``) and
kept, with its cross-validated figures, in ``resources/models/commentary-lr.json``.

A sentence is commentary when the rules say so or, failing that, when the model's probability reaches the
threshold fitted per language (chosen by cross-validation so that it seldom flags reporting). Quoted and
attributed sentences are left to the rules: someone else's verdict is reporting, whatever it says.

The encoder is loaded on the first sentence the rules leave undecided (~0.3 s), a sentence costs ~3 ms to
encode once and nothing after that (``embeddings`` caches vectors per text, in memory and on disk).
Without the encoder package the classifier stays off and the rules decide alone.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from desktop.core.align import embeddings
from desktop.core.detect import commentary
from desktop.core.memo import per_sentence
from desktop.core.resources import resource_path
from desktop.core.text.normalize import canonical

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder

MODEL_FILE = "commentary-lr.json"
LANGUAGES = ("en", "de")
MIN_WORDS = 4  # shorter lines (headline fragments, datelines) are left to the rules
MAX_ATTRIBUTED = 0.5  # sentences more than half quoted or attributed are reporting, whatever the model says
DISABLE_ENV = "PARALLAX_COMMENTARY_MODEL"  # "0" turns the classifier off (rules only)
PREPARE_LIMIT = 2_000  # sentences the classifier may encode for one comparison when the matcher did not

RULE_FEATURES = (
    "lexicon_weight",
    "structure_weight",
    "heaviest_cue",
    "question",
    "attributed_share",
    "quotation",
    "anchored",
    "length",
    "german",
)

_ANCHOR = re.compile(
    r"\d|(?<![\w-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december|yesterday|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|januar|februar|märz|juni|juli|oktober|dezember|gestern|prozent|percent|"
    r"per cent|million|millionen|billion|milliarden)(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Model:
    """Fitted weights: ``embedding`` for the 512 vector dimensions, ``rules`` for ``RULE_FEATURES``."""

    embedding: npt.NDArray[np.float64]
    rules: npt.NDArray[np.float64]
    bias: float
    thresholds: dict[str, float]

    def probability(
        self, vectors: npt.NDArray[np.floating], rules: npt.NDArray[np.floating]
    ) -> npt.NDArray[np.float64]:
        score = vectors @ self.embedding + rules @ self.rules + self.bias
        return 1.0 / (1.0 + np.exp(-score))


def rule_features(text: str, language: str) -> npt.NDArray[np.float64]:
    """The rule signals of one sentence as numbers in about 0..1, in ``RULE_FEATURES`` order."""
    from desktop.core.detect.subjectivity import subjectivity_cues

    cues = commentary.find_cues(text, language)
    structure = subjectivity_cues(text, language, cues)
    masked = commentary.attributed_spans(text, language)
    attributed = sum(end - start for start, end in _merged(masked))
    words = len(_WORD.findall(text))
    return np.array(
        [
            min(sum(c.weight for c in cues), 4) / 4,
            min(sum(c.weight for c in structure), 4) / 4,
            max((c.weight for c in (*cues, *structure)), default=0) / 2,
            float(any(c.text.endswith("?") for c in cues)),
            attributed / max(len(text), 1),
            float(bool(commentary.quoted_spans(text))),
            float(bool(_ANCHOR.search(text))),
            min(math.log1p(words) / math.log(60), 1.0),
            float(language == "de"),
        ]
    )


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def load(path: str | os.PathLike[str] | None = None) -> Model:
    """The model in ``resources/models`` (or at ``path``)."""
    file = resource_path("models", MODEL_FILE) if path is None else path
    with open(file, encoding="utf-8") as handle:
        data = json.load(handle)
    if tuple(data["rule_features"]) != RULE_FEATURES or data["dimensions"] != embeddings.DIMENSIONS:
        raise ValueError(f"{file}: written for other features; refit with benchmarks/fit_commentary.py")
    return Model(
        np.asarray(data["embedding_weights"], np.float64),
        np.asarray(data["rule_weights"], np.float64),
        float(data["bias"]),
        {k: float(v) for k, v in data["thresholds"].items()},
    )


@cache
def _model() -> Model:
    return load()


def enabled() -> bool:
    """Whether the classifier runs: the encoder is installed and it was not switched off."""
    return os.environ.get(DISABLE_ENV, "1") != "0" and embeddings.available()


@per_sentence
def undecided(text: str, language: str) -> bool:
    """Whether the classifier is asked about a sentence the rules did not flag: a language it was fitted on,
    at least a few words, and not mainly someone else's quoted or attributed words. Remembered per sentence:
    ``prepare`` and then ``judged`` ask about every sentence of a comparison matched by meaning (37,000 calls,
    0.8 s, for two 10,000-sentence articles)."""
    if language not in LANGUAGES or len(_WORD.findall(text)) < MIN_WORDS:
        return False
    masked = _merged(commentary.attributed_spans(text, language))
    return sum(end - start for start, end in masked) <= MAX_ATTRIBUTED * len(text)


def threshold(language: str) -> float:
    return _model().thresholds.get(language, 1.0)


def judged(text: str, language: str, encoder: Encoder | None) -> float | None:
    """The probability when it reaches the language's threshold, else None (also when the classifier is off, has
    no ``encoder`` or is not asked about the sentence).

    Judged only from a vector already encoded (``prepare`` encodes a comparison's candidates in one batch, the
    matcher by meaning has encoded every sentence): the classifier never runs the model one sentence at a time.
    """
    if encoder is None or not enabled() or not encoder.holds_vectors or not undecided(text, language):
        return None
    vector = encoder.cached(canonical(text))
    if vector is None:
        return None
    p = float(_model().probability(vector[None, :], rule_features(text, language)[None, :])[0])
    return p if p >= threshold(language) else None


def prepare(sentences: Sequence[tuple[str, str]], encoder: Encoder | None) -> None:
    """Encode, in batches, the sentences (text, language) the classifier will be asked about that ``encoder`` has
    no vector for, when at most ``PREPARE_LIMIT`` lack one. Only a comparison that matches by meaning passes an
    encoder (it has encoded nearly every sentence already): one matched by strings alone never loads the model for
    this (one second, and two 10,000-sentence articles spent 26 s encoding against 7 s for the whole
    comparison), and there the rules decide alone."""
    if encoder is None or not enabled():
        return
    # Keyed by the canonical text, as the matchers encode it, so a sentence the matcher embedded is not encoded
    # twice for its typographic quotes.
    wanted = (canonical(t) for t, lang in sentences if undecided(t, lang))
    todo = list(dict.fromkeys(t for t in wanted if encoder.cached(t) is None))
    if 0 < len(todo) <= PREPARE_LIMIT:
        encoder.encode(todo)
