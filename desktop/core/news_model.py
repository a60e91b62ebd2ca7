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

from desktop.core.evidence import Matrix, PairEvidence
from desktop.core.resources import resource_path


@dataclass(frozen=True, slots=True)
class LinkModel:
    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    bias: float
    shift: float  # subtracted from the log-odds before grouping: where a link starts to count for a merge
    same_article: float  # what two sentences of one article in a group cost (see ``grouping``)
    link_min: float  # links weaker than this never start a merge

    def log_odds(self, evidence: PairEvidence) -> Matrix:
        """The model's log-odds for every sentence pair, less ``shift`` (positive: worth linking)."""
        shape = next(iter(evidence.signals.values())).shape
        total = np.full(shape, self.bias - self.shift)
        for name, weight in zip(self.features, self.coefficients, strict=True):
            total += weight * evidence.signals[name]
        return total


@cache
def link_model() -> LinkModel:
    data = json.loads(resource_path("models", "news-links.json").read_text(encoding="utf-8"))
    return LinkModel(
        features=tuple(data["features"]),
        coefficients=tuple(float(c) for c in data["coefficients"]),
        bias=float(data["bias"]),
        shift=float(data["shift"]),
        same_article=float(data["same_article"]),
        link_min=float(data["link_min"]),
    )
