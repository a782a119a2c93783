"""The common OSC grammar for Live, served by the real Remote Script over UDP in-process."""

from __future__ import annotations

import pytest

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient

EXPECTED_DEFAULT = {
    "tempo": [120.0],
    "signature_numerator": [4],
    "signature_denominator": [4],
    "root_note": [0],
    "scale_name": ["Major"],
    "num_tracks": [6],
    "num_scenes": [8],
    "track_names": ["1-MIDI", "2-MIDI", "3-MIDI", "4-MIDI", "5-Audio", "6-Audio"],
    "is_playing": [0],
    "current_song_time": [0.0],
    "loop_start": [0.0],
    "loop_length": [16.0],
    "scale_mode": [0],
}


def test_every_song_property_has_a_getter_checked_here() -> None:
    assert set(EXPECTED_DEFAULT) == set(protocol.SONG_PROPERTIES_GET)


@pytest.mark.parametrize("prop", protocol.SONG_PROPERTIES_GET)
def test_song_get_replies_on_the_same_address(client: OscClient, prop: str) -> None:
    assert client.ask(protocol.SONG_GET + prop) == EXPECTED_DEFAULT[prop]


@pytest.mark.parametrize(
    ("prop", "value"),
    [
        ("tempo", 96.5),
        ("signature_numerator", 7),
        ("signature_denominator", 8),
        ("root_note", 9),
        ("scale_name", "Dorian"),
    ],
)
def test_song_set_changes_live_and_sends_nothing(
    host: LiveHost, client: OscClient, prop: str, value: object
) -> None:
    client.send(protocol.SONG_SET + prop, value)
    # the next datagram to arrive answers the get: the set sent nothing
    assert client.ask(protocol.SONG_GET + prop) == [value]
    assert host.call(lambda: getattr(host.song, prop)) == value


def test_create_tracks_and_scenes(host: LiveHost, client: OscClient) -> None:
    client.send(protocol.SONG_CREATE_MIDI_TRACK, 0)
    client.send(protocol.SONG_CREATE_AUDIO_TRACK, -1)
    client.send(protocol.SONG_CREATE_SCENE)
    assert client.ask(protocol.SONG_GET + "num_tracks") == [8]
    assert client.ask(protocol.SONG_GET + "num_scenes") == [9]
    names = client.ask(protocol.SONG_GET + "track_names")
    assert names[0] == "1-MIDI" and names[1] == "1-MIDI" and names[-1] == "8-Audio"
    kinds = host.call(lambda: [t.has_midi_input for t in host.song.tracks])
    assert kinds == [True, True, True, True, True, False, False, False]
    assert host.call(lambda: len(host.song.tracks[0].clip_slots)) == 9


def test_transport_and_undo(host: LiveHost, client: OscClient) -> None:
    client.send(protocol.SONG_START_PLAYING)
    assert client.ask(protocol.SONG_GET + "is_playing") == [1]
    client.send(protocol.SONG_STOP_PLAYING)
    assert client.ask(protocol.SONG_GET + "is_playing") == [0]
    client.send(protocol.SONG_SET + "tempo", 140.0)
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.SONG_GET + "tempo") == [120.0]


def test_clip_slot_create_has_delete(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 1, 2) == [1, 2, 0]
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 1, 2, 8.0)
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 1, 2) == [1, 2, 1]
    assert client.ask(protocol.CLIP_GET + "length", 1, 2) == [1, 2, 8.0]
    client.send(protocol.CLIP_SLOT_DELETE_CLIP, 1, 2)
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 1, 2) == [1, 2, 0]


def test_notes_add_get_remove(host: LiveHost, client: OscClient) -> None:
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0)
    client.send(protocol.CLIP_ADD_NOTES, 0, 0, 60, 1.0, 0.5, 100, 0, 36, 0.0, 0.25, 90, 1)
    # sorted by time, then pitch; velocities as ints, mute as 0|1
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0) == [0, 0, 36, 0.0, 0.25, 90, 1, 60, 1.0, 0.5, 100, 0]
    # a range: pitch first (from_pitch, pitch_span), then time (from_time, time_span)
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0, 50, 20, 0.0, 4.0) == [0, 0, 60, 1.0, 0.5, 100, 0]
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0, 0, 128, 0.5, 4.0) == [0, 0, 60, 1.0, 0.5, 100, 0]
    client.send(protocol.CLIP_REMOVE_NOTES, 0, 0, 60, 1, 0.0, 4.0)
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0) == [0, 0, 36, 0.0, 0.25, 90, 1]
    client.send(protocol.CLIP_REMOVE_NOTES, 0, 0)
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0) == [0, 0]
    assert host.clip_notes(0, 0) == []


def test_midi_clip_properties(host: LiveHost, client: OscClient) -> None:
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 2, 3, 6.0)
    expected = {
        "name": "",
        "length": 6.0,
        "is_midi_clip": 1,
        "is_audio_clip": 0,
        "start_marker": 0.0,
        "end_marker": 6.0,
        "loop_start": 0.0,
        "loop_end": 6.0,
    }
    for prop, value in expected.items():
        assert client.ask(protocol.CLIP_GET + prop, 2, 3) == [2, 3, value]
    for prop in ("file_path", "warping", "sample_rate"):
        address, message = client.error(protocol.CLIP_GET + prop, 2, 3)
        assert address == protocol.CLIP_GET + prop
        assert "MIDI clip" in message and prop in message
    assert set(expected) | {"file_path", "warping", "sample_rate"} == set(protocol.CLIP_PROPERTIES_GET)


def test_audio_clip_properties(host: LiveHost, client: OscClient, wav_file: object) -> None:
    req = client.ask(protocol.RS_IMPORT_AUDIO, 1, 4, 0, str(wav_file), "Loop", 1, 120.0)
    assert req == [1, 4, 0]
    assert client.ask(protocol.CLIP_GET + "file_path", 4, 0) == [4, 0, str(wav_file)]
    assert client.ask(protocol.CLIP_GET + "is_audio_clip", 4, 0) == [4, 0, 1]
    assert client.ask(protocol.CLIP_GET + "warping", 4, 0) == [4, 0, 1]
    assert client.ask(protocol.CLIP_GET + "sample_rate", 4, 0) == [4, 0, 44100.0]
    assert client.ask(protocol.CLIP_GET + "length", 4, 0) == [4, 0, 4.0]  # 2 s at 120 BPM
    assert client.ask(protocol.CLIP_GET + "name", 4, 0) == [4, 0, "Loop"]
