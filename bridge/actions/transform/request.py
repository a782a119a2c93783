"""/roo/transform's arguments checked into a ``TransformRequest`` before Live is asked anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bridge import protocol
from bridge.actions.options import leading_choice, parse_options
from engines import transforms
from engines.errors import InvalidValue
from engines.transforms.drum_voices import pitches_of

OWN = ("track", "slot", "replace", "seed", "arrangement")  # the options that are not the transform's


@dataclass(frozen=True, slots=True)
class TransformRequest:
    kind: str
    track: int
    slot: int
    replace: bool = False
    seed: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    arrangement: bool = False  # track and slot name an arrangement clip (``transform.arrangement``)


def parse_request(args: list[Any]) -> TransformRequest:
    """Validate the kind and options (their values are checked again with the clip's length)."""
    kind = leading_choice(
        args, protocol.TRANSFORM_KINDS, needs="/roo/transform needs a kind", unknown="transform"
    )
    opts = parse_options(args[1:], protocol.TRANSFORM_OPTIONS, what="/roo/transform")
    for name in ("track", "slot"):
        if name not in opts:
            raise InvalidValue(
                f"/roo/transform {kind} needs {name}: expected track T slot S (-1: the selected one)"
            )
        if opts[name] < -1:
            raise InvalidValue(f"{name} {opts[name]}: expected an index >= 0, or -1 for the selected one")
    if opts.get("replace", 0) not in (0, 1):
        raise InvalidValue(
            f"/roo/transform option replace = {opts['replace']!r} is not valid: expected 0 or 1"
        )
    if kind.startswith("drums_") and "voices" not in opts:
        raise InvalidValue(
            f"/roo/transform {kind} needs voices: expected e.g. voices hats or voices kick,snare"
        )
    rest = {k: v for k, v in opts.items() if k not in OWN}
    checked = transforms.make_options(4.0, **rest)  # bad values fail here, before Live is asked anything
    if checked.voices:
        pitches_of([v for v in checked.voices if v != "ghost_notes"] or ["snare"])
    return TransformRequest(
        kind, opts["track"], opts["slot"], bool(opts.get("replace", 0)), opts.get("seed"), rest,
        bool(opts.get("arrangement", 0)),
    )  # fmt: skip
