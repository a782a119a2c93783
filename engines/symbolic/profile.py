"""A clip's rhythm, register and role, from its notes (beats, MIDI pitches).

The role guess: drums when the notes sit on the GM drum map's core voices in short hits, bass when
the line is mostly single notes low down, chords when several notes usually sound at once,
melody otherwise.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from engines.music import Note

# kicks, snares, clap, hats, crash and ride (and its bell), tambourine, cowbell, cabasa, maracas
GM_CORE_DRUMS = frozenset({35, 36, 37, 38, 39, 40, 42, 44, 46, 49, 51, 53, 54, 56, 57, 69, 70})
ONSET_TOLERANCE = 1e-3
STACK_BEATS = 0.04  # hits this close strike together (a drummer's flam is wider)


@dataclass(frozen=True, slots=True)
class ClipProfile:
    role: str  # "drums" | "bass" | "chords" | "melody" | "empty"
    onsets_beats: tuple[float, ...]  # distinct note starts, rising
    notes_per_beat: float
    offbeat_share: float  # share of onsets not on a beat (syncopation)
    lowest: int | None
    highest: int | None
    median_pitch: float | None
    polyphony: float  # mean notes sounding at an onset


def onsets(notes: Sequence[Note]) -> tuple[float, ...]:
    """Distinct start times of the sounding notes, rising."""
    out: list[float] = []
    for t in sorted(n.start_beats for n in notes if not n.mute):
        if not out or t - out[-1] > ONSET_TOLERANCE:
            out.append(t)
    return tuple(out)


def _sounding_at(notes: Sequence[Note], t: float) -> int:
    """How many notes sound at time ``t`` (held notes count, so arpeggios read as chords)."""
    return sum(
        1
        for n in notes
        if n.start_beats - ONSET_TOLERANCE <= t < n.start_beats + n.duration_beats - ONSET_TOLERANCE
    )


def is_drum_part(notes: Sequence[Note]) -> bool:
    """True when most notes are short hits on the GM drum map's core voices and either several
    voices strike together (kick with hat) or one voice plays alone; a low bassline on the same
    pitches (B1, C#2, D2) plays one note at a time on several pitches and is not drums."""
    sounding = [n for n in notes if not n.mute]
    if not sounding:
        return False
    core = sum(1 for n in sounding if n.pitch in GM_CORE_DRUMS and n.duration_beats <= 0.5)
    if core < 0.6 * len(sounding):
        return False
    starts = sorted(n.start_beats for n in sounding)
    together = sum(1 for a, b in pairwise(starts) if b - a < STACK_BEATS)  # humanized hits still stack
    stacked = together >= 0.1 * len(sounding)
    return stacked or len({n.pitch for n in sounding}) == 1


def profile(notes: Sequence[Note], length_beats: float, *, drums: bool | None = None) -> ClipProfile:
    """Role, onsets, density, syncopation and register of a clip of ``length_beats``.

    ``drums`` True or False overrides the guess (a track named "Drums"); None guesses.
    """
    sounding = [n for n in notes if not n.mute]
    times = onsets(sounding)
    if not sounding:
        return ClipProfile("empty", (), 0.0, 0.0, None, None, None, 0.0)
    pitches = [n.pitch for n in sounding]
    polyphony = sum(_sounding_at(sounding, t) for t in times) / max(1, len(times))
    offbeat = sum(1 for t in times if abs(t - round(t)) > 0.01) / len(times)
    median = float(statistics.median(pitches))
    if is_drum_part(sounding) if drums is None else drums:
        role = "drums"
    elif polyphony >= 1.8:
        role = "chords"
    elif median < 55:
        role = "bass"
    else:
        role = "melody"
    return ClipProfile(
        role,
        times,
        len(sounding) / max(length_beats, 1e-9),
        offbeat,
        min(pitches),
        max(pitches),
        median,
        polyphony,
    )
