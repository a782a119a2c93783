"""Lock an imported audio clip to a known tempo: the file's length, then exact warp markers.

Live auto-warps a new audio clip by its own tempo detection, which can be wrong. A locked clip
has two markers, (0 s, beat 0) and (duration_s, beats), so the whole file spans exactly
``beats = duration_s * tempo_bpm / 60``, and its loop and end marker sit on that length. A file
holds whole samples, so a loop of N bars is N bars only to within a sample: a length within one
sample of a 1/64 beat is taken as that 1/64 beat, and the loop does not drift.
The length comes from the WAV header (stdlib only: the ``wave`` module of Python 3.11 rejects
the 32-bit float WAVs MuseAroo writes, so the RIFF chunks are read here directly).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from typing import Any

import Live

GRID_BEATS = 1.0 / 64  # lengths within one sample of this grid snap onto it
BEAT_TOLERANCE = 1e-6  # beats; how far a marker read back may sit from the line it should be on


class TempoLockError(Exception):
    """The clip could not be locked; the message names the problem (the caller adds the file)."""


def wav_length(path: str) -> tuple[int, int]:
    """(frames, sample_rate_hz) of a RIFF/WAVE file (PCM, float or extensible), from its chunks.

    A data chunk that claims more bytes than the file holds (a truncated or streamed WAV) counts
    the bytes present, as audio readers do. Anything else raises TempoLockError.
    """
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            header = f.read(12)
            if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
                kind = "an RF64 file" if header[:4] == b"RF64" else "not a RIFF/WAVE file"
                raise TempoLockError(f"{kind}: the tempo lock reads WAV files only")
            rate = block_align = 0
            while True:
                chunk = f.read(8)
                if len(chunk) < 8:
                    raise TempoLockError("no 'data' chunk: expected a WAV file with audio")
                chunk_id, chunk_size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if chunk_id == b"fmt ":
                    body = f.read(chunk_size)
                    if len(body) < 16:
                        raise TempoLockError(f"'fmt ' chunk of {len(body)} bytes: expected 16 or more")
                    rate, block_align = struct.unpack("<4xI4xH", body[:14])
                    f.seek(chunk_size & 1, 1)
                elif chunk_id == b"data":
                    if rate <= 0 or block_align <= 0:
                        raise TempoLockError(
                            "no valid 'fmt ' chunk before 'data': cannot tell the sample rate"
                        )
                    frames = min(chunk_size, size - f.tell()) // block_align
                    if frames <= 0:
                        raise TempoLockError("the 'data' chunk holds no audio frames")
                    return frames, rate
                else:
                    f.seek(chunk_size + (chunk_size & 1), 1)
    except OSError as exc:
        raise TempoLockError(f"cannot read the file ({exc})") from exc


def locked_beats(frames: int, sample_rate_hz: int, tempo_bpm: float) -> float:
    """The beats frames samples span at tempo_bpm, on the 1/64-beat grid when within one sample of it."""
    beats = frames / float(sample_rate_hz) * tempo_bpm / 60.0
    one_sample_beats = tempo_bpm / 60.0 / sample_rate_hz
    grid = round(beats / GRID_BEATS) * GRID_BEATS
    return grid if grid > 0.0 and abs(grid - beats) <= one_sample_beats else beats


def plan(path: str, tempo_bpm: float) -> tuple[float, float]:
    """(duration_s, beats) of the WAV at path locked to tempo_bpm, or TempoLockError."""
    frames, rate = wav_length(path)
    return frames / float(rate), locked_beats(frames, rate, tempo_bpm)


def _on_line(markers: Any, duration_s: float, beats: float) -> bool:
    """Whether every marker lies on beat = seconds * beats / duration_s and both ends are there."""
    pairs = [(float(m.sample_time), float(m.beat_time)) for m in markers]
    line = all(abs(b - s * beats / duration_s) <= BEAT_TOLERANCE for s, b in pairs)
    start = any(abs(s) <= 1e-9 and abs(b) <= BEAT_TOLERANCE for s, b in pairs)
    end = any(abs(s - duration_s) <= 1e-9 and abs(b - beats) <= BEAT_TOLERANCE for s, b in pairs)
    return line and start and end


def place_markers(clip: Live.Clip.Clip, wanted: Sequence[tuple[float, float]]) -> None:
    """Replace the clip's warp markers by wanted, (sample seconds, beats) pairs rising in both.

    Live keeps at least one marker and refuses one that crosses another, so all but the first
    go, the wanted markers that fit beside it come, then it goes and the rest come. A marker
    Live will not remove (its hidden one after the last) is left for the caller's read-back.
    wanted must hold at least one marker.
    """
    markers = sorted(clip.warp_markers, key=lambda m: m.beat_time)
    for marker in reversed(markers[1:]):
        try:
            clip.remove_warp_marker(marker.beat_time)
        except RuntimeError:
            pass  # the caller reads the markers back and names any that stayed
    keep = (float(markers[0].sample_time), float(markers[0].beat_time)) if markers else None
    later = []
    for s, b in wanted:
        if keep is not None and (s, b) == keep:
            keep = None  # already the wanted marker: it stays
        elif keep is None or (s - keep[0]) * (b - keep[1]) > 0:
            clip.add_warp_marker(Live.Clip.WarpMarker(s, b))
        else:
            later.append((s, b))
    if keep is not None:
        clip.remove_warp_marker(keep[1])
    for s, b in later:
        clip.add_warp_marker(Live.Clip.WarpMarker(s, b))


def lock(clip: Live.Clip.Clip, duration_s: float, beats: float) -> None:
    """Warp clip so its duration_s seconds span beats, and loop it from beat 0 to beats.

    The start and end markers sit on the loop too, so the clip is exactly beats long.
    """
    clip.warping = True
    place_markers(clip, [(0.0, 0.0), (duration_s, beats)])
    if not _on_line(clip.warp_markers, duration_s, beats):
        got = ", ".join(f"({m.sample_time:g} s, beat {m.beat_time:g})" for m in clip.warp_markers)
        raise TempoLockError(
            f"Live kept the warp markers {got}: expected (0 s, beat 0) and ({duration_s:g} s, beat {beats:g})"
        )
    clip.looping = True
    clip.start_marker = 0.0
    clip.end_marker = beats
    clip.loop_start = 0.0
    clip.loop_end = beats
