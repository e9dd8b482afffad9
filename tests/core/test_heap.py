"""heap.settle: what is alive is frozen, and the young generation is collected less often."""

from __future__ import annotations

import gc

import pytest

from cockpit import heap


@pytest.fixture
def restored_gc():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_settle_freezes_the_living_and_raises_the_young_threshold(restored_gc) -> None:
    kept = [[n] for n in range(1000)]
    older = gc.get_threshold()[1:]
    heap.settle()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == (heap.YOUNG_THRESHOLD, *older)


def test_cyclic_garbage_made_after_settling_is_still_collected(restored_gc) -> None:
    heap.settle()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2
