"""BassaRoo: bass lines that land on the chord root at every change, in the genre's style.

Styles: root eighths (rock), kick-locked (pop, hip-hop: onsets on the kick; 808: the same,
held long, with slides into the next note of another pitch; chug: short roots on every kick,
metal's palm mute), walking (jazz),
root-fifth (country), octaves (electronic), reggae, boogie (blues), sustained (classical,
ambient). Approach notes lead into each change; chromatic ones only where the genre lists
them. Range E1..G3 unless the genre says otherwise; notes never sound across a change. On
strong beats the bass plays only tones of the key's scale (a chord tone the scale holds; a
chug also the genre's chromatic degrees, so a bII keeps its root).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from engines.generators import drums
from engines.generators.feel import resolve
from engines.generators.harmony import allowed_pcs, progression
from engines.generators.scales import near_strong, strong_tone
from engines.generators.theory import chord_tones, strong_beats, tones_of
from engines.generators.timing import humanized, metric_threshold, swung
from engines.music import Chord, MusicalContext, Note
from engines.presets import Genre, load_genre

SALT = 41


@dataclass(frozen=True, slots=True)
class Span:
    chord: Chord
    target: int  # root pitch class of the next chord (or this one at the end)
    kicks: tuple[float, ...]  # kick starts inside the span
    scale: tuple[int, ...]  # allowed pitch classes, sorted
    bar_beats: float
    rng: random.Random
    complexity: float


Cand = tuple[float, float, int, int]  # (beat, density threshold, pitch class, octave shift)


def _fifth(c: Chord) -> int:
    tones = chord_tones(c)
    return tones[2] if len(tones) > 2 else tones[0]


def _approach(span: Span, chromatic_ok: bool) -> int:
    """A tone a step from the next root: a semitone where allowed, else the scale neighbour below."""
    for pc in ((span.target - 1) % 12, (span.target + 1) % 12):
        if chromatic_ok and pc in span.scale:
            return pc
    below = [pc for pc in span.scale if pc != span.target]
    return min(below, key=lambda pc: ((span.target - pc) % 12, pc)) if below else span.target


def _grid(span: Span, step: float) -> list[float]:
    c = span.chord
    n = max(1, round(c.duration_beats / step))
    return [c.start_beats + i * step for i in range(n)]


def _eighths(span: Span) -> list[Cand]:
    root, out = span.chord.root, []
    beats = _grid(span, 0.5)
    for i, b in enumerate(beats):
        last = i == len(beats) - 1 and len(beats) > 2
        on_kick = any(abs(k - b) < 0.07 for k in span.kicks)
        thr = 0.0 if i == 0 or on_kick else metric_threshold(b % 1, span.rng)
        pc = _approach(span, False) if last and span.rng.random() < span.complexity else root
        out.append((b, thr, pc, 0))
    return out


def _kick(span: Span, syncopated: bool) -> list[Cand]:
    c = span.chord
    end = c.start_beats + c.duration_beats
    onsets = [c.start_beats] + [k for k in span.kicks if c.start_beats + 0.2 < k < end - 0.1]
    if len(onsets) == 1:
        onsets += [b for b in _grid(span, 1.0)[1:] if (b - c.start_beats) % 2 == 0]
    out: list[Cand] = []
    for i, b in enumerate(onsets):
        roll = span.rng.random()
        pc = c.root if i == 0 or roll > span.complexity * 0.6 else (_fifth(c) if roll < 0.2 else c.root)
        out.append((b, 0.0, pc, 12 if i > 0 and 0.2 <= roll < 0.3 else 0))
        if syncopated and b - 0.25 > c.start_beats + 0.2:
            out.append((b - 0.25, span.rng.uniform(0.4, 1.0), c.root, 12 if roll < 0.5 else 0))
    if end - onsets[-1] > 1.0:
        out.append((end - 0.5, span.rng.uniform(0.3, 0.9), _approach(span, False), 0))
    return sorted(out)


def _chug(span: Span) -> list[Cand]:
    """Palm-muted roots locked to the kick (metal): the chord's root on every kick of the span,
    or on eighths (density keeps them) when the kick plays nothing after the chord's start."""
    c = span.chord
    end = c.start_beats + c.duration_beats
    kicks = [k for k in span.kicks if c.start_beats + 0.1 < k < end - 0.05]
    out: list[Cand] = [(c.start_beats, 0.0, c.root, 0)]
    if kicks:
        return out + [(k, 0.0, c.root, 0) for k in kicks]
    return out + [(b, metric_threshold(b % 1, span.rng), c.root, 0) for b in _grid(span, 0.5)[1:]]


