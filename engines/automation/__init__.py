"""Automation shapes: a rise, fall, swell, dip, steps or LFO as the steps of a clip envelope.

``envelope_steps(shape, length_beats, start, end, ...)`` returns ``Step``s (time and duration in
beats from the region's start, value in the parameter's own units) for Live's
``AutomationEnvelope.insert_step``. Pure: no Live, no files.
``song_moves`` places the moves a genre preset asks of its songs on their sections;
``Drawn`` is an envelope as written, kept with its take and exported as a MIDI CC lane.
"""

from __future__ import annotations

from engines.automation.drawn import Drawn, cc_number, cc_values
from engines.automation.shapes import SHAPES, Step, default_ends, envelope_steps
from engines.automation.song import Move, genre_moves, song_moves

__all__ = [
    "SHAPES",
    "Drawn",
    "Move",
    "Step",
    "cc_number",
    "cc_values",
    "default_ends",
    "envelope_steps",
    "genre_moves",
    "song_moves",
]
