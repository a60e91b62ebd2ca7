"""Cyclic garbage is collected on the GUI thread only: never in a worker thread that happens to allocate, and not
while a comparison runs with the collector paused."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from desktop.core import collector
from desktop.ui.garbage import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def collections():
    """The threads in which the collector started a collection during the test."""
    threads: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(record)
    yield threads
    gc.callbacks.remove(record)


@pytest.fixture
def garbage(qapp):
    owner = GuiThreadCollector(interval_ms=10)
    yield owner
    owner.stop()


def test_automatic_collection_is_off_while_it_owns_it_and_as_before_after(qapp):
    for before in (True, False):
        was = gc.isenabled()
        (gc.enable if before else gc.disable)()
        owner = GuiThreadCollector()
        assert not gc.isenabled()
        owner.stop()
        assert gc.isenabled() is before
        (gc.enable if was else gc.disable)()


def test_a_worker_allocating_collects_nothing_and_the_gui_thread_frees_its_cycles(garbage, collections, qtbot):
    cycles: list[weakref.ref[_Node]] = []

    def work() -> None:  # far past every threshold: automatic collection would run here many times
        for _ in range(20_000):
            cycles.append(_cycle())

    worker = threading.Thread(target=work, name="pool worker")
    worker.start()
    worker.join()
    assert "pool worker" not in collections
    assert sum(ref() is not None for ref in cycles) == len(cycles)  # nothing freed off the GUI thread
    qtbot.waitUntil(lambda: all(ref() is None for ref in cycles), timeout=5000)
    assert collections and set(collections) == {threading.main_thread().name}


def test_nothing_is_collected_while_a_comparison_holds_the_collector(garbage, collections, qtbot):
    with collector.paused():
        during = [_cycle() for _ in range(2_000)]
        qtbot.wait(100)  # ten ticks with a collection due
        assert not collections
        assert all(ref() is not None for ref in during)
    # What the pause built now waits for a full collection, as under automatic collection; new garbage goes again.
    after = [_cycle() for _ in range(2_000)]
    qtbot.waitUntil(lambda: all(ref() is None for ref in after), timeout=5000)
    assert set(collections) == {threading.main_thread().name}


def test_a_full_collection_waits_until_the_heap_has_grown_by_a_quarter(qapp, monkeypatch):
    """Every generation is due by its count; only the heap's growth decides whether the oldest is walked too."""
    asked: list[int] = []
    heap = [1_000_000]
    monkeypatch.setattr("sys.getallocatedblocks", lambda: heap[0])
    owner = GuiThreadCollector(interval_ms=3_600_000)  # driven by hand below
    monkeypatch.setattr(gc, "get_count", lambda: (701, 11, 11))
    monkeypatch.setattr(gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(gc, "collect", lambda generation=2: asked.append(generation) or 0)
    try:
        for blocks in (
            1_000_000,  # as at the start: the middle generation only
            1_200_000,  # a fifth more: still only the middle one
            1_300_000,  # past a quarter: everything
            800_000,  # a comparison closed, its blocks freed
            1_050_000,  # a quarter above that low point: everything again
        ):
            heap[0] = blocks
            owner.collect_due()
        assert asked == [1, 1, 2, 1, 2]
    finally:
        monkeypatch.undo()
        owner.stop()
