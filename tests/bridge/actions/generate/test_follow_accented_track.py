"""A part that follows a track whose name has an accent (issue 55, lead, round 24).

Since round 25 the words reader keeps a track's name as typed ("the violão track": ``source_track_name``
"violão"), and every lookup of a track by name (`bridge.actions.place.track.tracks_named`: a following part, a
mixer switch, a change over a section) folds accents on both sides, so a typed "violao" finds Live's "Violão" and
a typed "violão" finds a Live track spelt "Violao". Before round 24, "make a bass line that follows the violão
track" failed with "no track is named 'violao'" beside Live's "Violão". Whole path: /roo/command through the
daemon and the real Remote Script in the in-memory Live.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client, running_daemon
from tests.bridge.test_midi_context import CHORD_ROWS


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Violão", (ClipDesc(0, "Levada", 16.0, CHORD_ROWS),)),
        TrackDesc("midi", "Baixo"),
        TrackDesc("midi", "Acordeon", (ClipDesc(0, "Fole", 16.0, CHORD_ROWS),)),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def client(live: LiveHost) -> Iterator[Client]:
    with running_daemon(live_port=live.port) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def test_a_bass_follows_the_track_named_with_an_accent(live: LiveHost, client: Client) -> None:
    intent, state, message = command(client, "make a bass line that follows the violão track, 8 bars")
    assert intent["params"].get("source_track_name") == "violão", intent  # as typed
    assert state == "done", message
    assert "following the clip on track 1 'viol" in message and "', scene 1)" in message, message


def test_a_name_typed_without_its_accent_finds_the_accented_track(client: Client) -> None:
    _, state, message = command(client, "make a bass line that follows the violao track, 8 bars")
    assert state == "done", message
    assert "following the clip on track 1 'viol" in message and "', scene 1)" in message, message


def test_a_name_typed_with_an_accent_finds_a_track_spelt_without_one(live: LiveHost, client: Client) -> None:
    _, state, message = command(client, "mute the acordeón track")
    assert state == "done", message
    assert live.call(lambda: [t.mute for t in live.song.tracks]) == [False, False, True], message


def test_a_track_that_is_not_there_is_still_named_with_the_tracks_there_are(client: Client) -> None:
    _, state, message = command(client, "make a bass line that follows the cavaquinho track, 8 bars")
    assert state != "done", message
    assert "cavaquinho" in message and "'Violão'" in message, message