def _walking(span: Span) -> list[Cand]:
    c, out = span.chord, []
    tones = chord_tones(c)
    beats = _grid(span, 1.0)
    for i, b in enumerate(beats):
        if i == 0:
            pc = c.root
        elif i == len(beats) - 1:
            pc = _approach(span, True)
        else:
            pc = (
                tones[span.rng.randrange(1, len(tones))]
                if span.rng.random() < 0.7
                else span.rng.choice(span.scale)
            )
        out.append((b, 0.0, pc, 0))
        if i < len(beats) - 1:  # a swung skip note into the next beat
            out.append((b + 0.5, span.rng.uniform(0.55, 1.0), pc, 0))
    return out


def _root_fifth(span: Span) -> list[Cand]:
    c, out = span.chord, []
    for i, b in enumerate(_grid(span, 1.0)):
        strong = (b % span.bar_beats) in (0.0, 2.0) or i == 0
        pc = (c.root if i % 4 == 0 or i == 0 else _fifth(c)) if strong else span.rng.choice(span.scale)
        out.append(
            (b, 0.0 if strong else metric_threshold(b % 1, span.rng) + 0.2, pc, -12 if pc == _fifth(c) else 0)
        )
    return out


def _octaves(span: Span) -> list[Cand]:
    return [
        (
            b,
            0.0 if i == 0 or b % 1 else metric_threshold(0, span.rng) + 0.3,
            span.chord.root,
            12 if b % 1 else 0,
        )
        for i, b in enumerate(_grid(span, 0.5))
    ]


def _reggae(span: Span) -> list[Cand]:
    c, out = span.chord, []
    tones = chord_tones(c)
    for i, b in enumerate(_grid(span, 0.5)):
        pos = (b - c.start_beats) % 4
        pc = c.root if pos in (0.0, 2.0) else tones[span.rng.randrange(len(tones))]
        out.append((b, 0.0 if i == 0 or pos == 2.0 else metric_threshold(b % 1, span.rng) + 0.1, pc, 0))
    return out


def _boogie(span: Span) -> list[Cand]:
    c = span.chord
    minor = 3 in [(t - c.root) % 12 for t in chord_tones(c)]
    figure = (0, 3, 5, 7, 12, 7, 5, 3) if minor else (0, 4, 7, 9, 12, 9, 7, 4)
    out: list[Cand] = []
    for i, b in enumerate(_grid(span, 0.5)):
        pc = (c.root + figure[i % 8]) % 12
        pc = pc if pc in span.scale else c.root
        up = 12 if figure[i % 8] == 12 else 0
        out.append((b, 0.0 if b % 1 == 0 else metric_threshold(0.5, span.rng), pc, up))
    return out


def _sustained(span: Span) -> list[Cand]:
    c = span.chord
    out: list[Cand] = [(c.start_beats, 0.0, c.root, 0)]
    for b in _grid(span, 1.0)[1:]:
        strong = (b % span.bar_beats) in strong_beats((4, 4))
        pc = _fifth(c) if strong else span.rng.choice(chord_tones(c))
        out.append((b, span.rng.uniform(0.3, 0.7) if strong else span.rng.uniform(0.6, 1.0), pc, 0))
    return out


STYLES: dict[str, Callable[[Span], list[Cand]]] = {
    "eighths": _eighths,
    "walking": _walking,
    "root_fifth": _root_fifth,
    "octaves": _octaves,
    "reggae": _reggae,
    "boogie": _boogie,
    "sustained": _sustained,
    "chug": _chug,
}


@lru_cache(maxsize=4096)
def _place(pc: int, previous: int, low: int, high: int) -> int:
    """The pitch of class pc inside low..high nearest the previous note, leaning low (cached: pure)."""
    options = range(low + (pc - low) % 12, high + 1, 12)
    return min(options, key=lambda p: abs(p - previous) + max(0, p - low - 17))


