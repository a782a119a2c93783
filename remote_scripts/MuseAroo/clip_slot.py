"""Clip-slot messages of the common grammar: create and delete clips, ask whether a slot is filled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import Request, clip_slot

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

MAX_CLIP_BEATS = 1576800.0  # Live's longest clip


class ClipSlotHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.CLIP_SLOT_CREATE_CLIP: self.create_clip,
            protocol.CLIP_SLOT_DELETE_CLIP: self.delete_clip,
            protocol.CLIP_SLOT_HAS_CLIP: self.has_clip,
        }

    def _slot(self, request: Request) -> Any:
        return clip_slot(self.song, request.int_at(0, "track"), request.int_at(1, "slot"))

    def create_clip(self, request: Request) -> None:
        request.expect_count(3, 3, "track, slot, length_beats")
        slot = self._slot(request)
        length = request.float_at(2, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        slot.create_clip(length)

    def delete_clip(self, request: Request) -> None:
        request.expect_count(2, 2, "track, slot")
        self._slot(request).delete_clip()

    def has_clip(self, request: Request) -> Sequence[Any]:
        request.expect_count(2, 2, "track, slot")
        return (request.args[0], request.args[1], int(self._slot(request).has_clip))
