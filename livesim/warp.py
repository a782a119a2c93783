"""Live.Clip.WarpMarker and Live.Clip.WarpMode for the in-memory Live, and the seconds <-> beats map that markers define.

A warp marker pins a time in the sample (``sample_time``, in seconds of the file despite its
name) to a time in the clip (``beat_time``, in beats). Between two markers the tempo is
constant; before the first and after the last, the nearest segment's tempo goes on. With a
single marker the clip's own tempo (``fallback_bps``, beats per second) fills in. Markers are
kept as (seconds, beats) pairs, strictly increasing in both.
"""

from __future__ import annotations

from collections.abc import Sequence

from livesim.base import check_args

Pair = tuple[float, float]  # (sample_time_s, beat_time)


class WarpMode(int):
    beats = 0
    tones = 1
    texture = 2
    repitch = 3
    complex = 4
    rex = 5
    complex_pro = 6
    count = 7


class WarpMarker:
    """A warp marker as Live builds and returns it: a value; changing a copy changes no clip."""

    def __init__(self, sample_time: float, beat_time: float) -> None:
        check_args("WarpMarker.__init__", (sample_time, beat_time), ("float", "float"))
        self._sample_time = float(sample_time)
        self._beat_time = float(beat_time)

    @property
    def sample_time(self) -> float:
        return self._sample_time

    @property
    def beat_time(self) -> float:
        return self._beat_time

    def __repr__(self) -> str:
        return f"WarpMarker(sample_time={self._sample_time}, beat_time={self._beat_time})"


def _segment(markers: Sequence[Pair], value: float, axis: int) -> int:
    """Index i of the segment (markers[i], markers[i + 1]) that maps value; the ends extrapolate."""
    for i in range(1, len(markers) - 1):
        if value < markers[i][axis]:
            return i - 1
    return len(markers) - 2


def _map(markers: Sequence[Pair], value: float, src: int, fallback_rate: float) -> float:
    dst = 1 - src
    for pair in markers:  # exact hits return the marker's own value, free of rounding
        if pair[src] == value:
            return pair[dst]
    if len(markers) == 1:
        (pair,) = markers
        rate = fallback_rate if src == 0 else 1.0 / fallback_rate
        return pair[dst] + (value - pair[src]) * rate
    i = _segment(markers, value, src)
    a, b = markers[i], markers[i + 1]
    fraction = (value - a[src]) / (b[src] - a[src])
    return a[dst] + fraction * (b[dst] - a[dst])


def beats_at(markers: Sequence[Pair], seconds: float, fallback_bps: float) -> float:
    """The clip beat that plays the sample at seconds."""
    return _map(markers, seconds, 0, fallback_bps)


def seconds_at(markers: Sequence[Pair], beats: float, fallback_bps: float) -> float:
    """The sample time in seconds that plays at the clip's beat (the inverse of beats_at)."""
    return _map(markers, beats, 1, fallback_bps)


def inserted(markers: Sequence[Pair], new: Pair, duration_s: float) -> list[Pair]:
    """markers with new added in order, or RuntimeError as Live refuses a marker it cannot place."""
    seconds, beats = new
    if not 0.0 <= seconds <= duration_s:
        raise RuntimeError(
            f"Cannot add a warp marker at sample time {seconds} s: expected 0..{duration_s} s (the sample)"
        )
    for s, b in markers:
        if b == beats or s == seconds:
            raise RuntimeError(
                f"Cannot add a warp marker at ({seconds} s, beat {beats}): "
                f"the marker at ({s} s, beat {b}) is already there"
            )
    out = sorted([*markers, new], key=lambda pair: pair[1])
    if any(out[i][0] >= out[i + 1][0] for i in range(len(out) - 1)):
        raise RuntimeError(
            f"Cannot add a warp marker at ({seconds} s, beat {beats}): markers must increase in both "
            "sample time and beat time"
        )
    return out


def removed(markers: Sequence[Pair], beats: float) -> list[Pair]:
    """markers without the one at beats, or RuntimeError when none is there or it is the last one."""
    keep = [pair for pair in markers if abs(pair[1] - beats) > 1e-9]
    if len(keep) == len(markers):
        at = ", ".join(f"{b:g}" for _, b in markers)
        raise RuntimeError(f"No warp marker at beat {beats}: the markers are at beats {at}")
    if not keep:
        raise RuntimeError(f"Cannot remove the warp marker at beat {beats}: an audio clip keeps at least one")
    return keep


def moved(markers: Sequence[Pair], beats: float, distance: float) -> list[Pair]:
    """markers with the one at beats moved by distance beats (its sample time kept), or RuntimeError
    when none is there or it would reach a neighbour (Live keeps markers in order)."""
    index = next((i for i, pair in enumerate(markers) if abs(pair[1] - beats) <= 1e-9), None)
    if index is None:
        at = ", ".join(f"{b:g}" for _, b in markers)
        raise RuntimeError(f"No warp marker at beat {beats}: the markers are at beats {at}")
    seconds, old = markers[index]
    new = old + distance
    low = markers[index - 1][1] if index > 0 else float("-inf")
    high = markers[index + 1][1] if index + 1 < len(markers) else float("inf")
    if not low < new < high:
        raise RuntimeError(
            f"Cannot move the warp marker at beat {old} by {distance}: beat {new} is not between "
            f"its neighbours at {low:g} and {high:g}"
        )
    return [*markers[:index], (seconds, new), *markers[index + 1 :]]
