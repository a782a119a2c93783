"""Jam: endless parts a phrase at a time, over an evolving Markov chord chain (pure, no I/O).

``plan`` writes the next phrase's harmony from the chain state; ``compose`` writes its notes
under the controls in effect bar by bar. The bridge's player prepares phrases ahead with these
two calls and schedules the notes.
"""

from __future__ import annotations

import random

from engines.jam.markov import ChainState, chords_of, family, train, walk
from engines.jam.phrase import UNIT_CONTROLS, JamControls, PhraseSpec, compose
from engines.presets import load_genre

__all__ = ["UNIT_CONTROLS", "ChainState", "JamControls", "PhraseSpec", "compose", "plan"]


def plan(
    state: ChainState,
    controls: JamControls,
    *,
    index: int,
    bars: int,
    signature: tuple[int, int] = (4, 4),
    seed: int = 0,
) -> tuple[PhraseSpec, ChainState]:
    """Phrase ``index`` (starting at bar ``index * bars``) in the controls' genre and key.

    A change of genre or mode family restarts the chain at a section opening, since the old
    numeral may not exist in the new model. Same state, controls and seed give the same phrase.
    """
    genre = load_genre(controls.genre)
    model = train(controls.genre, family(controls.key))
    if state.numeral and state.numeral not in model.transitions and state.numeral not in model.openings:
        state = ChainState(section=state.section)
    rng = random.Random(seed * 1_000_003 + index)
    numerals, after = walk(model, state, bars, genre.chords_per_bar, rng)
    num, den = signature
    slot_beats = num * 4.0 / den / genre.chords_per_bar
    chords = chords_of(numerals, controls.key, controls.genre, slot_beats, controls.complexity, rng)
    spec = PhraseSpec(index, index * bars, bars, signature, controls.genre, controls.key, chords, seed)
    return spec, after
