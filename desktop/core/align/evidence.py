"""The evidence a reader weighs when deciding that two sentences of different outlets report the same fact.

Independent outlets paraphrase freely: "the office will later move to Rome" and "leadership then rotates to
Rome" share one content word and a place, and no string ratio ranks them together. A reader looks at several
things at once, and so does this module, for every sentence pair of two articles:

- ``words``: stemmed content words (Snowball stemmers for German and English), each weighted by how rare it is
  across all compared sentences, as a Dice overlap;
- ``grams``: character 5-grams inside those words, so German compounds meet their parts ("Verfassungsschutz" /
  "Schutz der Verfassung" share little, but "Weihnachtsmarkt" / "Markt" and "Regierungskrise" / "Regierung" do);
- ``anchors``: names, numbers, dates and places from the facts extractor, spelled blind (``facts.words.fold_name``)
  and weighted by rarity: two sentences that name the same rare person and the same figure are about the same
  thing even in different languages;
- ``cosine``: multilingual sentence vectors (``embeddings``), and its *margin*, how far the pair stands out
  from each sentence's other candidates, which is what separates a paraphrase from a sentence on the same topic;
- ``fuzzy``: rapidfuzz's token-set ratio, which rewards shared wording in any order;
- ``soft``: the words one sentence says in other words in the other (``soft_overlap``), across languages too;
- the sentences' roles (two headlines, a headline and a lead) and relative positions, as weak priors.

``news_model`` turns these into one probability; ``grouping`` turns probabilities into groups.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop.core.align import soft_overlap
from desktop.core.memo import per_sentence
from desktop.core.model import FactKind
from desktop.core.text import wordlists
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.words import fold_name
from desktop.core.text.normalize import matching_key

Matrix = npt.NDArray[np.float64]

GRAM = 5
PROFILE_CHARS = 600
FUZZY_WORDS = 80  # the token-set ratio's cost grows fast with the number of words (news sentences have < 60)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """What the evidence needs of one sentence: its text, the article's language and whether it is a headline."""

    text: str
    language: str
    title: bool = False


