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


@pytest.mark.usefixtures("learned_reading")
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


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "action", "kind", "track"),
    [
        ("quantize track 4", "transform", "quantize", "track 4"),
        ("make track 3 louder", "transform", "velocity", "track 3"),
        ("transpose track 2 up an octave", "transform", "transpose", "track 2"),
        ("humanize the clip on track 3", "transform", "humanize", "track 3"),
        ("swing track 1 a bit", "transform", "swing", "track 1"),  # it had swung the selected clip
        ("mute the audio on track 4", "mixer", "mute", "track 4"),  # it had muted a track named "audio on"
        ("solo the clip on channel 2", "mixer", "solo", "track 2"),
    ],
)
def test_a_change_of_a_numbered_track_is_that_track(text: str, action: str, kind: str, track: str) -> None:
    intent = agree.parse(text)
    assert intent.action == action and intent.part is None, intent
    assert (
        intent.params.get("kind", intent.params.get("do")) == kind and intent.params["track_name"] == track
    ), intent


@pytest.mark.usefixtures("learned_reading")
def test_a_numbered_track_is_never_offered_as_a_name() -> None:
    """A question about a numbered track offers it by its number, never "the on track" or "the track track"."""
    for text in ("turn the audio on track 2 into midi", "duck track 5", "mute the drums on track 4"):
        intent = agree.parse(text)
        offered = " ".join(intent.params.get("suggestions", []))
        assert "the on track" not in offered and "track track" not in offered, intent


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
            state, said = command(client, "make track 1 softer")  # the first track's clip, by its number
            assert state == "done", said
            assert "track 1, scene 1" in said and "in track 1, scene 2" in said, said  # a new take beside it
            velocities = live.call(
                lambda: [n.velocity for n in live.song.tracks[0].clip_slots[1].clip._notes.values()]
            )
            assert velocities and all(v < 90 for v in velocities), velocities
            state, said = command(client, "mute track 2")  # answered as Live counts, never "track 1"
            assert state == "done" and said.endswith("muted track 2 'Keys'"), said
            assert live.call(lambda: live.song.tracks[1].mute) and not live.call(
                lambda: live.song.tracks[0].mute
            )
            state, said = command(client, "fade out track 9")  # no ninth track: named, nothing drawn
            assert state == "failed" and "track 9" in said and "'Keys'" in said, said
            assert envelope_of(live, 0) is None
        finally:
            client.close()
