"""Reading one clip for MuseAroo (/roo/live/clip_info, /roo/live/clip_read): its facts, and with
clip_read its notes and digest too, in one main-thread step (following or transforming a MIDI clip
is then one Live round trip). The digest lets a later write made from that reading check, in the
write's own step, that the clip still holds what was read (/roo/live/write_clip_from).

Track -1 / slot -1 mean the selected track / scene; with arrangement 1 (clip_info) the slot is an
arrangement clip's index (``request.find_clip``). An unwarped audio clip measures in seconds in
Live; the reply is in beats at the Set's tempo.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import timing
from .clip import ALL_NOTES
from .request import Request, RequestError, find_clip, note_rows
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
        request.expect_count(3, 4, "req, track, slot, arrangement (0|1, optional)")
        req = request_id(request)
        arrangement = request.int_at(3, "arrangement", 0, 1) if len(request.args) > 3 else 0
        track, slot, found = find_clip(
            self.song, request.int_at(1, "track"), request.int_at(2, "slot"), arrangement
        )
        return [req, track, slot, *self._reading(track, found, arrangement)]

    def reading(self, track: int, slot: int) -> list[Any]:
        """What clip_read answers after track and slot, for a session slot; [""] when it is empty
        (or no longer in the Set)."""
        try:
            _, _, found = find_clip(self.song, track, slot, 0)
        except RequestError:
            return [""]
        return self._reading(track, found)

    def _reading(self, track: int, found: Any, arrangement: int = 0) -> list[Any]:
        facts = self._facts(track, found, arrangement)
        rows: list[Any] = []
        if not found.is_audio_clip:
            rows = sorted(note_rows(list(found.get_notes_extended(*ALL_NOTES))), key=lambda n: (n[1], n[0]))
        digest = hashlib.sha1(repr((facts[:6], rows)).encode("utf-8")).hexdigest()[:20]
        return [digest, *facts, protocol.pack_notes(rows)] if rows else [digest, *facts]

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
            float(found.end_time) if arrangement else -1.0,
            int(bool(found.looping)),
            float(found.loop_start) * scale,
            float(found.loop_end) * scale,
        ]
