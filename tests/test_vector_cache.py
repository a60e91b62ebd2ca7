"""Sentence vectors on disk: a second run reads them instead of encoding, and a broken cache never breaks a run."""

from pathlib import Path

import numpy as np
import pytest

from desktop.core.align.embeddings import DIMENSIONS, Encoder, text_key
from desktop.core.align.vector_cache import DiskVectorStore, default_path


def _vector(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
    return v / np.linalg.norm(v)


def test_vectors_survive_a_new_store_on_the_same_file(tmp_path: Path):
    path = tmp_path / "cache" / "v.sqlite3"
    DiskVectorStore(path).put_vectors("m1", {"k1": _vector(1), "k2": _vector(2)})
    again = DiskVectorStore(path)
    found = again.get_vectors("m1", ["k1", "k2", "k3"])
    assert set(found) == {"k1", "k2"}
    assert np.allclose(found["k1"], _vector(1))
    assert again.get_vectors("m2", ["k1"]) == {}  # another model version never reuses a vector


def test_a_damaged_cache_file_is_replaced_not_fatal(tmp_path: Path):
    path = tmp_path / "v.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = DiskVectorStore(path)
    assert store.get_vectors("m", ["k"]) == {}
    store.put_vectors("m", {"k": _vector(3)})
    assert set(DiskVectorStore(path).get_vectors("m", ["k"])) == {"k"}


def test_an_unwritable_cache_folder_is_silently_skipped(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = DiskVectorStore(blocker / "sub" / "v.sqlite3")  # a folder under a file cannot be made
    store.put_vectors("m", {"k": _vector(4)})
    assert store.get_vectors("m", ["k"]) == {}


def test_the_cache_can_be_turned_off_or_moved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("PARALLAX_VECTOR_CACHE", "off")
    assert default_path() is None
    monkeypatch.setenv("PARALLAX_VECTOR_CACHE", str(tmp_path / "x.sqlite3"))
    assert default_path() == tmp_path / "x.sqlite3"


def test_the_encoder_reads_stored_vectors_without_loading_the_model(tmp_path: Path):
    store = DiskVectorStore(tmp_path / "v.sqlite3")
    from desktop.core.align.embeddings import MODEL

    store.put_vectors(MODEL, {text_key("Ein Satz."): _vector(5)})
    encoder = Encoder(store=DiskVectorStore(tmp_path / "v.sqlite3"))
    out = encoder.encode(["Ein Satz."])
    assert np.allclose(out[0], _vector(5))
    assert encoder._model is None  # nothing was encoded, so the model was never loaded


def test_the_encoder_reads_a_sentence_only_up_to_its_first_characters(tmp_path: Path):
    """A 'sentence' of thousands of characters (a line without a full stop) costs what its opening costs."""
    from desktop.core.align.embeddings import MAX_CHARS, available

    if not available():
        pytest.skip("the encoder package is not installed")
    opening = "The harbour council met on Monday to discuss the ferry timetable. " * 20
    assert len(opening) > MAX_CHARS
    encoder = Encoder()
    first, second = encoder.encode([opening + "and then a very different ending", opening + "x" * 5000])
    assert np.allclose(first, second)
