"""A Markov chord engine for endless playing: transitions per genre and mode, learnt from presets.

The model counts the chord-to-chord steps of every template in ``presets/progressions`` (looped,
so the last chord leads back to the first) and adds the file's own ``transitions`` weights.
The chain walks in sections of 8 to 32 bars: a section opens on the first chord of a weighted
template and closes on the mode's cadence. State is a small frozen value, so a phrase can be
written again from the state it started from (the jam regenerates prepared phrases).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache

from engines.errors import InvalidValue
from engines.generators.harmony import allowed_pcs
from engines.generators.scales import intervals_of, mode_family, scale_chord, snap_root
from engines.generators.theory import NINTH_OF, QUALITIES, SEVENTH_OF, parse_numeral
from engines.music import Chord, Key
from engines.presets import load_genre, load_progressions

SECTION_BARS = (8, 12, 16, 20, 24, 28, 32)


@dataclass(frozen=True, slots=True)
class Model:
    """Transition weights (numeral -> next numeral -> weight), section openings and the cadence."""

    transitions: dict[str, dict[str, float]]
    openings: dict[str, float]
    cadence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChainState:
    """Where the chain is: the last numeral played and the bars into and of the current section."""

    numeral: str = ""
    bar_in_section: int = 0
    section_bars: int = 0
    section: int = -1


@cache
def train(genre: str, family: str) -> Model:
    """The chain of a genre's progressions in one mode family ("major" or "minor")."""
    spec = load_progressions(load_genre(genre).progression).modes.get(family)
    if spec is None:
        raise InvalidValue(f"mode family {family!r} is not known: expected major or minor")
    counts: dict[str, dict[str, float]] = {}
    openings: dict[str, float] = {}
    for template in spec["templates"]:
        chords = [str(c) for c in template["chords"]]
        openings[chords[0]] = openings.get(chords[0], 0.0) + float(template["weight"])
        for a, b in zip(chords, chords[1:] + chords[:1], strict=True):
            if a != b:
                row = counts.setdefault(a, {})
                row[b] = row.get(b, 0.0) + float(template["weight"])
    for a, options in spec.get("transitions", {}).items():
        for b, weight in options.items():
            row = counts.setdefault(str(a), {})
            row[str(b)] = row.get(str(b), 0.0) + float(weight)
    return Model(counts, openings, tuple(str(c) for c in spec.get("cadence", [])))


def _weighted(rng: random.Random, options: dict[str, float]) -> str:
    names = sorted(options)
    return rng.choices(names, weights=[options[n] for n in names])[0]


def walk(
    model: Model, state: ChainState, bars: int, per_bar: float, rng: random.Random
) -> tuple[list[str], ChainState]:
    """Numerals for ``bars`` bars (``per_bar`` chords a bar, 0.25..2) and the state after them.

    A chord slot shorter than a bar keeps its bar's section bookkeeping; slots longer than a
    bar start on the bars they cover.
    """
    slots_per_bar = max(per_bar, 1.0)
    bars_per_slot = max(1, round(1 / per_bar)) if per_bar < 1 else 1
    out: list[str] = []
    for bar in range(bars):
        if state.bar_in_section >= state.section_bars:
            section_bars = rng.choice(SECTION_BARS)
            state = ChainState(_weighted(rng, model.openings), 0, section_bars, state.section + 1)
            opening = True
        else:
            opening = False
        if bar % bars_per_slot == 0:
            left = math.ceil((state.section_bars - state.bar_in_section) * per_bar - 1e-9)
            for slot in range(int(slots_per_bar)):
                if opening and slot == 0:
                    numeral = state.numeral
                elif model.cadence and 0 < left - slot <= len(model.cadence):
                    numeral = model.cadence[len(model.cadence) - (left - slot)]
                else:
                    options = model.transitions.get(state.numeral) or model.openings
                    numeral = _weighted(rng, options)
                state = ChainState(numeral, state.bar_in_section, state.section_bars, state.section)
                out.append(numeral)
        state = ChainState(state.numeral, state.bar_in_section + 1, state.section_bars, state.section)
    return out, state


def chords_of(
    numerals: list[str], key: Key, genre_name: str, slot_beats: float, complexity: float, rng: random.Random
) -> tuple[Chord, ...]:
    """Chords (beats from the phrase start) for the numerals, with the genre's sevenths and ninths."""
    genre = load_genre(genre_name)
    allowed = allowed_pcs(key, genre)
    modal = key.scale not in ("Major", "Minor")  # other scales: the chords the scale itself carries
    intervals = intervals_of(key)
    out: list[Chord] = []
    for i, numeral in enumerate(numerals):
        offset, quality = parse_numeral(numeral)
        root = (key.tonic + offset) % 12
        seventh = len(QUALITIES[quality]) == 4 or rng.random() < genre.harmony["sevenths"]
        if modal:
            root = snap_root(key, root)
            quality = scale_chord(intervals, (root - key.tonic) % 12, seventh) or quality
        elif seventh and quality in SEVENTH_OF:
            grown = "7" if offset == 7 and quality == "maj" else SEVENTH_OF[quality]
            quality = grown if _fits(root, grown, allowed) else quality
        if quality in NINTH_OF and rng.random() < genre.harmony["ninths"] * complexity:
            quality = NINTH_OF[quality] if _fits(root, NINTH_OF[quality], allowed) else quality
        out.append(Chord(i * slot_beats, slot_beats, root, quality))
    return tuple(out)


def _fits(root: int, quality: str, allowed: frozenset[int]) -> bool:
    return all((root + i) % 12 in allowed for i in QUALITIES[quality])


def family(key: Key) -> str:
    """ "major" or "minor": which of a genre's models a key's mode uses."""
    return mode_family(key)
