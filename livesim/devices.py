"""A small browser of Live's stock devices and a track's device chain for the in-memory Live.

Live 12.3 added ``Track.insert_device(device_name, device_index=-1)``: it loads a built-in
device by its browser name (plug-ins and presets are not reachable that way) and returns it;
``Track.delete_device(index)`` has existed longer. ``STOCK`` lists a few of Live's stock
instruments, audio effects and MIDI effects with the class names Live reports
(``Device.class_name``: Wavetable is ``InstrumentVector``, EQ Eight ``Eq8`` ...) and a few
parameters each (the in-memory Live processes no audio: parameters only hold values).
A chain keeps Live's signal order: MIDI effects, then at most one instrument, then audio
effects; MIDI effects and instruments go on MIDI tracks only. A change that breaks the order
raises RuntimeError naming the reason, as Live refuses it.
"""

from __future__ import annotations

from typing import Any

from livesim.application import INSERT_DEVICE_SINCE, since
from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.mixer import Device, DeviceParameter
from livesim.racks import RACK_CLASSES, RackDevice
from livesim.simpler import SIMPLER, SimplerDevice

INSTRUMENT, AUDIO_EFFECT, MIDI_EFFECT = 1, 2, 4  # Live.Device.DeviceType
KIND_NAMES = {INSTRUMENT: "instrument", AUDIO_EFFECT: "audio effect", MIDI_EFFECT: "MIDI effect"}
ORDER = {MIDI_EFFECT: 0, INSTRUMENT: 1, AUDIO_EFFECT: 2}  # the signal flows through a chain in this order

# browser name -> (class_name, type, ((parameter, default, min, max, quantized), ...))
Param = tuple[str, float, float, float, bool]
MACRO_PARAMS: tuple[Param, ...] = tuple((f"Macro {i}", 0, 0, 127, False) for i in range(1, 17))  # a rack's 16
STOCK: dict[str, tuple[str, int, tuple[Param, ...]]] = {
    "Operator": ("Operator", INSTRUMENT, (("Algorithm", 0, 0, 10, True), ("Volume", 0.5, 0, 1, False))),
    "Wavetable": (
        "InstrumentVector",
        INSTRUMENT,
        (("Filter 1 Freq", 0.7, 0, 1, False), ("Volume", 0.5, 0, 1, False)),
    ),
    "Drift": ("Drift", INSTRUMENT, (("Shape", 0.5, 0, 1, False), ("Volume", 0.5, 0, 1, False))),
    "Simpler": ("OriginalSimpler", INSTRUMENT, (("Mode", 0, 0, 2, True), ("Volume", 0.5, 0, 1, False))),
    "Analog": ("UltraAnalog", INSTRUMENT, (("OSC1 Shape", 0, 0, 3, True), ("Volume", 0.5, 0, 1, False))),
    "Drum Rack": ("DrumGroupDevice", INSTRUMENT, MACRO_PARAMS),
    "Instrument Rack": ("InstrumentGroupDevice", INSTRUMENT, MACRO_PARAMS),
    "Audio Effect Rack": ("AudioEffectGroupDevice", AUDIO_EFFECT, MACRO_PARAMS),
    "MIDI Effect Rack": ("MidiEffectGroupDevice", MIDI_EFFECT, MACRO_PARAMS),
    "Reverb": ("Reverb", AUDIO_EFFECT, (("Decay Time", 0.5, 0, 1, False), ("Dry/Wet", 0.5, 0, 1, False))),
    "Delay": ("Delay", AUDIO_EFFECT, (("Feedback", 0.5, 0, 1, False), ("Dry/Wet", 0.5, 0, 1, False))),
    "EQ Eight": ("Eq8", AUDIO_EFFECT, (("1 Frequency A", 0.2, 0, 1, False), ("1 Gain A", 0, -15, 15, False))),
    "Compressor": ("Compressor2", AUDIO_EFFECT, (("Threshold", 1, 0, 1, False), ("Ratio", 0.5, 0, 1, False))),
    "Auto Filter": (
        "AutoFilter",
        AUDIO_EFFECT,
        (("Frequency", 0.8, 0, 1, False), ("Resonance", 0.2, 0, 1, False)),
    ),
    "Saturator": ("Saturator", AUDIO_EFFECT, (("Drive", 0, -36, 36, False), ("Dry/Wet", 1, 0, 1, False))),
    "Utility": ("StereoGain", AUDIO_EFFECT, (("Gain", 0, -1, 1, False), ("Mute", 0, 0, 1, True))),
    "Arpeggiator": ("MidiArpeggiator", MIDI_EFFECT, (("Style", 0, 0, 17, True), ("Rate", 6, 0, 20, True))),
    "Chord": ("MidiChord", MIDI_EFFECT, (("Shift1", 0, -36, 36, True),)),
    "Scale": ("MidiScale", MIDI_EFFECT, (("Base", 0, 0, 11, True),)),
    "Velocity": ("MidiVelocity", MIDI_EFFECT, (("Out Hi", 127, 1, 127, True),)),
}


