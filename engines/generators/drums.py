"""DrummaRoo, first cut: a General MIDI kick/snare/hat groove that follows the signature."""

from __future__ import annotations

import random

from engines.music import MusicalContext, Note

KICK, SNARE, CLOSED_HAT = 36, 38, 42


def generate(ctx: MusicalContext, *, density: float = 0.5, complexity: float = 0.5, seed: int = 0) -> list[Note]:
    """Kick on the downbeat, snare on the backbeat, eighth hats thinned by density."""
    rng = random.Random(seed)
    notes: list[Note] = []
    beats = int(round(ctx.beats_per_bar))
    for bar in range(ctx.bars):
        bar_start = bar * ctx.beats_per_bar
        for beat in range(beats):
            t = bar_start + beat
            if beat % 2 == 0:
                notes.append(Note(KICK, t, 0.25, 110))
            else:
                notes.append(Note(SNARE, t, 0.25, 100))
            for half in (0.0, 0.5):
                if half == 0.0 or rng.random() < density:
                    notes.append(Note(CLOSED_HAT, t + half, 0.125, 70 + rng.randrange(20)))
    return notes
