"""What a front end keeps between comparisons, in one object it holds and hands to ``compare``.

A window compares the same texts again and again (the threshold slider, one article added to a set) and a batch
worker compares cluster after cluster with one model: each keeps an ``Engine`` for its whole life, so the texts'
sentence spans, their fact indexes and the sentence encoder (its model and its vectors) are worked out once.
``compare`` without an engine takes a fresh one, so a comparison on its own depends on nothing an earlier one left
behind. Every cache here is bounded, and every method may be called from any thread.

The small memos on pure functions of one word or one sentence (``functools.cache`` in ``text``, ``align`` and
``detect``) stay where they are: they hold no article and cannot change a result, only its cost.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from desktop.core.model import Span
from desktop.core.text import segmentation
from desktop.core.text.facts.index import FactIndex

if TYPE_CHECKING:
    from desktop.core.align.embeddings import Encoder

RECENT_TEXTS = 32  # sentence spans of the texts of the last few comparisons (a 20-article set fits)
RECENT_INDEXES = 24  # ~9 MB for an article of 10,000 sentences

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Recent(Generic[K, V]):
    """The last ``size`` values by key, oldest dropped first; ``get`` builds a missing value outside the lock, so
    two threads may build the same value once each, and neither waits for the other's work."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, build: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = build()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def put(self, key: K, value: V) -> None:
        """Keep ``value``, worked out elsewhere (another process), as if ``get`` had built it."""
        self.get(key, lambda: value)

    def __contains__(self, key: K) -> bool:
        with self._lock:
            return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class Engine:
    """Sentence spans, fact indexes and the encoder, kept for the comparisons one front end runs."""

    def __init__(self, encoder: Encoder | None = None) -> None:
        """``encoder`` replaces the one made on first use (which keeps vectors in the user's cache folder,
        ``vector_cache``): a test or a fitting script passes its own."""
        self._segments: _Recent[tuple[str, str, bool], tuple[Span, ...]] = _Recent(RECENT_TEXTS)
        self._indexes: _Recent[tuple[str, str], FactIndex] = _Recent(RECENT_INDEXES)
        self._encoder = encoder
        self._encoder_lock = threading.Lock()

    def segment(self, text: str, language: str, presegmented: bool) -> tuple[Span, ...]:
        return self._segments.get(
            (text, language, presegmented),
            lambda: tuple(segmentation.segment(text, language, presegmented=presegmented)),
        )

    def fact_index(self, text: str, language: str) -> FactIndex:
        """What an article (its body, furniture left out) states, indexed for ``FactIndex.contains``."""
        return self._indexes.get((text, language), lambda: FactIndex.build(text, language))

    def holds_fact_index(self, text: str, language: str) -> bool:
        return (text, language) in self._indexes

    def keep_fact_index(self, text: str, language: str, index: FactIndex) -> None:
        """Keep an index built elsewhere (a child process, ``align.aside``) for ``fact_index`` to answer with."""
        self._indexes.put((text, language), index)

    @property
    def encoder(self) -> Encoder:
        """The sentence encoder: made on first use (its model loads on its first sentence without a vector)."""
        with self._encoder_lock:
            if self._encoder is None:
                from desktop.core.align.vector_cache import disk_encoder  # sqlite3 only for meaning

                self._encoder = disk_encoder()
            return self._encoder
