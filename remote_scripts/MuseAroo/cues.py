"""Named cue points in the arrangement (/roo/live/set_cues): a song's sections as locators.

Live's API adds a cue point only at the play position (``Song.set_or_delete_cue``, which deletes
the one already there), so each new cue is made by moving ``current_song_time`` to its beat while
Live is stopped, and the song time is put back afterwards; while Live plays that would move the
playhead, so the request is refused then. A cue already at a beat is renamed, never toggled away.
All in one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import Request, RequestError
from .roo import MAX_CLIP_BEATS, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

SAME_BEAT = 1e-6


class CueHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {protocol.RS_SET_CUES: self.set_cues, protocol.RS_CUES: self.cues}

    def _at(self, beats: float) -> Any:
        return next((c for c in self.song.cue_points if abs(c.time - beats) < SAME_BEAT), None)

    def cues(self, request: Request) -> Sequence[Any]:
        """Every cue point's time (beats) and name, earliest first (Song.cue_points)."""
        request.expect_count(1, 1, "req")
        ordered = sorted(self.song.cue_points, key=lambda c: c.time)
        return (request_id(request), *[v for c in ordered for v in (float(c.time), str(c.name))])

    def set_cues(self, request: Request) -> Sequence[Any]:
        request.expect_count(1, None, "req, (beats name)*")
        req = request_id(request)
        if len(request.args) % 2 != 1:
            raise RequestError(
                f"set_cues takes beats name pairs after the request id: got {len(request.args) - 1} values"
            )
        cues = [
            (request.float_at(i, "beats", 0.0, MAX_CLIP_BEATS), request.str_at(i + 1, "name"))
            for i in range(1, len(request.args), 2)
        ]
        if cues and self.song.is_playing:
            raise RequestError(
                "cue points are placed at the play position (Song.set_or_delete_cue): expected Live "
                "stopped, so that the playhead does not jump"
            )
        was = self.song.current_song_time
        self.song.begin_undo_step()
        try:
            for beats, name in cues:
                cue = self._at(beats)
                if cue is None:
                    self.song.current_song_time = beats
                    self.song.set_or_delete_cue()
                    cue = self._at(beats)
                if cue is not None:
                    cue.name = name
        finally:
            self.song.current_song_time = was
            self.song.end_undo_step()
        return (req, len(cues))
