"""The audio-only part of Live.Clip for the in-memory Live: the file, warping and warp markers.

Mixed into ``livesim.clip.Clip``, which holds the state; on a MIDI clip every member
here raises RuntimeError, as in Live. The file's length is in seconds and samples; a warp
marker pins seconds of the file to beats of the clip (``livesim.warp``).
"""

from __future__ import annotations

from livesim import warp
from livesim.base import ArgumentError, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.warp import WarpMarker, WarpMode


class ClipAudio:
    """Clip members that exist for audio clips only (file_path ... warp markers)."""

    _doc: Document
    _is_audio: bool
    _file_path: str
    _sample_rate: float
    _duration_s: float
    _warping: bool
    _warp_mode: int
    _warp_markers: list[warp.Pair]

    def _audio_only(self, prop: str) -> None:
        if not self._is_audio:
            raise RuntimeError(f"Clip.{prop} is available for audio clips only")

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
        self._doc.change(self, "warping", bool(value))

    @property
    def warp_mode(self) -> int:
        self._audio_only("warp_mode")
        return self._warp_mode

    @warp_mode.setter
    def warp_mode(self, value: int) -> None:
        self._audio_only("warp_mode")
        if not isinstance(value, int) or not 0 <= value < WarpMode.count:
            raise ArgumentError(f"Clip.warp_mode expects a WarpMode 0..{WarpMode.count - 1}, got {value!r}")
        self._doc.change(self, "warp_mode", WarpMode(value))

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
        self._doc.change(self, "warp_markers", warp.inserted(self._warp_markers, pair, self._duration_s))

    def remove_warp_marker(self, beat_time: float, /) -> None:
        check_args("Clip.remove_warp_marker", (beat_time,), ("float",))
        self._audio_only("remove_warp_marker")
        self._doc.change(self, "warp_markers", warp.removed(self._warp_markers, float(beat_time)))

    def move_warp_marker(self, marker_beat_time: float, beat_time_distance: float, /) -> None:
        """Move the marker at marker_beat_time by beat_time_distance beats; its sample time stays."""
        check_args("Clip.move_warp_marker", (marker_beat_time, beat_time_distance), ("float", "float"))
        self._audio_only("move_warp_marker")
        markers = warp.moved(self._warp_markers, float(marker_beat_time), float(beat_time_distance))
        self._doc.change(self, "warp_markers", markers)

    # --- listeners ------------------------------------------------------------------------
    add_warping_listener = adder("warping")
    remove_warping_listener = remover("warping")
    warping_has_listener = has_listener("warping")
    add_warp_markers_listener = adder("warp_markers")
    remove_warp_markers_listener = remover("warp_markers")
    warp_markers_has_listener = has_listener("warp_markers")
    add_warp_mode_listener = adder("warp_mode")
    remove_warp_mode_listener = remover("warp_mode")
    warp_mode_has_listener = has_listener("warp_mode")
