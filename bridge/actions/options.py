"""Parsing `(name value)*` OSC option lists against a table of names and types, and their ranges.

Every numeric option of every request is range-checked here, before a job touches Live, so no
value can fail after something was written (a seed of 2^64 once wrote a clip, then could not be
stored). ``RANGES`` holds the range of each option name; an option means the same in every
request that takes it (``seed``, ``track``...). The option types stay in ``bridge.protocol``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engines.errors import InvalidValue

SEED_MAX = 2**63 - 1  # what the take store (a signed 64-bit integer) and numpy's generators take
INDEX_MAX = 2**31 - 1  # a track, slot or scene index as OSC carries it to the Remote Script (int32)
MAX_BARS = 256  # a generated part (generate_request's MAX_BARS)
MAX_VARIATIONS = 8  # MusicGen takes in one batch
MAX_LIST = 10_000  # takes one /roo/history/list answers at most
ARRANGEMENT_BEATS_MAX = 1_576_800.0  # the latest start Live takes for an arrangement clip


@dataclass(frozen=True, slots=True)
class Range:
    """lo..hi, both included, except lo when ``above`` (the value must be more than lo)."""

    lo: int | float  # ints stay ints: 2^63-1 as a float would be 2^63
    hi: int | float
    above: bool = False

    def holds(self, value: float) -> bool:
        return (self.lo < value if self.above else self.lo <= value) and value <= self.hi

    def __str__(self) -> str:
        lo, hi = (f"{b:g}" if isinstance(b, float) else shown(b) for b in (self.lo, self.hi))
        return f"more than {lo} and at most {hi}" if self.above else f"{lo}..{hi}"


def shown(value: Any) -> str:
    """A number as an error message names it (an integer too long to print whole by its size)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"{'-' if value < 0 else ''}(an integer of {value.bit_length()} bits)"
    if isinstance(value, float):  # 2.0 stays 2.0 (a float given), 1e+300 stays short
        return f"{value:.1f}" if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    return repr(value)


def _whole(lo: int, hi: int) -> Range:
    return Range(lo, hi)


INDEX = _whole(-1, INDEX_MAX)  # -1: the selected track / slot
UNIT = Range(0.0, 1.0)
FLAG = _whole(0, 1)

# Every numeric option of GENERATE_OPTIONS, TRANSFORM_OPTIONS, ANALYZE_OPTIONS, MUSICGEN_OPTIONS,
# HISTORY_LIST_OPTIONS and /roo/history/recall (tests/bridge/actions/test_options.py holds that none lacks one).
RANGES: dict[str, Range] = {
    "seed": _whole(0, SEED_MAX),
    "track": INDEX,
    "slot": INDEX,
    "source_track": INDEX,
    "source_slot": INDEX,
    "bars": _whole(1, MAX_BARS),
    "replace": FLAG,
    "density": UNIT,
    "complexity": UNIT,
    "swing": UNIT,
    "humanize": UNIT,
    "accent": UNIT,
    "intensity": UNIT,
    "amount": UNIT,
    "strength": UNIT,
    "grid": Range(0.0, 4.0, above=True),  # beats
    "beats": Range(0.0, 4.0 * MAX_BARS * 4, above=True),  # fill length; at most the clip (checked then)
    "bar": _whole(0, MAX_BARS),  # a transform's place, counted from 1 (0: every bar)
    "beat": _whole(0, 99),  # the beat of that bar, from 1 (0: every beat); Live's numerator is 1..99
    "semitones": _whole(-48, 48),
    "steps": _whole(-21, 21),
    "pivot": _whole(0, 127),
    "apply": FLAG,
    "force": FLAG,
    "warp": FLAG,
    "arrangement": FLAG,
    "at": Range(0.0, ARRANGEMENT_BEATS_MAX),  # a start in the Arrangement, in Live's beats
    "source_at": Range(0.0, ARRANGEMENT_BEATS_MAX),  # where a source clip lies in the Arrangement
    "continue": FLAG,
    "melody": FLAG,
    "variations": _whole(1, MAX_VARIATIONS),
    "limit": _whole(1, MAX_LIST),
    "rate": Range(1.0 / 16, 4.0 * MAX_BARS * 4),  # an automation's LFO cycle or stair, in beats
    "curve": Range(0.1, 10.0),  # an automation ramp's bend: progress ** curve
    "automation": FLAG,  # song: 0 leaves out its genre's clip envelopes
    "from_bar": _whole(0, MAX_BARS),  # a transform's scope (issue 44), counted from 1 (0: not limited)
    "to_bar": _whole(0, MAX_BARS),
    "half": _whole(0, 2),
    "last_bars": _whole(0, MAX_BARS),
    "first_bars": _whole(0, MAX_BARS),
    "every": _whole(0, MAX_BARS),
    "offset": Range(-16.0, 16.0),  # shift, beats
    "quantize": UNIT,  # transcribe: how far notes move toward the grid (0: as played)
}


