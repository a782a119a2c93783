"""Clips of more notes than one datagram holds (issue 54: a transcribed piano piece passes 3,400 notes),
written by the daemon's own Live client into the in-memory Live running the real Remote Script: sent
in /roo/live/part parts, they land whole in one undo step; a lost part leaves nothing and is answered
with an error naming it. A write that fits one datagram still travels in one, as before."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest

from bridge import osc, protocol
from bridge.daemon import Daemon
from bridge.embedded import daemon_in_thread
from bridge.live.client import ClipWrite
from engines.errors import LiveError, ProtocolError
from engines.music import Note
from livesim import LiveHost
from tests.bridge.harness import Client
from tests.remote_scripts.conftest import start_host
from tests.remote_scripts.osc_client import OscClient

MANY = [Note(36 + i % 48, i * 0.25, 0.2, 64 + i % 60) for i in range(10_000)]
ROWS = sorted((n.as_tuple() for n in MANY), key=lambda r: (r[1], r[0]))
WRITES = (protocol.RS_WRITE_CLIP, protocol.RS_PART)  # what a session clip write sends


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = start_host()
    yield host
    host.stop()
    assert host.errors == [], "exceptions escaped into Live"


@pytest.fixture
def daemon(live: LiveHost) -> Iterator[Daemon]:
    with daemon_in_thread(live.port) as running:
        yield running


def on_daemon(daemon: Daemon, work: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine on the daemon's event loop (where its Live client lives); its result."""
    assert daemon.app is not None, "the daemon did not start"
    return asyncio.run_coroutine_threadsafe(work, daemon.app.loop).result(30)


def undo(live: LiveHost) -> None:
    client = OscClient(live.port)
    try:
        client.send(protocol.SONG_UNDO)
        client.ask(protocol.RS_CONTEXT_GET, 1)  # answered after the undo ran
    finally:
        client.close()


def test_a_session_clip_of_ten_thousand_notes_lands_whole_in_one_undo_step(
    live: LiveHost, daemon: Daemon
) -> None:
    steps = live.call(lambda: live.doc.undo_steps)
    landed = on_daemon(daemon, daemon.live.write(ClipWrite(1, 2, 2500.0, "Piano (piano MIDI)", MANY)))
    assert landed == (1, 2, 10_000)
    assert live.clip_notes(1, 2) == ROWS
    assert live.call(lambda: live.doc.undo_steps) == steps + 1
    undo(live)
    assert live.clip_properties(1, 2) is None  # one undo took the whole clip back


def test_a_clip_of_ten_thousand_notes_is_read_back_whole(live: LiveHost, daemon: Daemon) -> None:
    on_daemon(daemon, daemon.live.write(ClipWrite(1, 2, 2500.0, "Piano (piano)", MANY)))
    reading = on_daemon(daemon, daemon.live.clip_read(1, 2))
    assert (reading.track, reading.slot, reading.info.name) == (1, 2, "Piano (piano)")
    assert [n.as_tuple() for n in reading.notes] == ROWS


def test_an_arrangement_clip_and_a_new_track_clip_of_ten_thousand_notes(
    live: LiveHost, daemon: Daemon
) -> None:
    steps = live.call(lambda: live.doc.undo_steps)
    landed = on_daemon(daemon, daemon.live.write_arrangement_clip(0, 8.0, 2500.0, "Long part", MANY))
    assert landed == (0, 8.0, 10_000)
    assert live.arrangement_clips(0) == [(8.0, 2500.0, "Long part", ROWS)]
    tracks = live.call(lambda: len(live.song.tracks))
    where = (False, 3.0)  # /roo/transcribe's message: a new MIDI track holding the clip, one undo step
    landed = on_daemon(
        daemon, daemon.live.new_track_clip(4, "Piano (piano MIDI)", where, 2500.0, "piano", MANY)
    )
    assert landed == (5, 3.0, 10_000)
    assert live.clip_notes(5, 3) == ROWS
    assert live.call(lambda: live.doc.undo_steps) == steps + 2
    undo(live)
    assert live.call(lambda: len(live.song.tracks)) == tracks  # the new track went with its clip
    undo(live)
    assert live.arrangement_clips(0) == []


