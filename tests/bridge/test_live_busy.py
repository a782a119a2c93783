"""A big write into a Live that is slow to run it, and a small call to a Live that is gone.

Live's main thread runs a write in time that grows with its notes (the in-memory Live builds one
MidiNoteSpecification per note, as the Remote Script does in Live: 10,000 notes took 0.3 s alone and
2 s on a loaded 2-core box). A fresh-clone CI run failed on such writes: "no answer to
/roo/live/new_track_clip ... within 2 s", though Live was there and the clip landed a moment later.
The Live client now waits for a request's reply its caller's timeout plus LIVE_S_PER_NOTE for each
note's worth of bytes it carries (a clip read: for each note the slot was last seen to hold); a small
call to a Live that does not answer is still reported after its caller's timeout (2 s). Here Live is
made slow on purpose: the request's handler sleeps on Live's main thread before it runs, so the answer
comes after 2 s every time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from bridge import daemon as daemon_module
from bridge import protocol
from bridge.embedded import daemon_in_thread
from bridge.live import parts
from bridge.live.client import ClipWrite, LiveClient
from engines.errors import LiveUnreachable
from engines.music import Note
from livesim import LiveHost
from tests.bridge import test_live_parts
from tests.bridge.test_daemon_close_race import silent_live  # Live quit, or hung

BUSY_S = 2.5  # how long Live's main thread is busy before it runs the write: past the 2 s of a small call
NOTES = [Note(36 + i % 48, i * 0.25, 0.2, 64 + i % 60) for i in range(4000)]
live = test_live_parts.live  # the fixture: an in-memory Live running the Remote Script, no errors after


def busy_before(live: LiveHost, address: str, seconds: float) -> None:
    """Live's main thread is busy ``seconds`` (redrawing, loading, starved of CPU) before it runs each
    request on ``address``; it answers when the request ran, as always."""

    def install() -> None:
        handle: Callable[[Any], Any] = live.script.handlers[address]

        def slow(request: Any) -> Any:
            time.sleep(seconds)
            return handle(request)

        live.script.handlers[address] = slow

    live.call(install)


def with_client(port: int, work: Callable[[LiveClient], Coroutine[Any, Any, Any]]) -> Any:
    """Run ``work`` with a started Live client talking to ``port``; its result."""

    async def main() -> Any:
        client = LiveClient(port=port)
        await client.start()
        try:
            return await work(client)
        finally:
            client.close()

    return asyncio.run(main())


def test_a_clip_of_four_thousand_notes_lands_though_live_is_busy_past_two_seconds(live: LiveHost) -> None:
    busy_before(live, protocol.RS_WRITE_CLIP, BUSY_S)  # 4,000 notes travel in two parts
    clip = ClipWrite(1, 2, 1000.0, "Piano (piano)", NOTES)
    assert with_client(live.port, lambda c: c.write(clip)) == (1, 2, 4000)
    assert len(live.clip_notes(1, 2)) == 4000


def test_a_new_track_of_three_thousand_notes_in_one_datagram_lands_though_live_is_busy(
    live: LiveHost,
) -> None:
    busy_before(live, protocol.RS_NEW_TRACK_CLIP, BUSY_S)
    tracks = live.call(lambda: len(live.song.tracks))
    notes = NOTES[:3000]  # about 57 kB: one datagram, no parts

    async def work(client: LiveClient) -> Any:
        return await client.new_track_clip(
            tracks - 1, "Piano (piano MIDI)", (False, 0.0), 750.0, "piano", notes
        )

    assert with_client(live.port, work) == (tracks, 0.0, 3000)
    assert len(live.clip_notes(tracks, 0)) == 3000


def test_a_clip_of_four_thousand_notes_written_is_read_back_though_live_is_busy_past_two_seconds(
    live: LiveHost,
) -> None:
    """Live reads a clip in time that grows with its notes too: a read of a slot the client saw 4,000
    notes land in waits for them (the read itself is a small request)."""
    busy_before(live, protocol.RS_CLIP_READ, BUSY_S)

    async def work(client: LiveClient) -> Any:
        await client.write(ClipWrite(1, 2, 1000.0, "Piano (piano)", NOTES))
        return await client.clip_read(1, 2)

    reading = with_client(live.port, work)
    assert (reading.track, reading.slot, len(reading.notes)) == (1, 2, 4000)


def reported_after(work: Callable[[LiveClient], Coroutine[Any, Any, Any]], says: str) -> float:
    """Seconds until ``work`` failed against a Live that answers nothing, saying ``says`` (a regex)."""
    with silent_live() as port:
        started = time.monotonic()
        with pytest.raises(LiveUnreachable, match=says):
            with_client(port, work)
        return time.monotonic() - started


@pytest.mark.parametrize(
    ("work", "address"),
    [
        (lambda c: c.write(ClipWrite(0, 0, 4.0, "Bass", NOTES[:8])), protocol.RS_WRITE_CLIP),
        (lambda c: c.clip_read(1, 2), protocol.RS_CLIP_READ),  # a clip never seen: no notes to wait for
    ],
    ids=["small write", "read"],
)
def test_a_small_call_to_a_live_that_does_not_answer_is_reported_in_about_two_seconds(
    work: Callable[[LiveClient], Coroutine[Any, Any, Any]], address: str
) -> None:
    took = reported_after(work, rf"no answer to {address} from .* within 2 s")
    assert 1.9 <= took < 3.0, f"{address} to a silent Live was reported after {took:.1f} s"


def test_a_big_write_to_a_live_that_does_not_answer_waits_for_its_size_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parts, "LIVE_S_PER_NOTE", 0.0002)  # 3,000 notes: 0.6 s more (not 6 s)
    clip = ClipWrite(0, 0, 750.0, "Piano", NOTES[:3000])
    took = reported_after(lambda c: c.write(clip), r"/roo/live/write_clip of 57,\d{3} bytes .* within 2\.6 s")
    assert 2.5 <= took < 3.5, f"a write of 3,000 notes to a silent Live was reported after {took:.1f} s"


def test_the_daemon_keeps_a_live_busy_with_its_big_write_connected(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keeper asks Live for its context (0.5 s) all through a write Live takes 2.5 s over: Live is
    busy, not gone, so the device is not told Live went away (and came back)."""
    monkeypatch.setattr(daemon_module, "LISTEN_REFRESH_S", 0.05)
    busy_before(live, protocol.RS_WRITE_CLIP, BUSY_S)
    states: list[bool] = []
    with daemon_in_thread(live.port) as daemon:
        assert daemon.app is not None and daemon.live_connected
        monkeypatch.setattr(daemon, "_live_state", states.append)
        clip = ClipWrite(1, 2, 1000.0, "Piano (piano)", NOTES)
        landed = asyncio.run_coroutine_threadsafe(daemon.live.write(clip), daemon.app.loop).result(30)
        assert landed == (1, 2, 4000)
        assert states == [], "the daemon told the device Live went away while Live ran its write"
        live.stop()  # gone, with nothing of ours running there: told within a renewal's 0.5 s
        end = time.monotonic() + 5.0
        while not states and time.monotonic() < end:
            time.sleep(0.05)
        assert states == [False] and not daemon.live_connected


@pytest.mark.parametrize(
    ("request_bytes", "wait_s"),
    [(0, 2.0), (parts.SMALL_REQUEST_BYTES, 2.0), (parts.SMALL_REQUEST_BYTES + 19 * 4000, 10.0)],
)
def test_a_reply_is_awaited_the_callers_timeout_plus_a_moment_for_each_note_carried(
    request_bytes: int, wait_s: float
) -> None:
    assert parts.reply_wait_s(2.0, request_bytes) == pytest.approx(wait_s)
