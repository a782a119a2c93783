"""/roo/generate all and song make a new track for each part that has none; when the job then fails or
is cancelled, the new tracks still empty are deleted again (/roo/live/delete_tracks) and the error says
which were deleted and which were kept, and why. Through the real daemon and the real Remote Script in
the in-memory Live."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bridge import protocol
from bridge.live.client import LiveClient
from engines.errors import LiveError
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

BASS_ROWS = ((40, 0.0, 1.0, 100, 0), (43, 2.0, 1.0, 100, 0))
BEFORE = ["Bass", "Vox"]
# The track rule: bass -> its named track 0; drums, chords, melody -> new tracks 2, 3, 4 (Vox is audio).
ALL_DELETED = (
    "; the new track 5 'Melody' it made was deleted again; the new track 4 'Chords' it made was deleted "
    "again; the new track 3 'Drums' it made was deleted again"
)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Bass", (ClipDesc(0, "bass", 4.0, BASS_ROWS),)), TrackDesc("audio", "Vox"))
    host = LiveHost(SetDesc(tracks=tracks, selected_track=1, selected_scene=1), port=0).start_in_thread()
    yield host
    host.stop()


def generate(live: LiveHost, *args: object) -> tuple[str, str]:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, *args, "bars", 1, "seed", 3)
            _job, state, _progress, message = client.wait_final(timeout=30.0)
        finally:
            client.close()
    return str(state), str(message)


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


@pytest.mark.parametrize("part", ["all", "song"])
def test_a_write_live_refuses_takes_back_every_new_track(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    seen: list[list[str]] = []

    async def refused(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        seen.append(track_names(live))  # the tracks were there while the first part was written
        raise LiveError(f"track {clip.track} slot {clip.slot}: Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", refused)
    state, message = generate(live, part)
    assert seen == [[*BEFORE, "Drums", "Chords", "Melody"]] and track_names(live) == BEFORE
    assert state == "failed" and message.startswith("track 2 slot "), message
    assert "Live refused the write (forced by the test)" in message, message
    assert message.endswith(ALL_DELETED), message


def test_a_new_track_a_part_was_written_into_is_kept_and_the_empty_ones_deleted(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = LiveClient.write

    async def second_refused(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        if clip.track == 2:  # drums, the first part, lands in its new track
            return await write(self, clip, expect)
        raise LiveError("Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", second_refused)
    state, message = generate(live, "all")
    assert state == "failed", message
    assert track_names(live) == [*BEFORE, "Drums"]
    assert live.clip_properties(2, 1) is not None  # the drums written before the failure stay
    assert (
        "; the new track 5 'Melody' it made was deleted again; the new track 4 'Chords' it made was "
        "deleted again; the new track 3 'Drums' was kept: deleting it failed (" in message
    ), message
    assert "(track 3 'Drums' holds a clip: nothing deleted)" in message, message


def test_the_new_tracks_before_a_kept_one_are_kept_too_so_it_does_not_move(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def producer_was_quicker(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        live.call(lambda: live.song.tracks[3].clip_slots[3].create_clip(4.0))  # the producer's own clip
        raise LiveError("Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", producer_was_quicker)
    state, message = generate(live, "all")
    assert state == "failed", message
    assert track_names(live) == [*BEFORE, "Drums", "Chords"]
    assert (
        "; the new track 5 'Melody' it made was deleted again; the new track 4 'Chords' was kept: " in message
    )
    assert "(track 4 'Chords' holds a clip: nothing deleted)" in message, message
    assert message.endswith("; the new track 3 'Drums' was kept too: a new track after it was kept"), message


def test_a_song_cancelled_after_the_tracks_were_made_takes_them_back(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        await asyncio.sleep(30.0)  # cancelled long before
        raise AssertionError("not cancelled")

    monkeypatch.setattr(LiveClient, "write", slow)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, "song", "bars", 1, "seed", 3)
            job_id = client.wait_for(protocol.STATUS)[0]
            end = time.monotonic() + 10.0
            while track_names(live) != [*BEFORE, "Drums", "Chords", "Melody"]:  # made: cancel from here on
                assert time.monotonic() < end, track_names(live)
                time.sleep(0.01)
            client.send(protocol.CANCEL, job_id)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
        finally:
            client.close()
    assert state == "cancelled", message
    assert "cancelled; the new track " in message and "it made was deleted again" in message, message
    assert track_names(live) == BEFORE
