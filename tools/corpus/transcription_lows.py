"""A tune set for the bass kind's octave handling (a84): picked and plucked lines on low notes (E1-C2)
whose upper harmonics the model may hear louder than the note, and the same programs leaping octaves,
drawn from a seed and rendered through FluidR3 by fluidsynth into the cache (never the repository).

Each item is 8 bars: bars of low notes in eighths (steps and repeats) or quarters, and bars leaping an
octave in eighths (up and down) or quarters, roots E1-C2, at several tempos. Every program is one that
neither transcription set half, the sung set, ``transcription_pieces`` nor ``transcription_leaps`` used,
so a rule chosen here is read fresh on all of those.

    .venv/bin/python -m tools.corpus.transcription_lows [--json F]

prints onset F / onset+offset F (mir_eval, 50 ms) per program for this tree's bass kind.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from tools.corpus.transcription_leaps import BARS, MAJOR, Row, bass_items, score

SET_VERSION = 1
SEEDS = (21, 22, 23)
TEMPOS_BPM = (80, 100, 116, 132, 90, 124)
# GM programs (0-based), picked and plucked; none in any other transcription or sung set
PROGRAMS = (26, 27, 28, 45, 46, 107)  # jazz guitar, clean guitar, muted guitar, pizzicato, harp, koto
LOWEST, HIGHEST = 28, 36  # E1..C2: every low note of a line
SHAPES = ("eighths", "repeat", "quarters", "up", "down", "octave quarters")


def low_line(rng: random.Random) -> list[Row]:
    """BARS bars of low notes (E1-C2) in eighths and quarters, some bars leaping an octave above them."""
    root = rng.randint(LOWEST, HIGHEST - 5)
    lows = [p for p in range(LOWEST, HIGHEST + 1) if (p - root) % 12 in MAJOR]
    rows: list[Row] = []
    for bar in range(BARS):
        low = rng.choice(lows)
        shape = rng.choice(SHAPES)
        if shape == "eighths":  # steps through the low notes
            i = lows.index(low)
            beats = [(lows[min(max(i + rng.choice((-1, 0, 1)), 0), len(lows) - 1)], 0.5) for _ in range(8)]
        elif shape == "repeat":  # one low note, eighths
            beats = [(low, 0.5)] * 8
        elif shape == "quarters":
            beats = [(rng.choice(lows), 1.0) for _ in range(4)]
        elif shape == "up":  # low high low high
            beats = [(low + 12 * (i % 2), 0.5) for i in range(8)]
        elif shape == "down":  # high low high low
            beats = [(low + 12 * ((i + 1) % 2), 0.5) for i in range(8)]
        else:  # low, octave, low, octave in quarters
            beats = [(low + 12 * (i % 2), 1.0) for i in range(4)]
        at = bar * 4.0
        for pitch, length in beats:
            rows.append((pitch, at, length))
            at += length
    return rows


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"transcription-lows-v{SET_VERSION}"


def items(out: Path) -> list[dict[str, Any]]:
    """Every program at every seed (tempo cycled): kind, program, seed, tempo, wav and truth in seconds."""
    return bass_items(out, low_line, "the lows set", PROGRAMS, SEEDS, TEMPOS_BPM)


def main() -> None:
    score(__doc__.splitlines()[0], default_out(), items)


if __name__ == "__main__":
    main()
