"""/live/clip/...: a clip's properties and methods from grammar's tables, and its notes.

Notes travel as (pitch, start_time, duration, velocity, mute) groups after (track, clip), in
the order AbletonOSC's suite expects of Live's get_notes: by pitch, then by time. ``get/notes``
and ``remove/notes`` take an optional (pitch_start, pitch_span, time_start, time_span) range;
without one they cover every note, also those before the clip start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import grammar
from .clip_slot import find_slot
from .core import Listening, arg, generated, zero_based

if TYPE_CHECKING:
    from .core import Address, Handler


class ClipHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def clip(self, args: Sequence[Any]) -> Any:
        track_id, clip_id = arg(args, 0, "track_id"), arg(args, 1, "clip_id")
        slot = find_slot(self.song, track_id, clip_id)
        if not slot.has_clip:
            raise ValueError(f"no clip at {zero_based(('track', track_id), ('clip slot', clip_id))}")
        return slot.clip

    def handlers(self) -> dict[str, Handler]:
        table = generated("clip", self.clip, self.listening)
        table["/live/clip/get/notes"] = self.get_notes
        table["/live/clip/add/notes"] = self.add_notes
        table["/live/clip/remove/notes"] = self.remove_notes
        return table

    @staticmethod
    def _range(args: Sequence[Any]) -> tuple[int, int, float, float]:
        if len(args) == 2:
            return grammar.ALL_NOTES
        if len(args) != 6:
            raise ValueError(
                f"expected (track, clip) or (track, clip, pitch_start, pitch_span, time_start, time_span), "
                f"got {len(args)} arguments"
            )
        return int(args[2]), int(args[3]), float(args[4]), float(args[5])

    def get_notes(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        notes = self.clip(args).get_notes_extended(*self._range(args))
        out: list[Any] = [args[0], args[1]]
        for note in sorted(notes, key=lambda n: (n.pitch, n.start_time)):
            out.extend(
                (note.pitch, float(note.start_time), float(note.duration), note.velocity, bool(note.mute))
            )
        return out

    def add_notes(self, args: Sequence[Any], to: Address) -> None:
        values = args[2:]
        size = len(grammar.NOTE_FIELDS)
        if len(values) % size:
            raise ValueError(
                f"{len(values)} note values after (track, clip): expected groups of {size} "
                f"({', '.join(grammar.NOTE_FIELDS)})"
            )
        specs = [
            Live.Clip.MidiNoteSpecification(
                pitch=int(values[i]),
                start_time=float(values[i + 1]),
                duration=float(values[i + 2]),
                velocity=float(values[i + 3]),
                mute=bool(values[i + 4]),
            )
            for i in range(0, len(values), size)
        ]
        self.clip(args).add_new_notes(tuple(specs))

    def remove_notes(self, args: Sequence[Any], to: Address) -> None:
        self.clip(args).remove_notes_extended(*self._range(args))
