"""/live/track/...: a track's properties and methods from grammar's tables, plus sends, clips, devices.

``get/send`` (track, send) -> (track, send, value); ``set/send`` (track, send, value);
``get/clips/<prop>`` (track) -> (track, one value per slot, None for an empty slot);
``get/arrangement_clips/<prop>``; ``get/num_devices``; ``get/devices/<prop>``;
``delete_clip`` (track, slot); ``delete_arrangement_clip`` (track, index in
``arrangement_clips``: by start time) through Live's ``Track.delete_clip``; ``duplicate_clip_to_arrangement``
(track, slot, destination_time) copies the session clip in that slot into the track's Arrangement
(Live's ``Track.duplicate_clip_to_arrangement``) -> (track, slot, index of the copy). The last two are
MuseAroo's, in the grammar's pattern, as is ``/live/master/get|set|start_listen|stop_listen/<prop>``
(no indices): the Main track's volume, panning, crossfader and cue volume, and
``/live/return_track/...`` (return_id first): a return track's name, color, mute, solo, volume, panning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, arg, generated, pick, wire, zero_based

if TYPE_CHECKING:
    from .core import Address, Handler


class TrackHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def track(self, args: Sequence[Any]) -> Any:
        return pick(self.song.tracks, arg(args, 0, "track_id"), "track")

    def handlers(self) -> dict[str, Handler]:
        table = generated("track", self.track, self.listening)
        table.update(generated("master", lambda args: self.song.master_track, self.listening))
        returns = lambda args: pick(self.song.return_tracks, arg(args, 0, "return_id"), "return track")  # noqa: E731
        table.update(generated("return_track", returns, self.listening))
        base = "/live/track/"
        table[base + "get/send"] = self.get_send
        table[base + "set/send"] = self.set_send
        table[base + "start_listen/send"] = self.listen_send
        table[base + "stop_listen/send"] = self.stop_send
        table[base + "delete_clip"] = self.delete_clip
        table[base + "delete_arrangement_clip"] = self.delete_arrangement_clip
        table[base + "duplicate_clip_to_arrangement"] = self.to_arrangement
        table[base + "get/num_devices"] = lambda args, to: (args[0], len(self.track(args).devices))
        for prop in grammar.TRACK_CLIPS:
            table[f"{base}get/clips/{prop}"] = self._clips(prop)
        for prop in grammar.TRACK_ARRANGEMENT_CLIPS:
            table[f"{base}get/arrangement_clips/{prop}"] = self._arrangement(prop)
        for prop in grammar.TRACK_DEVICES:
            table[f"{base}get/devices/{prop}"] = self._devices(prop)
        return table

    def _send_parameter(self, args: Sequence[Any]) -> Any:
        sends = self.track(args).mixer_device.sends
        return pick(sends, arg(args, 1, "send_id"), "send")

    def get_send(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        return (args[0], args[1], float(self._send_parameter(args).value))

    def set_send(self, args: Sequence[Any], to: Address) -> None:
        self._send_parameter(args).value = arg(args, 2, "value")

    def listen_send(self, args: Sequence[Any], to: Address) -> None:
        parameter = self._send_parameter(args)
        ids = (args[0], args[1])
        self.listening.start(
            ("track", "send", ids),
            parameter,
            "value",
            to,
            "/live/track/get/send",
            lambda: (*ids, float(parameter.value)),
        )

    def stop_send(self, args: Sequence[Any], to: Address) -> None:
        self.listening.stop(("track", "send", tuple(args[:2])))

    def delete_clip(self, args: Sequence[Any], to: Address) -> None:
        pick(self.track(args).clip_slots, arg(args, 1, "clip_id"), "clip slot").delete_clip()

    def delete_arrangement_clip(self, args: Sequence[Any], to: Address) -> None:
        track = self.track(args)
        track.delete_clip(
            pick(track.arrangement_clips, arg(args, 1, "arrangement_clip_id"), "arrangement clip")
        )

    def to_arrangement(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        track = self.track(args)
        slot = pick(track.clip_slots, arg(args, 1, "clip_id"), "clip slot")
        if not slot.has_clip:
            raise ValueError(f"no clip at {zero_based(('track', args[0]), ('clip slot', args[1]))}")
        at = arg(args, 2, "destination_time")
        if isinstance(at, bool) or not isinstance(at, (int, float)):
            raise ValueError(f"destination_time {at!r}: expected beats (a number)")
        copy = track.duplicate_clip_to_arrangement(slot.clip, float(at))
        return (args[0], args[1], list(track.arrangement_clips).index(copy))

    def _clips(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            slots = self.track(args).clip_slots
            return (args[0], *(wire(getattr(s.clip, prop)) if s.has_clip else None for s in slots))

        return get

    def _arrangement(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            clips = self.track(args).arrangement_clips
            return (args[0], *(wire(getattr(c, prop)) for c in clips))

        return get

    def _devices(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            return (args[0], *(wire(getattr(d, prop)) for d in self.track(args).devices))

        return get
