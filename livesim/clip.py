"""Live.Clip for the in-memory Live: MIDI and audio clips, their notes and warp markers.

Times are in beats (quarter notes) from the clip start; an unwarped audio clip measures its
length and markers in seconds, as Live does. An audio clip keeps its markers in seconds of the
sample, so a warped clip's positions in beats follow its warp markers (livesim.warp):
moving a marker changes the clip's length in beats, as in Live. Notes follow Live 11+'s
extended API: pitch range first, then time range. The audio-only members live in
``livesim.clip_audio``, the notes API in ``livesim.clip_notes``, crop in ``livesim.clip_crop``,
quantize in ``livesim.clip_quantize``.
"""

from __future__ import annotations

from typing import Any

from livesim import warp
from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.clip_audio import ClipAudio
from livesim.clip_crop import ClipCrop
from livesim.clip_notes import ClipNotes
from livesim.clip_play import ClipPlay
from livesim.clip_quantize import ClipQuantize
from livesim.document import Document
from livesim.envelopes import ClipEnvelopes
from livesim.notes import MidiNote, MidiNoteSpecification
from livesim.warp import WarpMode


class Clip(ClipAudio, ClipNotes, ClipPlay, ClipEnvelopes, ClipCrop, ClipQuantize):
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
        # arrangement clips laid longer than their loop (a producer drags the clip's edge; the API has
        # no call for it, a Set description does): Live plays the loop over and over to end_time
        self._span: float | None = None

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
        """Where an arrangement clip ends: one laid longer than its loop where it was laid to end (its
        loop repeats to there, Clip.length being the loop's), else after its length."""
        if self._looping and self._span is not None and self._span > self.length:
            return self.start_time + self._span
        return self.start_time + self.length

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
    def position(self) -> float:
        """The loop's position: its start, in the unit Live shows (setting it moves the whole loop)."""
        return self.loop_start

    @position.setter
    def position(self, value: float) -> None:
        check_args("Clip.position", (value,), ("float",))
        start, end = self._stored(value), self._stored(float(value) + self.loop_end - self.loop_start)
        self._doc.begin_undo_step()
        try:
            if start < self._loop_end:  # move the start first so the loop never turns inside out
                self._set("loop_start", start)
                self._set("loop_end", end)
            else:
                self._set("loop_end", end)
                self._set("loop_start", start)
        finally:
            self._doc.end_undo_step()
        self._listeners.notify("position")

    def duplicate_loop(self) -> None:
        """Make the loop twice as long, copying its notes into the new half (the start..end range
        when not looping), as one undo step. The in-memory Live does this for MIDI clips only."""
        self._midi_only("duplicate_loop")
        self._doc.check_change("Clip.duplicate_loop")
        start, end = (
            (self._loop_start, self._loop_end) if self._looping else (self._start_marker, self._end_marker)
        )
        span = end - start
        copies = [n for n in self._notes.values() if start <= n.start_time < end]
        self._doc.begin_undo_step()
        try:
            if self._looping:
                self._set("loop_end", end + span)
            if self._end_marker < end + span:
                self._set("end_marker", end + span)
            self.add_new_notes(
                [
                    MidiNoteSpecification(n.pitch, n.start_time + span, n.duration, n.velocity, n.mute)
                    for n in copies
                ]
            )
        finally:
            self._doc.end_undo_step()

    # --- listeners ------------------------------------------------------------------------
    add_loop_start_listener = adder("loop_start")
    remove_loop_start_listener = remover("loop_start")
    loop_start_has_listener = has_listener("loop_start")
    add_loop_end_listener = adder("loop_end")
    remove_loop_end_listener = remover("loop_end")
    loop_end_has_listener = has_listener("loop_end")
    add_start_marker_listener = adder("start_marker")
    remove_start_marker_listener = remover("start_marker")
    start_marker_has_listener = has_listener("start_marker")
    add_end_marker_listener = adder("end_marker")
    remove_end_marker_listener = remover("end_marker")
    end_marker_has_listener = has_listener("end_marker")
    add_position_listener = adder("position")
    remove_position_listener = remover("position")
    position_has_listener = has_listener("position")
    add_name_listener = adder("name")
    remove_name_listener = remover("name")
    name_has_listener = has_listener("name")
    add_looping_listener = adder("looping")
    remove_looping_listener = remover("looping")
    looping_has_listener = has_listener("looping")
