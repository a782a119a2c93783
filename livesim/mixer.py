"""Live.DeviceParameter, Live.Device and Live.MixerDevice for the in-memory Live.

A track's mixer is a device whose parameters are its volume, panning and one send per return
track, as in Live: volume 0..1 (0.85 is 0 dB, Live's default), panning -1..1, sends 0..1
(default 0). A parameter's value outside min..max raises RuntimeError, as Live does.
Devices in a track's chain are plain devices with named parameters (a Set description may
give some); the in-memory Live processes no audio, so a device's parameters only store values.
"""

from __future__ import annotations

from collections.abc import Sequence

from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.props import add_listeners, value_property

VOLUME_DEFAULT = 0.85  # 0 dB


class DeviceParameter:
    def __init__(
        self,
        doc: Document,
        name: str,
        value: float,
        low: float = 0.0,
        high: float = 1.0,
        *,
        quantized: bool = False,
    ) -> None:
        self._doc = doc
        self._listeners = Listeners("DeviceParameter", doc)
        self._name = name
        self._value = float(value)
        self._min = float(low)
        self._max = float(high)
        self._default = float(value)
        self._quantized = quantized

    def __repr__(self) -> str:
        return f"<DeviceParameter {self._name!r} {self._value:g}>"

    @property
    def name(self) -> str:
        return self._name

    @property
    def original_name(self) -> str:
        return self._name

    @property
    def min(self) -> float:
        return self._min

    @property
    def max(self) -> float:
        return self._max

    @property
    def default_value(self) -> float:
        return self._default

    @property
    def is_quantized(self) -> bool:
        return self._quantized

    @property
    def is_enabled(self) -> bool:
        return True

    @property
    def value(self) -> float:
        return self._value

    @value.setter
    def value(self, value: float) -> None:
        check_args("DeviceParameter.value", (value,), ("float",))
        if not self._min <= value <= self._max:
            raise RuntimeError(
                f"Invalid value {value} for {self._name}: expected {self._min:g}..{self._max:g}"
            )
        self._doc.change(self, "value", float(round(value) if self._quantized else value))

    def __str__(self) -> str:
        return self.str_for_value(self._value)

    def str_for_value(self, value: float, /) -> str:
        """The value as Live's display shows it (here: the number, an int when quantized)."""
        check_args("DeviceParameter.str_for_value", (value,), ("float",))
        return str(round(value)) if self._quantized else f"{value:.2f}"

    @property
    def display_value(self) -> float:
        return self._value

    @display_value.setter
    def display_value(self, value: float) -> None:
        self.value = value

    add_value_listener = adder("value")
    remove_value_listener = remover("value")
    value_has_listener = has_listener("value")


class Device:
    """A device in a track's chain: a name, a class name, a type and its parameters."""

    def __init__(
        self, doc: Document, name: str, class_name: str, kind: int, parameters: Sequence[DeviceParameter]
    ) -> None:
        self._doc = doc
        self._listeners = Listeners("Device", doc)
        self._name = name
        self._class_name = class_name
        self._type = kind  # Live.Device.DeviceType: 0 undefined, 1 instrument, 2 audio_effect, 4 midi_effect
        on = DeviceParameter(doc, "Device On", 1.0, 0.0, 1.0, quantized=True)
        on.add_value_listener(lambda: self._listeners.notify("is_active"))
        self._parameters = (on, *parameters)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        check_args("Device.name", (value,), ("str",))
        self._doc.change(self, "name", value)

    @property
    def class_name(self) -> str:
        return self._class_name

    @property
    def type(self) -> int:
        return self._type

    @property
    def class_display_name(self) -> str:
        return self._name

    @property
    def can_have_chains(self) -> bool:
        return False  # a rack is a livesim.racks.RackDevice

    @property
    def can_have_drum_pads(self) -> bool:
        return False

    @property
    def is_active(self) -> bool:
        return self._parameters[0].value > 0.5  # its Device On switch

    @property
    def parameters(self) -> tuple[DeviceParameter, ...]:
        return self._parameters

    add_parameters_listener = adder("parameters")
    remove_parameters_listener = remover("parameters")
    parameters_has_listener = has_listener("parameters")
    add_name_listener = adder("name")
    remove_name_listener = remover("name")
    name_has_listener = has_listener("name")
    add_is_active_listener = adder("is_active")
    remove_is_active_listener = remover("is_active")
    is_active_has_listener = has_listener("is_active")


