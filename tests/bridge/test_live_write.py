"""LiveClient.write picks the Remote Script message from what the request expects of Live.

Each message carries the write's arguments in its own order (the Remote Script's side is tested in
tests/remote_scripts; the whole path in test_round_trips and test_pushed_context).
"""

from __future__ import annotations

import asyncio
from typing import Any

from bridge import protocol
from bridge.live.client import ClipWrite, Expect, LiveClient
from bridge.live.replies import LiveContext
from engines.music import Note

NOTES = [Note(60, 0.0, 1.0, 100)]
CLIP = ClipWrite(1, 2, 4.0, "bass", NOTES, replace=True)
NOW = LiveContext(120.0, 4, 4, 9, "Minor", 1, 2, 0.0, 0, 4, 8, "12.3.6")


class Recording(LiveClient):
    """A LiveClient whose requests are kept and answered as Live answers a write that ran."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[Any, ...]] = []

    async def request(
        self, address: str, *args: Any, timeout: float = 2.0, writes: bool = False
    ) -> list[Any]:
        self.sent.append((address, *args[:-1], writes))  # the notes blob aside
        landed: list[Any] = [1, 3, len(NOTES)]  # Live moved it down a slot
        if address != protocol.RS_WRITE_CLIP:
            landed += [7, *(getattr(NOW, name) for name in NOW.__slots__)]
        self.wrote(address, landed)  # as the reply's arrival does (LiveClient._received)
        return landed


def written(expect: Expect | None) -> tuple[Recording, tuple[int, int, int]]:
    client = Recording()
    return client, asyncio.run(client.write(CLIP, expect=expect))


def test_a_write_that_expects_nothing_is_plain() -> None:
    for expect in (None, Expect(), Expect(-1, True, (0, 0, "abc"))):  # no context pushed: nothing to check
        client, landed = written(expect)
        assert client.sent == [(protocol.RS_WRITE_CLIP, 1, 2, 4.0, "bass", 1, True)]
        assert landed == (1, 3, 1)
        assert client.pushed is None  # a plain write's reply carries no context


def test_a_write_made_for_a_pushed_context_is_checked_against_it() -> None:
    client, landed = written(Expect(5, True))
    assert client.sent == [(protocol.RS_WRITE_CLIP_FOR, 5, 1, 1, 2, 4.0, "bass", 1, True)]
    assert landed == (1, 3, 1)
    assert (client.pushed, client.pushed_seq) == (NOW, 7)  # the context Live holds after the write


def test_a_write_made_from_a_source_clip_is_checked_against_its_reading() -> None:
    client, landed = written(Expect(5, False, (0, 4, "d1g")))
    assert client.sent == [(protocol.RS_WRITE_CLIP_FROM, 5, 0, 0, 4, "d1g", 1, 2, 4.0, "bass", 1, True)]
    assert landed == (1, 3, 1)
    assert client.pushed_seq == 7


def test_a_reading_live_pushes_right_after_a_write_into_its_slot_is_kept() -> None:
    """Live answers a write, then, at the end of the same tick, pushes the selected slot's new
    reading; both datagrams can arrive before the writer's coroutine resumes. The slot's old
    readings go when the reply arrives, in Live's order, so the new one is kept and the next
    generate follows it without reading the clip again (that extra round trip was the p99)."""
    from bridge import osc
    from bridge.live.sources import FACTS

    facts = ["bass s1", 0, "", 4.0, 0.0, 4.0, 0, 0.0, "Bass", -1.0, -1.0, -1.0, -1.0, 1, 0.0, 4.0]
    assert len(facts) == FACTS  # one value for each of protocol.CLIP_INFO_FIELDS

    async def scenario() -> dict[tuple[int, int], Any]:
        client = LiveClient()
        sent: list[bytes] = []
        client.send = lambda address, *args: sent.append(osc.encode(address, list(args)))  # type: ignore[method-assign]
        writing = asyncio.create_task(client.write(CLIP, expect=Expect(5, True)))
        await asyncio.sleep(0)  # the write is on its way
        req = next(iter(osc.decode(sent[0])))[1][0]
        context = [getattr(NOW, name) for name in NOW.__slots__]
        client._received(osc.encode(protocol.RS_WRITE_CLIP_FOR, [req, 1, 2, 1, 7, *context]))
        blob = protocol.pack_notes([(62, 0.0, 1.0, 90, 0)])
        client._received(osc.encode(protocol.RS_CLIP_PUSH, [7, 1, 2, "d2", *facts, blob]))
        await writing
        return dict(client.readings)

    readings = asyncio.run(scenario())
    assert list(readings) == [(1, 2)] and readings[(1, 2)].digest == "d2"


def test_another_set_opened_drops_the_old_sets_context_until_its_own_is_pushed() -> None:
    """Live pushes a Set's id before its context: a generate between the two asks Live instead of
    taking the Set before's key and tempo (that race once wrote chords in the old Set's key)."""
    from bridge import osc

    client = LiveClient()
    context = [getattr(NOW, name) for name in NOW.__slots__]
    client._received(osc.encode(protocol.RS_SET_PUSH, [0, "set-a", "A"]))
    client._received(osc.encode(protocol.RS_CONTEXT_PUSH, [0, *context]))
    assert client.pushed == NOW
    client._received(osc.encode(protocol.RS_SET_PUSH, [0, "set-b", "B"]))
    assert client.pushed is None and client.set_id == "set-b"
    client._received(osc.encode(protocol.RS_CONTEXT_PUSH, [0, *context]))
    assert client.pushed == NOW and client.lost_pushes == 0
