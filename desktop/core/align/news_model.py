"""One calibrated probability that two sentences of different outlets report the same fact.

A logistic model over the signals of ``evidence``; its coefficients live in a reviewed file,
``resources/models/news-links.json``, written by ``benchmarks/fit_news_links.py`` (which also prints the
leave-one-event-out figures the file's ``measured`` entry records). The grouping thresholds are fitted with it
and stored beside the coefficients, so one file says how Parallax decides a match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np

from desktop.core.align.evidence import Matrix, PairEvidence
from desktop.core.resources import resource_path


@dataclass(frozen=True, slots=True)
class Logistic:
    """Weights over named ``evidence`` signals."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    bias: float

    def log_odds(self, evidence: PairEvidence) -> Matrix:
        shape = next(iter(evidence.signals.values())).shape
        total = np.full(shape, self.bias)
        for name, weight in zip(self.features, self.coefficients, strict=True):
            total += weight * evidence.signals[name]
        return total


@dataclass(frozen=True, slots=True)
class LinkModel:
    """``within`` scores two articles of one language with every signal; ``across`` scores two languages with
    the signals that mean the same there (vectors, anchors, roles), fitted on all pairs so that it learns from
    every event, not only the few that cross a language."""

    within: Logistic
    across: Logistic
    shift: float  # subtracted from the log-odds before grouping: where a link starts to count for a merge
    same_article: float  # what two sentences of one article in a group cost (see ``grouping``)
    link_min: float  # links weaker than this never start a merge

    def log_odds(self, evidence: PairEvidence) -> Matrix:
        """The model's log-odds for every sentence pair, less ``shift`` (positive: worth linking)."""
        return self._chosen(evidence).log_odds(evidence) - self.shift

    def weight(self, evidence: PairEvidence, signal: str) -> float:
        """What one unit of ``signal`` adds to this article pair's log-odds (0 for a signal the model ignores)."""
        chosen = self._chosen(evidence)
        return dict(zip(chosen.features, chosen.coefficients, strict=True)).get(signal, 0.0)

    def _chosen(self, evidence: PairEvidence) -> Logistic:
        same_language = evidence.signals["same_language"]
        return self.within if same_language.size == 0 or same_language.flat[0] else self.across


def _logistic(data: dict[str, object]) -> Logistic:
    features = data["features"]
    coefficients = data["coefficients"]
    assert isinstance(features, list) and isinstance(coefficients, list)
    return Logistic(tuple(str(f) for f in features), tuple(float(c) for c in coefficients), float(str(data["bias"])))


@cache
def link_model() -> LinkModel:
    data = json.loads(resource_path("models", "news-links.json").read_text(encoding="utf-8"))
    return LinkModel(
        within=_logistic(data["within"]),
        across=_logistic(data["across"]),
        shift=float(data["shift"]),
        same_article=float(data["same_article"]),
        link_min=float(data["link_min"]),
    )
