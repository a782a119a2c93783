"""DrummaRoo: General MIDI grooves per genre and meter, with fills, ghosts, swing and feel.

Patterns come from ``presets/grooves``; meters a groove does not list are built from the
meter's beat grouping (7/8 as 2+2+3). Density keeps a superset of hits as it rises.
"""

from __future__ import annotations

import random
from functools import lru_cache
from operator import itemgetter

from engines.generators.feel import resolve
from engines.generators.theory import groupings
from engines.generators.timing import LEVEL_VELOCITY, humanized, level_threshold, swung
from engines.music import MusicalContext, Note
from engines.presets import DRUM_NOTES, Genre, load_genre, load_groove

CYMBALS = ("hat", "open", "ride", "bell", "shaker", "pedal")
FILL_SHAPES = (
    ("snare", "snare", "snare", "snare"),
    ("snare", "tom_high", "tom_mid", "floor"),
    ("snare", "tom_high", "snare", "tom_low"),
)
SALT = 11
CRASH = (0, DRUM_NOTES["crash"], "crash", "X")
CRASHED = (*CYMBALS, "crash", "china")  # what a crash on the downbeat replaces there (no doubled crash)
LAID_BACK = ("snare", "clap", "rim")  # the drums a laid-back genre plays late
PLAY_ORDER = itemgetter(0, 1)  # a stable sort on (step, note) keeps the lanes' order on ties


Hit = tuple[int, int, str, str]  # (step, GM note, instrument, level); play order is (step, note)


def meter_patterns(genre: Genre, signature: tuple[int, int]) -> tuple[int, tuple[dict[str, str], ...]]:
    """(steps per beat, variants) for a meter: the groove's own, or one built from the grouping."""
    return _meter(genre.groove, signature)[:2]


@lru_cache(maxsize=256)
def _meter(
    groove_name: str, signature: tuple[int, int]
) -> tuple[int, tuple[dict[str, str], ...], tuple[list[Hit], ...]]:
    """meter_patterns plus each variant's hits in play order; cached like the presets it reads."""
    groove = load_groove(groove_name)
    meter = f"{signature[0]}/{signature[1]}"
    spb, variants = (
        groove.meters[meter] if meter in groove.meters else _built(groove.meters["4/4"], signature)
    )
    return spb, variants, tuple(_lane_hits(v) for v in variants)


def _built(
    four_four: tuple[int, tuple[dict[str, str], ...]], signature: tuple[int, int]
) -> tuple[int, tuple[dict[str, str], ...]]:
    """A one-variant pattern for a meter the groove does not list, from the 4/4 lanes."""
    spb, variants = four_four
    lanes = set(variants[0])
    steps_per_eighth = 2 if spb == 4 else 1
    spb = 2 * steps_per_eighth
    length = round(spb * signature[0] * 4 / signature[1])
    lane: dict[str, list[str]] = {name: ["."] * length for name in lanes}
    eighth = 0
    for idx, group in enumerate(groupings(signature)):
        step = eighth * steps_per_eighth
        if "kick" in lane and idx % 2 == 0:
            lane["kick"][step] = "X" if idx == 0 else "x"
        for back in ("snare", "rim", "clap"):
            if back in lane and idx % 2 == 1:
                lane[back][step] = "X"
        eighth += group
    for name in lanes & set(CYMBALS):
        for step in range(0, length, steps_per_eighth):
            lane[name][step] = "x" if name in ("hat", "ride") else "-"
    return spb, ({name: "".join(chars) for name, chars in lane.items()},)


def _lane_hits(pattern: dict[str, str]) -> list[Hit]:
    """Every hit a pattern strikes, in play order."""
    hits = [
        (step, DRUM_NOTES[name], name, level)
        for name, chars in pattern.items()
        for step, level in enumerate(chars)
        if level != "."
    ]
    return sorted(hits, key=PLAY_ORDER)


