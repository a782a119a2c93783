"""Seconds of a file to a warped clip's beats, as Live maps them, and analysed chords through it.

Between two warp markers the file plays at one tempo; before the first and after the last the
nearest segment's tempo goes on (as in Live). Markers are (file seconds, clip beats) pairs,
rising in both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from engines.analysis.result import ChordSegment, parse_harte
from engines.errors import InvalidValue
from engines.music import Chord

Pair = tuple[float, float]  # (file seconds, clip beats)


def beats_at(markers: Sequence[Pair], seconds: float) -> float:
    """The clip beat at which the file's second plays; needs two or more markers."""
    if len(markers) < 2:
        raise InvalidValue(f"{len(markers)} warp markers cannot map seconds to beats: expected 2 or more")
    times = [s for s, _ in markers]
    i = min(max(bisect_right(times, seconds) - 1, 0), len(markers) - 2)
    (s0, b0), (s1, b1) = markers[i], markers[i + 1]
    if seconds == s0:
        return b0
    return b0 + (seconds - s0) * (b1 - b0) / (s1 - s0)


def chords_through(
    chords: Sequence[ChordSegment],
    markers: Sequence[Pair],
    *,
    region_start_s: float,
    start_beats: float,
    end_beats: float,
) -> tuple[Chord, ...]:
    """Analysed chords (seconds from region_start_s) in beats from the clip's start marker.

    Each boundary goes through the markers, so a chord that changes on an analysed downbeat
    changes on the bar line that downbeat was warped to. What lies outside start..end is cut
    off; no-chord segments are dropped.
    """
    out = []
    for seg in chords:
        parsed = parse_harte(seg.label)
        if parsed is None:
            continue
        start = max(beats_at(markers, region_start_s + seg.start_s), start_beats)
        end = min(beats_at(markers, region_start_s + seg.end_s), end_beats)
        if end - start > 1e-9:
            out.append(Chord(start - start_beats, end - start, *parsed))
    return tuple(out)
