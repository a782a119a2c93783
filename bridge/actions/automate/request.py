"""/roo/automate's arguments, checked before Live is asked anything.

Writing: ``<track> <device> <parameter> <shape> [name value]...`` over AUTOMATE_OPTIONS; clearing:
``clear <track> [<device> <parameter>] [slot S | at BEAT]``. ``slot`` and ``at`` exclude each
other; neither means the selected scene's slot. ``first_bars N`` is ``bars N`` (from the start);
``last_bars N`` is N bars ending at the clip's end; one of ``bars``, ``first_bars`` and ``last_bars``.
``from``/``to`` are checked against the parameter's own range once Live has named it (``job``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.options import parse_options
from engines.errors import InvalidValue

USAGE = (
    "expected /roo/automate <track> <device> <parameter> <shape> [from X] [to Y] [bars N] "
    "[slot S | at BEAT] [rate BEATS] [curve C] [first_bars N | last_bars N], or /roo/automate clear <track> [<device> <parameter>]"
)


@dataclass(frozen=True, slots=True)
class AutomateRequest:
    track: int
    device: str  # "" with parameter "": every envelope of the clip (clear only)
    parameter: str
    shape: str | None  # None: clear
    slot: int | None = None  # None with at None: the selected scene's slot
    at: float | None = None  # the arrangement clip under this beat
    start: float | None = None  # "from", in the parameter's units; None: the shape's default
    end: float | None = None  # "to"
    bars: int | None = None  # None: to the clip's end
    from_end: bool = False  # the bars end at the clip's end (last_bars), not start at the region's start
    rate: float | None = None
    curve: float = 1.0


def _index(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or value < 0:
        raise InvalidValue(f"/roo/automate {name} {value!r}: expected an index >= 0; {USAGE}")
    return int(value)


def _name(value: Any, name: str) -> str:
    if not isinstance(value, str) or (name != "device" and not value.strip()):
        raise InvalidValue(f"/roo/automate {name} {value!r}: expected a name; {USAGE}")
    return value


def parse_request(args: list[Any]) -> AutomateRequest:
    clearing = bool(args) and args[0] == "clear"
    rest = list(args[1:] if clearing else args)
    if not rest:
        raise InvalidValue(f"/roo/automate needs a track first: {USAGE}")
    track = _index(rest[0], "track")
    if clearing:
        named = len(rest) >= 3 and rest[1] not in protocol.AUTOMATE_OPTIONS
        device, parameter = (_name(rest[1], "device"), _name(rest[2], "parameter")) if named else ("", "")
        opts = parse_options(
            rest[3 if named else 1 :], {"slot": "int", "at": "float"}, what="/roo/automate clear"
        )
        shape = None
    else:
        if len(rest) < 4:
            raise InvalidValue(f"/roo/automate needs a track, a device, a parameter and a shape: {USAGE}")
        device, parameter = _name(rest[1], "device"), _name(rest[2], "parameter")
        shape = rest[3]
        if shape not in protocol.AUTOMATE_SHAPES:
            raise InvalidValue(
                f"shape {shape!r} is not known: expected one of {', '.join(protocol.AUTOMATE_SHAPES)}"
            )
        opts = parse_options(rest[4:], protocol.AUTOMATE_OPTIONS, what="/roo/automate")
    if "slot" in opts and "at" in opts:
        raise InvalidValue(
            f"slot {opts['slot']} and at {opts['at']:g} both given: expected one (slot: a session clip, at: an arrangement clip)"
        )
    spans = [name for name in ("bars", "first_bars", "last_bars") if name in opts]
    if len(spans) > 1:
        raise InvalidValue(
            f"{' and '.join(f'{n} {opts[n]}' for n in spans)} both given: expected one (bars and first_bars: "
            "from the start, last_bars: ending at the clip's end)"
        )
    bars = opts[spans[0]] if spans else None
    if bars is not None and bars < 1:
        raise InvalidValue(f"{spans[0]} {bars}: expected a whole number of bars >= 1; {USAGE}")
    return AutomateRequest(
        track, device, parameter, shape, slot=opts.get("slot"), at=opts.get("at"), start=opts.get("from"),
        end=opts.get("to"), bars=bars, from_end=spans == ["last_bars"], rate=opts.get("rate"),
        curve=opts.get("curve", 1.0),
    )  # fmt: skip
