"""Automation said of a track by its number ("fade out track 2", "filter sweep up on track 1 over 8 bars"): the
words read Live's track by its place, as "mute track 2" does, and the daemon draws on that track's clip through the
real Remote Script in the in-memory Live (round 35: the words had read a track named "track" and asked, offering
"sweep the filter up on the track track"; the daemon knew "track 2" only for mute and solo)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge.commands import agree
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.intents.test_region_commands import command
from tests.bridge.harness import Client, running_daemon

PAD = (ClipDesc(0, "pad", 16.0, ((60, 0.0, 16.0, 90, 0),)),)
KEYS = (ClipDesc(0, "keys", 16.0, ((64, 0.0, 16.0, 90, 0),)),)


@pytest.mark.parametrize(
    ("text", "track", "shape"),
    [
        ("fade out track 2", "track 2", "fall"),
        ("filter sweep up on track 1 over 8 bars", "track 1", "rise"),
        ("fade out the last 4 bars of track 3", "track 3", "fall"),
        ("can you fade channel 4 in", "track 4", "rise"),
    ],
)
def test_a_track_said_by_its_number_is_read(text: str, track: str, shape: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "automate", intent
    assert intent.params["track_name"] == track and intent.params["shape"] == shape, intent


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Pad", clips=PAD), TrackDesc("midi", "Keys", clips=KEYS))
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


def envelope_of(live: LiveHost, track: int) -> object:
    def read() -> object:
        t = live.song.tracks[track]
        return t.clip_slots[0].clip.automation_envelope(t.mixer_device.volume)

    return live.call(read)


def test_fade_out_track_2_draws_on_the_second_track_only(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = command(client, "fade out track 2")
            assert state == "done", said
            assert envelope_of(live, 1) is not None and envelope_of(live, 0) is None
            state, said = command(client, "fade out track 9")  # no ninth track: named, nothing drawn
            assert state == "failed" and "track 9" in said and "'Keys'" in said, said
            assert envelope_of(live, 0) is None
        finally:
            client.close()
