"""Fit the commentary classifier (``desktop/core/detect/commentary_model.py``) and write its weights and figures.

    .venv/bin/python benchmarks/fit_commentary.py            # fit, print the figures, write the model
    .venv/bin/python benchmarks/fit_commentary.py --dry-run  # fit and print only

Training data: ``tests/data/commentary_labelled_{en,de}.tsv`` (hand-written, one topic key per sentence). The
model is L2-regularised logistic regression, fitted by Newton's method in numpy, over the 512-d sentence vector and
the rule features. Figures are cross-validated twice: 10-fold (stratified, seeded) and leave-one-topic-out, where
a topic is held out in both languages at once (the German sentences are often close to English ones, and the
encoder is multilingual). The regularisation strength is chosen by topic cross-validation (log loss); the
threshold per language is the lowest at which the model, out of fold by topic, adds at most
``MAX_FALSE_POSITIVE`` of the reporting sentences to what the rules already flag. Held-out sets from ``tests/``
are scored with the final model and never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from desktop.core.align import embeddings  # noqa: E402
from desktop.core.detect import commentary_model, commentary_verdict  # noqa: E402

DATA = ROOT / "tests" / "data"
OUT = ROOT / "resources" / "models" / commentary_model.MODEL_FILE
LAMBDAS = (0.03, 0.1, 0.3, 1.0, 3.0)
MAX_FALSE_POSITIVE = 0.01
FOLDS = 10
SEED = 14


def read(language: str) -> list[tuple[int, str, str]]:
    rows = []
    for line in (DATA / f"commentary_labelled_{language}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, topic, text = line.split("\t")
        rows.append((int(label == "c"), topic, text))
    return rows


def fit(x: np.ndarray, y: np.ndarray, lam: float, iterations: int = 30) -> np.ndarray:
    """Weights (last one the bias, not penalised) minimising log loss + lam/2 * |w|^2, by Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], lam)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(xb @ w)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, lam: float) -> np.ndarray:
    p = np.zeros(len(y))
    for fold in np.unique(folds):
        test = folds == fold
        p[test] = predict(fit(x[~test], y[~test], lam), x[test])
    return p


def stratified_folds(y: np.ndarray, k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(y), int)
    for label in (0, 1):
        index = np.flatnonzero(y == label)
        rng.shuffle(index)
        folds[index] = np.arange(len(index)) % k
    return folds


def counts(flag: np.ndarray, y: np.ndarray) -> dict[str, int]:
    return {
        "tp": int((flag & (y == 1)).sum()),
        "fp": int((flag & (y == 0)).sum()),
        "fn": int((~flag & (y == 1)).sum()),
        "tn": int((~flag & (y == 0)).sum()),
    }


def figures(c: dict[str, int]) -> dict[str, float]:
    precision = c["tp"] / max(c["tp"] + c["fp"], 1)
    recall = c["tp"] / max(c["tp"] + c["fn"], 1)
    return {**c, "precision": round(precision, 3), "recall": round(recall, 3)}


def combined(p: np.ndarray, rules: np.ndarray, asked: np.ndarray, t: float) -> np.ndarray:
    return rules | (asked & (p >= t))


