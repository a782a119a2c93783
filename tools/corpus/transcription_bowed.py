"""A tune set for the bass kind's note starts (a87): bowed and slow-attack low lines, whose onset maps
climb slowly, beside which a plucked low note's early start is judged, drawn from a seed and rendered
through FluidR3 by fluidsynth into the cache (never the repository).

Each item is 8 bars of legato lines in eighths, quarters and halves: steps through the key, repeated
notes and leaps of a fifth or an octave, in two registers (E1-C3 and C2-A3, a cello's), at several
tempos. Every program is one that none of the held-out sets used (the instrument set's test half, the
sung set, ``transcription_pieces``), so a rule chosen here is read fresh on those.

    .venv/bin/python -m tools.corpus.transcription_bowed [--json F]

prints onset F / onset+offset F (mir_eval, 50 ms) per program for this tree's bass kind.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from tools.corpus.transcription_leaps import BARS, MAJOR, Row, bass_items, score

SET_VERSION = 1
SEEDS = (31, 32, 33)
TEMPOS_BPM = (72, 88, 104, 120, 96, 112)
# GM programs (0-based), bowed or slow to speak; none in a held-out set
PROGRAMS = (48, 49, 50, 44)  # string ensemble 1, string ensemble 2, synth strings 1, tremolo strings
ROOTS = ((28, 35), (36, 43))  # a line's key starts from E1-B1 or C2-G2
LENGTHS = (0.5, 0.5, 1.0, 1.0, 2.0)
MOVES = (-1, 1, -2, 2, 0, 0, 4, -4, 7, -7)  # scale steps: seconds, thirds, repeats, fifths, octaves
# a90: a cello-register line (keys from C2-G2) on bowed programs that no held-out set uses, where the
# tracker already starts many notes near on time: a rule that moves right bowed notes early is seen here
CELLO_PROGRAMS = (40, 110, 51)  # violin (the instrument set's tune half), fiddle, synth strings 2


def bowed_line(rng: random.Random, roots: tuple[tuple[int, int], ...] = ROOTS) -> list[Row]:
    """BARS bars of a legato low line: steps, repeats and leaps in eighths, quarters and halves."""
    root = rng.randint(*rng.choice(roots))
    keys = [p for p in range(root, root + 20) if (p - root) % 12 in MAJOR]
    rows: list[Row] = []
    i = rng.randrange(len(keys) // 2)
    at = 0.0
    while at < BARS * 4.0 - 0.01:
        length = min(rng.choice(LENGTHS), BARS * 4.0 - at)
        i = min(max(i + rng.choice(MOVES), 0), len(keys) - 1)
        rows.append((keys[i], at, length))
        at += length
    return rows


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"transcription-bowed-v{SET_VERSION}"


def items(out: Path) -> list[dict[str, Any]]:
    """Every program at every seed (tempo cycled): kind, program, seed, tempo, wav and truth in seconds."""
    return bass_items(out, bowed_line, "the bowed set", PROGRAMS, SEEDS, TEMPOS_BPM)


def cello_items(out: Path) -> list[dict[str, Any]]:
    """a90's cello-register lines: CELLO_PROGRAMS at every seed, keys from C2-G2 only."""
    return bass_items(
        out, lambda rng: bowed_line(rng, ROOTS[1:]), "the cello set", CELLO_PROGRAMS, SEEDS, TEMPOS_BPM
    )


def main() -> None:
    score(__doc__.splitlines()[0], default_out(), items)


if __name__ == "__main__":
    main()
