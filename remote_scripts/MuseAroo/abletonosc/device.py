"""/live/device/...: a device's properties from grammar's tables, and its parameters.

``get/num_parameters`` (track, device); ``get/parameters/<prop>`` -> (track, device, one value
per parameter); ``set/parameters/value`` (track, device, value per parameter);
``get|set/parameter/value`` (track, device, parameter[, value]);
``get/parameter/value_string``, ``get/parameter/name|min|max|is_quantized``;
``start_listen|stop_listen/parameter/value``. ``get/is_active`` is Live's Device.is_active (read
only in Live); ``set/is_active`` turns the device's Device On switch (its parameter 0) on or off,
as the switch in Live's device title bar does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, arg, generated, pick, wire

if TYPE_CHECKING:
    from .core import Address, Handler


class DeviceHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def device(self, args: Sequence[Any]) -> Any:
        track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")
        return pick(track.devices, arg(args, 1, "device_id"), "device")

    def parameter(self, args: Sequence[Any]) -> Any:
        return pick(self.device(args).parameters, arg(args, 2, "parameter_id"), "parameter")

    def handlers(self) -> dict[str, Handler]:
        table = generated("device", self.device, self.listening)
        base = "/live/device/"
        table[base + "get/num_parameters"] = lambda args, to: (*args[:2], len(self.device(args).parameters))
        for prop in grammar.DEVICE_PARAMETERS:
            table[f"{base}get/parameters/{prop}"] = self._parameters(prop)
        table[base + "set/parameters/value"] = self.set_values
        table[base + "get/parameter/value"] = lambda args, to: (*args[:3], float(self.parameter(args).value))
        table[base + "set/parameter/value"] = self.set_value
        table[base + "get/parameter/value_string"] = lambda args, to: (*args[:3], str(self.parameter(args)))
        table[base + "get/parameter/name"] = lambda args, to: (*args[:3], str(self.parameter(args).name))
        for prop in ("min", "max"):
            table[f"{base}get/parameter/{prop}"] = self._parameter_number(prop)
        table[base + "get/parameter/is_quantized"] = lambda args, to: (
            *args[:3],
            bool(self.parameter(args).is_quantized),
        )
        table[base + "set/is_active"] = self.set_active
        table[base + "start_listen/parameter/value"] = self.listen_value
        table[base + "stop_listen/parameter/value"] = self.stop_value
        return table

    def _parameter_number(self, prop: str) -> Handler:
        return lambda args, to: (*args[:3], float(getattr(self.parameter(args), prop)))

    def set_active(self, args: Sequence[Any], to: Address) -> None:
        """Device On (parameter 0) to 1.0 or 0.0: Device.is_active itself is read-only in Live."""
        self.device(args).parameters[0].value = 1.0 if arg(args, 2, "is_active") else 0.0

    def _parameters(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            return (*args[:2], *(wire(getattr(p, prop)) for p in self.device(args).parameters))

        return get

    def set_values(self, args: Sequence[Any], to: Address) -> None:
        parameters = self.device(args).parameters
        values = args[2:]
        if len(values) > len(parameters):
            raise ValueError(f"{len(values)} values for a device of {len(parameters)} parameters")
        for parameter, value in zip(parameters, values, strict=False):
            parameter.value = value

    def set_value(self, args: Sequence[Any], to: Address) -> None:
        self.parameter(args).value = arg(args, 3, "value")

    def listen_value(self, args: Sequence[Any], to: Address) -> None:
        """The value now and on each change, each time followed by its value_string, as AbletonOSC sends."""
        parameter = self.parameter(args)
        ids = tuple(args[:3])
        base = "/live/device/get/parameter/"
        for what, value in (
            ("value", lambda: (*ids, float(parameter.value))),
            ("value_string", lambda: (*ids, str(parameter))),
        ):
            self.listening.start(
                ("device", f"parameter/{what}", ids), parameter, "value", to, base + what, value
            )

    def stop_value(self, args: Sequence[Any], to: Address) -> None:
        for what in ("value", "value_string"):
            self.listening.stop(("device", f"parameter/{what}", tuple(args[:3])))
