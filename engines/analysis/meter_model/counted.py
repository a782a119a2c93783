"""The model's bar as a beat grid (issue 45, third round): where the engine takes the model's reading
over the rules' (``reading.SWITCH``), its class (a signature and the bar's length in tracked beats)
becomes counted beats (quarters in simple meters, dotted quarters in 6/8, 9/8, 12/8) and downbeats
laid on the tracked beats.

The tracked beats are first divided into ``d`` equal parts, the least that makes both the bar and the
counted beat whole numbers of parts (a 9/8 bar of 4.5 tracked quarters: d = 2, nine parts a bar,
three a dotted quarter). The bar's phase is the one the chord changes and the downbeat network
favour (``grid.downbeat_phase``) over those parts; the counted beats run from it every few parts.
"""

from __future__ import annotations

import numpy as np

from engines.analysis import grid
from engines.analysis.meter_model.model import MeterClass

DIVISIONS = (1, 2, 3, 4, 6)
WHOLE = 0.05  # a multiple within this of a whole number is one


def divided(beats_s: np.ndarray, parts: int) -> np.ndarray:
    """The beats with ``parts - 1`` more evenly between each two."""
    beats = np.asarray(beats_s, dtype=np.float64)
    if parts <= 1 or len(beats) < 2:
        return beats
    index = np.arange((len(beats) - 1) * parts + 1) / parts
    return np.interp(index, np.arange(len(beats)), beats)


def parts_of(chosen: MeterClass) -> int | None:
    """The least division of a tracked beat in which the bar and the counted beat are whole (None)."""
    beat = chosen.bar_beats / chosen.counted
    for d in DIVISIONS:
        if all(abs(x * d - round(x * d)) <= WHOLE and round(x * d) >= 1 for x in (chosen.bar_beats, beat)):
            return d
    return None


def counted_grid(
    tracked_s: np.ndarray,
    chosen: MeterClass,
    change_times_s: list[float],
    downbeat_activation: np.ndarray,
    fps: float,
) -> tuple[np.ndarray, np.ndarray] | None:
    """(counted beats, downbeats) of ``chosen`` over the tracked beats; None where it does not divide
    them (``parts_of``) or gives fewer than two counted beats."""
    d = parts_of(chosen)
    if d is None:
        return None
    fine = divided(tracked_s, d)
    bar = round(chosen.bar_beats * d)
    step = round(chosen.bar_beats / chosen.counted * d)
    strength = grid.strength_at_beats(fine, downbeat_activation, fps)
    first = grid.downbeat_phase(fine, bar, change_times_s, strength)
    beats = fine[first % step :: step]
    if len(beats) < 2:
        return None
    return beats, fine[first::bar]
