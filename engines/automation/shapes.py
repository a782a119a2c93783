"""The shapes of ``/roo/automate``, sampled into envelope steps.

A shape moves a parameter between two values, ``start`` and ``end`` (in the parameter's own
units), over ``length_beats``:

- ``rise``/``fall``: a ramp from ``start`` to ``end`` (a fall's defaults run high to low);
  ``curve`` bends it: the progress x (0..1) becomes x ** curve (1 straight, 2 slow then fast,
  0.5 fast then slow);
- ``swell``: ``start`` up to ``end`` at the middle and back; ``dip``: the same with a dip's
  defaults (high, down to low, back up);
- ``steps``: a staircase from ``start`` to ``end``, one stair per ``rate_beats`` (default a bar);
- ``lfo``: a sine between ``start`` and ``end``, one cycle per ``rate_beats`` (default a beat),
  at ``start`` at the top of each cycle ("duck the bass on every beat").

A ramp is sampled every ``STEP_BEATS`` (a sixteenth; an LFO at least 8 steps a cycle), its
first step at ``start`` and its last at ``end``. A quantized parameter's values are whole
numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engines.errors import InvalidValue

SHAPES = ("rise", "fall", "swell", "dip", "steps", "lfo")
STEP_BEATS = 0.25  # a ramp's resolution: one step a sixteenth
LFO_STEPS_PER_CYCLE = 8
DEFAULT_RATE_BEATS = {"steps": 4.0, "lfo": 1.0}
CURVE_RANGE = (0.1, 10.0)


@dataclass(frozen=True, slots=True)
class Step:
    time_beats: float  # from the region's start
    duration_beats: float
    value: float  # in the parameter's own units


def default_ends(shape: str, low: float, high: float) -> tuple[float, float]:
    """(start, end) when the request gives neither: a fall and a dip go from high to low."""
    return (high, low) if shape in ("fall", "dip") else (low, high)


def _progress(shape: str, x: float, curve: float, cycles: float) -> float:
    """0 at ``start``, 1 at ``end``, for x in 0..1 across the region."""
    if shape in ("rise", "fall"):
        return x**curve
    if shape in ("swell", "dip"):
        return (1.0 - abs(2.0 * x - 1.0)) ** curve
    if shape == "lfo":
        return 0.5 - 0.5 * math.cos(2.0 * math.pi * cycles * x)
    raise InvalidValue(f"shape {shape!r} is unknown: expected one of {', '.join(SHAPES)}")


def envelope_steps(
    shape: str,
    length_beats: float,
    start: float,
    end: float,
    *,
    rate_beats: float | None = None,
    curve: float = 1.0,
    quantized: bool = False,
) -> list[Step]:
    """The steps of ``shape`` over ``length_beats`` (see the module doc)."""
    if shape not in SHAPES:
        raise InvalidValue(f"shape {shape!r} is unknown: expected one of {', '.join(SHAPES)}")
    if not 0.0 < length_beats <= 65536.0 or not math.isfinite(length_beats):
        raise InvalidValue(f"length_beats {length_beats} is out of range: expected 0 < length <= 65536")
    if not CURVE_RANGE[0] <= curve <= CURVE_RANGE[1]:
        raise InvalidValue(
            f"curve {curve:g} is out of range: expected {CURVE_RANGE[0]:g}..{CURVE_RANGE[1]:g}"
        )
    rate = DEFAULT_RATE_BEATS.get(shape) if rate_beats is None else rate_beats
    if rate is not None and not 1.0 / 16 <= rate <= length_beats:
        raise InvalidValue(
            f"rate {rate:g} beats is out of range: expected 1/16..{length_beats:g} (the length)"
        )
    if shape == "steps":
        assert rate is not None
        count = max(1, math.floor(length_beats / rate + 1e-9))
        times = [i * rate for i in range(count)]
        levels = [i / (count - 1) if count > 1 else 1.0 for i in range(count)]
    else:
        step = STEP_BEATS if shape != "lfo" else min(STEP_BEATS, (rate or 1.0) / LFO_STEPS_PER_CYCLE)
        count = max(2, math.ceil(length_beats / step - 1e-9))
        times = [min(i * step, length_beats) for i in range(count)]
        cycles = length_beats / rate if rate else 0.0
        last = max(count - 1, 1)
        xs = [t / length_beats for t in times] if shape == "lfo" else [i / last for i in range(count)]
        levels = [_progress(shape, x, curve, cycles) for x in xs]  # a ramp ends on ``end``
    out = []
    for i, (time_beats, level) in enumerate(zip(times, levels, strict=True)):
        until = times[i + 1] if i + 1 < len(times) else length_beats
        value = start + (end - start) * level
        out.append(
            Step(round(time_beats, 6), round(until - time_beats, 6), round(value) if quantized else value)
        )
    return [s for s in out if s.duration_beats > 0]
