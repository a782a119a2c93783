"""Transforms that play a part in another rhythm: four on the floor, offbeat stabs, ghost notes,
more movement (issue 44's feels).

- ``four_on_the_floor``: a kick on every beat of every bar (drums; the other voices stay, the old
  kicks go). A pitched part plays its sounding notes on every beat instead.
- ``offbeat_stabs``: each chord (notes starting together) is played as short stabs on the "and"s
  of the beats it spans: the skank of reggae, the stabs of house.
- ``ghost_notes``: quiet snare hits on the 16ths before and after each snare hit that are free
  (drums); velocity ``GHOST_VELOCITY``; ``amount`` is the share of free places filled (0.5 default).
- ``more_movement``: a held note is broken into 8ths that step between its pitch, the octave and the
  fifth above (a bass or a melody that walks instead of sitting); ``amount`` the share broken.

Pure functions of notes and options; those with chance take a seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from engines.music import Note
from engines.symbolic.profile import is_drum_part
from engines.transforms.drum_voices import VOICES
from engines.transforms.options import TransformOptions
from engines.transforms.pitch import groups

KICK = 36
SNARE = 38
GHOST_VELOCITY = 35
STAB_BEATS = 0.25  # a stab is a 16th long
MOVE_STEP = 0.5  # more movement: 8th notes
_EPS = 1e-6


def _beats(o: TransformOptions) -> list[float]:
    count = int(o.length_beats + _EPS)
    return [float(b) for b in range(count)]


def four_on_the_floor(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """A kick on every beat (the old kicks replaced); a pitched part's sounding pitches on every beat."""
    if is_drum_part(list(notes)) or not notes:
        kicks = [n for n in notes if n.pitch in VOICES["kick"]]
        velocity = max((n.velocity for n in kicks), default=110)
        rest = [n for n in notes if n.pitch not in VOICES["kick"]]
        return rest + [Note(KICK, b, 0.25, velocity) for b in _beats(o)]
    out = []
    for beat in _beats(o):
        sounding = [n for n in notes if n.start_beats <= beat + _EPS < n.start_beats + n.duration_beats]
        out += [replace(n, start_beats=beat, duration_beats=min(1.0, n.duration_beats)) for n in sounding]
    return out


def offbeat_stabs(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Each chord as 16th stabs on the offbeat 8ths ("and"s) it spans; a chord shorter than the
    next offbeat moves onto that offbeat."""
    out: list[Note] = []
    for chord in groups(notes):
        start = chord[0].start_beats
        end = start + max(n.duration_beats for n in chord)
        first = int(start + _EPS) + 0.5
        if first < start - _EPS:
            first += 1.0
        t = first
        placed = False
        while t < end - _EPS or not placed:
            if t >= o.length_beats - _EPS:
                break
            out += [replace(n, start_beats=t, duration_beats=STAB_BEATS) for n in chord]
            placed = True
            t += 1.0
    return out


def ghost_notes(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """Quiet snare hits on free 16ths next to the snare hits (a share ``amount`` of them)."""
    rng = random.Random(seed)
    taken = {round(n.start_beats / 0.25) for n in notes}
    snares = sorted({round(n.start_beats / 0.25) for n in notes if n.pitch in VOICES["snare"]})
    if not snares:  # no snare yet: around the backbeat (beats 2 and 4)
        snares = [round(b / 0.25) for b in _beats(o) if int(b) % 2 == 1]
    free = sorted({k + d for k in snares for d in (-1, 1, 2)} - taken)
    free = [k for k in free if 0 <= k * 0.25 < o.length_beats - _EPS]
    chosen = [k for k in free if rng.random() < max(o.amount, 0.01)] or free[:1]
    return [*notes, *(Note(SNARE, k * 0.25, 0.125, GHOST_VELOCITY) for k in chosen)]


def more_movement(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """Held notes (a quarter or longer) broken into 8ths stepping root, octave, fifth, octave."""
    rng = random.Random(seed)
    out: list[Note] = []
    pattern = (0, 12, 7, 12)
    for n in notes:
        if n.duration_beats < 1.0 - _EPS or rng.random() > max(o.amount, 0.01) * 2:
            out.append(n)
            continue
        steps = int(n.duration_beats / MOVE_STEP + _EPS)
        for i in range(steps):
            pitch = n.pitch + pattern[i % len(pattern)]
            pitch = pitch if pitch <= 127 else n.pitch
            out.append(replace(n, pitch=pitch, start_beats=round(n.start_beats + i * MOVE_STEP, 6),
                               duration_beats=MOVE_STEP))  # fmt: skip
    return out
