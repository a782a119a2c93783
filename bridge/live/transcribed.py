"""What /roo/transcribe asks of the Remote Script: an audio clip's warp markers, and a new MIDI track
holding one clip written in one undo step (/roo/live/warp_markers, /roo/live/new_track_clip)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge import protocol
from bridge.live.calls import note_blob
from engines.music import Note


class TranscribeCalls:
    async def request(
        self, address: str, *args: Any, timeout: float = 2.0, writes: bool = False
    ) -> list[Any]:
        raise NotImplementedError

    async def warp_markers(
        self, track: int, slot: int, arrangement: bool = False
    ) -> tuple[bool, list[tuple[float, float]]]:
        """An audio clip's warping switch and warp markers as (sample seconds, beats), as Live holds them."""
        reply = await self.request(protocol.RS_WARP_MARKERS, track, slot, int(arrangement))
        markers = protocol.unpack_warp_markers(bytes(reply[3])) if len(reply) > 3 else []
        return bool(int(reply[2])), markers

    async def new_track_clip(
        self,
        after_track: int,
        track_name: str,
        where: tuple[bool, float],
        length_beats: float,
        clip_name: str,
        notes: Sequence[Note],
    ) -> tuple[int, float, int]:
        """A new MIDI track after ``after_track`` holding one MIDI clip, in one undo step; ``where`` is
        (arrangement, slot or start beats). Returns (track, slot or start beats, note count)."""
        arrangement, at = where
        reply = await self.request(
            protocol.RS_NEW_TRACK_CLIP, after_track, track_name, float(at) if arrangement else int(at),
            int(arrangement), float(length_beats), clip_name, *note_blob(notes), writes=True,
        )  # fmt: skip
        return int(reply[0]), float(reply[1]), int(reply[2])
