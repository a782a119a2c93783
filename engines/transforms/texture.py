"""Transforms of how much sounds: density (thin or densify), ornament, fill.

Density is monotonic for a seed: every note kept at one amount is kept at any higher amount,
and every note added at one amount is added at any higher one. Drum parts get drum ornaments
(flams) and drum fills (snare and toms); pitched parts get grace notes, passing tones and runs.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from engines.music import Note
from engines.symbolic.profile import is_drum_part
from engines.transforms.options import TransformOptions
from engines.transforms.pitch import clip_key, diatonic_shift, groups, scale_pitches

GRACE_BEATS = 0.125
FLAM_BEATS = 0.0625
FILL_VOICES = (38, 50, 48, 47, 45, 43, 41)  # snare, then the toms high to low


def _strength(t: float, bar: float) -> float:
    """Metric weight of a time: 1 on the bar, less on beats, 8ths and 16ths."""
    x = t % bar
    for weight, unit in ((1.0, bar), (0.75, 2.0), (0.6, 1.0), (0.4, 0.5), (0.25, 0.25)):
        if abs(x / unit - round(x / unit)) < 1e-6:
            return weight
    return 0.1


def density(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """``amount`` 0.5 keeps the notes; below thins them (weak beats first), above adds repeats on free
    grid lines (strong lines first). 0 keeps the strongest quarter, 1 roughly doubles."""
    rng = random.Random(seed)
    gs = groups(notes)
    if o.amount <= 0.5:
        ranked = sorted(
            range(len(gs)), key=lambda i: (-_strength(gs[i][0].start_beats, o.beats_per_bar), rng.random())
        )
        keep_count = round(len(gs) * (0.25 + 1.5 * o.amount))
        kept = set(ranked[: max(1 if gs else 0, keep_count)])
        return [n for i, g in enumerate(gs) if i in kept for n in g]
    taken = {round(g[0].start_beats / o.grid) for g in gs}
    free = [k for k in range(int(o.length_beats / o.grid)) if k not in taken]
    order = sorted(free, key=lambda k: (-_strength(k * o.grid, o.beats_per_bar), rng.random()))
    extra = order[: round(len(gs) * (o.amount - 0.5) * 2)]
    out = list(notes)
    starts = [g[0].start_beats for g in gs]
    for k in extra:
        t = k * o.grid
        before = [g for s, g in zip(starts, gs, strict=True) if s <= t] or gs[:1]
        if not before:
            break
        source = before[-1]
        out += [replace(n, start_beats=t, duration_beats=min(n.duration_beats, o.grid), velocity=max(1, n.velocity - 12))
                for n in source]  # fmt: skip
    return out


def ornament(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """With chance ``amount`` per note: a grace note a scale step above (drums: a flam), and between
    two melody notes a third apart, the passing tone between them."""
    rng = random.Random(seed)
    drums = is_drum_part(notes)
    out = list(notes)
    if drums:
        for n in notes:
            if n.start_beats >= FLAM_BEATS and rng.random() < o.amount * 0.5:
                out.append(replace(n, start_beats=n.start_beats - FLAM_BEATS, duration_beats=FLAM_BEATS,
                                   velocity=max(1, n.velocity // 2)))  # fmt: skip
        return out
    scale = scale_pitches(clip_key(notes, o))
    line = [g for g in groups(notes) if len(g) == 1]
    for a, b in pairwise(line):
        first, second = a[0], b[0]
        gap = second.start_beats - first.start_beats
        step = 1 if second.pitch > first.pitch else -1
        if (
            gap >= 0.5
            and diatonic_shift(first.pitch, 2 * step, scale) == second.pitch
            and rng.random() < o.amount
        ):
            mid = first.start_beats + gap / 2
            out.remove(first)
            out.append(replace(first, duration_beats=gap / 2))
            out.append(replace(first, pitch=diatonic_shift(first.pitch, step, scale), start_beats=mid,
                               duration_beats=gap / 2, velocity=max(1, first.velocity - 10)))  # fmt: skip
        elif first.start_beats >= GRACE_BEATS and rng.random() < o.amount * 0.5:
            out.append(replace(first, pitch=diatonic_shift(first.pitch, 1, scale), duration_beats=GRACE_BEATS,
                               start_beats=first.start_beats - GRACE_BEATS, velocity=max(1, first.velocity - 20)))  # fmt: skip
    return out


def fill(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """The last ``beats`` of the clip (of bar ``bar`` when given) become a fill: 16ths down the toms
    (drums, kick kept), or a scale run up to the tonic (pitched parts)."""
    rng = random.Random(seed)
    end = min(o.length_beats, o.bar * o.beats_per_bar) if o.bar else o.length_beats  # "a fill at bar 8"
    start = max(0.0, end - o.beats)
    after = [n for n in notes if n.start_beats >= end]
    notes = [n for n in notes if n.start_beats < end]
    drums = is_drum_part(notes)
    kept = after + [n for n in notes if n.start_beats < start or (drums and n.pitch in (35, 36))]
    steps = int(o.beats / 0.25 + 1e-9)
    if drums:
        runs = [FILL_VOICES[min(len(FILL_VOICES) - 1, (i * len(FILL_VOICES)) // steps)] for i in range(steps)]
        if rng.random() < 0.5:
            runs = [38 if i % 2 == 0 else p for i, p in enumerate(runs)]
        return kept + [Note(p, round(start + i * 0.25, 6), 0.25, min(127, 70 + (50 * i) // max(1, steps)))
                       for i, p in enumerate(runs)]  # fmt: skip
    key = clip_key(notes, o)
    scale = scale_pitches(key)
    before = [n for n in notes if n.start_beats < start]
    last = max(before, key=lambda n: n.start_beats).pitch if before else 60 + key.tonic
    tonic = min((p for p in scale if (p - key.tonic) % 12 == 0 and p >= last), default=last)
    run = [diatonic_shift(tonic, i - steps + 1, scale) for i in range(steps)]
    trimmed = after + [replace(n, duration_beats=min(n.duration_beats, start - n.start_beats))
                       for n in kept if n.start_beats < end]  # fmt: skip
    return trimmed + [Note(p, round(start + i * 0.25, 6), 0.25, 90) for i, p in enumerate(run)]
