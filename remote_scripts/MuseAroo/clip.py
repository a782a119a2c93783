"""Clip messages of the common grammar: add, get and remove notes; read clip properties.

Notes travel flat as (pitch, start_beats, duration_beats, velocity, mute) groups after the
track and slot; an optional (from_pitch, pitch_span, from_time, time_span) range narrows
get/remove (Live's extended note API order: pitch range first, then time range).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .places import slot_of
from .request import Request, RequestError, clip, note_rows

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

ALL_NOTES = (0, 128, -16384.0, 16384.0 * 128)  # every pitch, every time Live allows
AUDIO_ONLY = ("file_path", "warping", "sample_rate")


def note_spec(pitch: int, start: float, duration: float, velocity: float, mute: bool) -> Any:
    return Live.Clip.MidiNoteSpecification(pitch, start, duration, velocity, mute)


def check_note(index: int, pitch: int, start: float, duration: float, velocity: float) -> None:
    """Raise RequestError naming the first bad field of note number index."""
    if not 0 <= pitch <= 127:
        raise RequestError(f"note {index}: pitch {pitch} is out of range: expected 0..127")
    if not 1 <= velocity <= 127:
        raise RequestError(f"note {index}: velocity {velocity} is out of range: expected 1..127")
    if not duration > 0:
        raise RequestError(f"note {index}: duration_beats {duration}: expected > 0")
    if not start >= 0:
        raise RequestError(f"note {index}: start_beats {start}: expected >= 0")


def blob_specs(request: Request, index: int) -> list[Any]:
    """Note specifications from the NOTE_RECORD blob at args[index] (none when the blob is left out).

    python-osc cannot build an empty blob, so a request without notes leaves it out.
    """
    blob = request.blob_at(index, "notes blob") if len(request.args) > index else b""
    try:
        rows = protocol.unpack_notes(blob)
    except ValueError as exc:
        raise RequestError(str(exc)) from exc
    specs: list[Any] = []
    for n, (pitch, start, duration, velocity, mute) in enumerate(rows):
        check_note(n, pitch, start, duration, velocity)
        if mute > 1:
            raise RequestError(f"note {n}: mute {mute}: expected 0 or 1")
        specs.append(note_spec(pitch, start, duration, float(velocity), bool(mute)))
    return specs


class ClipHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            protocol.CLIP_ADD_NOTES: self.add_notes,
            protocol.CLIP_GET_NOTES: self.get_notes,
            protocol.CLIP_REMOVE_NOTES: self.remove_notes,
        }
        for prop in protocol.CLIP_PROPERTIES_GET:
            table[protocol.CLIP_GET + prop] = self._getter(prop)
        return table

    def _clip(self, request: Request, midi: bool = False) -> Any:
        return clip(self.song, request.int_at(0, "track"), request.int_at(1, "slot"), midi)

    def _range(self, request: Request) -> tuple[int, int, float, float]:
        request.expect_count(2, 6, "track, slot[, from_pitch, pitch_span, from_time, time_span]")
        if len(request.args) == 2:
            return ALL_NOTES
        request.expect_count(6, 6, "track, slot, from_pitch, pitch_span, from_time, time_span")
        return (
            request.int_at(2, "from_pitch", 0, 127),
            request.int_at(3, "pitch_span", 1, 128),
            request.float_at(4, "from_time"),
            request.float_at(5, "time_span", 0.0),
        )

    def add_notes(self, request: Request) -> None:
        request.expect_count(2, None, "track, slot, (pitch start_beats duration_beats velocity mute)*")
        if (len(request.args) - 2) % 5:
            raise RequestError(
                f"{request.address}: {len(request.args) - 2} note values after track and slot: "
                f"expected groups of 5 ({' '.join(protocol.NOTE_FIELDS)})"
            )
        target = self._clip(request, midi=True)
        specs: list[Any] = []
        for n in range((len(request.args) - 2) // 5):
            base = 2 + 5 * n
            pitch = request.int_at(base, f"note {n} pitch")
            start = request.float_at(base + 1, f"note {n} start_beats")
            duration = request.float_at(base + 2, f"note {n} duration_beats")
            velocity = request.float_at(base + 3, f"note {n} velocity")
            mute = request.int_at(base + 4, f"note {n} mute", 0, 1)
            check_note(n, pitch, start, duration, velocity)
            specs.append(note_spec(pitch, start, duration, velocity, bool(mute)))
        target.add_new_notes(specs)

    def get_notes(self, request: Request) -> Sequence[Any]:
        from_pitch, pitch_span, from_time, time_span = self._range(request)
        notes = self._clip(request, midi=True).get_notes_extended(
            from_pitch, pitch_span, from_time, time_span
        )
        out: list[Any] = [request.args[0], request.args[1]]
        for row in note_rows(list(notes)):
            out.extend(row)
        return out

    def remove_notes(self, request: Request) -> None:
        from_pitch, pitch_span, from_time, time_span = self._range(request)
        self._clip(request, midi=True).remove_notes_extended(from_pitch, pitch_span, from_time, time_span)

    def _getter(self, prop: str) -> Handler:
        def get(request: Request) -> Sequence[Any]:
            request.expect_count(2, 2, "track, slot")
            found = self._clip(request)
            if prop in AUDIO_ONLY and not found.is_audio_clip:
                raise RequestError(
                    f"{slot_of(self.song, request.args[0], request.args[1])} holds a MIDI clip: "
                    f"{prop} is available for audio clips only"
                )
            value = getattr(found, prop)
            return (request.args[0], request.args[1], int(value) if isinstance(value, bool) else value)

        return get
