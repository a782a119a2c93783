"""MelodyRoo: motif melodies in four-bar phrases of call, response, call and cadence.

A one-bar motif (rhythm plus a contour in scale steps) is stated, answered by its inversion
with a varied rhythm, restated over the new chord, and closed by a cadence that ends on a
stable chord tone (the tonic at the end of the clip where the chord holds it). Strong beats
take chord tones the key's scale holds, the steps between take the scale fitted to the chord.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache

from engines.generators.feel import resolve
from engines.generators.harmony import progression
from engines.generators.scales import CHROMATIC_SCALES, in_scale, mode_family
from engines.generators.theory import ChordTimeline, chord_scale, pitches_in, strong_beats, voiced_tones
from engines.generators.timing import humanized, swung
from engines.music import Chord, Key, MusicalContext, Note
from engines.presets import load_genre

SALT = 53
STEPS = (-2, -1, -1, -1, 0, 1, 1, 1, 2, 3, -3)
SCALE_SETS = {
    ("pentatonic", "major"): (0, 2, 4, 7, 9),
    ("pentatonic", "minor"): (0, 3, 5, 7, 10),
    ("blues", "major"): (0, 2, 3, 4, 7, 9),
    ("blues", "minor"): (0, 3, 5, 6, 7, 10),
}


def melody_pcs(key: Key, kind: str) -> tuple[int, ...]:
    """The pitch classes a melody moves in: the key's scale, or its pentatonic or blues scale.

    Outside Major and Minor the pentatonic or blues set keeps only the scale's own tones, and a
    scale that shares fewer than five of them keeps the whole scale.
    """
    scale = tuple(sorted(key.pitch_classes))
    if kind == "key":
        return scale
    chosen = tuple(sorted((key.tonic + i) % 12 for i in SCALE_SETS[(kind, mode_family(key))]))
    if key.scale in CHROMATIC_SCALES:
        return chosen
    shared = tuple(pc for pc in chosen if pc in scale)
    return shared if len(shared) >= 5 else scale


@lru_cache(maxsize=4096)
def _step(pitch: int, steps: int, pcs: tuple[int, ...], low: int, high: int) -> int:
    """Move ``steps`` scale steps from ``pitch`` (snapped onto the scale), turning back at the range.

    Cached: a pure function of small values, asked for at every note.
    """
    direction = 1 if steps >= 0 else -1
    for _ in range(abs(steps)):
        nxt = pitch + direction
        while nxt % 12 not in pcs:
            nxt += direction
        if not low <= nxt <= high:
            direction = -direction
            nxt = pitch + direction
            while nxt % 12 not in pcs:
                nxt += direction
        pitch = nxt
    return pitch


NO_PULL = (0.0,) * 12


@lru_cache(maxsize=4096)
def _nearest(pitch: int, pcs: tuple[int, ...], low: int, high: int, pull: tuple[float, ...] = NO_PULL) -> int:
    """The pitch of one of ``pcs`` nearest ``pitch``; ``pull[pc]`` adds a cost in semitones.

    Cached: a pure function of small values that a melody asks for again and again.
    """
    options = pitches_in(pcs, low, high)
    return min(options, key=lambda p: (abs(p - pitch) + pull[p % 12], p)) if options else pitch


def tonal_pull(key: Key) -> tuple[float, ...]:
    """Costs per pitch class that lean strong-beat choices towards the tonic, then the fifth and
    third of the key."""
    third = 4 if mode_family(key) == "major" else 3
    pull = {pc: 3.0 for pc in range(12)}
    pull.update({key.tonic: 0.0, (key.tonic + 7) % 12: 1.0, (key.tonic + third) % 12: 1.5})
    return tuple(pull[pc] for pc in range(12))


def _thresholds(steps: int, grid: int, rng: random.Random, complexity: float) -> list[float]:
    """Per-step density thresholds for one bar, spread evenly over 0..1 in a metric order.

    The downbeat comes first, then (with noise that grows with complexity) beats, eighths and
    sixteenths, so the share of steps kept at a rate r is about r.
    """
    keys = []
    for s in range(steps):
        frac = (s % grid) / grid
        rank = -9.0 if s == 0 else 0 if frac == 0 else 1 if frac == 0.5 else 2
        keys.append(rank + rng.random() * (1.0 + 2 * complexity))
    order = sorted(range(steps), key=lambda s: keys[s])
    out = [0.0] * steps
    for position, s in enumerate(order):
        out[s] = position / steps
    return out


def generate(
    ctx: MusicalContext,
    *,
    density: float = 0.5,
    complexity: float = 0.5,
    seed: int = 0,
    chords: Sequence[Chord] | None = None,
) -> list[Note]:
    """The melody part over the clip's chords (``chords`` given, or HarmonyRoo's)."""
    genre = load_genre(ctx.genre)
    spec = genre.melody
    prog = list(chords) if chords is not None else progression(ctx, complexity=complexity, seed=seed)
    timeline = ChordTimeline(prog)
    rng = random.Random(seed * 1000 + SALT)
    grid, (low, high) = int(spec["grid"]), spec["range"]
    pcs = melody_pcs(ctx.key, str(spec["scale"]))
    bar_beats = ctx.beats_per_bar
    steps = max(1, round(grid * bar_beats))
    strong = {round(b * grid) for b in strong_beats(ctx.signature)}
    rate = float(spec["notes_per_beat"]) * (0.3 + 1.2 * density) / grid
    motif = _thresholds(steps, grid, rng, complexity)
    contour = [rng.choice(STEPS) for _ in range(steps)]
    answer = [t if rng.random() > 0.3 + 0.4 * complexity else rng.random() for t in motif]
    answer[0] = 0.6
    answer[max(strong)] = 0.0
    pull = tonal_pull(ctx.key)
    key_pcs = ctx.key.pitch_classes
    voicing = str(genre.chords["voicing"])
    anchor = _nearest(low + (high - low) // 3, pcs, low, high, pull)
    pitch = anchor
    onsets: list[tuple[float, int, bool]] = []  # (beat, pitch, phrase end)
    for bar in range(ctx.bars):
        role = 3 if bar == ctx.bars - 1 else bar % 4
        last = max(strong) if role == 3 else -1
        thresholds = answer if role == 1 else motif
        if role == 3:
            thresholds = [t if s < last else (0.0 if s == last else 9.0) for s, t in enumerate(motif)]
        sign = -1 if role == 1 else 1
        origin = bar * bar_beats
        if role in (0, 2):
            pitch = _nearest(
                anchor,
                voiced_tones(timeline.at(origin) or Chord(0, 0, ctx.key.tonic, "maj"), voicing),
                low,
                high,
            )
            pitch = _step(pitch, rng.choice((0, 0, 1, -1)) if role == 2 else 0, pcs, low, high)
        for s in range(steps):
            if thresholds[s] > rate:
                continue
            beat = origin + s / grid
            chord = timeline.at(beat)
            moved = _step(pitch, sign * contour[s], chord_scale(pcs, chord), low, high) if onsets else pitch
            ending = s == last
            if chord is not None and (s in strong or ending):  # strong beats: chord tones in the scale
                tones = voiced_tones(chord, voicing)
                if ending:
                    final = bar == ctx.bars - 1 and ctx.key.tonic in tones
                    tones = (ctx.key.tonic,) if final else tones[:3]
                moved = _nearest(moved, in_scale(tones, key_pcs), low, high, pull)
            pitch = moved
            onsets.append((beat, pitch, ending))
    notes: list[Note] = []
    timing = resolve(ctx, genre)
    for idx, (beat, pitch, ending) in enumerate(onsets):
        nxt = onsets[idx + 1][0] if idx + 1 < len(onsets) else ctx.length_beats
        bar_end = (beat // bar_beats + 1) * bar_beats
        longest = bar_end - beat if ending else (4.0 if grid == 1 else 2.0)
        in_bar = beat % bar_beats
        start = beat - in_bar + swung(in_bar, timing.swing, timing.swing16)
        duration = max(0.1, min(nxt - start, longest) * 0.9)
        at, vel = humanized(start, 92 if in_bar == 0 else 80, timing.humanize * 0.4, rng, timing.lag)
        notes.append(Note(pitch, round(at, 4), round(duration, 4), vel))
    return notes