def generate(
    ctx: MusicalContext,
    *,
    density: float = 0.5,
    complexity: float = 0.5,
    seed: int = 0,
    fills: bool = True,
    crash_first: bool = False,
) -> list[Note]:
    """A drum part on GM notes (kick 36, snare 38, hats 42/46, ride 51, crash 49, toms)."""
    genre = load_genre(ctx.genre)
    spb, variants, variant_hits = _meter(genre.groove, ctx.signature)
    rng = random.Random(seed * 1000 + SALT)
    main_index = rng.randrange(len(variants))
    alt_index = rng.randrange(len(variants))
    main, main_hits = variants[main_index], variant_hits[main_index]
    alt, alt_hits = variants[alt_index], variant_hits[alt_index]
    bar_beats = ctx.beats_per_bar
    steps = len(next(iter(main.values())))
    timing = resolve(ctx, genre)
    mode = timing.fills if fills else "none"
    step_beats = [swung(step / spb, timing.swing, timing.swing16) for step in range(steps)]
    has_backbeat = any(name in main for name in ("snare", "rim", "clap"))
    backbeats = {
        s for s, c in enumerate(main.get("snare", main.get("clap", main.get("rim", "")))) if c == "X"
    }
    fill_steps = max(spb, int(steps // 2) if complexity >= 0.45 and steps >= 3 * spb else spb)
    ghosts = genre.ghosts * complexity
    notes: list[Note] = []
    crash_next = crash_first
    for bar in range(ctx.bars):
        origin = bar * bar_beats
        use_alt = bar % 4 == 2 and rng.random() < complexity
        pattern, hits = (alt, alt_hits) if use_alt else (main, main_hits)  # hits in play order
        fill_roll = rng.random()
        is_fill = has_backbeat and bar > 0 and fill_bar(mode, bar, ctx.bars, fill_roll < complexity)
        fill_from = steps - fill_steps if is_fill else steps
        if is_fill:
            hits = [h for h in hits if h[0] < fill_from or h[2] in ("kick", "pedal")]
        extra: list[Hit] = []
        if ghosts > 0 and "snare" in pattern:
            taken = {h[0] for h in hits if h[2] in ("snare", "kick")}
            for step in range(min(fill_from, steps)):
                if rng.random() < ghosts and step not in taken and step % spb != 0:
                    extra.append((step, DRUM_NOTES["snare"], "snare", "g"))
        if is_fill:
            shape = FILL_SHAPES[rng.randrange(len(FILL_SHAPES))]
            for k, step in enumerate(range(fill_from, steps)):
                inst = "snare" if step in backbeats else shape[(k * len(shape)) // (steps - fill_from)]
                extra.append((step, DRUM_NOTES[inst], inst, "X" if step % max(1, spb // 2) == 0 else "-"))
        if crash_next:
            hits = [h for h in hits if not (h[0] == 0 and h[2] in CRASHED)] + [CRASH]
        if extra or crash_next:
            hits = sorted(hits + extra, key=PLAY_ORDER)
        crash_next = is_fill
        open_steps = {h[0] for h in hits if h[2] == "open"}
        rolled = rolls(genre.rolls, complexity, bar_beats, fill_from / spb, "hat" in pattern, rng)
        for step, pitch, name, level in hits:
            threshold = level_threshold(level, rng)
            if name == "hat" and (step in open_steps or any(a <= step / spb < b for a, b, _n in rolled)):
                continue
            lag = timing.lag if name in LAID_BACK else 0.0
            start, vel = humanized(
                origin + step_beats[step], LEVEL_VELOCITY[level], timing.humanize, rng, lag
            )
            if threshold <= density:
                notes.append(Note(pitch, round(start, 4), 0.5 if name in ("open", "crash") else 0.25, vel))
        for begin, end, count in rolled:
            threshold = rng.uniform(0.2, 0.7)
            for k in range(count):
                at, vel = humanized(origin + begin + k * (end - begin) / count, 60 + 40 * k // count,
                                    timing.humanize, rng)  # fmt: skip
                if threshold <= density:
                    notes.append(Note(DRUM_NOTES["hat"], round(at, 4), round((end - begin) / count, 4), vel))
    return notes


def fill_bar(mode: str, bar: int, bars: int, rolled: bool) -> bool:
    """Whether a bar ends in a fill: auto at phrase ends (every 8 bars and the last always, other
    4-bar ends when ``rolled``), phrase at every 8 bars and the last, 4 every fourth bar, none never."""
    last = bar == bars - 1
    if mode == "auto":
        return ((bar + 1) % 4 == 0 or last) and (last or (bar + 1) % 8 == 0 or rolled)
    if mode == "phrase":
        return (bar + 1) % 8 == 0 or last
    return mode == "4" and (bar + 1) % 4 == 0


def rolls(
    amount: float, complexity: float, bar_beats: float, until: float, hats: bool, rng: random.Random
) -> list[tuple[float, float, int]]:
    """Hat rolls in one bar as (start, end, hits) in beats from the downbeat: the second half of a
    beat in triplet sixteenths (3) or 32nds (4), or a whole beat in sextuplets (6). None at 0."""
    if amount <= 0.0 or not hats:
        return []
    out = []
    for beat in range(int(bar_beats)):
        roll, shape = rng.random(), rng.random()
        if roll < amount * (0.5 + complexity) and beat + 1 <= until:
            offset, hits = (0.5, 3) if shape < 0.5 else (0.5, 4) if shape < 0.8 else (0.0, 6)
            out.append((beat + offset, beat + 1.0, hits))
    return out


def kick_beats(notes: list[Note]) -> list[float]:
    """Start beats of the kick drum hits in a drum part, sorted."""
    return sorted(n.start_beats for n in notes if n.pitch == DRUM_NOTES["kick"])