def choose_threshold(p: np.ndarray, y: np.ndarray, rules: np.ndarray, asked: np.ndarray) -> float:
    for t in np.arange(0.30, 0.96, 0.01):
        added = combined(p, rules, asked, t) & ~rules  # the rules' own false positives are not the model's
        if (added & (y == 0)).sum() <= MAX_FALSE_POSITIVE * (y == 0).sum():
            return round(float(t), 2)
    return 0.95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    args = parser.parse_args()

    encoder = embeddings.Encoder()  # no disk store: fitting leaves no vectors behind
    rows, language = [], []
    for lang in commentary_model.LANGUAGES:
        for row in read(lang):
            rows.append(row)
            language.append(lang)
    texts = [t for _, _, t in rows]
    y = np.array([label for label, _, _ in rows], float)
    lang = np.array(language)
    topics = np.array([topic for _, topic, _ in rows])
    vectors = encoder.encode(texts).astype(np.float64)
    rule_x = np.stack([commentary_model.rule_features(t, g) for t, g in zip(texts, language, strict=True)])
    x = np.hstack([vectors, rule_x])
    rules = np.array([bool(commentary_verdict.rule_cues(t, g)) for t, g in zip(texts, language, strict=True)])
    asked = np.array([commentary_model.undecided(t, g) for t, g in zip(texts, language, strict=True)])
    topic_ids = np.unique(topics, return_inverse=True)[1]
    kfold = stratified_folds(y, FOLDS, SEED)

    losses = {}
    for lam in LAMBDAS:
        p = np.clip(out_of_fold(x, y, topic_ids, lam), 1e-6, 1 - 1e-6)
        losses[lam] = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        print(f"lambda {lam:>5}: topic-CV log loss {losses[lam]:.4f}")
    lam = min(losses, key=lambda k: losses[k])
    oof = {"topic": out_of_fold(x, y, topic_ids, lam), "kfold": out_of_fold(x, y, kfold, lam)}

    thresholds, report = {}, {}
    for g in commentary_model.LANGUAGES:
        mine = lang == g
        yb = y[mine].astype(int)
        thresholds[g] = choose_threshold(oof["topic"][mine], yb, rules[mine], asked[mine])
        report[g] = {"rules": figures(counts(rules[mine], yb))}
        for name, p in oof.items():
            report[g][f"model_{name}"] = figures(counts(p[mine] >= 0.5, yb))
            flag = combined(p[mine], rules[mine], asked[mine], thresholds[g])
            report[g][f"combined_{name}"] = figures(counts(flag, yb))

    w = fit(x, y, lam)
    dims = embeddings.DIMENSIONS
    model = commentary_model.Model(w[:dims], w[dims:-1], float(w[-1]), thresholds)
    heldout = score_heldout(model, encoder)

    for g in commentary_model.LANGUAGES:
        print(f"\n{g}: threshold {thresholds[g]} (n={int((lang == g).sum())})")
        for name, f in report[g].items():
            cells = f"tp={f['tp']} fp={f['fp']} fn={f['fn']} tn={f['tn']}"
            print(f"  {name:16} P={f['precision']:.2f} R={f['recall']:.2f}  {cells}")
    print("\nheld-out sets (never trained on): rules -> rules or model")
    for name, f in heldout.items():
        print(
            f"  {name:28} commentary {f['rules_tp']}/{f['positives']} -> {f['tp']}/{f['positives']}   "
            f"reporting flagged {f['rules_fp']}/{f['negatives']} -> {f['fp']}/{f['negatives']}"
        )
    if args.dry_run:
        return
    data = {
        "about": "Commentary classifier of issue 14: logistic regression over the USE-multilingual sentence vector "
        "and rule features. Written by benchmarks/fit_commentary.py; do not edit by hand.",
        "encoder": embeddings.MODEL,
        "dimensions": dims,
        "rule_features": list(commentary_model.RULE_FEATURES),
        "training": {
            g: {
                "file": f"tests/data/commentary_labelled_{g}.tsv",
                "sha256": hashlib.sha256((DATA / f"commentary_labelled_{g}.tsv").read_bytes()).hexdigest(),
                "commentary": int(y[lang == g].sum()),
                "reporting": int((1 - y[lang == g]).sum()),
            }
            for g in commentary_model.LANGUAGES
        },
        "l2": lam,
        "thresholds": thresholds,
        "threshold_rule": f"lowest at which the model adds <= {MAX_FALSE_POSITIVE} of reporting to the rules' flags "
        "(topic CV)",
        "cross_validation": report,
        "heldout": heldout,
        "bias": round(float(w[-1]), 6),
        "rule_weights": [round(float(v), 6) for v in w[dims:-1]],
        "embedding_weights": [round(float(v), 6) for v in w[:dims]],
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT.relative_to(ROOT)}")


def score_heldout(model: commentary_model.Model, encoder: embeddings.Encoder) -> dict[str, dict[str, int]]:
    import commentary_heldout_set as heldout
    import commentary_real_kinds_set as real

    sets = {
        "real_kinds_2_en": (real.EN_COMMENTARY_2, real.EN_NEUTRAL_2, "en"),
        "real_kinds_2_de": (real.DE_COMMENTARY_2, real.DE_NEUTRAL_2, "de"),
        "real_kinds_1_en": (real.EN_COMMENTARY, real.EN_NEUTRAL, "en"),
        "real_kinds_1_de": (real.DE_COMMENTARY, real.DE_NEUTRAL, "de"),
        "heldout_4_en": (heldout.EN_COMMENTARY_4, heldout.EN_NEUTRAL_4, "en"),
        "heldout_4_de": (heldout.DE_COMMENTARY_4, heldout.DE_NEUTRAL_4, "de"),
    }
    out = {}
    for name, (positive, negative, g) in sets.items():
        texts = [*positive, *negative]
        y = np.array([1] * len(positive) + [0] * len(negative))
        vectors = encoder.encode(texts).astype(np.float64)
        rule_x = np.stack([commentary_model.rule_features(t, g) for t in texts])
        p = model.probability(vectors, rule_x)
        rules = np.array([bool(commentary_verdict.rule_cues(t, g)) for t in texts])
        asked = np.array([commentary_model.undecided(t, g) for t in texts])
        flag = combined(p, rules, asked, model.thresholds[g])
        c, r = counts(flag, y), counts(rules, y)
        out[name] = {
            "positives": len(positive),
            "negatives": len(negative),
            "rules_tp": r["tp"],
            "rules_fp": r["fp"],
            "tp": c["tp"],
            "fp": c["fp"],
        }
    return out


if __name__ == "__main__":
    main()
