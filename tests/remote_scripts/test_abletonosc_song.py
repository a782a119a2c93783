"""The AbletonOSC compatibility mode on the song: mixer and sends, scenes, cue points, launch
settings, track data, return tracks and tap tempo, through the real Remote Script in the in-memory Live."""

from __future__ import annotations

from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, error_of


def test_mixer_sends_and_a_listener_on_a_change_made_in_live(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/track/set/volume", 1, 0.5)
    assert client.ask("/live/track/get/volume", 1) == [1, 0.5]
    client.send("/live/track/set/panning", 1, -0.25)
    assert client.ask("/live/track/get/panning", 1) == [1, -0.25]
    client.send("/live/track/set/send", 3, 1, 0.75)
    assert client.ask("/live/track/get/send", 3, 1) == [3, 1, 0.75]
    assert host.call(lambda: host.song.tracks[3].mixer_device.sends[1].value) == 0.75
    client.send("/live/track/start_listen/volume", 1)
    assert client.receive() == ("/live/track/get/volume", [1, 0.5])  # the value now, then each change
    host.call(lambda: setattr(host.song.tracks[1].mixer_device.volume, "value", 0.25))
    assert client.receive() == ("/live/track/get/volume", [1, 0.25])
    client.send("/live/track/stop_listen/volume", 1)
    assert client.ask("/live/test") == ["ok"]  # the stop was served
    host.call(lambda: setattr(host.song.tracks[1].mixer_device.volume, "value", 0.125))
    assert client.ask("/live/song/get/num_tracks") == [4]  # the next datagram: no listener message came


def test_scenes_fire_and_duplicate_with_undo_and_redo(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/scene/set/name", 2, "Chorus")
    assert client.ask("/live/scene/get/name", 2) == [2, "Chorus"]
    assert client.ask("/live/scene/get/is_empty", 2) == [2, True]
    client.send("/live/clip_slot/create_clip", 0, 2, 4.0)
    client.send("/live/clip_slot/create_clip", 1, 2, 2.0)
    assert client.ask("/live/scene/get/is_empty", 2) == [2, False]
    client.send("/live/song/duplicate_scene", 2)
    assert client.ask("/live/song/get/scene_names") == ["", "", "Chorus", "Chorus", "", "", "", "", ""]
    assert client.ask("/live/track/get/clips/length", 1)[1:5] == [None, None, 2.0, 2.0]
    client.send("/live/song/undo")
    assert client.ask("/live/song/get/num_scenes") == [8]
    assert client.ask("/live/song/get/can_redo") == [True]
    client.send("/live/song/redo")
    assert client.ask("/live/song/get/num_scenes") == [9]
    client.send("/live/song/set/clip_trigger_quantization", 0)
    client.send("/live/scene/fire", 2)
    assert client.ask("/live/track/get/playing_slot_index", 0) == [0, 2]
    assert client.ask("/live/song/get/is_playing") == [True]
    client.send("/live/song/stop_all_clips")
    assert client.ask("/live/track/get/playing_slot_index", 1) == [1, -1]


def test_cue_points_and_jumps(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    for beats in (8.0, 16.0):
        client.send("/live/song/set/current_song_time", beats)
        client.send("/live/song/cue_point/add_or_delete")
    client.send("/live/song/cue_point/set/name", 1, "Drop")
    assert client.ask("/live/song/get/cue_points") == ["", 8.0, "Drop", 16.0]
    client.send("/live/song/cue_point/jump", 0)
    assert client.ask("/live/song/get/current_song_time") == [8.0]
    client.send("/live/song/jump_to_next_cue")
    assert client.ask("/live/song/get/current_song_time") == [16.0]
    client.send("/live/song/cue_point/jump", "Drop")
    client.send("/live/song/jump_by", -4.0)
    assert client.ask("/live/song/get/current_song_time") == [12.0]
    assert "no cue point named 'Intro'" in error_of(client, "/live/song/cue_point/jump", "Intro")


def test_clip_launch_settings_and_scene_tempo(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/set/launch_quantization", 0, 0, 1)  # q_none: at once, whatever the Song's
    client.send("/live/clip/set/legato", 0, 0, True)
    client.send("/live/clip/set/velocity_amount", 0, 0, 0.5)
    assert client.ask("/live/clip/get/launch_quantization", 0, 0) == [0, 0, 1]
    assert client.ask("/live/clip/get/legato", 0, 0) == [0, 0, True]
    assert client.ask("/live/clip/get/velocity_amount", 0, 0) == [0, 0, 0.5]
    assert "audio clips only" in error_of(client, "/live/clip/get/ram_mode", 0, 0)
    assert client.receive() == ("/live/clip/get/ram_mode", [0, 0, None])  # then AbletonOSC's answer: None
    client.send("/live/clip_slot/set/has_stop_button", 1, 3, False)
    assert client.ask("/live/clip_slot/get/has_stop_button", 1, 3) == [1, 3, False]
    client.send("/live/song/set/current_song_time", 0.5)  # off the Song's 1-bar grid
    client.send("/live/clip/fire", 0, 0)
    assert client.ask("/live/track/get/playing_slot_index", 0) == [0, 0]
    client.send("/live/scene/set/tempo", 3, 96.0)
    client.send("/live/scene/set/tempo_enabled", 3, True)
    client.send("/live/scene/fire", 3)
    assert client.ask("/live/song/get/tempo") == [96.0]


def test_track_data_return_tracks_and_tap_tempo(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_clip", 1, 1, 2.0)
    client.send("/live/clip/set/name", 1, 1, "Hook")
    reply = client.ask("/live/song/get/track_data", 0, 2, "track.name", "clip.name")
    none8 = [None] * 8
    assert reply == ["1-MIDI", *none8, "2-MIDI", None, "Hook", *[None] * 6]
    assert "Index out of range" in error_of(client, "/live/song/get/track_data", 0, 9, "track.name")
    client.send("/live/song/create_return_track")
    assert client.ask("/live/song/get/num_return_tracks") == [3]
    client.send("/live/track/set/send", 0, 2, 0.5)
    assert client.ask("/live/track/get/send", 0, 2) == [0, 2, 0.5]
    client.send("/live/song/delete_return_track", 0)
    assert client.ask("/live/song/get/num_return_tracks") == [2]
    assert client.ask("/live/track/get/send", 0, 1) == [0, 1, 0.5]  # the third send moved up
    for _ in range(3):
        client.send("/live/song/tap_tempo")
        assert client.ask("/live/test") == ["ok"]
    assert host.call(lambda: host.song.tempo) > 120.0  # taps much faster than 2 a second
