"""A feel over a span of bars: half time, double time, four on the floor or backwards over bars 9-16,
the last 8 bars, the second half ... and the rest of the clip as it was (issue 55's feel over a place).

The span is the bars the scope options name (``bar``, ``from_bar``/``to_bar``, ``half``,
``first_bars``/``last_bars``; together they must leave one run of bars). Inside it the notes change
as the whole-clip feel changes a clip of the span's length: half time stretches the span's first
half over all of it (what starts past its end is left out), double time plays the span twice as
fast, twice. Nothing crosses the span's edges: a note that would run past its end is cut there,
and a note that starts before it and runs into it is cut at its start (the old feel stops where
the new one begins). ``voices`` limits the change to those drum voices. The clip keeps its length.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from engines.errors import InvalidValue
from engines.music import Note
from engines.symbolic.profile import is_drum_part
from engines.transforms.drum_voices import pitches_of
from engines.transforms.options import TransformOptions
from engines.transforms.places import EARLY_BEATS, in_bars

KINDS = ("half_time", "double_time", "four_on_the_floor", "retrograde")
SPAN = ("bar", "from_bar", "to_bar", "half", "first_bars", "last_bars")  # the options that name bars
NOT_A_SPAN = ("beat", "every", "on")  # places that are not one run of bars
_EPS = 1e-6

Feel = Callable[[Sequence[Note], TransformOptions, int], "list[Note] | tuple[list[Note], float]"]


def applies(kind: str, o: TransformOptions) -> bool:
    """Whether ``kind`` works over a span here (a span of bars, or half/double time of some voices)."""
    if kind not in KINDS:
        return False
    return any(getattr(o, name) for name in SPAN) or bool(o.voices and kind != "four_on_the_floor")


def span_beats(kind: str, o: TransformOptions) -> tuple[float, float]:
    """(start, end) in beats of the bars the options name; raises naming a value that leaves no
    run of bars in the clip."""
    for name in NOT_A_SPAN:
        if getattr(o, name):
            raise InvalidValue(
                f"{kind} over {name} {getattr(o, name)!r}: a feel changes whole bars, "
                f"expected bar, from_bar/to_bar, half, first_bars or last_bars"
            )
    bars = max(1, math.ceil(o.length_beats / o.beats_per_bar - 1e-9))
    for name in ("bar", "from_bar", "to_bar", "first_bars", "last_bars"):
        value = getattr(o, name)
        if value > bars:
            raise InvalidValue(
                f"{name} {value} is past the clip's end: the clip has {bars} bar(s), expected 1..{bars}"
            )
    picked = [bar for bar in range(1, bars + 1) if in_bars(bar, o) and (not o.bar or bar == o.bar)]
    if not picked:
        named = ", ".join(f"{name} {getattr(o, name)}" for name in SPAN if getattr(o, name))
        raise InvalidValue(
            f"{kind} over {named}: those leave no bar of the clip's {bars}, expected some bars"
        )
    if picked != list(range(picked[0], picked[-1] + 1)):
        raise InvalidValue(f"{kind} over bars {picked}: expected one run of bars")
    start = (picked[0] - 1) * o.beats_per_bar
    return start, min(o.length_beats, picked[-1] * o.beats_per_bar)


def _cut(n: Note, end_beats: float) -> Note:
    return replace(n, duration_beats=round(max(1e-3, min(n.duration_beats, end_beats - n.start_beats)), 6))


def within(kind: str, feel: Feel, notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    """Every note: those in the span (and voices) changed by ``feel`` there, the others as they were."""
    start, end = span_beats(kind, o)
    voice = pitches_of(o.voices) if o.voices and kind != "four_on_the_floor" else None
    inside: list[Note] = []
    kept: list[Note] = []
    for n in notes:
        if voice is not None and n.pitch not in voice:
            kept.append(n)
        elif start <= n.start_beats + EARLY_BEATS < end:
            inside.append(replace(n, start_beats=round(max(0.0, n.start_beats - start), 6)))
        elif n.start_beats < start < n.start_beats + n.duration_beats - _EPS:
            kept.append(_cut(n, start))  # it started before and ran in: it stops where the span begins
        else:
            kept.append(n)
    if kind == "four_on_the_floor" and not inside and not is_drum_part(list(notes)):
        return list(notes)  # a pitched part with nothing to play there: as it was
    local = replace(o, length_beats=end - start, voices=(), bar=0, from_bar=0, to_bar=0, half=0)
    local = replace(local, first_bars=0, last_bars=0)
    result = feel(inside, local, seed)
    changed = result[0] if isinstance(result, tuple) else result
    span = end - start
    out = [
        _cut(replace(n, start_beats=round(n.start_beats + start, 6)), end)
        for n in changed
        if -_EPS <= n.start_beats < span - _EPS
    ]
    return [*kept, *out]
