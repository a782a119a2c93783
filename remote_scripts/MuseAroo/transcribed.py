"""What /roo/transcribe needs of Live: an audio clip's warp markers read, and its notes written as one
MIDI clip on a new track in one undo step (/roo/live/warp_markers, /roo/live/new_track_clip).

The new track goes right after the given one, named as asked; the clip goes into a session slot
or, with arrangement 1, into the Arrangement at a start in beats (Live 12.1.10+). Every value and
note is checked before Live is touched, so a refused request leaves the Set as it was, and Cmd-Z
in Live takes back the track and its clip at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import timing
from .arrangement import ARRANGEMENT_CLIP_SINCE
from .clip import blob_specs
from .places import clip_of
from .request import Request, RequestError, find_clip, slot_index, track_index
from .roo import MAX_CLIP_BEATS, live_version, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]


class TranscribedHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {protocol.RS_WARP_MARKERS: self.warp_markers, protocol.RS_NEW_TRACK_CLIP: self.new_track_clip}

    def warp_markers(self, request: Request) -> Sequence[Any]:
        """An audio clip's warping switch and its warp markers (sample seconds, beats)."""
        request.expect_count(3, 4, "req, track, slot, arrangement (0|1, optional)")
        req = request_id(request)
        arrangement = request.int_at(3, "arrangement", 0, 1) if len(request.args) > 3 else 0
        track, slot, found = find_clip(
            self.song, request.int_at(1, "track"), request.int_at(2, "slot"), arrangement
        )
        if not found.is_audio_clip:
            where = clip_of(self.song, track, slot, found, bool(arrangement))
            raise RequestError(f"{where} holds a MIDI clip ({found.name!r}): expected an audio clip")
        markers = timing.markers_of(found)
        blob = (protocol.pack_warp_markers(markers),) if markers else ()
        return (req, track, slot, int(bool(found.warping)), *blob)

    def new_track_clip(self, request: Request) -> Sequence[Any]:
        request.expect_count(
            7,
            8,
            "req, after_track, track_name, slot_or_start, arrangement, length_beats, clip_name, notes blob",
        )
        req = request_id(request)
        after = track_index(self.song, request.int_at(1, "after_track"))
        track_name = request.str_at(2, "track_name")
        arrangement = request.int_at(4, "arrangement", 0, 1)
        length = request.float_at(5, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        clip_name = request.str_at(6, "clip_name")
        specs = blob_specs(request, 7)
        if arrangement:
            where: float = request.float_at(3, "slot_or_start", 0.0, MAX_CLIP_BEATS)
            version = live_version()
            if version < ARRANGEMENT_CLIP_SINCE:
                raise RequestError(
                    "arrangement clips need Live 12.1.10 or newer (Track.create_midi_clip); this is Live "
                    f"{'.'.join(str(v) for v in version)}, so only session clips (scenes) can be written"
                )
        else:
            where = slot_index(self.song, request.int_at(3, "slot_or_start"))
        track = after + 1
        selected = self.song.view.selected_track  # Live selects a new track: the producer's stays
        self.song.begin_undo_step()
        try:
            made = self.song.create_midi_track(track)
            made.name = track_name
            if arrangement:
                new = made.create_midi_clip(where, length)
            else:
                slot = made.clip_slots[int(where)]
                slot.create_clip(length)
                new = slot.clip
                new.looping = True
            new.name = clip_name
            new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
            if selected is not None:
                self.song.view.selected_track = selected
        return (req, track, where, len(specs))