def test_clips_over_a_region_and_rewritten_in_place_may_hold_many_notes(
    live: LiveHost, daemon: Daemon
) -> None:
    half = MANY[:5000]
    landed = on_daemon(
        daemon, daemon.live.write_arrangement_clips(0.0, 1250.0, [(0, "a", half), (1, "b", half)], True)
    )
    assert landed == [(0, 5000), (1, 5000)]
    rewritten = on_daemon(
        daemon,
        daemon.live.rewrite_arrangement_clips([(0, 0.0, 1250.0, "a2", half), (1, 0.0, 1250.0, "b2", half)]),
    )
    assert rewritten == [(0, 0.0, 5000), (1, 0.0, 5000)]
    rows = sorted((n.as_tuple() for n in half), key=lambda r: (r[1], r[0]))
    assert [live.arrangement_clips(t) for t in (0, 1)] == [
        [(0.0, 1250.0, "a2", rows)],
        [(0.0, 1250.0, "b2", rows)],
    ]


class _Losing:
    """The daemon's socket to Live, losing the second part of every request sent in parts."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def sendto(self, data: bytes, target: Any) -> None:
        address, args = next(osc.decode(data))
        if not (address == protocol.RS_PART and args[1] == 1):
            self.inner.sendto(data, target)

    def close(self) -> None:
        self.inner.close()


def test_a_lost_part_leaves_nothing_and_is_answered_naming_it(live: LiveHost, daemon: Daemon) -> None:
    live.call(lambda: setattr(live.script.parts, "timeout_s", 0.3))
    steps = live.call(lambda: live.doc.undo_steps)
    daemon.live._transport = _Losing(daemon.live._transport)  # type: ignore[assignment]
    with pytest.raises(LiveError, match=r"part 2 of 3 did not come within 0\.3 s of part 1.*nothing run"):
        on_daemon(daemon, daemon.live.write(ClipWrite(1, 2, 2500.0, "Lost", MANY)))
    assert live.clip_properties(1, 2) is None
    assert live.call(lambda: live.doc.undo_steps) == steps
    assert live.call(lambda: live.script.parts.pending()) == 0


def test_a_write_that_fits_one_datagram_is_sent_in_one(live: LiveHost, daemon: Daemon) -> None:
    sent: list[str] = []
    inner = daemon.live._transport

    class Watching(_Losing):
        def sendto(self, data: bytes, target: Any) -> None:
            address = next(osc.decode(data))[0]
            if address in WRITES:  # not the daemon's own traffic meanwhile (listen, read-backs)
                sent.append(address)
            inner.sendto(data, target)  # type: ignore[union-attr]

    daemon.live._transport = Watching(inner)  # type: ignore[assignment]
    fits = MANY[: protocol.MAX_NOTES_PER_MESSAGE]
    assert on_daemon(daemon, daemon.live.write(ClipWrite(0, 0, 900.0, "fits", fits))) == (0, 0, len(fits))
    assert sent == [protocol.RS_WRITE_CLIP]
    on_daemon(daemon, daemon.live.write(ClipWrite(0, 1, 2500.0, "parts", MANY)))
    assert sent[1:] == [protocol.RS_PART] * 3


def test_a_write_beyond_what_its_parts_carry_is_refused_before_anything_is_sent(
    live: LiveHost, daemon: Daemon
) -> None:
    sent: list[bytes] = []
    inner = daemon.live._transport

    class Watching(_Losing):
        def sendto(self, data: bytes, target: Any) -> None:
            if next(osc.decode(data))[0] in WRITES:  # not the daemon's own traffic meanwhile
                sent.append(data)

    daemon.live._transport = Watching(inner)  # type: ignore[assignment]
    too_many = [Note(60, i * 0.01, 0.01, 100) for i in range(protocol.MAX_NOTES_PER_WRITE + 1)]
    with pytest.raises(ProtocolError, match=r"218,715 notes in one write: expected at most 218,714"):
        on_daemon(daemon, daemon.live.write(ClipWrite(0, 0, 4096.0, "huge", too_many)))
    assert sent == []


def test_a_transform_of_a_clip_of_four_thousand_notes_reads_and_writes_it_whole(
    live: LiveHost, daemon: Daemon
) -> None:
    """/roo/transform through the daemon: the clip read back in parts, the result written in parts
    (4,000 notes: two parts each way; the transform's own work grows with the notes)."""
    on_daemon(daemon, daemon.live.write(ClipWrite(1, 2, 1000.0, "Piano (piano)", MANY[:4000])))
    client = Client(daemon.port)
    try:
        client.send(protocol.TRANSFORM, "transpose", "track", 1, "slot", 2, "semitones", 2, "replace", 1)
        status = client.wait_final(60)
    finally:
        client.close()
    assert status[1] == "done", status
    assert live.clip_notes(1, 2) == sorted(
        ((p + 2, s, d, v, m) for p, s, d, v, m in ROWS[:4000]), key=lambda r: (r[1], r[0])
    )
