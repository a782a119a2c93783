"""The AbletonOSC mode's additions for the peers' Live tools: a sample file as a session or arrangement
audio clip, Clip.crop, a rack's macros by number, and a track's freeze state (read only: Live's
API cannot freeze)."""

from __future__ import annotations

from pathlib import Path

import soundfile

from livesim import LiveHost
from livesim.notes import MidiNoteSpecification
from tests.remote_scripts.osc_client import OscClient, error_of


def test_a_sample_lands_in_a_slot_and_in_the_arrangement_and_crop_keeps_the_loop(
    aosc: tuple[LiveHost, OscClient], wav_file: Path
) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_audio_clip", 2, 0, str(wav_file))
    assert client.ask("/live/clip/get/file_path", 2, 0) == [2, 0, str(wav_file)]
    client.send("/live/track/create_audio_clip", 2, str(wav_file), 8.0)
    assert client.ask("/live/track/get/arrangement_clips/start_time", 2) == [2, 8.0]
    assert "Cannot create an audio clip on a MIDI track" in error_of(
        client, "/live/clip_slot/create_audio_clip", 0, 0, str(wav_file)
    )
    assert "no such file" in error_of(client, "/live/clip_slot/create_audio_clip", 2, 1, "/nonesuch.wav")
    client.send("/live/clip/set/end_marker", 2, 0, 2.0)  # not looping: the first 2 beats, 1 s of the 2 s file
    client.send("/live/clip/crop", 2, 0)
    cropped = client.ask("/live/clip/get/file_path", 2, 0)[2]
    assert cropped != str(wav_file) and soundfile.info(cropped).frames == 44100
    assert client.ask("/live/clip/get/length", 2, 0) == [2, 0, 2.0]

    def midi() -> None:
        clip = host.song.tracks[0].clip_slots[0].create_clip(4.0)
        clip.add_new_notes([MidiNoteSpecification(60, 0.0, 1.0), MidiNoteSpecification(62, 3.0, 1.0)])
        clip.loop_end = 2.0

    host.call(midi)
    client.send("/live/clip/crop", 0, 0)
    assert client.ask("/live/clip/get/notes", 0, 0) == [0, 0, 60, 0.0, 1.0, 100.0, False]
    client.send("/live/clip/set/loop_end", 0, 0, 4.0)
    host.call(
        lambda: host.song.tracks[0].clip_slots[0].clip.add_new_notes([MidiNoteSpecification(64, 1.2, 0.5)])
    )
    client.send("/live/clip/quantize", 0, 0, 7, 1.0)  # an eighth grid: 1.2 lands on 1.0
    client.send("/live/clip/quantize_pitch", 0, 0, 60, 6, 1.0)
    notes = client.ask("/live/clip/get/notes", 0, 0)
    assert notes == [0, 0, 60, 0.0, 1.0, 100.0, False, 64, 1.0, 0.5, 100.0, False]
    assert "grid 12 is not a GridQuantization" in error_of(client, "/live/clip/quantize", 0, 0, 12, 1.0)


def test_a_racks_macros_by_number_and_how_many_show(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    host.call(lambda: host.song.tracks[0].insert_device("Instrument Rack"))
    assert client.ask("/live/device/get/visible_macro_count", 0, 0) == [0, 0, 8]
    names = client.ask("/live/device/get/macros/name", 0, 0)
    assert names == [0, 0, *(f"Macro {i}" for i in range(1, 9))]
    client.send("/live/device/set/macro", 0, 0, 3, 100.0)
    assert client.ask("/live/device/get/macros/value", 0, 0)[2:6] == [0.0, 0.0, 100.0, 0.0]
    client.send("/live/device/add_macro", 0, 0)
    assert client.ask("/live/device/get/visible_macro_count", 0, 0) == [0, 0, 9]
    client.send("/live/device/remove_macro", 0, 0)
    assert client.ask("/live/device/get/visible_macro_count", 0, 0) == [0, 0, 8]
    assert "macro 17: expected a macro number 1..16" in error_of(
        client, "/live/device/set/macro", 0, 0, 17, 1.0
    )
    assert "macro 0: expected" in error_of(client, "/live/device/set/macro", 0, 0, 0, 1.0)
    host.call(lambda: host.song.tracks[1].insert_device("Operator"))
    assert "is not a rack" in error_of(client, "/live/device/get/macros/name", 1, 0)


def test_a_tracks_freeze_state_is_read_but_never_set(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/track/get/can_be_frozen", 0) == [0, False]
    host.call(lambda: host.song.tracks[0].insert_device("Operator"))
    assert client.ask("/live/track/get/can_be_frozen", 0) == [0, True]
    assert client.ask("/live/track/get/is_frozen", 0) == [0, False]


def test_an_audio_clip_goes_onto_a_new_simpler_that_reverses_and_crops_its_sample(
    aosc: tuple[LiveHost, OscClient], wav_file: Path
) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_audio_clip", 2, 0, str(wav_file))
    assert client.ask("/live/clip/create_midi_track_with_simpler", 2, 0) == [2, 0, 3]
    assert client.ask("/live/track/get/devices/class_name", 3) == [3, "OriginalSimpler"]
    assert client.ask("/live/device/get/sample/file_path", 3, 0) == [3, 0, str(wav_file)]
    assert client.ask("/live/device/get/sample/length", 3, 0) == [3, 0, 88200]
    client.send("/live/device/set/sample/end_marker", 3, 0, 44100)
    client.send("/live/device/set/sample/start_marker", 3, 0, 100)
    assert client.ask("/live/device/get/sample/start_marker", 3, 0) == [3, 0, 100]
    client.send("/live/device/reverse", 3, 0)
    assert client.ask("/live/device/get/sample/end_marker", 3, 0) == [3, 0, 88100]
    reversed_file = client.ask("/live/device/get/sample/file_path", 3, 0)[2]
    assert "Reverse" in reversed_file and soundfile.info(reversed_file).frames == 88200
    client.send("/live/device/crop", 3, 0)
    assert client.ask("/live/device/get/sample/length", 3, 0) == [3, 0, 44000]
    host.call(lambda: host.song.tracks[0].insert_device("Simpler"))
    assert client.ask("/live/device/get/sample/file_path", 0, 0) == [0, 0, None]
    assert "is empty" in error_of(client, "/live/device/reverse", 0, 0)
    assert "is empty" in error_of(client, "/live/device/set/sample/start_marker", 0, 0, 1)
    host.call(lambda: host.song.tracks[1].insert_device("Operator"))
    assert error_of(client, "/live/device/crop", 1, 0) == (
        "Error handling OSC message: the device at track index 1, device index 0 (0-based), 'Operator', "
        "is not a Simpler"
    )
    host.call(lambda: host.song.tracks[0].clip_slots[0].create_clip(4.0))
    assert "expects an audio clip" in error_of(client, "/live/clip/create_midi_track_with_simpler", 0, 0)
