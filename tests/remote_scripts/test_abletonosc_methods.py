"""The AbletonOSC mode's methods and list addresses on the song, the view, tracks, slots, clips,
scenes and devices: each changes what Live holds (or is refused with Live's reason)."""

from __future__ import annotations

from typing import Any

from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, error_of


def synced(client: OscClient) -> None:
    assert client.ask("/live/test") == ["ok"]  # everything sent before has been served


def test_song_tracks_and_scenes(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/song/create_midi_track", -1)
    client.send("/live/song/create_audio_track", 0)
    assert client.ask("/live/song/get/track_names") == [
        "1-Audio",
        "1-MIDI",
        "2-MIDI",
        "3-Audio",
        "4-Audio",
        "5-MIDI",
    ]
    assert client.ask("/live/song/get/track_names", 1, 3) == ["1-MIDI", "2-MIDI"]
    assert client.ask("/live/song/get/track_names", 4, -1) == ["4-Audio", "5-MIDI"]  # -1: to the end
    assert len(client.ask("/live/song/get/track_data", 0, -1, "track.name")) == 6
    assert client.ask("/live/song/get/scenes/name", 0, 2) == ["", ""]
    client.send("/live/song/duplicate_track", 1)
    assert client.ask("/live/song/get/num_tracks") == [7]
    client.send("/live/song/delete_track", 0)
    assert client.ask("/live/song/get/track_names", 0, 2) == ["1-MIDI", "1-MIDI"]
    client.send("/live/song/create_scene", -1)
    assert client.ask("/live/song/get/num_scenes") == [9]
    client.send("/live/song/delete_scene", 8)
    assert client.ask("/live/song/get/num_scenes") == [8]
    assert "Invalid track index 42" in error_of(client, "/live/song/delete_track", 42)


def test_song_transport_cues_capture_and_session_record(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/song/set/current_song_time", 8.0)
    client.send("/live/song/set_or_delete_cue")
    client.send("/live/song/set/current_song_time", 16.0)
    client.send("/live/song/jump_to_prev_cue")
    assert client.ask("/live/song/get/current_song_time") == [8.0]
    assert client.ask("/live/song/get/cue_points") == ["", 8.0]
    client.send("/live/song/set_or_delete_cue")  # a cue at the time: deleted
    assert client.ask("/live/song/get/cue_points") == []
    client.send("/live/song/continue_playing")
    assert client.ask("/live/song/get/is_playing") == [True]
    client.send("/live/song/stop_playing")
    assert "can_capture_midi is False" in error_of(client, "/live/song/capture_midi")
    client.send("/live/song/force_link_beat_time")
    client.send("/live/song/re_enable_automation")
    synced(client)
    client.send("/live/song/set/clip_trigger_quantization", 0)
    client.send("/live/clip_slot/create_clip", 1, 0, 2.0)
    client.send("/live/clip_slot/fire", 1, 0)
    assert client.ask("/live/track/get/playing_slot_index", 1) == [1, 0]
    client.send("/live/song/capture_and_insert_scene")  # the playing clips, as a new scene below
    assert client.ask("/live/song/get/num_scenes") == [9]
    assert client.ask("/live/clip_slot/get/has_clip", 1, 1) == [1, 1, True]
    assert client.ask("/live/view/get/selected_scene") == [1]
    client.send("/live/track/set/arm", 0, True)
    client.send("/live/view/set/selected_scene", 2)
    client.send("/live/song/trigger_session_record")  # armed track 0 records into its empty slot 2
    assert client.ask("/live/song/get/session_record") == [True]
    assert client.ask("/live/clip_slot/get/is_recording", 0, 2) == [0, 2, True]
    client.send("/live/song/stop_playing")
    assert client.ask("/live/clip_slot/get/has_clip", 0, 2) == [0, 2, True]  # the recording became a clip
    client.send("/live/track/stop_all_clips", 1)
    assert client.ask("/live/track/get/playing_slot_index", 1) == [1, -1]


def test_view_selection_and_its_listeners(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/view/start_listen/selected_scene")
    assert client.receive() == ("/live/view/get/selected_scene", [0])
    client.send("/live/view/set/selected_scene", 3)
    assert client.receive() == ("/live/view/get/selected_scene", [3])
    assert client.ask("/live/view/get/selected_scene") == [3]
    client.send("/live/view/stop_listen/selected_scene")
    client.send("/live/view/start_listen/selected_track")
    assert client.receive() == ("/live/view/get/selected_track", [0])
    client.send("/live/view/stop_listen/selected_track")
    client.send("/live/view/set/selected_track", 2)
    client.send("/live/view/set/selected_scene", 1)
    assert client.ask("/live/view/get/selected_clip") == [2, 1]  # no listener message came before


def test_track_lists_slots_and_clips(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_clip", 0, 1, 4.0)
    client.send("/live/clip/set/name", 0, 1, "Keys")
    client.send("/live/clip/set/color", 0, 1, 0x00FF00)
    assert client.ask("/live/track/get/clips/name", 0)[:3] == [0, None, "Keys"]
    assert client.ask("/live/track/get/clips/color", 0)[:3] == [0, None, 0x00FF00]
    client.send("/live/clip_slot/duplicate_clip_to", 0, 1, 1, 4)
    assert client.ask("/live/clip/get/name", 1, 4) == [1, 4, "Keys"]
    client.send("/live/track/delete_clip", 1, 4)
    assert client.ask("/live/clip_slot/get/has_clip", 1, 4) == [1, 4, False]
    client.send("/live/song/set/clip_trigger_quantization", 0)
    client.send("/live/clip_slot/fire", 0, 1)
    assert client.ask("/live/clip/get/is_playing", 0, 1) == [0, 1, True]
    client.send("/live/clip/stop", 0, 1)
    assert client.ask("/live/clip/get/is_playing", 0, 1) == [0, 1, False]
    client.send("/live/clip_slot/fire", 0, 1)
    client.send("/live/clip_slot/stop", 0, 1)
    assert client.ask("/live/track/get/playing_slot_index", 0) == [0, -1]
    client.send("/live/clip/add/notes", 0, 1, 60, 0.0, 1.0, 100, False, 64, 3.0, 1.0, 90, False)
    client.send("/live/clip/duplicate_loop", 0, 1)
    assert client.ask("/live/clip/get/length", 0, 1) == [0, 1, 8.0]
    notes: list[Any] = client.ask("/live/clip/get/notes", 0, 1)[2:]
    assert [tuple(notes[i : i + 2]) for i in range(0, len(notes), 5)] == [
        (60, 0.0),
        (60, 4.0),
        (64, 3.0),
        (64, 7.0),
    ]

    def arrange() -> None:
        track = host.song.tracks[1]
        track.create_midi_clip(8.0, 4.0).name = "B"
        track.create_midi_clip(0.0, 2.0).name = "A"

    host.call(arrange)
    assert client.ask("/live/track/get/arrangement_clips/name", 1) == [1, "A", "B"]
    assert client.ask("/live/track/get/arrangement_clips/length", 1) == [1, 2.0, 4.0]
    assert client.ask("/live/track/get/arrangement_clips/start_time", 1) == [1, 0.0, 8.0]


def test_scene_fire_as_selected_and_fire_selected(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/scene/set/time_signature_numerator", 1, 3)
    client.send("/live/scene/set/time_signature_denominator", 1, 4)
    client.send("/live/scene/fire_as_selected", 1)  # fires row 1 and selects the next one
    assert client.ask("/live/song/get/signature_numerator") == [3]
    assert client.ask("/live/view/get/selected_scene") == [2]
    client.send("/live/scene/set/tempo", 2, 90.0)
    client.send("/live/scene/set/tempo_enabled", 2, True)
    client.send("/live/scene/fire_selected")
    assert client.ask("/live/song/get/tempo") == [90.0]
    assert client.ask("/live/view/get/selected_scene") == [3]
    assert host.call(lambda: host.song.is_playing)  # firing a scene starts the transport


def test_device_parameter_lists(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    assert client.ask("/live/track/insert_device", 0, "Operator") == [0, 0]
    assert client.ask("/live/device/get/num_parameters", 0, 0) == [0, 0, 3]
    assert client.ask("/live/device/get/parameters/is_quantized", 0, 0) == [0, 0, True, True, False]
    assert client.ask("/live/device/get/parameters/min", 0, 0) == [0, 0, 0.0, 0.0, 0.0]
    assert client.ask("/live/device/get/parameters/max", 0, 0) == [0, 0, 1.0, 10.0, 1.0]
    client.send("/live/device/set/parameter/value", 0, 0, 1, 4.0)
    assert client.ask("/live/device/get/parameter/value_string", 0, 0, 1) == [0, 0, 1, "4"]