@dataclass(frozen=True, slots=True)
class Profile:
    """One sentence reduced to weighted features (computed once, compared with every candidate)."""

    words: frozenset[str]
    pairs: frozenset[str]
    grams: frozenset[str]
    anchors: frozenset[str]
    key: str
    surface: tuple[str, ...] = ()  # content words as written, for ``soft_overlap``


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Per-signal matrices for the sentences of article A (rows) against article B (columns)."""

    signals: dict[str, Matrix]
    anchors_a: Sequence[frozenset[str]] = ()
    anchors_b: Sequence[frozenset[str]] = ()

    def anchors_of(self, i: int, j: int) -> frozenset[str]:
        """The anchors sentence ``i`` of A and ``j`` of B share (asked for a group's strongest pair only)."""
        if i >= len(self.anchors_a) or j >= len(self.anchors_b):
            return frozenset()
        return self.anchors_a[i] & self.anchors_b[j]


@cache
def _stemmer(language: str) -> object | None:
    import snowballstemmer

    name = {"de": "german", "en": "english"}.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    return str(stemmer.stemWord(word))  # type: ignore[attr-defined]


@per_sentence
def profile(text: str, language: str) -> Profile:
    """The features of one sentence; cached, since outlets repeat sentences and re-runs repeat all of them."""
    key = matching_key(text)
    function = wordlists.function_words()
    # A "sentence" of thousands of characters (a line with no full stop) is not a sentence: its opening is
    # enough to match it, and scoring all of it made three such articles take 48 s in this stage.
    key = key[:PROFILE_CHARS]
    words: set[str] = set()
    grams: set[str] = set()
    stems: list[str] = []
    for word in _WORD.findall(key):
        if word.isdigit() or len(word) < 3 or word in function:
            continue
        stem = _stem(word, language)
        words.add(stem)
        stems.append(stem)
        padded = f"#{word}#"
        grams.update(padded[k : k + GRAM] for k in range(max(1, len(padded) - GRAM + 1)))
    # Two content words in a row ("rights interests", "take countermeasures"): a shared phrase is much stronger
    # evidence of a shared clause than the same two words scattered.
    pairs = frozenset(f"{x} {y}" for x, y in itertools.pairwise(stems))
    opening = text[:PROFILE_CHARS]
    return Profile(
        frozenset(words), pairs, frozenset(grams), _anchors(opening, language), key, soft_overlap.content_words(opening)
    )


def _anchors(text: str, language: str) -> frozenset[str]:
    """Names (each word of three letters or more, spelled blind), numbers by value and dates by their key."""
    found: set[str] = set()
    for surface, kind, _start, _end in extract_facts(text, language):
        if kind == FactKind.NAME:
            found.update(f"n:{w}" for w in fold_name(surface).split() if len(w) >= 3)
        elif kind in (FactKind.NUMBER, FactKind.DATE):
            digits = re.sub(r"[^\d]", "", surface)
            if digits:
                found.add(f"d:{digits.lstrip('0') or '0'}")
    return frozenset(found)


def _idf(profiles: Sequence[Profile], field: str) -> dict[str, float]:
    """Inverse sentence frequency over every compared sentence: a word in half the sentences says little."""
    counts: Counter[str] = Counter()
    for p in profiles:
        counts.update({w.casefold() for w in p.surface} if field == "surface" else getattr(p, field))
    total = len(profiles) + 1
    return {f: math.log(total / c) for f, c in counts.items()}


def _shared_weight(
    rows: Sequence[frozenset[str]], cols: Sequence[frozenset[str]], idf: dict[str, float]
) -> tuple[Matrix, Matrix]:
    """The summed weight and the number of features every row set shares with every column set.

    An incidence product over only the features both sides hold: the character-gram vocabulary of two articles
    is tens of thousands wide, the part they share a few thousand, so memory stays at rows × shared features.
    """
    common = sorted({f for s in rows for f in s} & {f for s in cols for f in s})
    index = {f: n for n, f in enumerate(common)}
    weights = np.array([idf.get(f, 0.0) for f in common], np.float64)

    def incidence(sets: Sequence[frozenset[str]]) -> Matrix:
        m = np.zeros((len(sets), len(common)), np.float64)
        for r, s in enumerate(sets):
            m[r, [index[f] for f in s if f in index]] = 1.0
        return m

    a, b = incidence(rows), incidence(cols)
    return (a * weights) @ b.T, a @ b.T


def _overlaps(
    rows: Sequence[frozenset[str]], cols: Sequence[frozenset[str]], idf: dict[str, float]
) -> tuple[Matrix, Matrix]:
    """Weighted Dice overlap and containment (shared weight over the smaller side's) of every row set with every
    column set. Containment is what finds a short sentence whose claim is one clause of a long one (partial
    overlap)."""
    shared, _count = _shared_weight(rows, cols, idf)
    own_a = np.array([sum(idf.get(f, 0.0) for f in s) for s in rows], np.float64)
    own_b = np.array([sum(idf.get(f, 0.0) for f in s) for s in cols], np.float64)
    total = own_a[:, None] + own_b[None, :]
    smaller = np.minimum(own_a[:, None], own_b[None, :])
    dice = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
    containment = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    return dice, containment


def _margin(cos: Matrix, k: int = 3) -> Matrix:
    """How far a pair's cosine stands above the mean of each side's ``k`` best candidates."""
    if cos.size == 0:
        return cos.copy()
    kr = min(k, cos.shape[1])
    kc = min(k, cos.shape[0])
    row_top = np.sort(cos, axis=1)[:, -kr:].mean(axis=1)
    col_top = np.sort(cos, axis=0)[-kc:, :].mean(axis=0)
    margin: Matrix = cos - (row_top[:, None] + col_top[None, :]) / 2
    return margin


def _standardised(matrix: Matrix) -> Matrix:
    """Each cosine as standard deviations above this article pair's mean: vectors of two languages sit lower on
    the cosine scale than those of one, and this puts both on one scale."""
    if matrix.size < 2:
        return np.zeros_like(matrix)
    spread = float(matrix.std())
    centred: Matrix = (matrix - float(matrix.mean())) / (spread if spread > 1e-9 else 1.0)
    return centred


def _best_of_both(score: Matrix) -> Matrix:
    """1 where the pair is the best candidate of its row and of its column (a mutual best match)."""
    if score.size == 0:
        return score.copy()
    row_best = score >= score.max(axis=1, keepdims=True)
    col_best = score >= score.max(axis=0, keepdims=True)
    best: Matrix = (row_best & col_best & (score > 0)).astype(np.float64)
    return best


def pair_evidence(
    a: Sequence[SentenceInfo],
    b: Sequence[SentenceInfo],
    vectors_a: npt.NDArray[np.float32] | None,
    vectors_b: npt.NDArray[np.float32] | None,
    idf: dict[str, dict[str, float]],
    word_vectors: soft_overlap.WordVectors | None = None,
    *,
    fuzzy_ratio: bool = True,
) -> PairEvidence:
    """Every signal for every sentence pair of two articles; ``idf`` comes from ``corpus_idf`` over all of them,
    ``word_vectors`` from ``word_vocabulary`` (without them the ``soft`` signal is 0). Without ``fuzzy_ratio``
    the ``fuzzy`` signal is left 0 for ``with_fuzzy`` to fill in where it can matter: over two long articles
    it is most of this function's time."""
    from rapidfuzz import fuzz, process

    pa = [profile(s.text, s.language) for s in a]
    pb = [profile(s.text, s.language) for s in b]
    same_language = bool(a and b and a[0].language == b[0].language)
    words, words_in = _overlaps([p.words for p in pa], [p.words for p in pb], idf["words"])
    phrases, _ = _overlaps([p.pairs for p in pa], [p.pairs for p in pb], idf["pairs"])
    grams, grams_in = _overlaps([p.grams for p in pa], [p.grams for p in pb], idf["grams"])
    anchors_shared, anchor_count = _shared_weight([p.anchors for p in pa], [p.anchors for p in pb], idf["anchors"])
    if same_language and fuzzy_ratio:
        fuzzy = process.cdist(_fuzzy_keys(pa), _fuzzy_keys(pb), scorer=fuzz.token_set_ratio, workers=-1) / 100.0
    else:
        fuzzy = np.zeros((len(pa), len(pb)), np.float32 if same_language else np.float64)
    if vectors_a is not None and vectors_b is not None and len(pa) and len(pb):
        cosine = np.asarray(vectors_a, np.float64) @ np.asarray(vectors_b, np.float64).T
    else:
        cosine = np.zeros((len(pa), len(pb)))
    if word_vectors:
        soft = soft_overlap.overlap([p.surface for p in pa], [p.surface for p in pb], word_vectors, idf["surface"])
    else:
        soft = np.zeros((len(pa), len(pb)))
    title_a = np.array([s.title for s in a], bool)
    title_b = np.array([s.title for s in b], bool)
    position_a = (np.arange(len(a)) + 0.5) / max(1, len(a))
    position_b = (np.arange(len(b)) + 0.5) / max(1, len(b))
    lexical = words + grams + np.minimum(anchors_shared, 10.0) / 10.0
    signals = {
        "words": words,
        "grams": grams,
        "words_in": words_in,
        "grams_in": grams_in,
        "phrases": phrases,
        "anchors": np.log1p(anchors_shared),
        "anchor_count": np.minimum(anchor_count, 4.0),
        "fuzzy": fuzzy,
        "soft": soft,
        "cosine": cosine,
        "cosine_z": _standardised(cosine),
        "margin": _margin(cosine),
        "lexical_margin": _margin(lexical),
        "mutual_best": _best_of_both(cosine + lexical),
        "both_titles": (title_a[:, None] & title_b[None, :]).astype(np.float64),
        "one_title": (title_a[:, None] ^ title_b[None, :]).astype(np.float64),
        "distance": np.abs(position_a[:, None] - position_b[None, :]),
        "same_language": np.full((len(a), len(b)), float(same_language)),
        # Across languages the vectors are almost the only evidence, and their scale differs: own weights.
        "cosine_across": cosine * (not same_language),
        "margin_across": _margin(cosine) * (not same_language),
    }
    return PairEvidence(signals, [p.anchors for p in pa], [p.anchors for p in pb])


def with_fuzzy(
    found: PairEvidence, a: Sequence[SentenceInfo], b: Sequence[SentenceInfo], cells: npt.NDArray[np.bool_]
) -> PairEvidence:
    """``found`` (from ``pair_evidence`` without ``fuzzy_ratio``) with the token-set ratio of the chosen ``cells``,
    the same values the full matrix holds there."""
    from rapidfuzz import fuzz

    keys_a = _fuzzy_keys([profile(s.text, s.language) for s in a])
    keys_b = _fuzzy_keys([profile(s.text, s.language) for s in b])
    fuzzy: npt.NDArray[Any] = np.zeros(cells.shape, np.float32)  # process.cdist's dtype, divided as there
    rows, cols = np.nonzero(cells)
    fuzzy[rows, cols] = [fuzz.token_set_ratio(keys_a[i], keys_b[j]) for i, j in zip(rows, cols, strict=True)]
    fuzzy /= 100.0
    return PairEvidence({**found.signals, "fuzzy": fuzzy}, found.anchors_a, found.anchors_b)


def _fuzzy_keys(profiles: Sequence[Profile]) -> list[str]:
    return [" ".join(p.key.split(" ", FUZZY_WORDS)[:FUZZY_WORDS]) for p in profiles]


def corpus_idf(articles: Sequence[Sequence[SentenceInfo]]) -> dict[str, dict[str, float]]:
    """Rarity weights of words, grams and anchors over every sentence of every compared article."""
    profiles = [profile(s.text, s.language) for article in articles for s in article]
    return {field: _idf(profiles, field) for field in ("words", "pairs", "grams", "anchors", "surface")}


def word_vocabulary(articles: Sequence[Sequence[SentenceInfo]]) -> list[str]:
    """Every content word of the compared sentences, once: what ``soft_overlap`` needs vectors of."""
    return sorted({w for article in articles for s in article for w in profile(s.text, s.language).surface})
