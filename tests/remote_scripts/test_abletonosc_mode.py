"""The AbletonOSC compatibility mode beyond AbletonOSC's own suite: the mode's setting, errors, bad
packets, bundles and the listeners' lifetime, through the real Remote Script in the in-memory Live.
The song, mixer and scenes are in test_abletonosc_song.py; clips, notes and devices in
test_abletonosc_clips.py."""

from __future__ import annotations

from bridge import protocol
from livesim import LIVE_DEFAULT_SET, LiveHost
from tests.remote_scripts.osc_client import OscClient, build, error_of, error_of_raw


def test_mode_is_off_without_the_setting(tmp_path: object) -> None:
    with LiveHost(LIVE_DEFAULT_SET, port=0, script_env={protocol.ABLETONOSC_ENV: "0"}) as host:
        assert host.script.abletonosc is None


def test_test_version_and_errors(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/test") == ["ok"]
    assert client.ask("/live/application/get/version") == [12, 3]
    assert error_of(client, "/live/clip/get/color", 0, 10) == "Error handling OSC message: Index out of range"
    assert any("clip slot index 10 (0-based): expected 0..7" in line for line in host.log)
    assert error_of(client, "/live/clip/get/name", 0, 1.0) == (  # TouchOSC's float index said as an int
        "Error handling OSC message: no clip at track index 0, clip slot index 1 (0-based)"
    )
    error_of(client, "/live/track/get/name", "one")
    assert any("Index out of range track index 'one' (0-based): expected 0..3" in line for line in host.log)
    assert error_of(client, "/live/song/get/tempoo") == "Unknown OSC address: /live/song/get/tempoo"
    assert "Invalid tempo 5" in error_of(client, "/live/song/set/tempo", 5.0)
    assert client.ask("/live/song/get/tempo") == [120.0]  # nothing changed, the script carries on


def test_bad_packets_and_unreadable_listeners_are_answered_and_live_carries_on(
    aosc: tuple[LiveHost, OscClient],
) -> None:
    host, client = aosc
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


def test_a_bundle_answers_each_message_and_selection_listeners_fire(aosc: tuple[LiveHost, OscClient]) -> None:
    from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
    from pythonosc.osc_message import OscMessage

    _host, client = aosc
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


def test_disconnect_removes_every_listener(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
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
