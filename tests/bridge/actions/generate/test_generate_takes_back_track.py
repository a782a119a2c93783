"""A generate that made a new track for its part and then failed leaves the Set as it was: the track is
deleted again (/roo/live/delete_tracks) and the error says so; one that was given a clip meanwhile is
kept, and the error says why. Through the real daemon and the real Remote Script in the in-memory Live."""

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


@pytest.fixture
def live() -> Iterator[LiveHost]:
    # The audio track is selected and no track is named for drums or keys: the track rule makes a new one.
    tracks = (TrackDesc("midi", "Bass", (ClipDesc(0, "bass", 4.0, BASS_ROWS),)), TrackDesc("audio", "Vox"))
    host = LiveHost(SetDesc(tracks=tracks, selected_track=1, selected_scene=1), port=0).start_in_thread()
    yield host
    host.stop()


def generate(live: LiveHost, *args: object) -> tuple[str, str]:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, *args, "bars", 1, "seed", 3)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
        finally:
            client.close()
    return str(state), str(message)


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def test_a_part_the_genre_does_not_play_takes_its_new_track_back(live: LiveHost) -> None:
    state, message = generate(live, "drums", "genre", "classical")
    assert track_names(live) == BEFORE
    assert state == "failed" and "genre 'classical' has no drums part" in message, message
    assert message.endswith("; the new track 3 'Drums' it made was deleted again"), message


def test_a_write_live_refuses_after_the_track_was_made_takes_it_back(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[list[str]] = []

    async def refused(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        made.append(track_names(live))  # the track was there while the part was written
        raise LiveError(f"track {clip.track} slot {clip.slot}: Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", refused)
    state, message = generate(live, "chords")
    assert made == [[*BEFORE, "Chords"]] and track_names(live) == BEFORE
    assert state == "failed" and message.startswith("track 2 slot 1: Live refused the write"), message
    assert message.endswith("; the new track 3 'Chords' it made was deleted again"), message


def test_a_new_track_given_a_clip_meanwhile_is_kept_and_the_error_says_why(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def producer_was_quicker(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        live.call(lambda: live.song.tracks[2].clip_slots[3].create_clip(4.0))  # the producer's own clip
        raise LiveError("Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", producer_was_quicker)
    state, message = generate(live, "melody")
    assert state == "failed", message
    assert "; the new track 3 'Melody' was kept: deleting it failed (" in message, message
    assert "(track 3 'Melody' holds a clip: nothing deleted)" in message, message
    assert track_names(live) == [*BEFORE, "Melody"]


def test_a_generate_cancelled_after_the_track_was_made_takes_it_back(
    live: LiveHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        await asyncio.sleep(30.0)  # cancelled long before
        raise AssertionError("not cancelled")

    monkeypatch.setattr(LiveClient, "write", slow)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, "melody", "bars", 1, "seed", 3)
            job_id = client.wait_for(protocol.STATUS)[0]
            end = time.monotonic() + 10.0
            while track_names(live) != [*BEFORE, "Melody"]:  # the track is made: cancel from here on
                assert time.monotonic() < end, track_names(live)
                time.sleep(0.01)
            client.send(protocol.CANCEL, job_id)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
        finally:
            client.close()
    assert state == "cancelled", message
    assert "cancelled; the new track " in message and "it made was deleted again" in message, message
    assert track_names(live) == BEFORE
