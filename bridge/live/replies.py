"""What the Remote Script's replies carry, as typed values: the Set's context and a clip's info.

``LiveContext`` is the reply to /roo/live/context and every pushed context change, its fields
in ``protocol.CONTEXT_FIELDS`` order; ``ClipInfo`` is the reply to /roo/live/clip_info. Tempo
is in BPM, positions in beats, and a clip's marked region in seconds of its file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from engines.errors import ProtocolError
from engines.music import NOTE_NAMES


@dataclass(frozen=True, slots=True)
class LiveContext:
    """The Set's globals and selection as the Remote Script reports them (tempo in BPM)."""

    tempo_bpm: float
    signature_numerator: int
    signature_denominator: int
    root_note: int
    scale_name: str
    selected_track: int
    selected_slot: int
    song_time_beats: float
    is_playing: int
    num_tracks: int
    num_scenes: int
    live_version: str

    @classmethod
    def from_args(cls, args: Sequence[Any]) -> LiveContext:
        if len(args) != len(protocol.CONTEXT_FIELDS):
            raise ProtocolError(
                f"context reply has {len(args)} values: expected {len(protocol.CONTEXT_FIELDS)}"
            )
        return cls(*args)

    @property
    def version_tuple(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.live_version.split(".") if p.isdigit())


@dataclass(frozen=True, slots=True)
class ClipInfo:
    """One clip's kind, file, markers (beats) and track name, as /roo/live/clip_info reports them."""

    name: str
    is_audio_clip: int
    file_path: str
    length_beats: float
    start_marker_beats: float
    end_marker_beats: float
    warping: int
    sample_rate: float
    track_name: str
    start_s: float  # the marked region in seconds of the file; -1.0 where Live's markers do not say
    end_s: float
    start_time_beats: float = -1.0  # an arrangement clip's position in the arrangement; -1.0: session
    end_time_beats: float = -1.0  # where it ends there (a looping clip's loop repeats to it); -1.0: session
    looping: int = 0
    loop_start_beats: float = 0.0  # the loop, in the clip's own beats (seconds of the file: unwarped audio)
    loop_end_beats: float = 0.0


def describe(ctx: LiveContext) -> str:
    """One line for people: "Live 12.3.6, 120 BPM 4/4, C Major, 6 tracks, 8 scenes"."""
    return (
        f"Live {ctx.live_version}, {ctx.tempo_bpm:g} BPM {ctx.signature_numerator}/{ctx.signature_denominator}, "
        f"{NOTE_NAMES[ctx.root_note % 12]} {ctx.scale_name}, {ctx.num_tracks} tracks, {ctx.num_scenes} scenes"
    )
