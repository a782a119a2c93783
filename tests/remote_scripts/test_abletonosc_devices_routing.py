"""The AbletonOSC mode on a track's device chain (insert and delete devices by name, Live 12.3's
Track.insert_device), the selected device, and a track's input and output routing."""

from __future__ import annotations

from bridge import protocol
from livesim import LIVE_DEFAULT_SET, LiveHost
from tests.remote_scripts.conftest import AOSC_PORT_ENV, AOSC_REPLY_ENV
from tests.remote_scripts.osc_client import OscClient, error_of


def test_insert_and_delete_devices_by_name(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/track/insert_device", 0, "Wavetable") == [0, 0]
    assert client.ask("/live/track/insert_device", 0, "Reverb") == [0, 1]
    assert client.ask("/live/track/insert_device", 0, "Arpeggiator", 0) == [0, 0]
    assert client.ask("/live/track/get/num_devices", 0) == [0, 3]
    assert client.ask("/live/track/get/devices/name", 0) == [0, "Arpeggiator", "Wavetable", "Reverb"]
    assert client.ask("/live/track/get/devices/class_name", 0) == [
        0,
        "MidiArpeggiator",
        "InstrumentVector",
        "Reverb",
    ]
    assert client.ask("/live/track/get/devices/type", 0) == [0, 4, 1, 2]
    assert client.ask("/live/track/get/devices/can_have_chains", 0) == [0, False, False, False]
    assert client.ask("/live/device/get/name", 0, 1) == [0, 1, "Wavetable"]
    assert client.ask("/live/device/get/parameters/name", 0, 1) == [
        0,
        1,
        "Device On",
        "Filter 1 Freq",
        "Volume",
    ]
    assert client.ask("/live/device/get/parameter/name", 0, 1, 1) == [0, 1, 1, "Filter 1 Freq"]
    # a name Live does not know, or a kind the track cannot hold: the reason, then AbletonOSC's -1
    assert "Unknown device 'Serum'" in error_of(client, "/live/track/insert_device", 0, "Serum")
    assert client.receive() == ("/live/track/insert_device", [0, -1])
    assert "needs a MIDI track" in error_of(client, "/live/track/insert_device", 2, "Operator")
    assert client.receive() == ("/live/track/insert_device", [2, -1])
    assert "already has an instrument" in error_of(client, "/live/track/insert_device", 0, "Drift")
    assert client.receive() == ("/live/track/insert_device", [0, -1])
    client.send("/live/track/delete_device", 0, 0)
    assert client.ask("/live/track/get/devices/name", 0) == [0, "Wavetable", "Reverb"]
    assert "Invalid device index 5" in error_of(client, "/live/track/delete_device", 0, 5)
    assert client.ask("/live/track/insert_device", 3.0, "Utility") == [
        3,
        0,
    ]  # a float index, as TouchOSC sends
    assert host.call(lambda: [d.name for d in host.song.tracks[3].devices]) == ["Utility"]


def test_select_a_device_and_listen_to_the_selection(aosc: tuple[LiveHost, OscClient]) -> None:
    _host, client = aosc
    client.send("/live/track/insert_device", 1, "Operator")
    client.send("/live/track/insert_device", 1, "Delay")
    assert client.receive()[1] == [1, 0] and client.receive()[1] == [1, 1]
    assert client.ask("/live/view/set/selected_device", 1, 1) == [1, 1]  # AbletonOSC answers the set
    assert client.ask("/live/view/get/selected_device") == [1, 1]
    assert client.ask("/live/view/get/selected_track") == [1]
    assert "Index out of range" in error_of(client, "/live/view/set/selected_device", 1, 2)


def test_insert_device_before_live_12_3_says_why() -> None:
    client = OscClient(0)
    env = {protocol.ABLETONOSC_ENV: "1", AOSC_PORT_ENV: "0", AOSC_REPLY_ENV: str(client.port)}
    with LiveHost(LIVE_DEFAULT_SET, port=0, version=(12, 2, 5), script_env=env) as host:
        client.target = (protocol.HOST, host.script.abletonosc.port)
        assert client.receive() == ("/live/startup", [])
        assert "needs Live 12.3 or later" in error_of(client, "/live/track/insert_device", 0, "Operator")
        assert client.receive() == ("/live/track/insert_device", [0, -1])
        assert client.ask("/live/track/get/num_devices", 0) == [0, 0]
    client.close()
    assert host.errors == []


def test_routing_types_and_channels_by_display_name(aosc: tuple[LiveHost, OscClient]) -> None:
    host, client = aosc
    assert client.ask("/live/track/get/available_input_routing_types", 2) == [
        2,
        "Ext. In",
        "Resampling",
        "1-MIDI",
        "2-MIDI",
        "4-Audio",
        "No Input",
    ]
    assert client.ask("/live/track/get/input_routing_type", 2) == [2, "Ext. In"]
    assert client.ask("/live/track/get/input_routing_channel", 2) == [2, "1/2"]
    assert client.ask("/live/track/get/available_input_routing_channels", 2) == [2, "1/2", "1", "2"]
    client.send("/live/track/set/input_routing_channel", 2, "2")
    assert client.ask("/live/track/get/input_routing_channel", 2) == [2, "2"]
    client.send("/live/track/set/input_routing_type", 2, "1-MIDI")
    assert client.ask("/live/track/get/input_routing_channel", 2) == [2, "Pre FX"]  # the new type's first
    client.send("/live/track/set/input_routing_type", 2, "Resampling")
    assert client.ask("/live/track/get/available_input_routing_channels", 2) == [2]
    assert client.ask("/live/track/get/input_routing_channel", 2) == [2, ""]
    midi_channels = client.ask("/live/track/get/available_input_routing_channels", 0)
    assert midi_channels[:3] == [0, "All Channels", "Ch. 1"] and len(midi_channels) == 18
    assert client.ask("/live/track/get/available_output_routing_types", 0) == [
        0,
        "Ext. Out",
        "Master",
        "Sends Only",
        "A-Reverb",
        "B-Delay",
    ]
    assert client.ask("/live/track/get/output_routing_type", 0) == [0, "Master"]
    assert client.ask("/live/track/get/output_routing_channel", 0) == [0, "Track In"]
    client.send("/live/track/set/output_routing_type", 0, "Ext. Out")
    assert client.ask("/live/track/get/available_output_routing_channels", 0) == [
        0,
        "1/2",
        "3/4",
        "1",
        "2",
        "3",
        "4",
    ]
    client.send("/live/track/set/output_routing_channel", 0, "3/4")
    assert client.ask("/live/track/get/output_routing_channel", 0) == [0, "3/4"]
    assert host.call(lambda: host.song.tracks[0].output_routing_channel.display_name) == "3/4"
    refused = error_of(client, "/live/track/set/input_routing_type", 0, "Ext. In")
    assert "no input routing type named 'Ext. In'" in refused and "'All Ins', 'Computer Keyboard'" in refused
    assert "no output routing channel named '9/10'" in error_of(
        client, "/live/track/set/output_routing_channel", 0, "9/10"
    )


def test_a_device_is_switched_off_and_on_and_its_parameters_give_their_range(
    aosc: tuple[LiveHost, OscClient],
) -> None:
    """AbletonOSC's client asks /live/device/get|set/is_active and /live/device/get/parameter/min|max
    (Live's Device.is_active: off when its Device On switch is; DeviceParameter.min and max)."""
    host, client = aosc
    assert client.ask("/live/track/insert_device", 2, "Saturator") == [2, 0]
    assert client.ask("/live/device/get/is_active", 2, 0) == [2, 0, True]
    client.send("/live/device/set/is_active", 2, 0, 0)
    assert client.ask("/live/device/get/is_active", 2, 0) == [2, 0, False]
    assert host.call(lambda: host.song.tracks[2].devices[0].parameters[0].value) == 0.0  # Device On
    client.send("/live/device/set/is_active", 2, 0, 1)
    assert client.ask("/live/device/get/is_active", 2, 0) == [2, 0, True]
    # Saturator's Drive runs -36..36 dB; Device On is a switch 0..1
    assert client.ask("/live/device/get/parameter/min", 2, 0, 1) == [2, 0, 1, -36.0]
    assert client.ask("/live/device/get/parameter/max", 2, 0, 1) == [2, 0, 1, 36.0]
    assert client.ask("/live/device/get/parameter/max", 2, 0, 0) == [2, 0, 0, 1.0]
    assert client.ask("/live/device/get/parameter/is_quantized", 2, 0, 0) == [2, 0, 0, True]
    assert "Index out of range" in error_of(client, "/live/device/get/parameter/min", 2, 0, 9)
