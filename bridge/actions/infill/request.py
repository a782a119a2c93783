"""/roo/infill, /roo/continue and /roo/accompany's requests checked into one ``InfillRequest``.

    /roo/infill <track> <slot> [bars FROM-TO] (name value)*      bars counted from 1; default: last half
    /roo/continue <track> <slot> bars N [extend 1] (name value)*
    /roo/accompany <part> (name value)*                           part: drums, bass, chords or melody

track and slot -1 name the selected ones. The shared options: model (a published MIDI-GPT name or a
checkpoint path), seed, density and complexity (0..1), variations (1..8). Every error names the
bad value and what is valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.options import Range, leading_choice, parse_options
from engines.errors import InvalidValue
from engines.infill import DEFAULT_MODEL, PARTS
from engines.infill.generate import MAX_BARS, MAX_VARIATIONS

KINDS = {protocol.INFILL: "infill", protocol.CONTINUE: "continue", protocol.ACCOMPANY: "accompany"}
OPTIONS = {
    protocol.INFILL: protocol.INFILL_OPTIONS,
    protocol.CONTINUE: protocol.CONTINUE_OPTIONS,
    protocol.ACCOMPANY: protocol.ACCOMPANY_OPTIONS,
}


@dataclass(frozen=True, slots=True)
class InfillRequest:
    kind: str  # infill | continue | accompany (also the take's action and the result's kind)
    track: int = -1  # infill / continue: the clip (-1: the selected one)
    slot: int = -1
    first_bar: int | None = None  # infill: 1-based, inclusive; None: the clip's last half
    last_bar: int | None = None
    bars: int = 0  # continue: new bars
    extend: bool = False  # continue: the same clip made longer instead of a new clip
    part: str = ""  # accompany: the new part
    model: str = DEFAULT_MODEL
    seed: int | None = None
    density: float | None = None
    complexity: float | None = None
    variations: int = 1
    arrangement: bool = False  # in the Arrangement (``infill.arrangement``), not clip slots
    source_track: int | None = None  # with source_at: the source is the arrangement clip there
    source_at: float | None = None
    at: float | None = None  # accompany: the region's start (default: the source's, else the loop brace's)
    replace: bool = False  # a new clip may cut what lies under it


def parse_request(address: str, args: list[Any]) -> InfillRequest:
    """The request for ``address`` (one of KINDS); InvalidValue naming the first bad value."""
    kind = KINDS[address]
    if kind == "accompany":
        part = leading_choice(args, PARTS, needs=f"{address} needs a part", unknown="part")
        rest = list(args[1:])
        track = slot = -1
    else:
        track, slot = _clip(address, args)
        rest = list(args[2:])
    narrower = {"bars": Range(1, MAX_BARS)} if kind == "continue" else None  # new bars, at most MAX_BARS
    opts = parse_options(rest, OPTIONS[address], what=address, ranges=narrower)
    common = {**_common(opts), **_placed(kind, address, opts)}
    if kind == "accompany":
        return InfillRequest(kind, part=part, **common)
    if kind == "infill":
        first, last = parse_bars(str(opts["bars"])) if "bars" in opts else (None, None)
        return InfillRequest(kind, track, slot, first_bar=first, last_bar=last, **common)
    if "bars" not in opts:
        raise InvalidValue(f"{address} needs bars: expected bars N, the new bars to write (1..{MAX_BARS})")
    if opts.get("extend", 0) not in (0, 1):
        raise InvalidValue(f"{address} option extend = {opts['extend']!r} is not valid: expected 0 or 1")
    return InfillRequest(kind, track, slot, bars=opts["bars"], extend=bool(opts.get("extend", 0)), **common)


def _clip(address: str, args: list[Any]) -> tuple[int, int]:
    if len(args) < 2 or not all(_whole(v) for v in args[:2]):
        raise InvalidValue(
            f"{address} {args[:2]!r}: expected a track and a slot first (whole numbers, -1: the selected one)"
        )
    track, slot = int(args[0]), int(args[1])
    if track < -1 or slot < -1:
        raise InvalidValue(f"track {track} / slot {slot}: expected indexes >= 0, or -1 for the selected one")
    return track, slot


def _whole(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and float(value) == int(value)


def parse_bars(text: str) -> tuple[int, int]:
    """ "5-8" -> (5, 8); "5" -> (5, 5); bars count from 1."""
    first, sep, last = text.strip().partition("-")
    if not (first.strip().isdigit() and (not sep or last.strip().isdigit())):
        raise InvalidValue(f"bars {text!r} is not a bar range: expected FROM-TO counted from 1, e.g. 5-8")
    lo, hi = int(first), int(last if sep else first)
    if not 1 <= lo <= hi:
        raise InvalidValue(f"bars {text!r} is not a bar range: expected 1 <= FROM <= TO, e.g. 5-8")
    return lo, hi


def _placed(kind: str, address: str, opts: dict[str, Any]) -> dict[str, Any]:
    """The Arrangement options, checked: at and source_at only with arrangement 1; one take there;
    continue's extend 1 stays in clip slots."""
    arranged = bool(opts.get("arrangement", 0))
    for name in ("at", "source_at"):
        if name in opts and not arranged:
            raise InvalidValue(
                f"{address} {name} {opts[name]:g} is a place in the Arrangement: give arrangement 1 with it"
            )
    if arranged and opts.get("variations", 1) != 1:
        raise InvalidValue(
            f"{address} variations {opts['variations']} with arrangement 1: one place holds one take (expected 1)"
        )
    if arranged and opts.get("extend", 0):
        raise InvalidValue(f"{address} extend 1 with arrangement 1: expected extend 0 (a new clip after it)")
    if "at" in opts and kind != "accompany":
        raise InvalidValue(f"{address} at: {kind} writes where its source clip lies (expected source_at)")
    return {
        "arrangement": arranged,
        "source_track": opts.get("source_track"),
        "source_at": opts.get("source_at"),
        "at": opts.get("at"),
        "replace": bool(opts.get("replace", 0)),
    }


def _common(opts: dict[str, Any]) -> dict[str, Any]:
    for name in ("density", "complexity"):
        if name in opts and not 0.0 <= opts[name] <= 1.0:
            raise InvalidValue(f"{name} {opts[name]} is out of range: expected 0..1")
    variations = opts.get("variations", 1)
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    model = str(opts.get("model", DEFAULT_MODEL)).strip()
    if not model:
        raise InvalidValue("model '': expected a MIDI-GPT model name or a checkpoint path")
    return {
        "model": model,
        "seed": opts.get("seed"),
        "density": opts.get("density"),
        "complexity": opts.get("complexity"),
        "variations": variations,
    }
