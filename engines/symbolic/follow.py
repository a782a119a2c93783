"""Parts that lock to a source clip's rhythm: kicks placed with a bassline's onsets.

Times are beats. The source's onsets loop over the new part's length (a 2-bar bassline under an
8-bar beat), land on the nearest 8th when within ``SNAP_BEATS`` of it, and sit at least
``MIN_GAP_BEATS`` apart; a bar where the source plays nothing keeps the drums' own kicks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from engines.music import Note

KICKS = frozenset({35, 36})
KICK = 36
SNAP_BEATS = 0.07
MIN_GAP_BEATS = 0.5


def looped_onsets(onsets: Sequence[float], source_beats: float, length_beats: float) -> list[float]:
    """The onsets repeated every ``source_beats`` over [0, length_beats)."""
    out: list[float] = []
    if source_beats <= 0:
        return out
    for k in range(math.ceil(length_beats / source_beats)):
        out += [t + k * source_beats for t in onsets if t + k * source_beats < length_beats - 1e-9]
    return out


def kick_times(onsets: Sequence[float]) -> list[float]:
    """The onsets on (or near) the 8th grid, at least MIN_GAP_BEATS apart."""
    out: list[float] = []
    for t in sorted(onsets):
        snapped = round(t * 2) / 2
        if abs(snapped - t) > SNAP_BEATS:
            continue
        if not out or snapped - out[-1] >= MIN_GAP_BEATS - 1e-9:
            out.append(snapped)
    return out


def lock_kicks(
    drums: Sequence[Note], onsets: Sequence[float], *, length_beats: float, bar_beats: float
) -> list[Note]:
    """The drum part with its kicks moved onto ``onsets`` (bars without any keep their own)."""
    times = kick_times(onsets)
    bars_with = {int(t // bar_beats) for t in times}
    template = next((n for n in drums if n.pitch in KICKS), Note(KICK, 0.0, 0.25, 110))
    out = [n for n in drums if n.pitch not in KICKS or int(n.start_beats // bar_beats) not in bars_with]
    for t in times:
        if t < length_beats:
            strong = abs(t - round(t)) < 1e-9
            out.append(replace(template, start_beats=t, velocity=110 if strong else 96))
    return sorted(out, key=lambda n: (n.start_beats, n.pitch))
