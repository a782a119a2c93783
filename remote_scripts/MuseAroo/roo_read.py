"""Reading one clip for MuseAroo (/roo/live/clip_info, /roo/live/clip_read): its facts, and with
clip_read its notes too, in one main-thread step (following or transforming a MIDI clip is then
one Live round trip).

Track -1 / slot -1 mean the selected track / scene; with arrangement 1 (clip_info) the slot is an
arrangement clip's index (``request.find_clip``). An unwarped audio clip measures in seconds in
Live; the reply is in beats at the Set's tempo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import timing
from .clip import ALL_NOTES
from .request import Request, find_clip, note_rows
from .roo import request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]


class ReadHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {protocol.RS_CLIP_INFO: self.clip_info, protocol.RS_CLIP_READ: self.clip_read}

    def clip_info(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 4, "req, track, slot, arrangement (0|1, optional)")
        req = request_id(request)
        arrangement = request.int_at(3, "arrangement", 0, 1) if len(request.args) > 3 else 0
        track, slot, found = find_clip(
            self.song, request.int_at(1, "track"), request.int_at(2, "slot"), arrangement
        )
        return (req, track, slot, *self._facts(track, found, arrangement))

    def clip_read(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 3, "req, track, slot")
        req = request_id(request)
        track, slot, found = find_clip(self.song, request.int_at(1, "track"), request.int_at(2, "slot"), 0)
        reply: list[Any] = [req, track, slot, *self._facts(track, found, 0)]
        if not found.is_audio_clip:
            rows = sorted(note_rows(list(found.get_notes_extended(*ALL_NOTES))), key=lambda n: (n[1], n[0]))
            if rows:
                reply.append(protocol.pack_notes(rows))
        return reply

    def _facts(self, track: int, found: Any, arrangement: int) -> list[Any]:
        """CLIP_INFO_FIELDS of a clip, in protocol order."""
        audio = bool(found.is_audio_clip)
        warping = bool(found.warping) if audio else False
        scale = self.song.tempo / 60.0 if audio and not warping else 1.0
        return [
            found.name,
            int(audio),
            found.file_path if audio else "",
            float(found.length) * scale,
            float(found.start_marker) * scale,
            float(found.end_marker) * scale,
            int(warping),
            float(found.sample_rate) if audio else 0.0,
            self.song.tracks[track].name,
            *timing.region_seconds(found),
            float(found.start_time) if arrangement else -1.0,
        ]
