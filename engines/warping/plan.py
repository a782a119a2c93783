"""Warp markers that put a clip's analysed bars on the Set's bar lines.

The clip's first analysed downbeat becomes beat 0 (its start marker) and each later downbeat the
next bar line, so bar j starts at ``j * bar_beats`` whatever the recording's tempo, swing or
drift. Each analysed beat is one beat of the Set's meter (a quarter in 4/4, an eighth in 6/8;
a dotted quarter when a 6/8 or 12/8 clip is counted in dotted quarters), as Live's own warping
plays a clip beat for beat. A downbeat always gets a marker; a beat inside a bar gets one only
where it sits more than ``INNER_BEAT_TOLERANCE_S`` off the straight line between its bar's
downbeats (a drummer drifting within the bar), so a steady recording gets one marker per bar
and the tracker's frame-sized wobble on single beats is not written into the audio. The clip
ends on a bar line: the region's end is pinned to the nearest one when within
``END_SNAP_BEATS`` of it, else the clip ends at the last whole bar. Times in seconds of the
file, positions in the clip's beats (quarter notes).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from engines.errors import InvalidValue
from engines.warping.mapping import Pair, beats_at

INNER_BEAT_TOLERANCE_S = 0.02  # twice the beat tracker's 10 ms frame: less is tracking noise
END_SNAP_BEATS = 0.5  # a region ending this close to a bar line ends on it
MATCH_S = 1e-3  # a downbeat is the beat within this of it (both come rounded to 0.1 ms)


@dataclass(frozen=True, slots=True)
class WarpPlan:
    """Markers as (file seconds, clip beats), rising in both; start, end and loop in beats."""

    markers: tuple[Pair, ...]
    start_beats: float  # the first downbeat
    end_beats: float  # a bar line
    bar_beats: float  # the Set's bar in beats
    beat_beats: float  # one analysed beat in the Set's beats
    bars: int  # whole bars from start to end

    @property
    def loop(self) -> tuple[float, float]:
        return self.start_beats, self.end_beats


def beat_length(beats_per_bar: int, signature: tuple[int, int]) -> float:
    """The Set's beats that one analysed beat spans, or InvalidValue when the meters differ.

    The clip's bar (``beats_per_bar`` analysed beats) must be the Set's bar: the analysed beat is
    the signature's unit (``4 / denominator`` quarter notes), or its dotted value in a compound
    meter (6/8, 9/8, 12/8 counted in dotted quarters).
    """
    numerator, denominator = signature
    unit = 4.0 / denominator
    if beats_per_bar == numerator:
        return unit
    if denominator == 8 and numerator % 3 == 0 and numerator >= 6 and beats_per_bar == numerator // 3:
        return 3 * unit
    raise InvalidValue(
        f"the clip has {beats_per_bar} beats a bar and the Set is in {numerator}/{denominator}: its bars "
        f"cannot land on the Set's bar lines without stretching its beats; set Live's time signature "
        f"to {beats_per_bar}/4 (or check the analysed meter) and warp again"
    )


def downbeat_indices(beats: Sequence[float], downbeats: Sequence[float]) -> list[int]:
    """Indices into beats (sorted) of the downbeats; a downbeat that is no beat is left out."""
    out: list[int] = []
    for d in downbeats:
        i = bisect_left(beats, d - MATCH_S)
        if i < len(beats) and abs(beats[i] - d) <= MATCH_S and (not out or i > out[-1]):
            out.append(i)
    return out


def plan_warp(
    beats_s: Sequence[float],
    downbeats_s: Sequence[float],
    *,
    beats_per_bar: int,
    signature: tuple[int, int],
    region_start_s: float,
    region_end_s: float,
) -> WarpPlan:
    """The plan for analysed beats and downbeats (seconds from region_start_s, the region analysed).

    Raises InvalidValue when there is no downbeat, fewer than two beats from the first one, or the
    meters differ (``beat_length``).
    """
    step = beat_length(beats_per_bar, signature)
    bar = beats_per_bar * step
    beats = [region_start_s + t for t in sorted(beats_s)]
    downs = downbeat_indices(beats, [region_start_s + t for t in downbeats_s])
    if not downs:
        raise InvalidValue("the analysis found no downbeat in the clip: there are no bars to warp")
    if len(beats) - downs[0] < 2:
        raise InvalidValue(
            f"the analysis found {len(beats) - downs[0]} beat from the first downbeat on: "
            "expected at least 2 to warp by"
        )
    markers: list[Pair] = []
    bar_start = 0.0
    for j, first in enumerate(downs):
        if j + 1 < len(downs):  # a whole bar (or bars, where the tracker missed a downbeat)
            last = downs[j + 1]
            spans = max(1, round((last - first) / beats_per_bar))
            each = spans * bar / (last - first)
        else:  # after the last downbeat: beat by beat up to the last beat
            last, spans, each = len(beats) - 1, 0, step
        markers.append((beats[first], bar_start))
        markers += [
            (beats[i], bar_start + (i - first) * each)
            for i in range(first + 1, last)
            if _off_line(beats, first, last, i)
        ]
        if not spans and last > first:  # the last beat closes the tail
            markers.append((beats[last], bar_start + (last - first) * each))
        bar_start += spans * bar
    end = _end(markers, region_end_s, bar)
    if end[0] is not None:
        markers.append((end[0], end[1]))
    return WarpPlan(tuple(markers), 0.0, end[1], bar, step, round(end[1] / bar))


def _off_line(beats: Sequence[float], first: int, last: int, i: int) -> bool:
    """Whether beat i strays from the straight line between the downbeats at first and last."""
    expected = beats[first] + (beats[last] - beats[first]) * (i - first) / (last - first)
    return abs(beats[i] - expected) > INNER_BEAT_TOLERANCE_S


def _end(markers: list[Pair], region_end_s: float, bar: float) -> tuple[float | None, float]:
    """(seconds to pin or None, end beat): the bar line the region ends on.

    The region's end, mapped through the markers, goes to the nearest bar line when within
    END_SNAP_BEATS (pinned there by one more marker when it lies past the last); otherwise the
    clip ends at the last whole bar, or where the region ends when that is less than a bar.
    """
    last_s, last_beat = markers[-1]
    mapped = beats_at(markers, region_end_s)
    nearest = round(mapped / bar) * bar
    if nearest > 0 and abs(mapped - nearest) <= END_SNAP_BEATS:
        if nearest > last_beat + 1e-9 and region_end_s > last_s + 1e-6:
            return region_end_s, nearest
        if nearest <= last_beat + 1e-9:
            return None, nearest
    whole = math.floor(mapped / bar) * bar
    return None, whole if whole > 0 else mapped
