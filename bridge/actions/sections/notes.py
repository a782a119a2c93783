"""The note arithmetic of a change over a section: an arrangement clip's notes in song time, the
notes inside the section transformed as a clip of their own, the rest kept as they were.

A clip's note at clip time t sounds at ``start + t - start_marker`` (what lies before the start
marker does not sound, and is not written back); a clip whose loop repeats over its length is
refused before this (``span.refuse_repeats``). A note belongs to the section when it starts in it
(a hit up to a 64th early, humanized, counts as in it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from engines.music import Note

EARLY_BEATS = 1 / 16  # engines.transforms.places: a hit this early belongs to the place after it


def in_song_time(notes: Sequence[Note], start: float, end: float, marker: float) -> list[Note]:
    """A clip's sounding notes moved to song time (clip start ``start``, end ``end``)."""
    out = []
    for n in notes:
        at = start + n.start_beats - marker
        if n.start_beats >= marker - 1e-9 and at < end - 1e-9:
            out.append(dataclasses.replace(n, start_beats=round(at, 6)))
    return out


def inside(n: Note, lo: float, hi: float) -> bool:
    return lo <= n.start_beats + EARLY_BEATS < hi


def changed(
    notes: Sequence[Note],
    spans: Sequence[tuple[float, float]],
    make: Callable[[float], Callable[[list[Note], float, int], list[Note]]],
    seed: int,
) -> tuple[list[Note], int]:
    """Every note, those inside each span changed there as a clip of the span's length (``make(lo)``
    gives the change for the span from song beat lo: notes from the span's start, its length, a
    seed); the other notes untouched. Also how many notes were inside."""
    rest = list(notes)
    out: list[Note] = []
    count = 0
    for k, (lo, hi) in enumerate(spans):
        mine = [n for n in rest if inside(n, lo, hi)]
        rest = [n for n in rest if not inside(n, lo, hi)]
        count += len(mine)
        local = [dataclasses.replace(n, start_beats=max(0.0, round(n.start_beats - lo, 6))) for n in mine]
        result = make(lo)(local, hi - lo, seed + k)
        out += [dataclasses.replace(n, start_beats=round(n.start_beats + lo, 6)) for n in result]
    merged = sorted([*out, *rest], key=lambda n: (n.start_beats, n.pitch))
    return merged, count


def from_start(notes: Sequence[Note], start: float, end: float) -> list[Note]:
    """Notes in song time as a new clip's notes from ``start`` (those outside [start, end) left out)."""
    out = []
    for n in notes:
        at = round(n.start_beats - start, 6)
        if 0.0 <= at < end - start:
            length = min(n.duration_beats, end - start - at)
            out.append(dataclasses.replace(n, start_beats=at, duration_beats=length))
    return out
