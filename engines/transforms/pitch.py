"""Transforms of which pitches sound: transpose, invert, revoice, vary.

Diatonic moves read the clip's key (given, or detected from the notes); a pitch outside the
scale moves with the scale tone just below it. Pitches stay within MIDI 0..127 (octaves fold in).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace

from engines.errors import InvalidValue
from engines.music import Key, Note, parse_key
from engines.symbolic.keys import detect_key
from engines.transforms.options import TransformOptions

_MODE_SAID = re.compile(
    r"^\s*[A-Ga-g]\s*(?:#|b|sharp|flat|♯|♭)?", re.IGNORECASE
)  # the tonic; a mode after it


def fold(pitch: int) -> int:
    """Bring a pitch into 0..127 by octaves."""
    while pitch > 127:
        pitch -= 12
    while pitch < 0:
        pitch += 12
    return pitch


def clip_key(notes: Sequence[Note], o: TransformOptions) -> Key:
    if o.key is not None:
        return o.key
    key, _ = detect_key(notes)
    return key if key is not None else Key(0, "Major")


def scale_pitches(key: Key) -> list[int]:
    """Every MIDI pitch of the key's scale, rising."""
    return [p for p in range(128) if (p - key.tonic) % 12 in key.intervals]


def diatonic_shift(pitch: int, steps: int, scale: Sequence[int]) -> int:
    """Move ``steps`` scale tones; an out-of-scale pitch keeps its distance to the tone below it.

    Past either end of MIDI's range the result folds back by octaves.
    """
    below = max((i for i, p in enumerate(scale) if p <= pitch), default=0)
    offset = pitch - scale[below]
    per_octave = sum(1 for p in scale if p < 12) or 1
    target = below + steps
    while target >= len(scale):
        target -= per_octave
    while target < 0:
        target += per_octave
    return fold(scale[target] + offset)


