"""The AbletonOSC compatibility mode beyond AbletonOSC's own suite: errors, mixer, scenes, cue points,
devices, view, bundles and listeners, through the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bridge import protocol
from bridge.livesim import LIVE_DEFAULT_SET, LiveHost
from bridge.livesim.mixer import Device, DeviceParameter
from tests.remote_scripts.osc_client import OscClient, build

AOSC_PORT_ENV = "MUSEAROO_ABLETONOSC_PORT"
AOSC_REPLY_ENV = "MUSEAROO_ABLETONOSC_REPLY_PORT"


@pytest.fixture
def live() -> Iterator[tuple[LiveHost, OscClient]]:
    client = OscClient(0)
    env = {protocol.ABLETONOSC_ENV: "1", AOSC_PORT_ENV: "0", AOSC_REPLY_ENV: str(client.port)}
    host = LiveHost(LIVE_DEFAULT_SET, port=0, script_env=env).start_in_thread()
    client.target = (protocol.HOST, host.script.abletonosc.port)
    yield host, client
    client.close()
    host.stop()
    assert host.errors == [], "exceptions escaped into Live"


def error_of(client: OscClient, address: str, *args: Any) -> str:
    client.send(address, *args)
    got, params = client.receive()
    assert got == "/live/error", (got, params)
    return str(params[0])


def test_mode_is_off_without_the_setting(tmp_path: object) -> None:
    with LiveHost(LIVE_DEFAULT_SET, port=0, script_env={protocol.ABLETONOSC_ENV: "0"}) as host:
        assert host.script.abletonosc is None


def test_test_version_and_errors(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    assert client.ask("/live/test") == ["ok"]
    assert client.ask("/live/application/get/version") == [12, 3]
    assert error_of(client, "/live/clip/get/color", 0, 10) == "Error handling OSC message: Index out of range"
    assert any("clip slot 10: expected an index 0..7" in line for line in host.log)
    assert "no clip in track 0 slot 1" in error_of(client, "/live/clip/get/name", 0, 1)
    assert error_of(client, "/live/song/get/tempoo") == "Unknown OSC address: /live/song/get/tempoo"
    assert "Invalid tempo 5" in error_of(client, "/live/song/set/tempo", 5.0)
    assert client.ask("/live/song/get/tempo") == [120.0]  # nothing changed, the script carries on


def test_mixer_sends_and_a_listener_on_a_change_made_in_live(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
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


def test_scenes_fire_and_duplicate_with_undo_and_redo(live: tuple[LiveHost, OscClient]) -> None:
    _host, client = live
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


def test_cue_points_and_jumps(live: tuple[LiveHost, OscClient]) -> None:
    _host, client = live
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


def test_devices_parameters_and_selected_device(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live

    def add_device() -> None:
        doc = host.doc
        cutoff = DeviceParameter(doc, "Cutoff", 0.5)
        mode = DeviceParameter(doc, "Mode", 1.0, 0.0, 3.0, quantized=True)
        host.song.tracks[0]._devices.append(Device(doc, "Wavetable", "InstrumentVector", 1, (cutoff, mode)))

    host.call(add_device)
    assert client.ask("/live/track/get/num_devices", 0) == [0, 1]
    assert client.ask("/live/track/get/devices/class_name", 0) == [0, "InstrumentVector"]
    assert client.ask("/live/device/get/name", 0, 0) == [0, 0, "Wavetable"]
    assert client.ask("/live/device/get/parameters/name", 0, 0) == [0, 0, "Device On", "Cutoff", "Mode"]
    assert client.ask("/live/device/get/parameters/max", 0, 0) == [0, 0, 1.0, 1.0, 3.0]
    client.send("/live/device/start_listen/parameter/value", 0, 0, 1)
    assert client.receive() == ("/live/device/get/parameter/value", [0, 0, 1, 0.5])
    client.send("/live/device/set/parameter/value", 0, 0, 1, 0.25)
    assert client.receive() == ("/live/device/get/parameter/value", [0, 0, 1, 0.25])
    client.send("/live/device/stop_listen/parameter/value", 0, 0, 1)
    client.send("/live/device/set/parameters/value", 0, 0, 1.0, 0.75, 2.0)
    assert client.ask("/live/device/get/parameters/value", 0, 0) == [0, 0, 1.0, 0.75, 2.0]
    assert "Invalid value 9" in error_of(client, "/live/device/set/parameter/value", 0, 0, 2, 9.0)
    client.send("/live/view/set/selected_device", 0, 0)
    assert client.ask("/live/view/get/selected_device") == [0, 0]


def test_notes_come_by_pitch_then_time_and_ranges_narrow(live: tuple[LiveHost, OscClient]) -> None:
    _host, client = live
    client.send("/live/clip_slot/create_clip", 1, 0, 4.0)
    client.send(
        "/live/clip/add/notes",
        1,
        0,
        64,
        1.0,
        0.5,
        90,
        False,
        60,
        2.0,
        0.5,
        80,
        True,
        60,
        -0.5,
        1.0,
        70,
        False,
    )
    assert client.ask("/live/clip/get/notes", 1, 0) == [
        1, 0, 60, -0.5, 1.0, 70.0, False, 60, 2.0, 0.5, 80.0, True, 64, 1.0, 0.5, 90.0, False,
    ]  # fmt: skip
    assert client.ask("/live/clip/get/notes", 1, 0, 60, 1, 0, 4) == [1, 0, 60, 2.0, 0.5, 80.0, True]
    assert "groups of 5" in error_of(client, "/live/clip/add/notes", 1, 0, 60, 0.0)
    client.send("/live/clip/remove/notes", 1, 0, 0, 128, -1, 2.5)
    assert client.ask("/live/clip/get/notes", 1, 0) == [1, 0, 60, 2.0, 0.5, 80.0, True]


def test_a_bundle_answers_each_message_and_selection_listeners_fire(live: tuple[LiveHost, OscClient]) -> None:
    from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
    from pythonosc.osc_message import OscMessage

    _host, client = live
    bundle = OscBundleBuilder(IMMEDIATELY)
    for track in range(3):
        bundle.add_content(OscMessage(build("/live/track/get/name", track)))
    client.send_raw(bundle.build().dgram)
    assert [client.receive()[1] for _ in range(3)] == [[0, "1-MIDI"], [1, "2-MIDI"], [2, "3-Audio"]]
    client.send("/live/view/start_listen/selected_track")
    assert client.receive() == ("/live/view/get/selected_track", [0])
    client.send("/live/view/set/selected_clip", 3, 5)
    assert client.receive() == ("/live/view/get/selected_track", [3])
    assert client.ask("/live/view/get/selected_clip") == [3, 5]


def test_disconnect_removes_every_listener(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    client.send("/live/song/start_listen/tempo")
    client.send("/live/track/start_listen/mute", 0)
    client.send("/live/song/start_listen/beat")
    assert client.receive() == ("/live/song/get/tempo", [120.0])
    assert client.receive() == ("/live/track/get/mute", [0, False])
    assert client.receive() == ("/live/song/get/beat", [0])
    compat = host.script.abletonosc
    assert host.call(lambda: len(compat.listening)) == 3
    host.call(host.script.disconnect)
    assert host.call(lambda: len(compat.listening)) == 0
    assert host.call(lambda: host.song._listeners.count() + host.song.tracks[0]._listeners.count()) == 0


def test_clip_launch_settings_and_scene_tempo(live: tuple[LiveHost, OscClient]) -> None:
    _host, client = live
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/set/launch_quantization", 0, 0, 1)  # q_none: at once, whatever the Song's
    client.send("/live/clip/set/legato", 0, 0, True)
    client.send("/live/clip/set/velocity_amount", 0, 0, 0.5)
    assert client.ask("/live/clip/get/launch_quantization", 0, 0) == [0, 0, 1]
    assert client.ask("/live/clip/get/legato", 0, 0) == [0, 0, True]
    assert client.ask("/live/clip/get/velocity_amount", 0, 0) == [0, 0, 0.5]
    assert "audio clips only" in error_of(client, "/live/clip/get/ram_mode", 0, 0)
    client.send("/live/clip_slot/set/has_stop_button", 1, 3, False)
    assert client.ask("/live/clip_slot/get/has_stop_button", 1, 3) == [1, 3, False]
    client.send("/live/song/set/current_song_time", 0.5)  # off the Song's 1-bar grid
    client.send("/live/clip/fire", 0, 0)
    assert client.ask("/live/track/get/playing_slot_index", 0) == [0, 0]
    client.send("/live/scene/set/tempo", 3, 96.0)
    client.send("/live/scene/set/tempo_enabled", 3, True)
    client.send("/live/scene/fire", 3)
    assert client.ask("/live/song/get/tempo") == [96.0]


def test_track_data_return_tracks_and_tap_tempo(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
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


def test_bad_packets_and_unreadable_listeners_are_answered_and_live_carries_on(
    live: tuple[LiveHost, OscClient],
) -> None:
    host, client = live
    client.send_raw(b"\x00\x01garbage")
    assert "malformed OSC packet of 9 bytes" in error_of_raw(client)
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    assert "audio clips only" in error_of(client, "/live/clip/start_listen/gain", 0, 0)
    assert host.call(lambda: len(host.script.abletonosc.listening)) == 0  # nothing was left listening
    client.send("/live/clip/start_listen/name", 0, 0)
    assert client.receive() == ("/live/clip/get/name", [0, 0, ""])
    client.send("/live/clip_slot/delete_clip", 0, 0)  # the clip goes; its listener with it
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/set/name", 0, 0, "New")
    assert client.ask("/live/test") == ["ok"]  # no name message came from the old clip's listener


def error_of_raw(client: OscClient) -> str:
    got, params = client.receive()
    assert got == "/live/error", (got, params)
    return str(params[0])


def read_until(client: OscClient, address: str) -> list[tuple[str, list[Any]]]:
    """Every message up to and including the first one on address."""
    seen = [client.receive()]
    while seen[-1][0] != address:
        seen.append(client.receive())
    return seen


def test_clip_slot_and_playing_position_listeners(live: tuple[LiveHost, OscClient]) -> None:
    host, client = live
    client.send("/live/clip_slot/start_listen/has_clip", 0, 1)
    assert client.receive() == ("/live/clip_slot/get/has_clip", [0, 1, False])
    client.send("/live/clip_slot/create_clip", 0, 1, 4.0)
    assert client.receive() == ("/live/clip_slot/get/has_clip", [0, 1, True])
    client.send("/live/clip/start_listen/playing_position", 0, 1)
    assert client.receive() == ("/live/clip/get/playing_position", [0, 1, 0.0])
    client.send("/live/clip/fire", 0, 1)
    positions = [0.0]
    while positions[-1] < 0.1:  # Live moves the clip on as it plays; each change is sent
        got, params = client.receive()
        assert (got, params[:2]) == ("/live/clip/get/playing_position", [0, 1])
        positions.append(params[2])
    assert positions == sorted(positions)
    client.send("/live/clip/stop_listen/playing_position", 0, 1)
    client.send("/live/test")
    before_stop = {address for address, _ in read_until(client, "/live/test")}
    assert before_stop <= {"/live/clip/get/playing_position", "/live/test"}  # sent before the stop
    assert host.call(lambda: host.song.is_playing)  # still playing: nothing more is sent for it
    client.send("/live/clip_slot/delete_clip", 0, 1)
    assert client.receive() == ("/live/clip_slot/get/has_clip", [0, 1, False])
    client.send("/live/clip_slot/stop_listen/has_clip", 0, 1)
    client.send("/live/clip_slot/create_clip", 0, 1, 4.0)
    assert client.ask("/live/test") == ["ok"]  # no has_clip after the stop
    assert host.call(lambda: len(host.script.abletonosc.listening)) == 0