def generate(
    ctx: MusicalContext,
    *,
    density: float = 0.5,
    complexity: float = 0.5,
    seed: int = 0,
    chords: Sequence[Chord] | None = None,
    kick_beats: Sequence[float] | None = None,
) -> list[Note]:
    """The bass part; without ``kick_beats`` it locks to DrummaRoo's kick for the same seed."""
    genre: Genre = load_genre(ctx.genre)
    spec = genre.bass
    prog = list(chords) if chords is not None else progression(ctx, complexity=complexity, seed=seed)
    if kick_beats is None:
        kick_beats = drums.kick_beats(drums.generate(ctx, density=density, complexity=complexity, seed=seed))
    rng = random.Random(seed * 1000 + SALT)
    scale = tuple(sorted(allowed_pcs(ctx.key, genre)))
    low, high = spec["range"]
    bar_beats = ctx.beats_per_bar
    cands: list[tuple[float, float, int, int, float, tuple[int, ...]]] = []
    for i, chord in enumerate(prog):
        following = prog[i + 1] if i + 1 < len(prog) else chord
        end = chord.start_beats + chord.duration_beats
        kicks = tuple(k for k in kick_beats if chord.start_beats <= k < end)
        span = Span(chord, following.root, kicks, _with_tones(scale, chord.root, chord.quality),
                    bar_beats, rng, complexity)  # fmt: skip
        if spec["style"] in ("kick", "808"):
            found = _kick(span, bool(spec.get("syncopated", False)))
        else:
            found = STYLES[spec["style"]](span)
        tones = chord_tones(chord)
        cands += [(b, thr, pc, octave, end, tones) for b, thr, pc, octave in found]
    notes: list[Note] = []
    previous = low + 10
    kept = [c for c in cands if c[1] <= density]
    gate = {"octaves": 0.55, "reggae": 0.55, "808": 0.98, "chug": 0.5}.get(spec["style"], 0.92)
    # a chug's roots sit as low as the range allows and keep the genre's chromatic roots (bII)
    anchored = spec["style"] == "chug"
    nexts = [c[0] for c in kept[1:]] + [ctx.length_beats]
    key_pcs = frozenset(scale) if anchored else ctx.key.pitch_classes
    timing = resolve(ctx, genre)
    strong = strong_beats(ctx.signature)
    for (beat, _thr, pc, octave, span_end, tones), nxt in zip(kept, nexts, strict=True):
        if near_strong(beat, bar_beats, strong):  # strong beats stay in the scale
            pc = strong_tone(pc, tones, key_pcs)
        pitch = _place(pc, low if anchored else previous, low, high)
        previous = pitch
        shifted = pitch + octave if low <= pitch + octave <= high else pitch
        in_bar = beat % bar_beats
        start = beat - in_bar + swung(in_bar, timing.swing, timing.swing16)
        duration = max(0.1, (min(nxt, span_end) - start) * gate)
        at, vel = humanized(start, 96 if beat % 1 == 0 else 84, timing.humanize * 0.5, rng)
        notes.append(Note(shifted, round(at, 4), round(min(duration, span_end - at - 0.01), 4), vel))
    if spec["style"] == "808":
        return slides(notes, [c[4] for c in kept], 0.3 + 0.4 * complexity, rng)
    return notes


SLIDE_BEATS = 0.125  # how far an 808 note runs into the next one: a legato overlap glides the pitch


def slides(notes: list[Note], span_ends: list[float], chance: float, rng: random.Random) -> list[Note]:
    """808 slides: a note held into the next note of another pitch in the same chord (an overlap
    that a mono synth with glide plays as a slide), at ``chance`` per such pair."""
    out = list(notes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.pitch != b.pitch and b.start_beats + SLIDE_BEATS < span_ends[i] and rng.random() < chance:
            held = round(b.start_beats - a.start_beats + SLIDE_BEATS, 4)
            out[i] = Note(a.pitch, a.start_beats, held, a.velocity)
    return out


@lru_cache(maxsize=1024)
def _with_tones(scale: tuple[int, ...], root: int, quality: str) -> tuple[int, ...]:
    """A sorted scale with a chord's tones added (cached: pure in small values)."""
    return tuple(sorted(set(scale) | set(tones_of(root, quality))))
