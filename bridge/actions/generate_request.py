"""/roo/generate's request: its arguments checked, merged with Live's song context, and its target slot.

Explicit options win over Live's context, which wins over defaults; every error names the bad
value and what is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bridge import protocol
from bridge.actions.options import leading_choice, parse_options
from bridge.app import App
from bridge.live.client import LiveContext
from engines.errors import InvalidValue
from engines.generators.feel import check as check_feel
from engines.genre_names import genre_name
from engines.music import SCALES, Feel, Key, MusicalContext, Note, parse_key, scale_named

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


def parse_request(args: list[Any]) -> GenerateRequest:
    """Validate /roo/generate arguments; every error names the value and what is valid."""
    part = leading_choice(args, protocol.PARTS, needs="/roo/generate needs a part", unknown="part")
    opts = parse_options(args[1:], protocol.GENERATE_OPTIONS, what="/roo/generate")
    req = GenerateRequest(
        part=part, **{k: v for k, v in opts.items() if k != "replace"}, replace=bool(opts.get("replace", 0))
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
    if req.track < -1 or req.slot < -1:
        raise InvalidValue(
            f"track {req.track} / slot {req.slot}: expected an index >= 0, or -1 for the selected one"
        )
    for name in ("source_track", "source_slot"):
        value = getattr(req, name)
        if value is not None and value < -1:
            raise InvalidValue(f"{name} {value}: expected an index >= 0, or -1 for the selected one")
    return req


def musical_context(req: GenerateRequest, live: LiveContext, app: App) -> MusicalContext:
    """Merge the request with Live's context: explicit options win, then Live, then defaults.

    Live's scale is followed by name (every Live 12 scale); one the generators do not know is
    refused with its name, except for drums, which do not depend on the key.
    """
    if req.key is not None:
        key = parse_key(req.key)
    elif scale_named(live.scale_name) is not None:
        key = Key(live.root_note % 12, str(scale_named(live.scale_name)))
    elif req.part == "drums":
        key = Key(live.root_note % 12, "Major")  # drums do not read the key
    else:
        raise InvalidValue(
            f"Live's scale {live.scale_name!r} is not one the generators can follow: expected one of "
            f"Live 12's scales ({', '.join(SCALES)}), or give a key, e.g. key 'E Hirajoshi'"
        )
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
        key=key,
        bars=req.bars,
        chords=app.song.chords,
        feel=req.feel,
    )
    return replace(ctx, genre=req.genre) if req.genre is not None else ctx


def target(req: GenerateRequest, live: LiveContext) -> tuple[int, int]:
    """The (track, slot) the part goes to: the request's, or Live's selection for -1."""
    track = live.selected_track if req.track == -1 else req.track
    slot = live.selected_slot if req.slot == -1 else req.slot
    if not 0 <= track < live.num_tracks:
        raise InvalidValue(
            f"track {track} is out of range: the Set has {live.num_tracks} tracks (0..{live.num_tracks - 1})"
        )
    if slot < 0:
        raise InvalidValue(
            f"slot {slot} is out of range: expected 0..{live.num_scenes - 1} (no slot is selected)"
        )
    return track, slot


def refuse_empty(part: str, genre: str, density: float, notes: list[Note]) -> None:
    """A part the genre does not play (classical drums) is refused with the reason, not written empty."""
    if not notes:
        raise InvalidValue(
            f"genre {genre!r} has no {part} part at density {density:g}: it writes no notes, so nothing "
            "was written (pick another genre, or a higher density where the genre plays a little)"
        )


def groove_settings(req: GenerateRequest) -> dict[str, Any]:
    """The groove controls a request gave (so Vary keeps them); none when it kept the genre's."""
    names = ("swing", "humanize", "accent", "intensity", "fills")
    return {name: getattr(req, name) for name in names if getattr(req, name) is not None}
