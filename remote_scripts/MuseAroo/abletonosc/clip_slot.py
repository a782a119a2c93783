"""/live/clip_slot/...: a slot's properties and methods from grammar's tables, and duplicate_clip_to.

``duplicate_clip_to`` (track, slot, target_track, target_slot) copies the clip as Live's
``ClipSlot.duplicate_clip_to`` does (replacing what the target holds).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .core import Listening, arg, generated, pick

if TYPE_CHECKING:
    from .core import Address, Handler


def find_slot(song: Any, track_id: Any, clip_id: Any) -> Any:
    track = pick(song.tracks, track_id, "track")
    return pick(track.clip_slots, clip_id, "clip slot")


class ClipSlotHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def slot(self, args: Sequence[Any]) -> Any:
        return find_slot(self.song, arg(args, 0, "track_id"), arg(args, 1, "clip_id"))

    def handlers(self) -> dict[str, Handler]:
        table = generated("clip_slot", self.slot, self.listening)
        table["/live/clip_slot/duplicate_clip_to"] = self.duplicate_clip_to
        return table

    def duplicate_clip_to(self, args: Sequence[Any], to: Address) -> None:
        target = find_slot(self.song, arg(args, 2, "target_track_id"), arg(args, 3, "target_clip_id"))
        self.slot(args).duplicate_clip_to(target)
