"""Places in the Set as an answer names them (``bridge.actions.place.places``): as Live shows them, tracks and
scenes from 1, the Arrangement in bar.beat; and a done message through the real daemon and the real Remote
Script in the in-memory Live never says "track 0", Live's first track being track 1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from bridge.actions.place.places import arrangement_clip_at, bar_at, slot_at, slots_at, track_at, tracks_at
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon


def test_tracks_and_scenes_count_from_one_as_live_shows_them() -> None:
    assert track_at(0) == "track 1" and track_at(2, "Bass") == "track 3 'Bass'"
    assert slot_at(0, 0) == "track 1, scene 1" and slot_at(1, 3, "Keys") == "track 2 'Keys', scene 4"
    assert slots_at(0, [0, 1, 2]) == "track 1, scenes 1, 2, 3"
    assert tracks_at(2, 4) == "tracks 3..6" and tracks_at(2, 1) == "track 3"


def test_a_place_in_the_arrangement_is_bar_dot_beat_in_the_song_s_signature() -> None:
    assert bar_at(0.0, (4, 4)) == "bar 1.1" and bar_at(16.0, [4, 4]) == "bar 5.1"
    assert bar_at(16.0, (3, 4)) == "bar 6.2"  # 3/4: five bars of three beats, then the second beat
    assert bar_at(9.0, (6, 8)) == "bar 4.1"  # 6/8: a bar is three quarter-note beats
    assert bar_at(2.5, (4, 4)) == "bar 1.3.3"  # off the beat: Live's sixteenth follows
    assert bar_at(10.5, (6, 8)) == "bar 4.4"  # its beats are eighths, as Live's ruler counts them


def test_a_clip_read_from_the_arrangement_is_named_by_the_places_rule_in_its_songs_meter() -> None:
    """Round 39: ``MidiClip.where`` and MIDI-GPT's ``Clip.where`` said an arrangement clip as a session slot
    (its index as a scene); now as the Remote Script's ``places.arrangement_clip_of`` says it."""
    from types import SimpleNamespace

    from bridge.actions.clips.midi import MidiClip
    from bridge.actions.infill.clips import Clip
    from bridge.live.replies import ClipInfo
    from bridge.live.sources import Reading

    info = ClipInfo("riff", 0, "", 6.0, 0.0, 6.0, 0, 0.0, "Bass", -1.0, -1.0, start_time_beats=10.5)
    song = SimpleNamespace(signature_numerator=6, signature_denominator=8)
    said = "track 2 'Bass', the clip 'riff' at bar 4.4"
    assert said == arrangement_clip_at(1, 10.5, (6, 8), "Bass", "riff")
    assert MidiClip(1, 3, info, song, [], arrangement=True).where == said  # type: ignore[arg-type]
    assert Clip(Reading(1, 3, "", info, []), {}, "bass", song).where == said  # type: ignore[arg-type]
    assert MidiClip(1, 3, info, song, []).where == "track 2, scene 4 ('riff')"  # type: ignore[arg-type]


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(
        SetDesc(tracks=(TrackDesc("midi", "Drums"),), selected_track=0, selected_scene=0), port=0
    ).start_in_thread()
    yield host
    host.stop()


def test_a_part_written_into_live_s_first_track_is_never_called_track_0(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 1, "seed", 3)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
        finally:
            client.close()
    assert state == "done", message
    assert "track 0" not in message and "slot 0" not in message, message
    assert "in track 1, scene 1" in message and "drums -> track 1 'Drums'" in message, message
