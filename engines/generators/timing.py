"""Timing helpers shared by the generators: swing, humanising and density thresholds.

All times are quarter-note beats. A density threshold is drawn for every candidate note
whatever the density is, so a higher density keeps a superset of the notes of a lower one.
"""

from __future__ import annotations

import random
from functools import lru_cache

# Threshold bands per step level: X always, x early, - later, g last; G a ghost note that belongs
# to the groove itself (funk), kept from density 0.3 up.
LEVEL_BANDS = {"X": (0.0, 0.0), "x": (0.02, 0.35), "-": (0.3, 0.95), "g": (0.45, 1.0), "G": (0.1, 0.3)}
LEVEL_VELOCITY = {"X": 112, "x": 94, "-": 74, "g": 38, "G": 40}


@lru_cache(maxsize=1024)
def swung(beat: float, swing: float, swing16: float = 0.0) -> float:
    """Move off-beat eighths (and sixteenths) later: swing 1 puts the eighth on the last triplet.

    Cached: a pure function of three numbers, and a part asks for the same grid positions
    many times.
    """
    whole = int(beat // 1)
    frac = beat - whole
    if abs(frac - 0.5) < 1e-6:
        return whole + 0.5 + swing / 6.0
    if abs(frac - 0.25) < 1e-6 or abs(frac - 0.75) < 1e-6:
        return beat + swing16 / 12.0
    return beat


def metric_threshold(pos_in_beat: float, rng: random.Random) -> float:
    """A density threshold that keeps beats first, then eighths, then sixteenths and triplets."""
    frac = pos_in_beat % 1.0
    if frac < 1e-6:
        return rng.uniform(0.0, 0.25)
    if abs(frac - 0.5) < 1e-6:
        return rng.uniform(0.2, 0.6)
    return rng.uniform(0.45, 1.0)


def level_threshold(level: str, rng: random.Random) -> float:
    low, high = LEVEL_BANDS[level]
    return low if low == high else rng.uniform(low, high)


def humanized(
    beat: float, velocity: int, amount: float, rng: random.Random, lag: float = 0.0
) -> tuple[float, int]:
    """Jitter a start by up to ±0.02 beats and a velocity by up to ±10 at amount 1; clamped.

    ``lag`` (beats) moves the start later as well: a laid-back feel. Amount 0 and lag 0 leave
    the start exactly where it was.
    """
    r1, r2 = rng.random(), rng.random()
    start = beat + lag + (r1 - 0.5) * 0.04 * amount
    vel = velocity + round((r2 - 0.5) * 20 * amount)
    return (start if start > 0.0 else 0.0), (vel if 1 <= vel <= 127 else 1 if vel < 1 else 127)
