"""The collector pause: off inside, on again after the outermost block, and what the pause allocated waits in the
oldest generation instead of being walked by the next young collection."""

import gc
import weakref

from desktop.core import collector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_the_pause_nests_and_resumes_after_the_outermost_block():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block's end does not resume
    assert gc.isenabled()


def test_what_the_pause_built_moves_to_the_oldest_generation_and_garbage_is_still_collected():
    with collector.paused():
        built = [[number] for number in range(2_000)]
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
    young = {id(item) for item in gc.get_objects(generation=0)}
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert not any(id(item) in young for item in built)
    assert all(id(item) in oldest for item in built)
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
