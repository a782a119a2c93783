"""Clip envelopes (/roo/live/envelope_target, write_envelope, clear_envelope).

A target is a clip and a parameter. The clip: a session clip (``slot`` >= 0), or with slot -1 the
arrangement clip on the track that covers ``at_beats``. The parameter: ``device`` "mixer" (or "")
with "volume", "pan" or "send A".., else the track's device whose name or class name is ``device``
(case ignored) and its parameter named ``parameter`` (exactly, else the one name that contains
it). ``envelope_target`` answers what the daemon needs to shape the steps (the clip's start and
length, the names found, min, max, quantized, the value now); ``write_envelope`` inserts the
steps (times from the region's start: 0 for a session clip, ``at_beats`` for an arrangement clip)
in one undo step, after checking every value against min..max; ``clear_envelope`` removes the
parameter's envelope (both names "": every envelope of the clip). Nothing is touched before the
whole request is checked. ``read_envelope`` answers the envelope's value_at_time at each time
asked (the parameter's value where the clip has no envelope for it: Live plays that).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .places import bar_at, track_of
from .request import Request, RequestError, clip, track_index
from .roo import MAX_CLIP_BEATS, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

STEP = struct.Struct("<ddd")  # time_beats, duration_beats, value
TIME = struct.Struct("<d")  # read_envelope's times, beats from the region's start
MAX_READS = 4096
MIXER_NAMES = ("mixer", "", "track")


class AutomationHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.RS_ENVELOPE_TARGET: self.envelope_target,
            protocol.RS_WRITE_ENVELOPE: self.write_envelope,
            protocol.RS_CLEAR_ENVELOPE: self.clear_envelope,
            protocol.RS_READ_ENVELOPE: self.read_envelope,
        }

    def _clip(self, request: Request) -> tuple[int, int, Any, float]:
        """(track, slot or arrangement index, clip, region start in the clip's beats)."""
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        slot = request.int_at(2, "slot", -1)
        at = request.float_at(3, "at_beats", -1.0, MAX_CLIP_BEATS)
        if slot >= 0:
            return track, slot, clip(self.song, track, slot), 0.0
        if at < 0:
            raise RequestError("slot -1 names an arrangement clip by its beat: expected at_beats >= 0")
        clips = sorted(self.song.tracks[track].arrangement_clips, key=lambda c: c.start_time)
        for index, found in enumerate(clips):
            if found.start_time <= at < found.end_time:
                return track, index, found, at - found.start_time
        raise RequestError(
            f"{track_of(self.song, track)} has no arrangement clip at {bar_at(at, self.song)} (beat {at:g}): "
            "expected one under it"
        )

    def _parameter(self, track: int, device: str, name: str, insert: bool = False) -> tuple[str, Any, bool]:
        """(the device's name, the parameter, whether the device was inserted now): with ``insert`` a
        built-in device the track lacks is loaded at the end of its chain (Track.insert_device, Live
        12.3+); before 12.3 the refusal says how to add it by hand."""
        target = self.song.tracks[track]
        wanted = name.strip().lower()
        if device.strip().lower() in MIXER_NAMES:
            mixer = target.mixer_device
            found = {"volume": mixer.volume, "pan": mixer.panning, "panning": mixer.panning}
            for i, send in enumerate(mixer.sends):
                found[f"send {chr(97 + i)}"] = send
            if wanted not in found:
                raise RequestError(f"mixer parameter {name!r}: expected one of {', '.join(found)}")
            return "Mixer", found[wanted], False
        low = device.strip().lower()
        devices = [d for d in target.devices if low in (d.name.lower(), d.class_name.lower())]
        inserted = False
        if not devices:
            names = ", ".join(repr(d.name) for d in target.devices) or "none"
            missing = (
                f"{track_of(self.song, track)} has no device {device!r}: its devices are {names} (or mixer)"
            )
            if not insert:
                raise RequestError(missing)
            if not hasattr(target, "insert_device"):
                raise RequestError(
                    f"{missing}; Live 12.3 or later inserts it: add {device} to {track_of(self.song, track)} in Live "
                    "(Audio Effects), then ask again"
                )
            try:
                devices = [target.insert_device(device.strip())]
            except RuntimeError as exc:  # not one of Live's built-in devices
                raise RequestError(f"{missing}; Live could not insert it: {exc}") from exc
            inserted = True
        params = list(devices[0].parameters)
        exact = [p for p in params if p.name.lower() == wanted]
        near = exact or [p for p in params if wanted and wanted in p.name.lower()]
        if len(near) != 1:
            names = ", ".join(repr(p.name) for p in params)
            how = "no" if not near else "more than one"
            raise RequestError(f"{devices[0].name} has {how} parameter {name!r}: its parameters are {names}")
        return devices[0].name, near[0], inserted

    def envelope_target(self, request: Request) -> Sequence[Any]:
        request.expect_count(6, 7, "req, track, slot, at_beats, device, parameter[, insert]")
        req = request_id(request)
        asks_insert = len(request.args) == 7
        insert = asks_insert and request.int_at(6, "insert", 0, 1) == 1
        track, slot, found, _ = self._clip(request)
        device, param, inserted = self._parameter(
            track, request.str_at(4, "device"), request.str_at(5, "parameter"), insert
        )
        start = float(found.start_time) if request.int_at(2, "slot", -1) < 0 else 0.0  # in the Arrangement
        reply = (req, track, slot, start, float(found.length), device, param.name, float(param.min),
                 float(param.max), int(param.is_quantized), float(param.value))  # fmt: skip
        return (*reply, int(inserted)) if asks_insert else reply

    def write_envelope(self, request: Request) -> Sequence[Any]:
        request.expect_count(8, 8, "req, track, slot, at_beats, device, parameter, clear, steps blob")
        req = request_id(request)
        track, slot, found, offset = self._clip(request)
        _, param, _ = self._parameter(track, request.str_at(4, "device"), request.str_at(5, "parameter"))
        clear = request.int_at(6, "clear", 0, 1)
        blob = request.blob_at(7, "steps blob")
        if not blob or len(blob) % STEP.size:
            raise RequestError(
                f"steps blob of {len(blob)} bytes: expected a non-empty multiple of {STEP.size}"
            )
        steps = [STEP.unpack_from(blob, i) for i in range(0, len(blob), STEP.size)]
        for i, (time, length, value) in enumerate(steps):
            if not param.min <= value <= param.max:
                raise RequestError(
                    f"step {i}: value {value:g} is out of range: expected {param.min:g}..{param.max:g}"
                )
            if time < 0 or length <= 0 or offset + time + length > found.length + 1e-6:
                raise RequestError(
                    f"step {i} at {time:g} for {length:g} beats: expected it within the clip's "
                    f"{found.length - offset:g} beats from the region's start"
                )
        self.song.begin_undo_step()
        try:
            if clear and found.automation_envelope(param) is not None:
                found.clear_envelope(param)
            envelope = found.automation_envelope(param) or found.create_automation_envelope(param)
            for time, length, value in steps:
                envelope.insert_step(offset + time, length, value)
        finally:
            self.song.end_undo_step()
        return (req, track, slot, len(steps))

    def clear_envelope(self, request: Request) -> Sequence[Any]:
        request.expect_count(6, 6, "req, track, slot, at_beats, device, parameter")
        req = request_id(request)
        track, slot, found, _ = self._clip(request)
        device, name = request.str_at(4, "device"), request.str_at(5, "parameter")
        param = None if device == name == "" else self._parameter(track, device, name)[1]
        had = int(found.has_envelopes if param is None else found.automation_envelope(param) is not None)
        self.song.begin_undo_step()
        try:
            if param is None:
                found.clear_all_envelopes()
            elif had:
                found.clear_envelope(param)
        finally:
            self.song.end_undo_step()
        return (req, track, slot, had)

    def read_envelope(self, request: Request) -> Sequence[Any]:
        request.expect_count(7, 7, "req, track, slot, at_beats, device, parameter, times blob")
        req = request_id(request)
        track, slot, found, offset = self._clip(request)
        device, param, _ = self._parameter(track, request.str_at(4, "device"), request.str_at(5, "parameter"))
        blob = request.blob_at(6, "times blob")
        if not blob or len(blob) % TIME.size or len(blob) // TIME.size > MAX_READS:
            raise RequestError(
                f"times blob of {len(blob)} bytes: expected 1..{MAX_READS} times of {TIME.size} bytes each"
            )
        times = [TIME.unpack_from(blob, i)[0] for i in range(0, len(blob), TIME.size)]
        for time in times:
            if not 0 <= offset + time <= found.length:
                raise RequestError(
                    f"time {time:g}: expected it within the clip's {found.length - offset:g} beats from the "
                    "region's start"
                )
        envelope = found.automation_envelope(param)
        values = [
            float(envelope.value_at_time(offset + t) if envelope is not None else param.value) for t in times
        ]
        return (req, track, slot, device, param.name, float(param.min), float(param.max),
                int(envelope is not None), *values)  # fmt: skip
