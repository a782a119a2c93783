"""/roo/generate's first step: its arguments parsed and checked into a ``GenerateRequest``.

Every error names the bad value and what is valid. What the request becomes in the song (Live's
context merged in, its target slot, its source clip) is the next step, ``generate.context``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bridge import protocol
from bridge.actions.options import leading_choice, parse_options
from engines.errors import InvalidValue
from engines.generators.feel import check as check_feel
from engines.genre_names import genre_name
from engines.music import Feel, parse_key

MAX_BARS = 256


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    part: str
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot
    bars: int = 8
    genre: str | None = None
    density: float = 0.5
    complexity: float = 0.5
    seed: int | None = None
    key: str | None = None
    replace: bool = False
    swing: float | None = None  # groove controls: None keeps the genre's
    humanize: float | None = None
    accent: float | None = None
    intensity: float | None = None
    fills: str | None = None

    @property
    def feel(self) -> Feel:
        return Feel(self.swing, self.humanize, self.accent, self.intensity, self.fills)

    source_track: int | None = None  # a MIDI clip to follow; None (both): the selected MIDI clip
    source_slot: int | None = None
    arrangement: bool = False  # into the Arrangement (``generate.arrangement``), not a clip slot
    at: float | None = None  # its start in beats; None: the loop brace's
    automation: bool = True  # song: the clip envelopes its genre asks for (automation 0: none)
    bars_given: bool = False  # bars named in the request (else, in the Arrangement, the loop brace's)


def parse_request(args: list[Any]) -> GenerateRequest:
    """Validate /roo/generate arguments; every error names the value and what is valid."""
    part = leading_choice(args, protocol.PARTS, needs="/roo/generate needs a part", unknown="part")
    opts = parse_options(args[1:], protocol.GENERATE_OPTIONS, what="/roo/generate")
    flags = ("replace", "arrangement", "automation")
    req = GenerateRequest(
        part=part,
        **{k: v for k, v in opts.items() if k not in flags},
        replace=bool(opts.get("replace", 0)),
        arrangement=bool(opts.get("arrangement", 0)),
        automation=bool(opts.get("automation", 1)),
        bars_given="bars" in opts,
    )
    if req.at is not None and not req.arrangement:
        raise InvalidValue(f"at {req.at:g} places a part in the Arrangement: give arrangement 1 with it")
    if req.arrangement and req.part == "song":
        raise InvalidValue(
            "arrangement 1 writes parts at the loop brace: song writes its own "
            "(song with replace 1 lays its sections along the Arrangement)"
        )
    if not 1 <= req.bars <= MAX_BARS:
        raise InvalidValue(f"bars {req.bars} is out of range: expected 1..{MAX_BARS}")
    for name in ("density", "complexity"):
        value = getattr(req, name)
        if not 0.0 <= value <= 1.0:
            raise InvalidValue(f"{name} {value} is out of range: expected 0..1")
    check_feel(req.feel)
    if req.genre is not None:
        req = replace(req, genre=genre_name(req.genre))
    if req.key is not None:
        parse_key(req.key)  # "H minor" is refused here, naming it, not after the job has started
    if req.track < -1 or req.slot < -1:
        raise InvalidValue(
            f"track {req.track} / slot {req.slot}: expected an index >= 0, or -1 for the selected one"
        )
    for name in ("source_track", "source_slot"):
        value = getattr(req, name)
        if value is not None and value < -1:
            raise InvalidValue(f"{name} {value}: expected an index >= 0, or -1 for the selected one")
    return req
