"""Arrangement-view clips (/roo/live/write_arrangement_clip): Live 12.1.10+ only.

``Track.create_midi_clip(start, length)`` appeared in Live 12.1.10; on an older Live the
request is answered on /live/error with the version, and callers keep to session clips
(scenes). Like write_clip, the request is validated completely before Live is touched and the
clip is created, named and filled inside one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .clip import blob_specs
from .request import Request, RequestError, track_index
from .roo import MAX_CLIP_BEATS, live_version, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

ARRANGEMENT_CLIP_SINCE = (12, 1, 10)


class ArrangementHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {protocol.RS_WRITE_ARRANGEMENT_CLIP: self.write_arrangement_clip}

    def write_arrangement_clip(self, request: Request) -> Sequence[Any]:
        request.expect_count(6, 7, "req, track, start_beats, length_beats, name, replace, notes blob")
        req = request_id(request)
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        start = request.float_at(2, "start_beats", 0.0, MAX_CLIP_BEATS)
        length = request.float_at(3, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        name = request.str_at(4, "name")
        replace = request.int_at(5, "replace", 0, 1)
        specs = blob_specs(request, 6)
        target = self.song.tracks[track]
        version = live_version()
        if version < ARRANGEMENT_CLIP_SINCE or not hasattr(target, "create_midi_clip"):
            raise RequestError(
                "arrangement clips need Live 12.1.10 or newer (Track.create_midi_clip); this is Live "
                f"{'.'.join(str(v) for v in version)}, so only session clips (scenes) can be written"
            )
        if not target.has_midi_input:
            raise RequestError(
                f"track {track} ({target.name!r}) is an audio track: "
                "write_arrangement_clip expected a MIDI track"
            )
        if not replace:
            under = [
                c for c in target.arrangement_clips if c.start_time < start + length and start < c.end_time
            ]
            if under:
                clip = under[0]
                raise RequestError(
                    f"track {track} holds arrangement clip {clip.name!r} at beats {clip.start_time:g}.."
                    f"{clip.end_time:g}, over {start:g}..{start + length:g}: expected an empty region, or "
                    "replace 1 (the new clip then cuts what lies under it)"
                )
        self.song.begin_undo_step()
        try:
            new = target.create_midi_clip(start, length)
            new.name = name
            new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
        return (req, track, start, len(specs))
