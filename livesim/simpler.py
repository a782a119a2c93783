"""Live.SimplerDevice, Live.Sample and Live.Conversions.create_midi_track_with_simpler for the in-memory Live.

A Simpler (class name ``OriginalSimpler``) holds at most one ``sample``: None while empty (a
Simpler loaded from the browser's device list), else a Sample with its ``file_path``,
``sample_rate``, ``length`` (frames) and ``start_marker`` / ``end_marker`` (frames, rw).
``reverse()`` and ``crop()`` raise on an empty Simpler, as the stubs say; otherwise, as Live
does, they render a new file ("Reverse": the whole sample backwards, the markers mirrored;
"Crop": the frames between the markers, which then span it) into the temporary folder's
``livesim/Samples/Processed/<kind>`` and point the sample at it, in one undo step.
``livesim.conversions`` puts an audio clip's file into a new Simpler.
"""

from __future__ import annotations

from collections.abc import Sequence

from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.clip_crop import write_processed
from livesim.document import Document
from livesim.mixer import Device, DeviceParameter

SIMPLER = "OriginalSimpler"


class Sample:
    """The sample file a Simpler plays: its path, rate, length and markers (in frames)."""

    def __init__(self, doc: Document, file_path: str, sample_rate: float, length: int) -> None:
        self._doc = doc
        self._listeners = Listeners("Sample", doc)
        self._file_path = file_path
        self._sample_rate = sample_rate
        self._length = length
        self._start_marker = 0
        self._end_marker = length

    def __repr__(self) -> str:
        return f"<Sample {self._file_path!r} {self._start_marker}..{self._end_marker}/{self._length}>"

    @property
    def file_path(self) -> str:
        return self._file_path

    @property
    def sample_rate(self) -> float:
        return self._sample_rate

    @property
    def length(self) -> int:
        return self._length

    @property
    def start_marker(self) -> int:
        return self._start_marker

    @start_marker.setter
    def start_marker(self, value: int) -> None:
        check_args("Sample.start_marker", (value,), ("int",))
        if not 0 <= value < self._end_marker:
            raise RuntimeError(f"Invalid start_marker {value}: expected 0..{self._end_marker - 1}")
        self._doc.change(self, "start_marker", int(value))

    @property
    def end_marker(self) -> int:
        return self._end_marker

    @end_marker.setter
    def end_marker(self, value: int) -> None:
        check_args("Sample.end_marker", (value,), ("int",))
        if not self._start_marker < value <= self._length:
            raise RuntimeError(
                f"Invalid end_marker {value}: expected {self._start_marker + 1}..{self._length}"
            )
        self._doc.change(self, "end_marker", int(value))

    def _render(self, kind: str) -> None:
        import soundfile

        if kind == "Reverse":
            data, rate = soundfile.read(self._file_path, always_2d=True)
            data = data[::-1]
            markers = (self._length - self._end_marker, self._length - self._start_marker)
        else:
            data, rate = soundfile.read(
                self._file_path, start=self._start_marker, stop=self._end_marker, always_2d=True
            )
            markers = (0, len(data))
        path = write_processed(kind, self._file_path, data, rate)
        self._doc.change(self, "file_path", path)
        self._doc.change(self, "length", len(data))
        self._doc.change(self, "start_marker", markers[0])
        self._doc.change(self, "end_marker", markers[1])

    add_file_path_listener = adder("file_path")
    remove_file_path_listener = remover("file_path")
    file_path_has_listener = has_listener("file_path")
    add_start_marker_listener = adder("start_marker")
    remove_start_marker_listener = remover("start_marker")
    start_marker_has_listener = has_listener("start_marker")
    add_end_marker_listener = adder("end_marker")
    remove_end_marker_listener = remover("end_marker")
    end_marker_has_listener = has_listener("end_marker")


class SimplerDevice(Device):
    """Simpler: a Device that plays one sample (None while empty)."""

    def __init__(
        self, doc: Document, name: str, class_name: str, kind: int, parameters: Sequence[DeviceParameter]
    ) -> None:
        super().__init__(doc, name, class_name, kind, parameters)
        self._sample: Sample | None = None

    @property
    def sample(self) -> Sample | None:
        return self._sample

    def _loaded(self, what: str) -> Sample:
        self._doc.check_change(f"SimplerDevice.{what}")
        if self._sample is None:
            raise RuntimeError(
                f"SimplerDevice.{what}: the Simpler {self._name!r} is empty (no sample loaded)"
            )
        return self._sample

    def reverse(self) -> None:
        """Reverse the loaded sample (a new file, the markers mirrored); raises on an empty Simpler."""
        sample = self._loaded("reverse")
        self._doc.begin_undo_step()
        try:
            sample._render("Reverse")
        finally:
            self._doc.end_undo_step()

    def crop(self) -> None:
        """Crop the loaded sample to its start..end markers (a new file); raises on an empty Simpler."""
        sample = self._loaded("crop")
        self._doc.begin_undo_step()
        try:
            sample._render("Crop")
        finally:
            self._doc.end_undo_step()

    add_sample_listener = adder("sample")
    remove_sample_listener = remover("sample")
    sample_has_listener = has_listener("sample")
