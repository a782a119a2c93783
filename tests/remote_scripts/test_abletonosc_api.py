"""The AbletonOSC mode's own addresses (/live/api, /live/application, /live/startup), its wildcard
forms, the beat and send listeners, refusals, and requests that wait while Live's main thread is
busy (AbletonOSC issue 121): all answered, in order, none dropped."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, error_of


def until_test(client: OscClient) -> list[tuple[str, list[Any]]]:
    """Every message before the answer to a /live/test sent now."""
    client.send("/live/test")
    seen = []
    while (message := client.receive()) != ("/live/test", ["ok"]):
        seen.append(message)
    return seen


def test_api_log_level_status_bar_and_application(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/test") == ["ok"]
    assert "received OSC OK" in host.status_bar
    assert client.ask("/live/application/get/version") == [12, 3]
    assert client.ask("/live/application/get/average_process_usage") == [0.0]
    assert client.ask("/live/api/get/log_level") == ["info"]  # AbletonOSC's default
    client.send("/live/api/set/log_level", "critical")
    assert client.ask("/live/api/get/log_level") == ["critical"]
    logged = len(host.log)
    assert "Index out of range" in error_of(client, "/live/track/get/name", 99)
    assert len(host.log) == logged  # an error line is below critical: the client hears it, the log not
    client.send("/live/api/set/log_level", "debug")
    error_of(client, "/live/track/get/name", 99)
    assert "Index out of range track index 99 (0-based): expected 0..3" in host.log[-1]
    assert "Invalid log level 'loud'" in error_of(client, "/live/api/set/log_level", "loud")
    client.send("/live/api/show_message", "Hello from a client")
    client.send("/live/api/reload")  # nothing to reload: MuseAroo's code is loaded once by Live
    assert until_test(client) == []
    assert host.status_bar == "MuseAroo (AbletonOSC mode): received OSC OK"  # /live/test wrote it last
    client.send("/live/api/show_message", "Hello from a client")
    assert client.ask("/live/song/get/num_tracks") == [4]
    assert host.status_bar == "Hello from a client"


def test_wildcard_addresses_and_the_track_wildcard(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/set/name", 0, 0, "Hook")
    client.send("/live/clip/get/*", 0, 0)
    replies = dict(until_test(client))
    assert "/live/error" not in replies  # what a MIDI clip cannot read comes back as None, quietly
    assert replies["/live/clip/get/name"] == [0, 0, "Hook"]
    assert replies["/live/clip/get/length"] == [0, 0, 4.0]
    assert replies["/live/clip/get/notes"] == [0, 0]
    assert replies["/live/clip/get/gain"] == [0, 0, None]
    assert {a for a in replies if not a.startswith("/live/clip/get/")} == set()
    client.send("/live/*/get/tempo")  # scene tempo needs a scene index: skipped, as AbletonOSC skips it
    assert until_test(client) == [("/live/song/get/tempo", [120.0])]
    client.send("/live/track/get/name", "*")
    assert until_test(client) == [("/live/track/get/name", [i, n]) for i, n in enumerate(TRACK_NAMES)]
    client.send("/live/track/set/mute", "*", True)
    assert until_test(client) == []
    assert host.call(lambda: [t.mute for t in host.song.tracks]) == [True] * 4
    client.send("/live/track/get/devices/*", "*")
    assert len(until_test(client)) == 4 * 4  # name, type, class_name, can_have_chains per track
    assert error_of(client, "/live/nothing/*") == "Unknown OSC address: /live/nothing/*"
    refused = error_of(client, "/live/clip/get/*", 0, 5)  # an empty slot: every match is skipped
    assert "no address matching /live/clip/get/* took these arguments" in refused and "no clip" in refused
    assert client.ask("/live/track/get/name", 1.0) == [1, "2-MIDI"]  # integral floats are indices


TRACK_NAMES = ("1-MIDI", "2-MIDI", "3-Audio", "4-Audio")


def test_beat_listener_follows_abletonoscs_rule(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/song/start_listen/beat")
    assert client.receive() == ("/live/song/get/beat", [0])
    client.send("/live/song/set/current_song_time", 3.5)
    assert client.receive() == ("/live/song/get/beat", [3])  # a new beat
    client.send("/live/song/set/current_song_time", 3.75)  # the same beat: nothing
    client.send("/live/song/set/current_song_time", 1.0)
    assert client.receive() == ("/live/song/get/beat", [1])  # the time went back
    client.send("/live/song/set/tempo", 480.0)
    client.send("/live/song/start_playing")  # plays from the start marker (where the time was set)
    got = [client.receive() for _ in range(3)]
    assert got == [("/live/song/get/beat", [n]) for n in (2, 3, 4)], got
    client.send("/live/song/stop_listen/beat")
    client.send("/live/song/stop_playing")
    time.sleep(0.3)  # four beats at 480 BPM: none may come now
    assert [m for m in until_test(client) if m[0] == "/live/song/get/beat"] in (
        [],
        [("/live/song/get/beat", [5])],
    )


def test_send_level_listeners(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc  # AbletonOSC issue 130: listen to a track's send to a return track
    client.send("/live/track/start_listen/send", 0, 1)
    assert client.receive() == ("/live/track/get/send", [0, 1, 0.0])
    client.send("/live/track/set/send", 0, 1, 0.5)
    assert client.receive() == ("/live/track/get/send", [0, 1, 0.5])
    host.call(lambda: setattr(host.song.tracks[0].mixer_device.sends[1], "value", 0.25))  # a change in Live
    assert client.receive() == ("/live/track/get/send", [0, 1, 0.25])
    client.send("/live/track/stop_listen/send", 0, 1)
    client.send("/live/track/set/send", 0, 1, 0.75)
    assert until_test(client) == []


def test_midi_map_is_refused_with_the_reason(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    assert "no MIDI ports of its own" in error_of(client, "/live/midimap/map_cc", 0, 0, 1, 0, 21)


def test_requests_wait_in_order_while_the_main_thread_is_busy(aosc: tuple[LiveHost, OscClient]) -> None:
    """Live holds its main thread (a menu open, a long load): requests queue, then all are answered
    in the order sent. AbletonOSC issue 121, on the in-memory Live by holding its main thread."""
    host, client = aosc
    client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)  # room for 400 replies
    busy, release = threading.Event(), threading.Event()

    def hold() -> None:
        busy.set()
        release.wait(10.0)

    holder = threading.Thread(target=lambda: host.call(hold, timeout=20.0))
    holder.start()
    assert busy.wait(5.0)
    sent = [(i % 4, (i // 4) % 8) for i in range(400)]
    for track, slot in sent:
        client.send("/live/clip_slot/get/has_clip", track, slot)
    assert busy.is_set() and holder.is_alive()  # every request went out while Live was held
    release.set()
    holder.join(10.0)
    got = [client.receive() for _ in sent]
    assert [tuple(params[:2]) for _address, params in got] == sent
    assert {address for address, _params in got} == {"/live/clip_slot/get/has_clip"}
    assert until_test(client) == []