class MixerDevice:
    """Track.mixer_device: volume, panning, one send per return track, the crossfader assignment
    (0 A, 1 none, 2 B); the Main track's also holds the crossfader (-1 A .. 1 B) and the cue volume,
    and no sends (here another track's crossfader or cue volume raises: the stubs do not say)."""

    def __init__(self, doc: Document, sends: int, *, main: bool = False) -> None:
        self._doc = doc
        self._listeners = Listeners("MixerDevice", doc)
        self._main = main
        self._crossfade_assign = 1
        self._volume = DeviceParameter(doc, "Track Volume", VOLUME_DEFAULT)
        self._panning = DeviceParameter(doc, "Track Panning", 0.0, -1.0, 1.0)
        self._sends = [DeviceParameter(doc, f"{chr(65 + i)}-Send", 0.0) for i in range(sends)]
        self._crossfader = DeviceParameter(doc, "Crossfade", 0.0, -1.0, 1.0)
        self._cue_volume = DeviceParameter(doc, "Cue Volume", VOLUME_DEFAULT)

    @property
    def volume(self) -> DeviceParameter:
        return self._volume

    @property
    def panning(self) -> DeviceParameter:
        return self._panning

    @property
    def sends(self) -> tuple[DeviceParameter, ...]:
        return tuple(self._sends)

    @property
    def crossfader(self) -> DeviceParameter:
        return self._main_only(self._crossfader, "crossfader")

    @property
    def cue_volume(self) -> DeviceParameter:
        return self._main_only(self._cue_volume, "cue volume")

    def _main_only(self, parameter: DeviceParameter, what: str) -> DeviceParameter:
        if not self._main:
            raise RuntimeError(f"Only the Main track's mixer has the {what}")
        return parameter

    crossfade_assign = value_property("crossfade_assign", "int", 0, 2)

    def _add_send(self) -> None:
        self._sends.append(DeviceParameter(self._doc, f"{chr(65 + len(self._sends))}-Send", 0.0))


add_listeners(MixerDevice, "crossfade_assign")

TRACK_COLORS = (0xFF94A6, 0xFFA529, 0xCC9927, 0xF7F47C, 0xBFFB00, 0x1AFF2F, 0x25FFA8, 0x5CFFE8)


class TrackMixer:
    """Track members about its look and mixer: color, the mixer device, routing flags, meters."""

    _doc: Document
    _song: object
    _midi: bool
    _mixer: MixerDevice | None = None
    _color = TRACK_COLORS[0]
    _color_index = 0
    _current_monitoring_state = 1  # Live.Track.Track.monitoring_states.AUTO
    _is_return = False
    _is_main = False  # Song.master_track

    @property
    def mixer_device(self) -> MixerDevice:
        if self._mixer is None:
            sends = 0 if self._is_main else len(getattr(self._song, "_returns", ()))
            self._mixer = MixerDevice(self._doc, sends, main=self._is_main)
        return self._mixer

    @property
    def can_be_armed(self) -> bool:
        return not (self._is_return or self._is_main)

    @property
    def has_midi_output(self) -> bool:
        return False  # instruments turn MIDI into audio; no track here ends in MIDI

    @property
    def has_audio_output(self) -> bool:
        return True

    @property
    def is_foldable(self) -> bool:
        return False

    @property
    def is_grouped(self) -> bool:
        return False

    @property
    def is_visible(self) -> bool:
        return True

    @property
    def output_meter_level(self) -> float:
        return 0.0  # nothing sounds in the in-memory Live

    output_meter_left = output_meter_level
    output_meter_right = output_meter_level

    color = value_property("color", "int", 0, 0xFFFFFF)
    color_index = value_property("color_index", "int", 0, 69)
    current_monitoring_state = value_property("current_monitoring_state", "int", 0, 2)


add_listeners(TrackMixer, "color", "color_index", "current_monitoring_state")
# Live's listeners on what never changes here (a track's kind, silent meters): they exist, never fire
add_listeners(TrackMixer, "has_audio_input", "has_audio_output", "has_midi_input", "has_midi_output")
add_listeners(TrackMixer, "output_meter_level", "output_meter_left", "output_meter_right")
