"""Transforms of where and how hard hits land: add a drum voice, louder/softer, shift in time,
a waltz (3/4), only the ones, straight, syncopated (issue 44's operations on parts and voices).

- ``drums_add``: hits of the named ``voices`` on the beats the scope names (``on`` offbeats /
  downbeats / backbeat, ``beat`` N), else the voice's own place: kick every beat, snare and clap
  the backbeat, hats and shakers every 8th, ride every beat, a crash on the bar's one, toms the
  last beat. Only in the bars the scope options name (``places.in_bars``).
- ``clear``: the notes in the scope taken out (all of them without one).
- ``velocity``: ``amount`` 0.5 keeps, above is louder (1.0 doubles), below softer (0 halves).
- ``shift``: every note ``offset`` beats later (+) or earlier (-), kept inside the clip.
- ``waltz``: each 4/4 bar becomes a 3/4 bar: beats 1-3 kept, beat 4 dropped, the clip 3/4 as long.
- ``sparse_hits``: only the notes on each bar's one, played short (stabs on the one).
- ``straight``: swung or pushed 8ths back onto the 8th grid.
- ``syncopate``: notes on beats 2 and 4 (not the ones) pushed an 8th earlier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from engines.music import Note
from engines.transforms.options import TransformOptions
from engines.transforms.places import in_bars

VOICE_NOTES = {"kick": 36, "snare": 38, "clap": 39, "claps": 39, "hats": 42, "closed": 42, "open": 46,
               "ride": 51, "cymbals": 49, "crash": 49, "toms": 45, "percussion": 70, "shakers": 70}  # fmt: skip
# a voice's own beats in a 4-beat bar, when the sentence names none
VOICE_BEATS = {"kick": (0, 1, 2, 3), "snare": (1, 3), "clap": (1, 3), "claps": (1, 3), "ride": (0, 1, 2, 3),
               "cymbals": (0,), "crash": (0,), "toms": (3, 3.25, 3.5, 3.75)}  # fmt: skip
EIGHTHS = tuple(i * 0.5 for i in range(8))


def _beats_in_bar(voice: str, o: TransformOptions) -> tuple[float, ...]:
    if o.on == "offbeats":
        return tuple(b + 0.5 for b in range(4))
    if o.on == "downbeats":
        return (0.0, 1.0, 2.0, 3.0)
    if o.on == "backbeat":
        return (1.0, 3.0)
    if o.beat:
        return (float(o.beat - 1),)
    return VOICE_BEATS.get(voice, EIGHTHS)


def drums_add(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """The notes, with hits of each named voice where the scope says (none where one is there)."""
    bars = max(1, math.ceil(o.length_beats / o.beats_per_bar - 1e-9))
    taken = {(n.pitch, round(n.start_beats, 3)) for n in notes}
    out = list(notes)
    for voice in o.voices:
        pitch = VOICE_NOTES.get(voice, 70)
        for bar in range(1, bars + 1):
            if (o.bar and bar != o.bar) or not in_bars(bar, o):
                continue
            for b in _beats_in_bar(voice, o):
                t = round((bar - 1) * o.beats_per_bar + b, 6)
                if b < o.beats_per_bar and t < o.length_beats and (pitch, round(t, 3)) not in taken:
                    out.append(Note(pitch, t, 0.25, 100 if b % 1 == 0 else 85))
    return out


def clear(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """No notes: with a scope, the notes there are taken out and the rest stay ("delete the melody
    notes after bar 12")."""
    return []


def velocity_factor(amount: float) -> float:
    """How far ``velocity`` scales the velocities at ``amount``: 0.5 keeps, 1.0 doubles, 0.0 halves."""
    return float(2 ** ((amount - 0.5) * 2))


def velocity(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Velocities scaled: amount 0.5 keeps, 1.0 doubles, 0.0 halves (1..127)."""
    factor = velocity_factor(o.amount)
    return [replace(n, velocity=min(127, max(1, round(n.velocity * factor)))) for n in notes]


def shift(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Every note ``offset`` beats later (earlier when negative), inside 0..length."""
    last = max(0.0, o.length_beats - 1e-3)
    return [replace(n, start_beats=round(min(last, max(0.0, n.start_beats + o.offset)), 6)) for n in notes]


def waltz(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> tuple[list[Note], float]:
    """4/4 bars to 3/4 bars: beats 1-3 of each bar kept in place, beat 4 dropped."""
    bar = o.beats_per_bar
    out = []
    for n in notes:
        index, inside = divmod(n.start_beats, bar)
        if inside < 3.0 - 1e-6:
            out.append(replace(n, start_beats=round(index * 3.0 + inside, 6),
                               duration_beats=min(n.duration_beats, 3.0 - inside)))  # fmt: skip
    bars = max(1, math.ceil(o.length_beats / bar - 1e-9))
    return out, bars * 3.0


def sparse_hits(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Only the notes on the one of each bar, as short stabs."""
    return [replace(n, duration_beats=min(n.duration_beats, 0.5)) for n in notes
            if (n.start_beats + 1 / 16) % o.beats_per_bar < 1 / 8]  # fmt: skip


def straight(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Off-grid 8ths onto the straight 8th grid."""
    return [replace(n, start_beats=round(round(n.start_beats * 2) / 2, 6)) for n in notes]


def syncopate(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Notes on beats 2 and 4 pushed an 8th earlier (anticipations)."""
    out = []
    for n in notes:
        inside = (n.start_beats + 1 / 16) % o.beats_per_bar
        on_two_or_four = inside % 1.0 < 1 / 8 and int(inside) % 2 == 1
        out.append(replace(n, start_beats=round(n.start_beats - 0.5, 6)) if on_two_or_four else n)
    return out
