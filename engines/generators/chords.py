"""The chords part: voicings with smooth voice leading (or power chords), in the genre's comping rhythm.

A rhythm pattern is read from each chord's start: ``x`` strikes the voicing, ``-`` holds,
``.`` rests, a digit strikes one voice (arpeggios, 0 = lowest). The first strike of each
chord and of each strong beat is always kept; density adds the others.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from engines.generators.feel import resolve
from engines.generators.harmony import progression
from engines.generators.theory import VOICES, chord_tones, fifth_above, strong_beats
from engines.generators.timing import humanized, metric_threshold, swung
from engines.music import Chord, MusicalContext, Note
from engines.presets import load_genre

SALT = 37


def voicings(pcs: Sequence[int], low: int, high: int) -> list[tuple[int, ...]]:
    """Every close-position inversion of ``pcs`` that fits in low..high, each listed low to high."""
    out: list[tuple[int, ...]] = []
    for r in range(len(pcs)):
        order = list(pcs[r:]) + list(pcs[:r])
        first = low + (order[0] - low) % 12
        while first + 12 * 2 <= high + 12:
            notes = [first]
            for pc in order[1:]:
                notes.append(notes[-1] + 1 + (pc - notes[-1] - 1) % 12)
            if notes[-1] <= high:
                out.append(tuple(notes))
            first += 12
    return out


@lru_cache(maxsize=4096)
def voice(pcs: tuple[int, ...], low: int, high: int, previous: tuple[int, ...] | None) -> tuple[int, ...]:
    """The voicing nearest the previous one (total voice movement), or nearest the register centre.

    Cached: a pure function of small tuples, and a progression repeats its chord moves.
    """
    options = voicings(pcs, low, high) or [tuple(low + (pc - low) % 12 for pc in pcs)]
    if previous is None:
        centre = (low + high) / 2 - 3
        return min(options, key=lambda v: (abs(sum(v) / len(v) - centre), v))
    prev = sorted(previous)

    def movement(v: tuple[int, ...]) -> float:
        if len(v) == len(prev):
            return float(sum(abs(a - b) for a, b in zip(v, prev, strict=True)))
        return abs(sum(v) / len(v) - sum(prev) / len(prev)) * len(v) + abs(v[-1] - prev[-1])

    return min(options, key=lambda v: (movement(v), v))


def chord_voicings(chords: Sequence[Chord], low: int, high: int, voices: int) -> list[tuple[int, ...]]:
    """Voice-led voicings for a progression; ``voices`` 3 keeps triads, 4 keeps sevenths."""
    out: list[tuple[int, ...]] = []
    previous: tuple[int, ...] | None = None
    for chord in chords:
        previous = voice(chord_tones(chord)[:voices], low, high, previous)
        out.append(previous)
    return out


def power_voicings(chords: Sequence[Chord], low: int, high: int) -> list[tuple[int, ...]]:
    """Power chords: root, fifth and octave, each root as low as ``low`` allows (a guitar's riff
    register: the shape moves with the root, nothing is voice-led); the octave only below ``high``."""
    out: list[tuple[int, ...]] = []
    for chord in chords:
        root = low + (chord.root - low) % 12
        out.append(tuple(p for p in (root, root + fifth_above(chord.quality), root + 12) if p <= high))
    return out


@lru_cache(maxsize=256)
def strikes(pattern: str, steps: int, force_first: bool) -> tuple[tuple[int, str, int], ...]:
    """Each strike of ``pattern`` read over a chord's ``steps``: (step, character, steps held).

    ``force_first`` turns a rest or hold on step 0 into a strike. Cached: pure in small values.
    """
    chars = [pattern[step % len(pattern)] for step in range(steps)]
    if force_first and chars[0] in ".-":
        chars[0] = "x"
    out = []
    for step, char in enumerate(chars):
        if char in ".-":
            continue
        length = 1
        while step + length < steps and chars[step + length] == "-":
            length += 1
        out.append((step, char, length))
    return tuple(out)


def generate(
    ctx: MusicalContext,
    *,
    density: float = 0.5,
    complexity: float = 0.5,
    seed: int = 0,
    chords: Sequence[Chord] | None = None,
) -> list[Note]:
    """The chords part over the clip's progression (``chords`` given, or HarmonyRoo's)."""
    genre = load_genre(ctx.genre)
    spec = genre.chords
    progression_ = list(chords) if chords is not None else progression(ctx, complexity=complexity, seed=seed)
    rng = random.Random(seed * 1000 + SALT)
    pattern = spec["rhythm"][rng.randrange(len(spec["rhythm"]))]
    spb = int(spec["steps_per_beat"])
    low, high = spec["range"]
    if spec["voicing"] == "power":
        voiced = power_voicings(progression_, low, high)
    else:
        voiced = chord_voicings(progression_, low, high, VOICES[spec["voicing"]])
    bar_beats = ctx.beats_per_bar
    strong = strong_beats(ctx.signature)
    force = bool(spec.get("force_on_change", False))
    timing = resolve(ctx, genre)
    notes: list[Note] = []
    for chord, voicing in zip(progression_, voiced, strict=True):
        end = chord.start_beats + chord.duration_beats
        segment = -1.0
        for step, char, length in strikes(pattern, max(1, round(chord.duration_beats * spb)), force):
            beat = chord.start_beats + step / spb
            in_bar = beat % bar_beats
            seg = beat // bar_beats * 10 + bisect_right(strong, in_bar + 1e-6)  # strong beats passed
            core = seg != segment  # the first strike of the chord, or after a strong beat
            segment = seg
            threshold = 0.0 if core else metric_threshold(in_bar, rng)
            held = end - beat if char.isdigit() else length / spb  # arpeggios ring to the change
            duration = min(held, end - beat) * (0.92 if length > 1 or char.isdigit() else 0.7)
            sounding = round(max(0.1, duration), 4)
            pitches = voicing if char == "x" else [voicing[min(int(char), len(voicing) - 1)]]
            start = swung(in_bar, timing.swing, timing.swing16) + (beat - in_bar)
            for pitch in pitches:
                at, vel = humanized(start, 84 if core else 72, timing.humanize * 0.5, rng, timing.lag)
                if threshold <= density:
                    notes.append(Note(pitch, round(at, 4), sounding, vel))
    return notes
