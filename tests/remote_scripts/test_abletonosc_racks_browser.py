"""The AbletonOSC mode on racks (chains, drum pads) and Live's browser (list, load onto a track, preview)."""

from __future__ import annotations

import pytest

from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, error_of


def test_browse_load_a_kit_and_work_its_pads_and_chains(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    names = client.ask("/live/browser/get/children/name", "")
    assert names[:5] == ["", "instruments", "audio_effects", "midi_effects", "drums"]
    assert client.ask("/live/browser/get/children/name", "drums") == [
        "drums",
        "Drum Rack",
        "808 Core Kit",
        "909 Core Kit",
    ]
    assert client.ask("/live/browser/get/children/is_loadable", "sounds") == ["sounds", False, False, False]
    assert client.ask("/live/browser/get/children/name", "sounds/Bass") == [
        "sounds/Bass",
        "Sub Bass",
        "Wobble Bass",
    ]
    assert client.ask("/live/browser/load", 1, "drums/808 Core Kit") == [1, 0, "808 Core Kit"]
    assert host.call(lambda: host.song.view.selected_track is host.song.tracks[1])
    assert client.ask("/live/track/get/devices/can_have_chains", 1) == [1, True]
    assert client.ask("/live/device/get/chains/name", 1, 0)[2:4] == ["Kick 808", "Snare 808"]
    pads = client.ask("/live/device/get/drum_pads/name", 1, 0)
    assert len(pads) == 2 + 128 and (pads[2 + 36], pads[2 + 37]) == ("Kick 808", "")
    assert client.ask("/live/drum_pad/get/name", 1, 0, 38) == [1, 0, 38, "Snare 808"]
    client.send("/live/drum_pad/set/mute", 1, 0, 38, 1)
    assert client.ask("/live/drum_pad/get/mute", 1, 0, 38) == [1, 0, 38, True]
    client.send("/live/chain/set/solo", 1, 0, 0, 1)
    client.send("/live/chain/set/name", 1, 0, 0, "Big Kick")
    assert client.ask("/live/chain/get/solo", 1, 0, 0) == [1, 0, 0, True]
    assert client.ask("/live/drum_pad/get/name", 1, 0, 36) == [1, 0, 36, "Big Kick"]
    assert client.ask("/live/chain/get/devices/class_name", 1, 0, 0) == [1, 0, 0, "OriginalSimpler"]
    client.send("/live/drum_pad/delete_all_chains", 1, 0, 38)
    assert client.ask("/live/drum_pad/get/name", 1, 0, 38) == [1, 0, 38, ""]
    # an instrument loaded from the browser replaces the kit, as Live's browser does
    assert client.ask("/live/browser/load", 1, "instruments/Operator") == [1, 0, "Operator"]
    assert client.ask("/live/track/get/devices/name", 1) == [1, "Operator"]
    assert client.ask("/live/browser/preview", "samples/Drums/Kick Deep.wav") == [
        "samples/Drums/Kick Deep.wav"
    ]
    assert host.call(lambda: host.application.browser._previewing.name) == "Kick Deep.wav"
    client.send("/live/browser/stop_preview")
    assert client.ask("/live/test") == ["ok"]
    assert host.call(lambda: host.application.browser._previewing) is None


def test_a_wrong_path_or_a_plain_device_is_refused_naming_it(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    said = error_of(client, "/live/browser/load", 0, "drums/Techno Kit")
    assert "'drums' has no 'Techno Kit'" in said and "'808 Core Kit'" in said
    assert "no category 'synths'" in error_of(client, "/live/browser/get/children/name", "synths")
    assert "is a folder or not loadable" in error_of(client, "/live/browser/load", 0, "sounds/Bass")
    assert "needs a MIDI track" in error_of(client, "/live/browser/load", 2, "instruments/Operator")
    client.send("/live/track/insert_device", 0, "Operator")
    assert client.receive()[1] == [0, 0]
    assert "is not a rack" in error_of(client, "/live/device/get/chains/name", 0, 0)
    assert "is not a Drum Rack" in error_of(client, "/live/drum_pad/get/name", 0, 0, 36)


CHAIN_LISTEN = (
    "/live/chain/start_listen/name",
    "/live/chain/start_listen/mute",
    "/live/chain/start_listen/solo",
)
CHAIN_STOP = ("/live/chain/stop_listen/name", "/live/chain/stop_listen/mute", "/live/chain/stop_listen/solo")
PAD_LISTEN = (
    "/live/drum_pad/start_listen/mute",
    "/live/drum_pad/start_listen/solo",
    "/live/drum_pad/start_listen/name",
)
PAD_STOP = (
    "/live/drum_pad/stop_listen/mute",
    "/live/drum_pad/stop_listen/solo",
    "/live/drum_pad/stop_listen/name",
)


def test_listen_to_chains_and_pads(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    assert client.ask("/live/browser/load", 1, "drums/909 Core Kit") == [1, 0, "909 Core Kit"]
    for address in CHAIN_LISTEN:
        client.send(address, 1, 0, 0)
        got = client.receive()
        assert got[0] == address.replace("start_listen", "get") and got[1][:3] == [1, 0, 0]
    for address in PAD_LISTEN:
        client.send(address, 1, 0, 36)
        assert client.receive()[1][:3] == [1, 0, 36]
    client.send("/live/chain/set/mute", 1, 0, 0, 1)
    assert client.receive() == ("/live/chain/get/mute", [1, 0, 0, True])
    client.send("/live/drum_pad/set/solo", 1, 0, 36, 1)
    assert client.receive() == ("/live/drum_pad/get/solo", [1, 0, 36, True])
    for address in CHAIN_STOP:
        client.send(address, 1, 0, 0)
    for address in PAD_STOP:
        client.send(address, 1, 0, 36)
    client.send("/live/chain/set/mute", 1, 0, 0, 0)
    assert client.ask("/live/test") == ["ok"]  # nothing sent after stop_listen
    assert "note is not a listenable" in error_of(client, "/live/drum_pad/start_listen/note", 1, 0, 36)
    assert "note is not a listenable" in error_of(client, "/live/drum_pad/stop_listen/note", 1, 0, 36)
    assert client.ask("/live/drum_pad/get/note", 1, 0, 36) == [1, 0, 36, 36]


def test_every_column_of_items_chains_pads_and_chain_devices(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    assert client.ask("/live/browser/get/children/is_folder", "drums") == ["drums", False, False, False]
    assert client.ask("/live/browser/get/children/is_device", "drums") == ["drums", True, False, False]
    assert client.ask("/live/browser/get/children/uri", "drums")[1] == "query:Drums#Drum Rack"
    assert client.ask("/live/browser/load", 0, "drums/808 Core Kit") == [0, 0, "808 Core Kit"]
    assert client.ask("/live/chain/get/name", 0, 0, 1) == [0, 0, 1, "Snare 808"]
    assert client.ask("/live/chain/get/devices/name", 0, 0, 1) == [0, 0, 1, "Snare 808"]
    assert client.ask("/live/chain/get/devices/type", 0, 0, 1) == [0, 0, 1, 1]
    assert client.ask("/live/device/get/chains/mute", 0, 0) == [0, 0, *[False] * 5]
    assert client.ask("/live/device/get/chains/solo", 0, 0) == [0, 0, *[False] * 5]
    assert client.ask("/live/device/get/drum_pads/note", 0, 0)[2:] == list(range(128))
    assert client.ask("/live/device/get/drum_pads/mute", 0, 0)[2:] == [False] * 128
    assert client.ask("/live/device/get/drum_pads/solo", 0, 0)[2:] == [False] * 128


def test_a_session_clip_copied_into_the_arrangement_and_deleted_there(
    aosc: tuple[LiveHost, OscClient],
) -> None:
    host, client = aosc
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/add/notes", 0, 0, 60, 0.0, 1.0, 100, False)
    client.send("/live/clip/set/name", 0, 0, "hook")
    assert client.ask("/live/track/duplicate_clip_to_arrangement", 0, 0, 8.0) == [0, 0, 0]
    assert client.ask("/live/track/duplicate_clip_to_arrangement", 0, 0, 0.0) == [0, 0, 0]  # by start time
    assert client.ask("/live/track/get/arrangement_clips/start_time", 0) == [0, 0.0, 8.0]
    assert client.ask("/live/track/get/arrangement_clips/name", 0) == [0, "hook", "hook"]
    assert host.call(lambda: len(host.song.tracks[0].arrangement_clips[1].get_all_notes_extended())) == 1
    client.send("/live/track/delete_arrangement_clip", 0, 0)
    assert client.ask("/live/track/get/arrangement_clips/start_time", 0) == [0, 8.0]
    assert "no clip at track index 0, clip slot index 3 (0-based)" in error_of(
        client, "/live/track/duplicate_clip_to_arrangement", 0, 3, 0.0
    )
    assert "Index out of range" in error_of(client, "/live/track/delete_arrangement_clip", 0, 5)


MAIN_GET = (
    "/live/master/get/volume",
    "/live/master/get/panning",
    "/live/master/get/crossfader",
    "/live/master/get/cue_volume",
)
MAIN_SET = (
    "/live/master/set/volume",
    "/live/master/set/panning",
    "/live/master/set/crossfader",
    "/live/master/set/cue_volume",
)
MAIN_LISTEN = ("/live/master/start_listen/volume", "/live/master/start_listen/panning",
               "/live/master/start_listen/crossfader", "/live/master/start_listen/cue_volume")  # fmt: skip
MAIN_STOP = ("/live/master/stop_listen/volume", "/live/master/stop_listen/panning",
             "/live/master/stop_listen/crossfader", "/live/master/stop_listen/cue_volume")  # fmt: skip


def test_the_main_tracks_mixer_and_the_crossfader(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert [client.ask(a)[0] for a in MAIN_GET] == pytest.approx([0.85, 0.0, 0.0, 0.85])
    for address, value in zip(MAIN_SET, (0.5, -0.25, 0.75, 0.25), strict=True):
        client.send(address, value)
    assert [client.ask(a)[0] for a in MAIN_GET] == pytest.approx([0.5, -0.25, 0.75, 0.25])
    assert host.call(lambda: host.song.master_track.mixer_device.crossfader.value) == pytest.approx(0.75)
    for address in MAIN_LISTEN:
        client.send(address)
        assert client.receive()[0] == address.replace("start_listen", "get")
    client.send("/live/master/set/crossfader", -1.0)
    assert client.receive() == ("/live/master/get/crossfader", [-1.0])
    for address in MAIN_STOP:
        client.send(address)
    client.send("/live/master/set/crossfader", 0.0)
    assert client.ask("/live/test") == ["ok"]
    client.send("/live/track/set/crossfade_assign", 0, 2)
    assert client.ask("/live/track/get/crossfade_assign", 0) == [0, 2]
    assert "expected -1..1" in error_of(client, "/live/master/set/crossfader", 3.0)


RETURN_PROPS = ("color", "mute", "name", "panning", "solo", "volume")
RETURN_GET = ("/live/return_track/get/color", "/live/return_track/get/mute", "/live/return_track/get/name",
              "/live/return_track/get/panning", "/live/return_track/get/solo", "/live/return_track/get/volume")  # fmt: skip
RETURN_SET = ("/live/return_track/set/color", "/live/return_track/set/mute", "/live/return_track/set/name",
              "/live/return_track/set/panning", "/live/return_track/set/solo", "/live/return_track/set/volume")  # fmt: skip
RETURN_LISTEN = ("/live/return_track/start_listen/color", "/live/return_track/start_listen/mute",
                 "/live/return_track/start_listen/name", "/live/return_track/start_listen/panning",
                 "/live/return_track/start_listen/solo", "/live/return_track/start_listen/volume")  # fmt: skip
RETURN_STOP = ("/live/return_track/stop_listen/color", "/live/return_track/stop_listen/mute",
               "/live/return_track/stop_listen/name", "/live/return_track/stop_listen/panning",
               "/live/return_track/stop_listen/solo", "/live/return_track/stop_listen/volume")  # fmt: skip


def test_a_return_tracks_name_and_mixer(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/return_track/get/name", 1) == [1, "B-Delay"]
    values = dict(zip(RETURN_PROPS, (0x123456, True, "Verb", -0.5, True, 0.25), strict=True))
    for address, value in zip(RETURN_SET, values.values(), strict=True):
        client.send(address, 0, value)
    got = [client.ask(address, 0)[1] for address in RETURN_GET]
    assert got == [0x123456, True, "Verb", pytest.approx(-0.5), True, pytest.approx(0.25)]
    assert host.call(lambda: host.song.return_tracks[0].mixer_device.volume.value) == pytest.approx(0.25)
    for address in RETURN_LISTEN:
        client.send(address, 0)
        assert client.receive()[0] == address.replace("start_listen", "get")
    client.send("/live/return_track/set/volume", 0, 0.5)
    assert client.receive() == ("/live/return_track/get/volume", [0, 0.5])
    for address in RETURN_STOP:
        client.send(address, 0)
    client.send("/live/return_track/set/volume", 0, 0.75)
    assert client.ask("/live/test") == ["ok"]
    assert "Index out of range" in error_of(client, "/live/return_track/get/name", 2)
