"""Transforms of when notes sound: humanize, quantize, swing, half- and double-time, retrograde.

Pure functions of notes (beats) and options; those with chance take a seed. Pitches stay.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import replace

from engines.music import Note
from engines.transforms.options import SUBDIVISIONS, TransformOptions

MAX_SHIFT_BEATS = 0.06  # humanize 1.0: about 30 ms at 120 BPM, one standard deviation
MAX_VELOCITY_SD = 12.0


def humanize(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """Gaussian timing and velocity drift scaled by ``amount``; 0 gives the notes back unchanged."""
    if o.amount == 0:
        return list(notes)
    rng = random.Random(seed)
    out = []
    for n in notes:
        start = max(0.0, n.start_beats + rng.gauss(0.0, MAX_SHIFT_BEATS * o.amount))
        velocity = round(n.velocity + rng.gauss(0.0, MAX_VELOCITY_SD * o.amount))
        out.append(replace(n, start_beats=round(start, 6), velocity=min(127, max(1, velocity))))
    return out


def quantize(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Pull each start toward the nearest ``grid`` line by ``strength`` (1 snaps, 0 leaves)."""
    out = []
    for n in notes:
        target = round(n.start_beats / o.grid) * o.grid
        start = n.start_beats + (target - n.start_beats) * o.strength
        out.append(replace(n, start_beats=round(max(0.0, start), 6)))
    return out


def swing_time(t: float, unit: float, amount: float) -> float:
    """Where time ``t`` lands when the off-beat ``unit`` is delayed by ``amount`` x a third of it.

    Linear inside each pair of units, so order is kept; amount 1 is the triplet (2:1) feel.
    """
    pair = 2 * unit
    origin = math.floor(t / pair + 1e-9) * pair
    x = t - origin
    moved = unit + amount * unit / 3.0
    y = x * moved / unit if x <= unit else moved + (x - unit) * (pair - moved) / unit
    return origin + y


def swing(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Delay the off-beat 8ths (or 16ths) by ``amount`` (0 straight, 1 triplet feel)."""
    unit = SUBDIVISIONS[o.subdivision]
    out = []
    for n in notes:
        start = swing_time(n.start_beats, unit, o.amount)
        end = swing_time(n.start_beats + n.duration_beats, unit, o.amount)
        out.append(replace(n, start_beats=round(start, 6), duration_beats=round(max(1e-3, end - start), 6)))
    return out


def half_time(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> tuple[list[Note], float]:
    """Every start and length doubled; the clip becomes twice as long."""
    out = [replace(n, start_beats=n.start_beats * 2, duration_beats=n.duration_beats * 2) for n in notes]
    return out, o.length_beats * 2


def double_time(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Every start and length halved, played twice so the clip keeps its length."""
    half = o.length_beats / 2
    once = [replace(n, start_beats=n.start_beats / 2, duration_beats=n.duration_beats / 2) for n in notes]
    return once + [replace(n, start_beats=n.start_beats + half) for n in once]


def retrograde(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """The clip played backwards: a note ending at t starts at length - t."""
    out = []
    for n in notes:
        start = o.length_beats - (n.start_beats + n.duration_beats)
        out.append(replace(n, start_beats=round(max(0.0, start), 6)))
    return out
