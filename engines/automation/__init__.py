"""Automation shapes: a rise, fall, swell, dip, steps or LFO as the steps of a clip envelope.

``envelope_steps(shape, length_beats, start, end, ...)`` returns ``Step``s (time and duration in
beats from the region's start, value in the parameter's own units) for Live's
``AutomationEnvelope.insert_step``. Pure: no Live, no files.
"""

from __future__ import annotations

from engines.automation.shapes import SHAPES, Step, default_ends, envelope_steps

__all__ = ["SHAPES", "Step", "default_ends", "envelope_steps"]
