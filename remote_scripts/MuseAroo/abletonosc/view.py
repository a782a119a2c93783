"""/live/view/...: what Live's Session view has selected, by index.

``get|set/selected_scene`` (scene), ``get|set/selected_track`` (track),
``get|set/selected_clip`` (track, scene: the highlighted slot), ``get|set/selected_device``
(track, device; a set answers (track, device), as AbletonOSC's does), and ``start_listen|stop_listen/selected_scene|selected_track``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .core import Listening, arg, index_of, pick

if TYPE_CHECKING:
    from .core import Address, Handler


def _index(items: Sequence[Any], item: Any) -> int:
    return list(items).index(item) if item in items else -1


class ViewHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def handlers(self) -> dict[str, Handler]:
        base = "/live/view/"
        table: dict[str, Handler] = {
            base + "get/selected_scene": lambda args, to: (self.scene_index(),),
            base + "set/selected_scene": self.set_scene,
            base + "get/selected_track": lambda args, to: (self.track_index(),),
            base + "set/selected_track": self.set_track,
            base + "get/selected_clip": lambda args, to: (self.track_index(), self.scene_index()),
            base + "set/selected_clip": self.set_clip,
            base + "get/selected_device": self.get_device,
            base + "set/selected_device": self.set_device,
        }
        for prop, value in (("selected_scene", self.scene_index), ("selected_track", self.track_index)):
            table[f"{base}start_listen/{prop}"] = self._start(prop, value)
            table[f"{base}stop_listen/{prop}"] = self._stop(prop)
        return table

    def scene_index(self) -> int:
        return _index(self.song.scenes, self.song.view.selected_scene)

    def track_index(self) -> int:
        return _index(self.song.tracks, self.song.view.selected_track)

    def set_scene(self, args: Sequence[Any], to: Address) -> None:
        self.song.view.selected_scene = pick(self.song.scenes, arg(args, 0, "scene_id"), "scene")

    def set_track(self, args: Sequence[Any], to: Address) -> None:
        self.song.view.selected_track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")

    def set_clip(self, args: Sequence[Any], to: Address) -> None:
        track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")
        self.song.view.highlighted_clip_slot = pick(track.clip_slots, arg(args, 1, "clip_id"), "clip slot")

    def get_device(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        track = self.song.view.selected_track
        device = track.view.selected_device if track is not None else None
        return (self.track_index(), _index(track.devices, device) if device is not None else -1)

    def set_device(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        """Select the device (and its track); answers (track, device) as AbletonOSC does."""
        track = pick(self.song.tracks, arg(args, 0, "track_id"), "track")
        self.song.view.select_device(pick(track.devices, arg(args, 1, "device_id"), "device"))
        return (index_of(args[0], "track_id"), index_of(args[1], "device_id"))

    def _start(self, prop: str, value: Any) -> Handler:
        def start(args: Sequence[Any], to: Address) -> None:
            key = ("view", prop, ())
            self.listening.start(key, self.song.view, prop, to, f"/live/view/get/{prop}", lambda: (value(),))

        return start

    def _stop(self, prop: str) -> Handler:
        def stop(args: Sequence[Any], to: Address) -> None:
            self.listening.stop(("view", prop, ()))

        return stop