def leading_choice(args: list[Any], choices: Sequence[str], *, needs: str, unknown: str) -> str:
    """The first argument, one of ``choices``; else an error: "<needs> first" when it is missing,
    "<unknown> 'x' is not known" when it is not one of them, each listing what is expected."""
    expected = ", ".join(choices)
    if not args or not isinstance(args[0], str):
        raise InvalidValue(f"{needs} first: expected one of {expected}")
    if args[0] not in choices:
        raise InvalidValue(f"{unknown} {args[0]!r} is not known: expected one of {expected}")
    return args[0]


def parse_options(
    args: list[Any], table: Mapping[str, str], *, what: str, ranges: Mapping[str, Range] | None = None
) -> dict[str, Any]:
    """Turn [name, value, name, value, ...] into a dict, checking each name, value type and range.

    ``table`` maps an option name to "int", "float" or "str"; an int given for a float is widened,
    a float with an integral value is accepted for an int, and an int given for a str is read as
    its digits (``fills 4`` arrives as an int from most OSC senders). A number must be in its
    ``RANGES`` range (``ranges`` narrows some for one request, e.g. /roo/continue's bars).
    """
    if len(args) % 2:
        raise InvalidValue(f"{what} options must come in name value pairs, got {len(args)} values: {args!r}")
    out: dict[str, Any] = {}
    for name, value in zip(args[0::2], args[1::2], strict=True):
        if name not in table:
            raise InvalidValue(f"{what} option {name!r} is not known: expected one of {', '.join(table)}")
        kind = table[name]
        out[str(name)] = _convert(str(name), value, kind, what)
        if kind != "str":
            check_range(str(name), out[str(name)], what=what, ranges=ranges)
    return out


def check_range(name: str, value: float, *, what: str, ranges: Mapping[str, Range] | None = None) -> None:
    """InvalidValue naming the value and its range when ``value`` is outside ``RANGES[name]`` (or
    not a finite number); a name without a range is only required to be finite."""
    limits = (ranges or {}).get(name) or RANGES.get(name)
    if value != value or (limits is None and abs(value) == float("inf")):  # NaN, or an unbounded inf
        raise InvalidValue(f"{what} option {name} {shown(value)} is not a number: expected a finite one")
    if limits is not None and not limits.holds(value):
        raise InvalidValue(f"{what} option {name} {shown(value)} is out of range: expected {limits}")


def whole_argument(name: str, value: Any, *, what: str, ranges: Mapping[str, Range] | None = None) -> int:
    """A positional whole number (``/roo/separate 3 2``'s track and slot) checked as the option of that
    name is: an int, or a float with an integral value, within its ``RANGES`` range (``ranges``
    narrows it for one request); else InvalidValue naming the value and what is expected."""
    limits = (ranges or {}).get(name) or RANGES[name]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidValue(f"{what} {name} {shown(value)} is not valid: expected a whole number {limits}")
    if not limits.holds(value):
        raise InvalidValue(f"{what} {name} {shown(value)} is out of range: expected {limits}")
    return value


def _convert(name: str, value: Any, kind: str, what: str) -> Any:
    if kind == "str":
        if isinstance(value, str):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
    elif kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                return float(value)
            except OverflowError:  # an int past a float's range
                raise InvalidValue(
                    f"{what} option {name} {shown(value)} is out of range: expected a {kind}"
                ) from None
    raise InvalidValue(f"{what} option {name} = {shown(value)} is not valid: expected {kind}")