def transpose(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """By ``steps`` scale tones, or to the key named by ``to`` (a tonic alone: the nearest shift that
    puts the clip's tonic there; with a mode, "G minor", "D dorian": each note also becomes the same
    degree of that mode), or by ``semitones``."""
    if o.steps:
        scale = scale_pitches(clip_key(notes, o))
        return [replace(n, pitch=diatonic_shift(n.pitch, o.steps, scale)) for n in notes]
    shift = o.semitones
    if o.to:
        try:
            target = parse_key(o.to)
        except InvalidValue as exc:
            raise InvalidValue(
                f"transpose to {o.to!r} is not a note name or a key: expected e.g. E, Bb, F#, 'G minor', 'D dorian'"
            ) from exc
        source = clip_key(notes, o)
        shift = (target.tonic - source.tonic) % 12
        shift = shift - 12 if shift > 6 else shift
        if _MODE_SAID.sub("", o.to).strip() and target.intervals != source.intervals:  # "to G minor"
            return [replace(n, pitch=fold(to_mode(n.pitch, source, target) + shift)) for n in notes]
    return [replace(n, pitch=fold(n.pitch + shift)) for n in notes]


def to_mode(pitch: int, source: Key, target: Key) -> int:
    """The pitch as the same degree of ``target``'s scale, at ``source``'s tonic (the tonic's move is
    the caller's): C major's E is C minor's Eb, D dorian's B is D minor's Bb. A pitch between scale
    tones keeps its distance above the tone below it. Scales of unequal size (a pentatonic) take
    the target's nearest tone instead, the lower of two equally near."""
    rel = (pitch - source.tonic) % 12
    if len(source.intervals) == len(target.intervals):
        degree = max(i for i, step in enumerate(source.intervals) if step <= rel)
        return pitch + target.intervals[degree] - source.intervals[degree]
    tones = [step + 12 * k for step in target.intervals for k in (-1, 0, 1)]
    nearest = min(tones, key=lambda t: (abs(t - rel), t))
    return pitch + nearest - rel


def invert(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Mirror every pitch around ``pivot`` (default: the first note), in scale steps when it is in the key."""
    if not notes:
        return []
    pivot = o.pivot if o.pivot is not None else min(notes, key=lambda n: (n.start_beats, n.pitch)).pitch
    scale = scale_pitches(clip_key(notes, o))
    index = {p: i for i, p in enumerate(scale)}
    out = []
    for n in notes:
        if pivot in index and n.pitch in index:
            target = 2 * index[pivot] - index[n.pitch]
            pitch = scale[max(0, min(len(scale) - 1, target))]
        else:
            pitch = fold(2 * pivot - n.pitch)
        out.append(replace(n, pitch=pitch))
    return out


def groups(notes: Sequence[Note]) -> list[list[Note]]:
    """Notes that start together (within 1/64 beat), in time order."""
    out: list[list[Note]] = []
    for n in sorted(notes, key=lambda n: (n.start_beats, n.pitch)):
        if out and abs(out[-1][0].start_beats - n.start_beats) < 1 / 64:
            out[-1].append(n)
        else:
            out.append([n])
    return out


def _voicing(pitches: list[int], style: str, previous: list[int] | None) -> list[int]:
    bass, upper = pitches[0], sorted({p % 12 for p in pitches[1:]} - {pitches[0] % 12} or {pitches[0] % 12})
    if style == "smooth" and previous:
        centre = sum(previous) / len(previous)
        upper_notes = sorted(
            min((pc + 12 * k for k in range(11)), key=lambda p: abs(p - centre)) for pc in upper
        )
        return [bass, *[p for p in upper_notes if p > bass]] if upper_notes else [bass]
    # Each upper pitch class at its first pitch above the bass; the bass's own class an octave up.
    close = sorted(bass + ((pc - bass) % 12 or 12) for pc in upper)
    if style == "open":
        close = [p + 12 if i % 2 else p for i, p in enumerate(close)]
    elif style == "drop2" and len(close) >= 2:
        # Drop-2: the second-highest voice of the close voicing sounds an octave below the others. A
        # close voicing lies within the octave above the bass, so dropping that voice would put it
        # under the bass: the other voices go up an octave instead, keeping the bass at the bottom.
        close = [p if i == len(close) - 2 else p + 12 for i, p in enumerate(close)]
    return sorted([bass, *close])


def revoice(notes: Sequence[Note], o: TransformOptions, seed: int = 0) -> list[Note]:
    """Re-voice each chord (3+ notes at once): same bass and pitch classes, new spacing."""
    out: list[Note] = []
    previous: list[int] | None = None
    for group in groups(notes):
        if len(group) < 3:
            out += group
            continue
        ordered = sorted(group, key=lambda n: n.pitch)
        pitches = [fold(p) for p in _voicing([n.pitch for n in ordered], o.style, previous)]
        template = ordered[0]
        out += [replace(template, pitch=p, velocity=ordered[min(i, len(ordered) - 1)].velocity)
                for i, p in enumerate(pitches)]  # fmt: skip
        previous = pitches[1:] or pitches
    return out


def vary(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """keep "rhythm": ``amount`` of the notes get a nearby scale tone; keep "pitches": of the onsets move
    to a free grid line between their neighbours, so the pitch order stays."""
    rng = random.Random(seed)
    if o.keep == "rhythm":
        scale = scale_pitches(clip_key(notes, o))
        out = []
        for n in notes:
            if rng.random() < o.amount:
                out.append(replace(n, pitch=diatonic_shift(n.pitch, rng.choice((-2, -1, 1, 2)), scale)))
            else:
                out.append(n)
        return out
    gs = groups(notes)
    starts = [g[0].start_beats for g in gs] + [o.length_beats]
    out = []
    for i, g in enumerate(gs):
        start = starts[i]
        low = starts[i - 1] if i else -o.grid
        lines = [k * o.grid for k in range(int(low / o.grid) + 1, int(starts[i + 1] / o.grid + 1e-9) + 1)]
        lines = [t for t in lines if low < t < starts[i + 1] - 1e-9 and t != start]
        if lines and rng.random() < o.amount:
            start = rng.choice(lines)
            starts[i] = start
        room = starts[i + 1] - start
        out += [
            replace(n, start_beats=round(start, 6), duration_beats=round(min(n.duration_beats, room), 6))
            for n in g
        ]
    return out
