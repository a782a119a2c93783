"""/roo/live/write_warp_markers: give an audio clip new warp markers, markers and loop at once.

The daemon plans the markers (analysed beats pinned to the Set's bar lines); this handler only
checks them and writes them in one main-thread step and one undo step, through
``timing.replace``: read back, and on any refusal the clip gets its old timing back. Positions
are in beats (the clip warps), a marker's sample time in seconds of the file, as Live's
WarpMarker has it. The clip keeps its looping switch and warp mode.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import timing
from .places import clip_of
from .request import Request, RequestError, find_clip
from .roo import MAX_CLIP_BEATS, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

LAYOUT = (
    "req, track, slot, arrangement (0|1), start_marker_beats, end_marker_beats, "
    "loop_start_beats, loop_end_beats, markers blob"
)
EDGE_S = 1e-3  # seconds a marker may sit past the file's end (rounded times); it goes onto the end


class WarpHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {protocol.RS_WRITE_WARP_MARKERS: self.write_warp_markers}

    def write_warp_markers(self, request: Request) -> Sequence[Any]:
        request.expect_count(9, 9, LAYOUT)
        req = request_id(request)
        arrangement = request.int_at(3, "arrangement", 0, 1)
        track, slot, clip = find_clip(
            self.song, request.int_at(1, "track"), request.int_at(2, "slot"), arrangement
        )
        where = clip_of(self.song, track, slot, clip, bool(arrangement))
        span = [
            request.float_at(i, name, -MAX_CLIP_BEATS, MAX_CLIP_BEATS)
            for i, name in enumerate(
                ("start_marker_beats", "end_marker_beats", "loop_start_beats", "loop_end_beats"), 4
            )
        ]
        start, end, loop_start, loop_end = span
        if not (start < end and loop_start < loop_end):
            raise RequestError(
                f"start {start:g} .. end {end:g}, loop {loop_start:g} .. {loop_end:g} beats: "
                "expected each start before its end"
            )
        if not clip.is_audio_clip:
            raise RequestError(f"{where} holds a MIDI clip: write_warp_markers expected an audio clip")
        markers = checked_markers(request.blob_at(8, "markers"), file_seconds(clip))
        want = timing.Timing(
            True, clip.warp_mode, markers, bool(clip.looping), loop_start, loop_end, start, end
        )
        timing.replace(self.song, clip, want, f"write_warp_markers {where}", "the clip")
        return (req, track, slot, len(markers))


def file_seconds(clip: Any) -> float:
    """The length of the clip's file in seconds (its samples over its rate)."""
    rate = float(clip.sample_rate)
    if rate <= 0:
        raise RequestError(f"{clip.file_path!r} reports a sample rate of {rate:g} Hz: expected > 0")
    return int(clip.sample_length) / rate


def checked_markers(blob: bytes, duration_s: float) -> list:
    """The blob's (seconds, beats) markers; RequestError unless there are 2 or more, rising in both
    seconds and beats, within the file."""
    try:
        markers = protocol.unpack_warp_markers(blob)
    except ValueError as exc:
        raise RequestError(str(exc)) from exc
    if not 2 <= len(markers) <= protocol.MAX_WARP_MARKERS_PER_MESSAGE:
        raise RequestError(
            f"{len(markers)} warp markers: expected 2..{protocol.MAX_WARP_MARKERS_PER_MESSAGE}"
        )
    for i, (seconds, beats) in enumerate(markers):
        if not -MAX_CLIP_BEATS <= beats <= MAX_CLIP_BEATS:
            raise RequestError(f"warp marker {i} at beat {beats!r}: expected a beat within Live's range")
        if not 0.0 <= seconds <= duration_s + EDGE_S:
            raise RequestError(
                f"warp marker {i} at {seconds!r} s: expected 0..{duration_s:g} s (the file's length)"
            )
        if i and not (seconds > markers[i - 1][0] and beats > markers[i - 1][1]):
            raise RequestError(
                f"warp marker {i} ({seconds:g} s, beat {beats:g}) does not follow marker {i - 1} "
                f"({markers[i - 1][0]:g} s, beat {markers[i - 1][1]:g}): expected both to rise"
            )
    return [(min(seconds, duration_s), beats) for seconds, beats in markers]