def make_device(doc: Document, name: str) -> Device:
    """A new device of the browser's stock device name, with its default parameter values."""
    if name not in STOCK:
        raise RuntimeError(
            f"Unknown device {name!r}: insert_device takes the name of one of Live's built-in devices "
            f"({', '.join(STOCK)})"
        )
    class_name, kind, params = STOCK[name]
    parameters = [DeviceParameter(doc, p, v, lo, hi, quantized=q) for p, v, lo, hi, q in params]
    if class_name in RACK_CLASSES:
        return RackDevice(doc, name, class_name, kind, parameters)
    if class_name == SIMPLER:
        return SimplerDevice(doc, name, class_name, kind, parameters)
    return Device(doc, name, class_name, kind, parameters)


class TrackDevices:
    """Track members about its device chain: insert (Live 12.3+) and delete devices, freeze state."""

    _doc: Document
    _app: Any
    _midi: bool
    _is_return: bool
    _devices: list[Device]
    _listeners: Listeners
    _view: Any

    @since(INSERT_DEVICE_SINCE)
    def insert_device(self, device_name: str, device_index: int = -1, /) -> Device:
        """Load the built-in device at device_index of the chain (-1: at the end) and return it."""
        check_args("Track.insert_device", (device_name, device_index), ("str", "int"))
        self._doc.check_change("Track.insert_device")
        if not -1 <= device_index <= len(self._devices):
            raise RuntimeError(f"Invalid device index {device_index}: expected -1 or 0..{len(self._devices)}")
        device = make_device(self._doc, device_name)
        at = len(self._devices) if device_index == -1 else device_index
        self._check_chain([*self._devices[:at], device, *self._devices[at:]], device)
        self._put_device(at, device)
        return device

    def delete_device(self, index: int, /) -> None:
        check_args("Track.delete_device", (index,), ("int",))
        self._doc.check_change("Track.delete_device")
        if not 0 <= index < len(self._devices):
            raise RuntimeError(f"Invalid device index {index}: expected 0..{len(self._devices) - 1}")
        self._drop_device(self._devices[index])

    @property
    def is_frozen(self) -> bool:
        """Always False: Live's API cannot freeze a track (only the user can), and no Set built here is frozen."""
        return False

    @property
    def can_be_frozen(self) -> bool:
        """Whether Freeze Track would be offered: a track (not a return) with a device on it, as in
        Live's menu (an assumption for the stubs' bare "can_be_frozen")."""
        return not self._is_return and bool(self._devices)

    add_is_frozen_listener = adder("is_frozen")
    remove_is_frozen_listener = remover("is_frozen")
    is_frozen_has_listener = has_listener("is_frozen")

    def _check_chain(self, chain: list[Device], new: Device) -> None:
        kind = KIND_NAMES.get(new.type, "device")
        if new.type in (INSTRUMENT, MIDI_EFFECT) and (not self._midi or self._is_return):
            raise RuntimeError(f"Cannot insert {new.name!r} here: a {kind} needs a MIDI track")
        if sum(d.type == INSTRUMENT for d in chain) > 1:
            raise RuntimeError(f"Cannot insert {new.name!r}: the track already has an instrument")
        order = [ORDER.get(d.type, 2) for d in chain]
        if order != sorted(order):
            raise RuntimeError(
                f"Cannot insert {new.name!r} at that index: a chain runs MIDI effects, then the "
                "instrument, then audio effects"
            )

    def _put_device(self, at: int, device: Device) -> None:
        self._devices.insert(at, device)
        self._doc.record(lambda: self._drop_device(device))
        self._listeners.notify("devices")

    def _drop_device(self, device: Device) -> None:
        at = self._devices.index(device)
        self._devices.remove(device)
        self._doc.record(lambda: self._put_device(at, device))
        if self._view.selected_device is device:
            self._view._select_device(
                self._devices[min(at, len(self._devices) - 1)] if self._devices else None
            )
        self._listeners.notify("devices")
