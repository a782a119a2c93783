"""Live.Clip for the in-memory Live: MIDI and audio clips, their notes and warp markers.

Times are in beats (quarter notes) from the clip start; an unwarped audio clip measures its
length and markers in seconds, as Live does. An audio clip keeps its markers in seconds of the
sample, so a warped clip's positions in beats follow its warp markers (bridge.livesim.warp):
moving a marker changes the clip's length in beats, as in Live. Notes follow Live 11+'s
extended API: pitch range first, then time range.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bridge.livesim import warp
from bridge.livesim.base import ArgumentError, Listeners, adder, check_args, has_listener, remover
from bridge.livesim.document import Document
from bridge.livesim.notes import MidiNote, MidiNoteSpecification
from bridge.livesim.warp import WarpMarker, WarpMode


class Clip:
    """A session clip; MIDI when file_path is empty, audio otherwise.

    A MIDI clip is length beats long. An audio clip plays a file of duration_s seconds and
    starts warped with two markers that play it at beats_per_second (the Set's tempo at import:
    the in-memory Live's stand-in for Live's auto-warp guess).
    """

    def __init__(
        self,
        doc: Document,
        length: float = 0.0,
        *,
        file_path: str = "",
        sample_rate: float = 0.0,
        duration_s: float = 0.0,
        beats_per_second: float = 2.0,
        start_time: float | None = None,
    ) -> None:
        self._doc = doc
        self._app = doc.app
        self._listeners = Listeners("Clip", doc)
        self._is_audio = bool(file_path)
        self._file_path = file_path
        self._sample_rate = sample_rate
        self._duration_s = float(duration_s)
        self._beats_per_second = beats_per_second  # audio: the tempo with fewer than two markers
        self._warp_markers: list[warp.Pair] = []
        if self._is_audio:
            self._warp_markers = [(0.0, 0.0), (self._duration_s, self._duration_s * beats_per_second)]
        self._warping = self._is_audio
        self._warp_mode = WarpMode.beats
        self._name = ""
        self._looping = not self._is_audio
        end = self._duration_s if self._is_audio else float(length)  # audio: seconds of the sample
        self._loop_start = 0.0
        self._loop_end = end
        self._start_marker = 0.0
        self._end_marker = end
        self._notes: dict[int, MidiNote] = {}
        self._next_id = 1
        self._start_time = start_time  # arrangement clips only: where the clip starts, in beats

    # --- kind -----------------------------------------------------------------------------
    @property
    def is_midi_clip(self) -> bool:
        return not self._is_audio

    @property
    def is_audio_clip(self) -> bool:
        return self._is_audio

    @property
    def is_arrangement_clip(self) -> bool:
        return self._start_time is not None

    @property
    def start_time(self) -> float:
        return self._start_time or 0.0

    @property
    def end_time(self) -> float:
        return self.start_time + self.length

    def _audio_only(self, prop: str) -> None:
        if not self._is_audio:
            raise RuntimeError(f"Clip.{prop} is available for audio clips only")

    def _midi_only(self, method: str) -> None:
        if self._is_audio:
            raise RuntimeError(f"Clip.{method} is available for MIDI clips only")

    def _set(self, prop: str, value: Any) -> None:
        self._doc.change(self, prop, value)

    def _unit(self, stored: float) -> float:
        """A stored position (beats; seconds of the sample for audio) in the unit Live shows.

        That is beats for MIDI and warped audio clips, seconds for unwarped audio clips.
        """
        if self._is_audio and self._warping:
            return warp.beats_at(self._warp_markers, stored, self._beats_per_second)
        return stored

    def _stored(self, value: float) -> float:
        """A position in the unit Live shows to the stored one (the inverse of _unit)."""
        if self._is_audio and self._warping:
            return warp.seconds_at(self._warp_markers, float(value), self._beats_per_second)
        return float(value)

    # --- properties -----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        check_args("Clip.name", (value,), ("str",))
        self._set("name", value)

    @property
    def length(self) -> float:
        if self._looping:
            return self._unit(self._loop_end) - self._unit(self._loop_start)
        return self._unit(self._end_marker) - self._unit(self._start_marker)

    @property
    def looping(self) -> bool:
        return self._looping

    @looping.setter
    def looping(self, value: bool) -> None:
        check_args("Clip.looping", (value,), ("bool",))
        self._set("looping", bool(value))

    @property
    def loop_start(self) -> float:
        return self._unit(self._loop_start)

    @loop_start.setter
    def loop_start(self, value: float) -> None:
        check_args("Clip.loop_start", (value,), ("float",))
        if self._stored(value) >= self._loop_end:
            raise RuntimeError(f"Clip.loop_start {value} must be before loop_end {self.loop_end}")
        self._set("loop_start", self._stored(value))

    @property
    def loop_end(self) -> float:
        return self._unit(self._loop_end)

    @loop_end.setter
    def loop_end(self, value: float) -> None:
        check_args("Clip.loop_end", (value,), ("float",))
        if self._stored(value) <= self._loop_start:
            raise RuntimeError(f"Clip.loop_end {value} must be after loop_start {self.loop_start}")
        self._set("loop_end", self._stored(value))

    @property
    def start_marker(self) -> float:
        return self._unit(self._start_marker)

    @start_marker.setter
    def start_marker(self, value: float) -> None:
        check_args("Clip.start_marker", (value,), ("float",))
        if self._stored(value) >= self._end_marker:
            raise RuntimeError(f"Clip.start_marker {value} must be before end_marker {self.end_marker}")
        self._set("start_marker", self._stored(value))

    @property
    def end_marker(self) -> float:
        return self._unit(self._end_marker)

    @end_marker.setter
    def end_marker(self, value: float) -> None:
        check_args("Clip.end_marker", (value,), ("float",))
        if self._stored(value) <= self._start_marker:
            raise RuntimeError(f"Clip.end_marker {value} must be after start_marker {self.start_marker}")
        self._set("end_marker", self._stored(value))

    @property
    def file_path(self) -> str:
        self._audio_only("file_path")
        return self._file_path

    @property
    def sample_rate(self) -> float:
        self._audio_only("sample_rate")
        return self._sample_rate

    @property
    def sample_length(self) -> int:
        """The file's length in samples (frames)."""
        self._audio_only("sample_length")
        return round(self._duration_s * self._sample_rate)

    @property
    def warping(self) -> bool:
        self._audio_only("warping")
        return self._warping

    @warping.setter
    def warping(self, value: bool) -> None:
        self._audio_only("warping")
        check_args("Clip.warping", (value,), ("bool",))
        self._set("warping", bool(value))

    @property
    def warp_mode(self) -> int:
        self._audio_only("warp_mode")
        return self._warp_mode

    @warp_mode.setter
    def warp_mode(self, value: int) -> None:
        self._audio_only("warp_mode")
        if not isinstance(value, int) or not 0 <= value < WarpMode.count:
            raise ArgumentError(f"Clip.warp_mode expects a WarpMode 0..{WarpMode.count - 1}, got {value!r}")
        self._set("warp_mode", WarpMode(value))

    # --- warp markers ---------------------------------------------------------------------
    @property
    def warp_markers(self) -> tuple[WarpMarker, ...]:
        """Copies of the markers in beat order; sample_time is in seconds of the file."""
        self._audio_only("warp_markers")
        return tuple(WarpMarker(s, b) for s, b in self._warp_markers)

    def add_warp_marker(self, warp_marker: WarpMarker, /) -> None:
        if not isinstance(warp_marker, WarpMarker):
            raise ArgumentError(f"Clip.add_warp_marker expects a WarpMarker, got {warp_marker!r}")
        self._audio_only("add_warp_marker")
        pair = (warp_marker.sample_time, warp_marker.beat_time)
        self._set("warp_markers", warp.inserted(self._warp_markers, pair, self._duration_s))

    def remove_warp_marker(self, beat_time: float, /) -> None:
        check_args("Clip.remove_warp_marker", (beat_time,), ("float",))
        self._audio_only("remove_warp_marker")
        self._set("warp_markers", warp.removed(self._warp_markers, float(beat_time)))

    # --- notes ----------------------------------------------------------------------------
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
        for i in ids:
            self._notes.pop(i, None)
        self._listeners.notify("notes")

    def _restore(self, notes: list[MidiNote]) -> None:
        for note in notes:
            self._notes[note.note_id] = note
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
        self._doc.record(lambda: self._restore(gone))

    # --- listeners ------------------------------------------------------------------------
    add_name_listener = adder("name")
    remove_name_listener = remover("name")
    name_has_listener = has_listener("name")
    add_notes_listener = adder("notes")
    remove_notes_listener = remover("notes")
    notes_has_listener = has_listener("notes")
    add_looping_listener = adder("looping")
    remove_looping_listener = remover("looping")
    looping_has_listener = has_listener("looping")
    add_warping_listener = adder("warping")
    remove_warping_listener = remover("warping")
    warping_has_listener = has_listener("warping")
    add_warp_markers_listener = adder("warp_markers")
    remove_warp_markers_listener = remover("warp_markers")
    warp_markers_has_listener = has_listener("warp_markers")
