"""The AbletonOSC compatibility mode on clips and devices: notes, device parameters, clip slot and
playing position listeners, through the real Remote Script in the in-memory Live."""

from __future__ import annotations

import time

from livesim import LiveHost
from livesim.mixer import Device, DeviceParameter
from tests.remote_scripts.osc_client import OscClient, error_of, read_until


def test_devices_parameters_and_selected_device(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc

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
    assert client.receive() == ("/live/device/get/parameter/value_string", [0, 0, 1, "0.50"])  # as AbletonOSC
    client.send("/live/device/set/parameter/value", 0, 0, 1, 0.25)
    assert client.receive() == ("/live/device/get/parameter/value", [0, 0, 1, 0.25])
    assert client.receive() == ("/live/device/get/parameter/value_string", [0, 0, 1, "0.25"])
    client.send("/live/device/stop_listen/parameter/value", 0, 0, 1)
    client.send("/live/device/set/parameters/value", 0, 0, 1.0, 0.75, 2.0)
    assert client.ask("/live/device/get/parameters/value", 0, 0) == [0, 0, 1.0, 0.75, 2.0]
    assert "Invalid value 9" in error_of(client, "/live/device/set/parameter/value", 0, 0, 2, 9.0)
    assert client.ask("/live/view/set/selected_device", 0, 0) == [0, 0]  # AbletonOSC answers the set
    assert client.ask("/live/view/get/selected_device") == [0, 0]


def test_notes_come_by_pitch_then_time_and_ranges_narrow(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
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


def test_clip_slot_and_playing_position_listeners(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    client.send("/live/clip_slot/start_listen/has_clip", 0, 1)
    assert client.receive() == ("/live/clip_slot/get/has_clip", [0, 1, False])
    client.send("/live/clip_slot/create_clip", 0, 1, 4.0)
    assert client.receive() == ("/live/clip_slot/get/has_clip", [0, 1, True])
    client.send("/live/clip/start_listen/playing_position", 0, 1)
    assert client.receive() == ("/live/clip/get/playing_position", [0, 1, 0.0])
    client.send("/live/clip/fire", 0, 1)
    positions = [0.0]
    end = time.monotonic() + 10.0
    while positions[-1] < 0.1:  # Live moves the clip on as it plays; each change is sent
        assert time.monotonic() < end, f"the clip did not move within 10 s: {positions}"
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
