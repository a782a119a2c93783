"""The notes part of Live.Clip for the in-memory Live: Live 11+'s extended notes API.

Mixed into ``livesim.clip.Clip``, which holds the notes by id; on an audio clip every
method here raises RuntimeError, as in Live. Ranges are pitch first, then time (beats from the
clip start); a range covers notes that start inside it. What a clip hands back are copies.
"""

from __future__ import annotations

from collections.abc import Iterable

from livesim.base import ArgumentError, Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.notes import MidiNote, MidiNoteSpecification


class ClipNotes:
    """Clip members that exist for MIDI clips only: add, read and remove notes, with undo."""

    _doc: Document
    _listeners: Listeners
    _is_audio: bool
    _notes: dict[int, MidiNote]
    _next_id: int

    def _midi_only(self, method: str) -> None:
        if self._is_audio:
            raise RuntimeError(f"Clip.{method} is available for MIDI clips only")

    def add_new_notes(self, notes: Iterable[MidiNoteSpecification], /) -> tuple[int, ...]:
        self._midi_only("add_new_notes")
        self._doc.check_change("Clip.add_new_notes")
        specs = list(notes)
        for spec in specs:
            if not isinstance(spec, MidiNoteSpecification):
                raise ArgumentError(f"Clip.add_new_notes expects MidiNoteSpecification items, got {spec!r}")
            if not 0 <= spec.pitch <= 127:
                raise RuntimeError(f"Invalid note pitch {spec.pitch}: expected 0..127")
            if spec.duration <= 0.0:
                raise RuntimeError(f"Invalid note duration {spec.duration}: expected > 0")
        ids = []
        for spec in specs:
            note = MidiNote(self._next_id, spec)
            note.velocity = min(127.0, max(0.0, note.velocity))  # Live clamps velocities
            self._notes[note.note_id] = note
            ids.append(note.note_id)
            self._next_id += 1
        self._doc.record(lambda: self._drop(ids))
        self._listeners.notify("notes")
        return tuple(ids)

    def _drop(self, ids: Iterable[int]) -> None:
        """Remove notes as one undoable change (undone, it puts them back; so Live's redo of an
        undone write brings its notes back with its clip)."""
        gone = [n for n in (self._notes.pop(i, None) for i in list(ids)) if n is not None]
        self._doc.record(lambda: self._restore(gone))
        self._listeners.notify("notes")

    def _restore(self, notes: list[MidiNote]) -> None:
        for note in notes:
            self._notes[note.note_id] = note
        self._doc.record(lambda: self._drop([n.note_id for n in notes]))
        self._listeners.notify("notes")

    def _select(self, from_pitch: int, pitch_span: int, from_time: float, time_span: float) -> list[MidiNote]:
        return [
            n
            for n in self._notes.values()
            if from_pitch <= n.pitch < from_pitch + pitch_span
            and from_time <= n.start_time < from_time + time_span
        ]

    def get_all_notes_extended(self) -> list[MidiNote]:
        self._midi_only("get_all_notes_extended")
        notes = sorted(self._notes.values(), key=lambda n: (n.start_time, n.pitch, n.note_id))
        return [MidiNote(n.note_id, n) for n in notes]

    def get_notes_extended(
        self, from_pitch: int, pitch_span: int, from_time: float, time_span: float, /
    ) -> list[MidiNote]:
        self._midi_only("get_notes_extended")
        check_args(
            "Clip.get_notes_extended",
            (from_pitch, pitch_span, from_time, time_span),
            ("int", "int", "float", "float"),
        )
        notes = sorted(
            self._select(from_pitch, pitch_span, from_time, time_span), key=lambda n: (n.start_time, n.pitch)
        )
        return [MidiNote(n.note_id, n) for n in notes]

    def remove_notes_extended(
        self, from_pitch: int, pitch_span: int, from_time: float, time_span: float, /
    ) -> None:
        self._midi_only("remove_notes_extended")
        check_args(
            "Clip.remove_notes_extended",
            (from_pitch, pitch_span, from_time, time_span),
            ("int", "int", "float", "float"),
        )
        self._doc.check_change("Clip.remove_notes_extended")
        gone = self._select(from_pitch, pitch_span, from_time, time_span)
        if not gone:
            return
        self._drop(n.note_id for n in gone)

    # --- listeners ------------------------------------------------------------------------
    add_notes_listener = adder("notes")
    remove_notes_listener = remover("notes")
    notes_has_listener = has_listener("notes")
