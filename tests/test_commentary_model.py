"""The commentary classifier (issue 14): model file in step with its data, wire reporting stays unflagged,
quiet commentary the word lists miss is flagged, quotations and attributed verdicts are left to the rules."""

import hashlib
import json
from pathlib import Path

import pytest
from commentary_wire_set import DE_WIRE, EN_WIRE

from desktop.core.align import embeddings, vector_cache
from desktop.core.detect import commentary_model, commentary_verdict
from desktop.core.detect.commentary_verdict import commentary_cues, rule_cues
from desktop.core.resources import resource_path

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.skipif(not embeddings.available(), reason="the sentence encoder is not installed")


@pytest.fixture(scope="module")
def encoder():
    """An encoder of its own, as a comparison matching by meaning hands one to the classifier."""
    return vector_cache.disk_encoder()


def test_model_file_matches_the_features_and_the_labelled_data_it_was_fitted_on():
    data = json.loads(resource_path("models", commentary_model.MODEL_FILE).read_text(encoding="utf-8"))
    assert tuple(data["rule_features"]) == commentary_model.RULE_FEATURES
    assert len(data["embedding_weights"]) == embeddings.DIMENSIONS
    for language, training in data["training"].items():
        digest = hashlib.sha256((DATA / f"commentary_labelled_{language}.tsv").read_bytes()).hexdigest()
        assert digest == training["sha256"], "labelled data changed: refit with benchmarks/fit_commentary.py"
        assert training["commentary"] >= 150 and training["reporting"] >= 150
    assert set(data["thresholds"]) == set(commentary_model.LANGUAGES)
    assert all(0.5 <= t < 1 for t in data["thresholds"].values())


@pytest.mark.parametrize(("sentences", "language"), [(EN_WIRE, "en"), (DE_WIRE, "de")])
def test_neutral_wire_sentences_stay_reporting(sentences, language, encoder):
    """The issue's bar is at most 2 of 40; at the time of writing none of the 40 is flagged (highest p 0.25)."""
    commentary_model.prepare([(s, language) for s in sentences], encoder)
    flagged = [s for s in sentences if commentary_cues(s, language, encoder)]
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("So far the reform has changed remarkably little in the classrooms.", "en"),
        ("Die Reform bleibt bislang weit hinter den eigenen Ansprüchen zurück.", "de"),
    ],
)
def test_quiet_commentary_without_a_listed_word_is_flagged_by_the_model(sentence, language, encoder):
    assert rule_cues(sentence, language) == ()
    assert commentary_cues(sentence, language) == ()  # without an encoder (matched by strings) the rules decide
    commentary_model.prepare([(sentence, language)], encoder)
    cues = commentary_cues(sentence, language, encoder)
    assert len(cues) == 1 and cues[0].startswith(commentary_verdict.MODEL_CUE + " ")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ('"So far the reform has changed remarkably little in the classrooms," the union said.', "en"),
        ("Die Reform bleibe bislang weit hinter den eigenen Ansprüchen zurück, sagte die Sprecherin.", "de"),
        ("Bislang wenig.", "de"),
    ],
)
def test_quoted_attributed_and_very_short_sentences_are_not_asked(sentence, language, encoder):
    assert not commentary_model.undecided(sentence, language)
    commentary_model.prepare([(sentence, language)], encoder)
    assert commentary_cues(sentence, language, encoder) == ()


def test_switched_off_the_rules_decide_alone(monkeypatch, encoder):
    sentence = "Die Reform bleibt bislang weit hinter den eigenen Ansprüchen zurück."
    encoder.encode([sentence])
    monkeypatch.setenv(commentary_model.DISABLE_ENV, "0")
    assert commentary_model.judged(sentence, "de", encoder) is None
    monkeypatch.delenv(commentary_model.DISABLE_ENV)
    assert commentary_model.judged(sentence, "de", encoder) is not None


def test_the_classifier_never_encodes_a_sentence_on_its_own_and_skips_large_comparisons(monkeypatch, encoder):
    """Only vectors the comparison already has are judged; past the limit the rules decide alone (two
    10,000-sentence articles spent 26 s encoding for this)."""
    sentence = "So far the plan has achieved remarkably little for the people it was meant to help."
    encoder.encode(["Another sentence, so the encoder holds vectors."])
    assert commentary_model.judged(sentence, "en", encoder) is None  # not encoded yet: not judged, nothing encoded
    assert encoder.cached(sentence) is None
    monkeypatch.setattr(commentary_model, "PREPARE_LIMIT", 0)
    commentary_model.prepare([(sentence, "en")], encoder)
    assert encoder.cached(sentence) is None
    monkeypatch.setattr(commentary_model, "PREPARE_LIMIT", 1)
    commentary_model.prepare([(sentence, "en")], encoder)
    assert encoder.cached(sentence) is not None


def test_other_languages_are_left_to_the_rules():
    assert not commentary_model.undecided("La réforme reste pour l'instant bien en deçà de ses ambitions.", "fr")
