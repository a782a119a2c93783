"""Where each infill step looks: target bars split into steps, each one model window cut from the score.

MIDI-GPT samples in fixed windows of W bars (its ``num_bars_map``: 4 or 8 for yellow). An infill
of at most W/2 bars is one step, in a window with as many context bars on each side as the score
has. A longer one is split into steps of at most W/2 bars, each at the edge of its own window
with the context bars on its other side, so every step sees W/2 bars or more of real music and
no step sees another's output: the steps are independent, and N variations of a step decode as
one batch of N. A window that cannot avoid another step's bars holds them empty (the original
notes there are being replaced, so they are not shown as context).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """One window: its first bar and length in the score, and the bars (0-based, in the score) it writes."""

    start_bar: int
    length_bars: int
    bars: tuple[int, ...]


def plan(first: int, last: int, n_bars: int, window: int) -> list[Step]:
    """Steps writing bars ``first``..``last`` (0-based, inclusive) of an ``n_bars`` score, in ``window``-bar windows."""
    count = last - first + 1
    half = max(1, window // 2)
    if n_bars <= window:
        return [Step(0, n_bars, tuple(range(first, last + 1)))]
    if count <= half:
        return [Step(_around(first, last, n_bars, window), window, tuple(range(first, last + 1)))]
    chunks = -(-count // half)
    size = -(-count // chunks)
    steps = []
    for index in range(chunks):
        lo = first + index * size
        hi = min(last, lo + size - 1)
        if index < chunks / 2:
            start = max(0, hi + 1 - window)  # context before the chunk
        else:
            start = min(lo, n_bars - window)  # context after the chunk
        steps.append(Step(start, window, tuple(range(lo, hi + 1))))
    return steps


def _around(first: int, last: int, n_bars: int, window: int) -> int:
    """The window start that centres bars first..last, kept inside the score."""
    room = window - (last - first + 1)
    start = first - room // 2
    return max(0, min(start, n_bars - window))
