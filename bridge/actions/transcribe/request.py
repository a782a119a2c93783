"""/roo/transcribe's arguments: ``[track slot] [kind K] [quantize Q] [key K]`` or the Arrangement form
``arrangement 1 [source_track T source_at BEAT]``, checked before Live is touched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.options import parse_options, whole_argument
from engines.errors import InvalidValue
from engines.music import parse_key

WHAT = protocol.TRANSCRIBE


@dataclass(frozen=True, slots=True)
class TranscribeRequest:
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot (with arrangement: the clip in Live's Clip View)
    kind: str = "auto"  # one of protocol.TRANSCRIBE_KINDS
    quantize: float = 0.0  # 0: as played; 1: on the 16th grid
    arrangement: bool = False  # the MIDI clip into the Arrangement at the source's start
    source_track: int | None = None  # with source_at: the source is the arrangement clip there
    source_at: float | None = None
    key: str | None = None  # "A minor": the song's key as asked (None: the Set's, where someone chose it)

    def settings(self) -> dict[str, Any]:
        """What the take keeps of the request (JSON values)."""
        asked = {"key": self.key} if self.key else {}
        return {"kind": self.kind, "quantize": self.quantize, "arrangement": int(self.arrangement), **asked}


def parse_request(args: list[Any]) -> TranscribeRequest:
    """``[track slot]`` as two whole numbers, then TRANSCRIBE_OPTIONS as name value pairs (a kind
    may also come alone after the slot); every error names the value and what is expected."""
    rest = list(args)
    track = slot = -1
    if rest and not isinstance(rest[0], str):
        if len(rest) < 2 or isinstance(rest[1], str):
            raise InvalidValue(
                f"{WHAT} {args!r}: expected [track slot] as two integers, then name value pairs"
            )
        track = whole_argument("track", rest[0], what=WHAT)
        slot = whole_argument("slot", rest[1], what=WHAT)
        rest = rest[2:]
    if len(rest) % 2 == 1 and rest[0] in protocol.TRANSCRIBE_KINDS:  # "/roo/transcribe 2 0 bass"
        rest = ["kind", *rest]
    opts = parse_options(rest, protocol.TRANSCRIBE_OPTIONS, what=WHAT)
    kind = opts.get("kind", "auto")
    if kind not in protocol.TRANSCRIBE_KINDS:
        raise InvalidValue(
            f"{WHAT} kind {kind!r} is not known: expected one of {', '.join(protocol.TRANSCRIBE_KINDS)}"
        )
    req = TranscribeRequest(
        track, slot, kind, float(opts.get("quantize", 0.0)), bool(opts.get("arrangement", 0)),
        opts.get("source_track"), opts.get("source_at"), _key(opts.get("key")),
    )  # fmt: skip
    if req.source_at is not None and not req.arrangement:
        raise InvalidValue(f"{WHAT} source_at names an arrangement clip: give arrangement 1 with it")
    if req.source_track is not None and req.source_at is None:
        raise InvalidValue(f"{WHAT} source_track {req.source_track}: expected source_at BEAT with it")
    if req.source_at is not None and (track != -1 or slot != -1):
        raise InvalidValue(
            f"{WHAT} track {track} slot {slot} and source_at {req.source_at:g}: expected one source clip "
            "(a session slot, or source_track T source_at BEAT)"
        )
    return req


def _key(value: Any) -> str | None:
    """The key option as its name ("F#m" -> "F# minor"); InvalidValue names a bad one and what is expected."""
    if value is None:
        return None
    try:
        return str(parse_key(str(value)))
    except InvalidValue as exc:
        raise InvalidValue(f"{WHAT} {exc}") from exc
