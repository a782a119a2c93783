"""Live.Clip.crop for the in-memory Live: keep only the clip's region, MIDI or audio.

The stubs: "Crops the clip. The region that is cropped depends on whether the clip is looped or
not. If looped, the region outside of the loop is removed. If not looped, the region outside
the start and end markers is removed." Afterwards the region is both the loop and the
start..end range. A MIDI clip keeps its notes where they are: notes starting outside the region
go, a note running past its end is shortened to end there. An audio clip gets a new file holding
only the region's audio, as Live renders one ("Crop Sample"): here in the temporary folder's
``livesim/Samples/Processed/Crop`` (Live writes into the Set's project, or its temporary one
for an unsaved Set), its warp markers moved with the audio so the region plays as before, now
from the clip's start. Either way one undo step.
"""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING, Any

from livesim import warp
from livesim.document import Document
from livesim.notes import MidiNote, MidiNoteSpecification

PROCESSED = ("livesim", "Samples", "Processed")


def write_processed(kind: str, source: str, data: Any, rate: int) -> str:
    """Write audio Live renders from a sample (kind "Crop", "Reverse") as a new WAV; its path."""
    import soundfile

    folder = os.path.join(tempfile.gettempdir(), *PROCESSED, kind)
    os.makedirs(folder, exist_ok=True)
    stem = os.path.splitext(os.path.basename(source))[0]
    handle, path = tempfile.mkstemp(prefix=f"{stem} {kind} ", suffix=".wav", dir=folder)
    os.close(handle)
    soundfile.write(path, data, rate)
    return path


class ClipCrop:
    """Clip.crop(): mixed into ``livesim.clip.Clip``, which holds the state."""

    _doc: Document
    _is_audio: bool
    _looping: bool
    _loop_start: float
    _loop_end: float
    _start_marker: float
    _end_marker: float
    _notes: dict[int, MidiNote]
    _file_path: str
    _sample_rate: float
    _duration_s: float
    _beats_per_second: float
    _warp_markers: list[warp.Pair]

    if TYPE_CHECKING:  # the Clip's own, from livesim.clip and livesim.clip_notes

        def _set(self, prop: str, value: Any) -> None: ...
        def _drop(self, ids: Any) -> None: ...
        def _restore(self, notes: list[MidiNote]) -> None: ...
        def add_new_notes(self, notes: Any, /) -> tuple[int, ...]: ...

    def crop(self) -> None:
        self._doc.check_change("Clip.crop")
        if self._looping:
            start, end = self._loop_start, self._loop_end
        else:
            start, end = self._start_marker, self._end_marker
        self._doc.begin_undo_step()
        try:
            if self._is_audio:
                start, end = self._crop_audio(start, end)
            else:
                self._crop_notes(start, end)
            for prop, value in (("start_marker", start), ("loop_start", start)):
                self._set(prop, value)
            for prop, value in (("end_marker", end), ("loop_end", end)):
                self._set(prop, value)
        finally:
            self._doc.end_undo_step()

    def _crop_notes(self, start: float, end: float) -> None:
        outside = [n for n in self._notes.values() if not start <= n.start_time < end]
        long = [
            n for n in self._notes.values() if start <= n.start_time < end and n.start_time + n.duration > end
        ]
        gone = outside + long
        if not gone:
            return
        ids = [n.note_id for n in gone]
        self._drop(ids)
        self._doc.record(lambda: self._restore(gone))
        self.add_new_notes(
            [
                MidiNoteSpecification(
                    n.pitch, n.start_time, end - n.start_time, n.velocity, n.mute, n.probability,
                    n.velocity_deviation, n.release_velocity,
                )
                for n in long
            ]
        )  # fmt: skip

    def _crop_audio(self, start_s: float, end_s: float) -> tuple[float, float]:
        """Write the region's audio to a new file and point the clip at it; the new region in seconds."""
        import soundfile

        first, last = round(start_s * self._sample_rate), round(end_s * self._sample_rate)
        data, rate = soundfile.read(self._file_path, start=first, stop=last, always_2d=True)
        path = write_processed("Crop", self._file_path, data, rate)
        duration = len(data) / rate
        bps = self._beats_per_second
        offset = warp.beats_at(self._warp_markers, start_s, bps)
        inside = [
            (s - start_s, b - offset) for s, b in self._warp_markers if start_s < s < start_s + duration
        ]
        ends = [(0.0, 0.0), (duration, warp.beats_at(self._warp_markers, start_s + duration, bps) - offset)]
        self._set("file_path", path)
        self._set("duration_s", duration)
        self._set("warp_markers", [ends[0], *inside, ends[1]])
        return 0.0, duration
