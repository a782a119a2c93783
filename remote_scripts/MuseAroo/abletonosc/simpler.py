"""A Simpler's sample in AbletonOSC's pattern (its grammar has none), and an audio clip onto a new Simpler.

``/live/device/get/sample/<prop>`` (track, device) -> (track, device, value) for file_path,
length, start_marker, end_marker (frames; None while the Simpler is empty);
``/live/device/set/sample/start_marker|end_marker`` (track, device, frames);
``/live/device/reverse`` and ``/live/device/crop`` (track, device): Live's SimplerDevice.reverse()
and crop(), which render a new file (Live raises on an empty Simpler). A device that is not a
Simpler is refused naming it. ``/live/clip/create_midi_track_with_simpler`` (track, clip) runs
Live's Conversions.create_midi_track_with_simpler on that audio clip -> (track, clip, the new
track's index).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import grammar
from .clip_slot import find_slot
from .core import Listening, arg, pick, wire, zero_based

if TYPE_CHECKING:
    from .core import Address, Handler


class SimplerHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def simpler(self, args: Sequence[Any]) -> Any:
        track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")
        device = pick(track.devices, arg(args, 1, "device_id"), "device")
        if device.class_name != grammar.SIMPLER:
            at = zero_based(("track", args[0]), ("device", args[1]))
            raise ValueError(f"the device at {at}, {device.name!r}, is not a Simpler")
        return device

    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {}
        for prop in grammar.SIMPLER_SAMPLE:
            table[f"/live/device/get/sample/{prop}"] = self._get(prop)
        for prop in grammar.SIMPLER_SAMPLE_WRITE:
            table[f"/live/device/set/sample/{prop}"] = self._set(prop)
        table["/live/device/reverse"] = lambda args, to: self.simpler(args).reverse()
        table["/live/device/crop"] = lambda args, to: self.simpler(args).crop()
        table["/live/clip/create_midi_track_with_simpler"] = self.to_simpler
        return table

    def _get(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            sample = self.simpler(args).sample
            return (*args[:2], None if sample is None else wire(getattr(sample, prop)))

        return get

    def _set(self, prop: str) -> Handler:
        def set_(args: Sequence[Any], to: Address) -> None:
            sample = self.simpler(args).sample
            if sample is None:
                raise ValueError(
                    f"the Simpler at {zero_based(('track', args[0]), ('device', args[1]))} is empty (no sample loaded)"
                )
            value = arg(args, 2, prop)
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            setattr(sample, prop, value)

        return set_

    def to_simpler(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        slot = find_slot(self.song, arg(args, 0, "track_id"), arg(args, 1, "clip_id"))
        if not slot.has_clip:
            raise ValueError(f"no clip at {zero_based(('track', args[0]), ('clip slot', args[1]))}")
        before = list(self.song.tracks)
        Live.Conversions.create_midi_track_with_simpler(self.song, slot.clip)
        new = [i for i, t in enumerate(self.song.tracks) if t not in before]
        return (args[0], args[1], new[0] if new else None)
