"""HarmonyRoo: the chord progression of a clip, from analysis or written per genre and mode.

Written progressions pick a weighted template (12- and 8-bar forms for the blues), continue
it with the genre's chord-transition model as complexity rises, and add sevenths, ninths,
secondary dominants and borrowed chords only where the genre's ``chromatic`` list allows
their tones. Every scale but Major and Minor snaps each chord onto a root of the scale and
builds it from the scale's own tones (engines/generators/scales.py).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

from engines.generators.scales import CHROMATIC_SCALES, intervals_of, mode_family, scale_chord, snap_root
from engines.generators.theory import NINTH_OF, QUALITIES, SEVENTH_OF, parse_numeral
from engines.music import Chord, Key, MusicalContext
from engines.presets import Genre, load_genre, load_progressions

SALT = 23
SECONDARY_TARGETS = (2, 7, 9)  # V/ii, V/V, V/vi (major keys)


def allowed_pcs(key: Key, genre: Genre) -> frozenset[int]:
    """The key's scale plus, in Major and Minor, the out-of-scale degrees the genre uses on purpose."""
    if key.scale not in CHROMATIC_SCALES:
        return key.pitch_classes
    extra = genre.chromatic[mode_family(key)]
    return key.pitch_classes | frozenset((key.tonic + d) % 12 for d in extra)


def follow(chords: Sequence[Chord], length_beats: float, bar_beats: float) -> list[Chord]:
    """Given chords (beats from the clip start) looped to cover the clip; no-chord marks dropped."""
    usable = sorted((c for c in chords if c.quality.split("/")[0] in QUALITIES), key=lambda c: c.start_beats)
    if not usable:
        return []
    end = max(c.start_beats + c.duration_beats for c in usable)
    period = max(bar_beats, math.ceil(end / bar_beats - 1e-6) * bar_beats)
    out: list[Chord] = []
    offset = 0.0
    while offset < length_beats - 1e-6:
        for c in usable:
            start = c.start_beats + offset
            if start < length_beats - 1e-6:
                out.append(Chord(start, min(c.duration_beats, length_beats - start), c.root, c.quality))
        offset += period
    return out


def _weighted(rng: random.Random, options: dict[str, float]) -> str:
    total = sum(options.values())
    pick = rng.random() * total
    for name, weight in options.items():
        pick -= weight
        if pick <= 0:
            return name
    return next(reversed(options))


def numerals(
    genre: Genre, key: Key, slots: int, complexity: float, rng: random.Random, allowed: frozenset[int]
) -> list[str]:
    """The Roman numerals of ``slots`` chord slots: a template, continued by the transition model."""
    spec = load_progressions(genre.progression).modes[mode_family(key)]
    templates = spec["templates"]
    fitting = [t for t in templates if slots % len(t["chords"]) == 0] or templates
    template = _weighted(rng, {str(i): float(t["weight"]) for i, t in enumerate(fitting)})
    base = [str(c) for c in fitting[int(template)]["chords"]]
    out = (base * (slots // len(base) + 1))[:slots]
    transitions = spec.get("transitions", {})
    if rng.random() < complexity * 0.5 and transitions and slots > len(base):
        for i in range(len(base), slots):
            options = transitions.get(out[i - 1])
            out[i] = _weighted(rng, {str(k): float(v) for k, v in options.items()}) if options else out[i]
    borrowed = spec.get("borrowed", {})
    for i in range(1, slots):
        if out[i] in borrowed and rng.random() < genre.harmony["borrowed"] * complexity:
            offset, quality = parse_numeral(str(borrowed[out[i]]))
            if _fits((key.tonic + offset) % 12, quality, allowed):  # only tones the genre allows
                out[i] = str(borrowed[out[i]])
    cadence = [str(c) for c in spec.get("cadence", [])]
    if cadence and slots >= 2 * len(cadence):
        out[-len(cadence) :] = cadence
    return out


def _fits(root: int, quality: str, allowed: frozenset[int]) -> bool:
    return all((root + i) % 12 in allowed for i in QUALITIES[quality])


def progression(ctx: MusicalContext, *, complexity: float = 0.5, seed: int = 0) -> list[Chord]:
    """The chords of the clip: ``ctx.chords`` looped when present, else written for the genre."""
    bar_beats = ctx.beats_per_bar
    if ctx.chords:
        return follow(ctx.chords, ctx.length_beats, bar_beats)
    genre = load_genre(ctx.genre)
    rng = random.Random(seed * 1000 + SALT)
    per_bar = genre.chords_per_bar
    if per_bar == 2 and ctx.signature not in ((4, 4), (6, 8), (12, 8), (2, 4)):
        per_bar = 1.0
    slot = bar_beats / per_bar
    slots = max(1, math.ceil(ctx.length_beats / slot - 1e-6))
    allowed = allowed_pcs(ctx.key, genre)
    modal = ctx.key.scale not in CHROMATIC_SCALES
    intervals = intervals_of(ctx.key)
    chords: list[Chord] = []
    for i, numeral in enumerate(numerals(genre, ctx.key, slots, complexity, rng, allowed)):
        offset, quality = parse_numeral(numeral)
        root = (ctx.key.tonic + offset) % 12
        seventh = len(QUALITIES[quality]) == 4 or rng.random() < genre.harmony["sevenths"]
        if modal:
            root = snap_root(ctx.key, root)
            quality = scale_chord(intervals, (root - ctx.key.tonic) % 12, seventh) or "maj"
        elif seventh and quality in SEVENTH_OF:
            grown = "7" if offset == 7 and quality == "maj" else SEVENTH_OF[quality]
            quality = grown if _fits(root, grown, allowed) else quality
        if quality in NINTH_OF and rng.random() < genre.harmony["ninths"] * complexity:
            quality = NINTH_OF[quality] if _fits(root, NINTH_OF[quality], allowed) else quality
        start = i * slot
        chords.append(Chord(start, min(slot, ctx.length_beats - start), root, quality))
    return _secondary_dominants(chords, ctx.key, genre, allowed, complexity, rng)


def _secondary_dominants(
    chords: list[Chord],
    key: Key,
    genre: Genre,
    allowed: frozenset[int],
    complexity: float,
    rng: random.Random,
) -> list[Chord]:
    """Split the chord before a ii, V or vi so its second half is that chord's own dominant."""
    if mode_family(key) != "major":
        return chords
    out = [chords[0]] if chords else []
    for prev, target in itertools.pairwise(chords):
        roll = rng.random()
        rel = (target.root - key.tonic) % 12
        dom = (target.root + 7) % 12
        eligible = rel in SECONDARY_TARGETS and prev.root != target.root and prev.duration_beats >= 2
        if eligible and _fits(dom, "7", allowed) and roll < genre.harmony["secondary"] * complexity:
            half = prev.duration_beats / 2
            out[-1] = Chord(prev.start_beats, half, prev.root, prev.quality)
            out.append(Chord(prev.start_beats + half, half, dom, "7"))
        out.append(target)
    return out
