"""The settings every transform reads, validated once: a frozen bag with a clear error per value.

Times are beats; ``length_beats`` is the clip's length (the end a retrograde mirrors around and a
fill runs up to); ``key`` None means "the key the notes themselves suggest".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from engines.errors import InvalidValue
from engines.music import Key, parse_key

SUBDIVISIONS = {"8th": 0.5, "16th": 0.25}
VARY_KEEPS = ("rhythm", "pitches")
REVOICE_STYLES = ("smooth", "close", "open", "drop2")
# name -> "int" | "float" | "str": what /roo/transform and `roo transform` accept.
OPTION_TYPES: dict[str, str] = {
    "amount": "float",
    "strength": "float",
    "grid": "float",
    "subdivision": "str",
    "semitones": "int",
    "steps": "int",
    "to": "str",
    "voices": "str",
    "keep": "str",
    "style": "str",
    "key": "str",
    "pivot": "int",
    "beats": "float",
    "bar": "int",
    "beat": "int",
    "from_bar": "int",
    "to_bar": "int",
    "half": "int",
    "last_bars": "int",
    "first_bars": "int",
    "every": "int",
    "on": "str",
    "offset": "float",
}
ON_BEATS = ("offbeats", "downbeats", "backbeat")  # on: which beats of the bar a transform works on


@dataclass(frozen=True, slots=True)
class TransformOptions:
    length_beats: float
    beats_per_bar: float = 4.0
    amount: float = 0.5  # 0..1: how much (vary, humanize, swing, ornament); density: 0.5 keeps
    strength: float = 1.0  # quantize: 0 leaves, 1 snaps
    grid: float = 0.25  # quantize and vary grid, beats
    subdivision: str = "8th"  # swing: "8th" | "16th"
    semitones: int = 0  # transpose, chromatic
    steps: int = 0  # transpose, diatonic (scale steps; wins over semitones)
    to: str = ""  # transpose to this tonic ("E", "Bb"): the nearest shift from the clip's key
    voices: tuple[str, ...] = ()  # drums_keep / drums_remove
    keep: str = "rhythm"  # vary: keep the "rhythm" (new pitches) or the "pitches" (new rhythm)
    style: str = "smooth"  # revoice
    key: Key | None = None  # None: detected from the notes
    pivot: int | None = None  # invert: the mirror pitch (default: the first note)
    beats: float = 2.0  # fill: how long, from the clip's end
    bar: int = 0  # only the notes in this bar (1-based; 0: every bar)
    beat: int = 0  # only the notes on this beat of the bar (1-based quarter-note beats; 0: the whole bar)
    from_bar: int = 0  # only bars from this one on (1-based; 0: from the start)
    to_bar: int = 0  # only bars up to this one, inclusive (0: to the end)
    half: int = 0  # only the first (1) or second (2) half of the clip's bars (0: both)
    last_bars: int = 0  # only the clip's last N bars (0: every bar)
    first_bars: int = 0  # only the clip's first N bars (0: every bar)
    every: int = 0  # only every Nth bar: bars N, 2N, ... (0: every bar)
    on: str = ""  # only notes on the offbeats (off the quarter-note grid), downbeats (on it), backbeat (2, 4)
    offset: float = 0.0  # shift: beats later (+) or earlier (-)


def make_options(length_beats: float, beats_per_bar: float = 4.0, **given: Any) -> TransformOptions:
    """Build and check options; raises InvalidValue naming the bad value and what is valid."""
    known = {f.name for f in fields(TransformOptions)}
    for name in given:
        if name not in known:
            raise InvalidValue(
                f"transform option {name!r} is not known: expected one of {', '.join(OPTION_TYPES)}"
            )
    if isinstance(given.get("voices"), str):
        given["voices"] = tuple(v.strip().lower() for v in given["voices"].split(",") if v.strip())
    if isinstance(given.get("key"), str):
        given["key"] = parse_key(given["key"])
    opts = TransformOptions(length_beats=float(length_beats), beats_per_bar=float(beats_per_bar), **given)
    _check(opts)
    return opts


def _check(o: TransformOptions) -> None:
    if not o.length_beats > 0:
        raise InvalidValue(f"clip length {o.length_beats} beats is not valid: expected more than 0")
    for name in ("amount", "strength"):
        value = getattr(o, name)
        if not 0.0 <= value <= 1.0:
            raise InvalidValue(f"transform option {name} {value} is out of range: expected 0..1")
    if not 0.0 < o.grid <= 4.0:
        raise InvalidValue(f"transform option grid {o.grid} is out of range: expected 0 < grid <= 4 beats")
    if o.subdivision not in SUBDIVISIONS:
        raise InvalidValue(f"swing subdivision {o.subdivision!r} is not valid: expected 8th or 16th")
    if o.keep not in VARY_KEEPS:
        raise InvalidValue(f"vary keep {o.keep!r} is not valid: expected rhythm or pitches")
    if o.style not in REVOICE_STYLES:
        raise InvalidValue(
            f"revoice style {o.style!r} is not valid: expected one of {', '.join(REVOICE_STYLES)}"
        )
    if not -48 <= o.semitones <= 48 or not -21 <= o.steps <= 21:
        raise InvalidValue(
            f"transpose by {o.semitones} semitones / {o.steps} steps is out of range: expected -48..48 / -21..21"
        )
    if o.pivot is not None and not 0 <= o.pivot <= 127:
        raise InvalidValue(f"invert pivot {o.pivot} is not a MIDI pitch: expected 0..127")
    for name in ("from_bar", "to_bar", "last_bars", "first_bars", "every"):
        if getattr(o, name) < 0:
            raise InvalidValue(f"{name} {getattr(o, name)} is not valid: expected 1 or more (0: not limited)")
    if o.half not in (0, 1, 2):
        raise InvalidValue(f"half {o.half} is not valid: expected 1 (first half) or 2 (second half)")
    if o.on not in ("", *ON_BEATS):
        raise InvalidValue(f"on {o.on!r} is not valid: expected one of {', '.join(ON_BEATS)}")
    if o.to_bar and o.from_bar > o.to_bar:
        raise InvalidValue(f"bars {o.from_bar} to {o.to_bar} are backwards: expected from_bar <= to_bar")
    if not -16.0 <= o.offset <= 16.0:
        raise InvalidValue(f"shift offset {o.offset} beats is out of range: expected -16..16")
    if o.bar < 0:  # its end is checked with the clip (engines.transforms.places)
        raise InvalidValue(f"bar {o.bar} is not valid: expected 1 or more (0: every bar)")
    beats = max(1, math.ceil(o.beats_per_bar - 1e-9))
    if not 0 <= o.beat <= beats:
        raise InvalidValue(f"beat {o.beat} is outside the bar: expected 1..{beats} (0: the whole bar)")
    if not 0.0 < o.beats <= o.length_beats:
        raise InvalidValue(
            f"fill length {o.beats} beats is out of range: expected 0 < beats <= {o.length_beats:g}"
        )
