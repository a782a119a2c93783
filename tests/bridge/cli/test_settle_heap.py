"""``settle_heap``: what start-up made stays out of later garbage collections (roo serve, roo sim)."""

from __future__ import annotations

import gc

from bridge.cli.lifecycle import settle_heap


class Node:
    def __init__(self) -> None:
        self.loop = self  # a cycle: only the collector can free it, so it tracks it


def test_what_start_up_made_is_not_walked_by_later_collections() -> None:
    made_at_start = Node()
    settle_heap()
    try:
        assert gc.get_freeze_count() > 0
        assert not any(o is made_at_start for o in gc.get_objects())  # no collection walks it again
        later = Node()
        assert any(o is later for o in gc.get_objects())  # what comes after is collected as ever
        del later
        assert gc.collect() > 0
    finally:
        gc.unfreeze()
