"""Racks and drum pads in AbletonOSC's pattern (its grammar has none): chains, their devices, pads.

``/live/device/get/chains/<prop>`` (track, device) -> (track, device, a value per chain) for
name, mute, solo; ``/live/device/get/drum_pads/<prop>`` (track, device) -> a value per pad (all
128, note order) for note, name, mute, solo. ``/live/chain/get|set|start_listen|stop_listen/<prop>``
(track, device, chain[, value]) and ``/live/drum_pad/...`` (track, device, note[, value]) come from
grammar's tables; ``/live/drum_pad/delete_all_chains`` empties a pad.
``/live/chain/get/devices/<prop>`` (track, device, chain) -> a value per device of the chain.
A rack's macros (its parameters 1..16, parameter 0 being Device On), by number:
``/live/device/get/macros/<name|value>`` (track, device) -> a value per visible macro;
``/live/device/set/macro`` (track, device, macro 1..16, value); ``get/visible_macro_count``;
``add_macro`` / ``remove_macro`` (Live's RackDevice methods: one more or one fewer shown).
A device that is not a rack (or not a Drum Rack, for pads) is refused naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, arg, generated, pick, wire, zero_based

if TYPE_CHECKING:
    from .core import Address, Handler


class RackHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def rack(self, args: Sequence[Any], pads: bool = False) -> Any:
        track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")
        device = pick(track.devices, arg(args, 1, "device_id"), "device")
        able = device.can_have_drum_pads if pads else device.can_have_chains
        if not able:
            what = "a Drum Rack" if pads else "a rack"
            at = zero_based(("track", args[0]), ("device", args[1]))
            raise ValueError(f"the device at {at}, {device.name!r}, is not {what}")
        return device

    def chain(self, args: Sequence[Any]) -> Any:
        return pick(self.rack(args).chains, arg(args, 2, "chain_id"), "chain")

    def pad(self, args: Sequence[Any]) -> Any:
        return pick(self.rack(args, pads=True).drum_pads, arg(args, 2, "note"), "drum pad")

    def handlers(self) -> dict[str, Handler]:
        table = generated("chain", self.chain, self.listening)
        table.update(generated("drum_pad", self.pad, self.listening))
        for prop in grammar.RACK_CHAINS:
            table[f"/live/device/get/chains/{prop}"] = self._each(2, lambda a: self.rack(a).chains, prop)
        for prop in grammar.RACK_DRUM_PADS:
            table[f"/live/device/get/drum_pads/{prop}"] = self._each(
                2, lambda a: self.rack(a, pads=True).drum_pads, prop
            )
        for prop in grammar.CHAIN_DEVICES:
            table[f"/live/chain/get/devices/{prop}"] = self._each(3, lambda a: self.chain(a).devices, prop)
        for prop in grammar.RACK_MACROS:
            table[f"/live/device/get/macros/{prop}"] = self._each(2, self.macros, prop)
        table["/live/device/set/macro"] = self.set_macro
        table["/live/device/get/visible_macro_count"] = lambda a, to: (
            *a[:2],
            self.rack(a).visible_macro_count,
        )
        table["/live/device/add_macro"] = lambda a, to: self.rack(a).add_macro()
        table["/live/device/remove_macro"] = lambda a, to: self.rack(a).remove_macro()
        return table

    def macros(self, args: Sequence[Any]) -> Any:
        rack = self.rack(args)
        return rack.parameters[1 : 1 + rack.visible_macro_count]

    def set_macro(self, args: Sequence[Any], to: Address) -> None:
        rack = self.rack(args)
        number = arg(args, 2, "macro")
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= grammar.MACROS:
            raise ValueError(f"macro {number!r}: expected a macro number 1..{grammar.MACROS}")
        rack.parameters[number].value = arg(args, 3, "value")

    def _each(self, n: int, items: Any, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            return (*args[:n], *(wire(getattr(item, prop)) for item in items(args)))

        return get
