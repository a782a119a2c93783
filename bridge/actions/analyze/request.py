"""/roo/analyze's request: ``[track slot] [(name value)*]`` checked into an ``AnalyzeRequest``.

Shared by the audio analysis (``analyze``) and the MIDI one (``analyze.midi``); every error names
the offending value and what is valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.options import parse_options, whole_argument
from engines.analysis.core import BACKENDS
from engines.errors import InvalidValue

SWITCHES = ("apply", "force", "warp", "arrangement")  # the 0|1 options


@dataclass(frozen=True, slots=True)
class AnalyzeRequest:
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot (with arrangement: the clip in Live's Clip View)
    backend: str = "madmom"
    apply: bool = False
    force: bool = False  # with apply: the detected tempo and key as they are
    warp: bool = False
    arrangement: bool = False


def parse_request(args: list[Any]) -> AnalyzeRequest:
    """``[track slot] [(name value)*]``; errors name the offending value."""
    rest = list(args)
    track = slot = -1
    if rest and not isinstance(rest[0], str):
        if len(rest) < 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in rest[:2]):
            raise InvalidValue(
                f"/roo/analyze {args!r}: expected [track slot] as two integers, then (name value)*"
            )
        track = whole_argument("track", rest[0], what="/roo/analyze")  # -1..INDEX_MAX, as the options
        slot = whole_argument("slot", rest[1], what="/roo/analyze")
        rest = rest[2:]
    options = parse_options(rest, protocol.ANALYZE_OPTIONS, what="/roo/analyze")
    backend = options.get("backend", "madmom")
    if backend not in BACKENDS:
        raise InvalidValue(
            f"/roo/analyze option backend = {backend!r} is not valid: expected one of {BACKENDS}"
        )
    for name in SWITCHES:
        if options.get(name, 0) not in (0, 1):
            raise InvalidValue(
                f"/roo/analyze option {name} = {options[name]!r} is not valid: expected 0 or 1"
            )
    switches = {name: bool(options.get(name, 0)) for name in SWITCHES}
    if switches["force"] and not switches["apply"]:
        raise InvalidValue("/roo/analyze option force 1 changes what apply 1 sets: expected apply 1 with it")
    return AnalyzeRequest(track, slot, backend, **switches)
