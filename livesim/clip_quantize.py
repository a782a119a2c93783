"""Live.Clip.quantize and quantize_pitch for the in-memory Live, and Live.Clip.GridQuantization.

The stubs: ``quantize(quantization_grid, amount)`` "Quantize all notes in a clip or align warp
markers"; ``quantize_pitch(note, grid, amount)`` quantizes the notes of one pitch and raises on
audio clips. A note's start moves toward the nearest grid line (beats from the clip start) by
``amount`` (0..1: 1 lands on it); its length and note id stay. On an audio clip ``quantize``
moves each warp marker's beat time the same way, leaving a marker in place where moving it
would cross a neighbour (markers stay strictly increasing). Bar grids use the Set's time
signature; ``no_grid`` changes nothing. One undo step.
"""

from __future__ import annotations

import math
from typing import Any

from livesim import warp
from livesim.base import Listeners, check_args
from livesim.document import Document
from livesim.notes import MidiNote


class GridQuantization(int):
    no_grid = 0
    g_8_bars = 1
    g_4_bars = 2
    g_2_bars = 3
    g_bar = 4
    g_half = 5
    g_quarter = 6
    g_eighth = 7
    g_sixteenth = 8
    g_thirtysecond = 9
    count = 10


BARS = {1: 8.0, 2: 4.0, 3: 2.0, 4: 1.0}
BEATS = {5: 2.0, 6: 1.0, 7: 0.5, 8: 0.25, 9: 0.125}


def _toward(value: float, grid: float, amount: float) -> float:
    return value + (math.floor(value / grid + 0.5) * grid - value) * amount  # a tie goes to the later line


class ClipQuantize:
    """Clip.quantize / quantize_pitch: mixed into ``livesim.clip.Clip``, which holds the state."""

    _doc: Document
    _app: Any
    _listeners: Listeners
    _is_audio: bool
    _notes: dict[int, MidiNote]
    _warp_markers: list[warp.Pair]

    def _grid_beats(self, where: str, grid: int, amount: float) -> float:
        check_args(where, (grid, amount), ("int", "float"))
        if not 0 <= grid < GridQuantization.count:
            raise RuntimeError(
                f"{where}: grid {grid} is not a GridQuantization 0..{GridQuantization.count - 1}"
            )
        if grid in BARS:
            song = self._app.document
            return BARS[grid] * song.signature_numerator * 4.0 / song.signature_denominator
        return BEATS.get(grid, 0.0)

    def quantize(self, quantization_grid: int, amount: float, /) -> None:
        grid = self._grid_beats("Clip.quantize", quantization_grid, amount)
        self._doc.check_change("Clip.quantize")
        if not grid:
            return
        if self._is_audio:
            self._align_markers(grid, float(amount))
        else:
            self._move_notes(grid, float(amount), None)

    def quantize_pitch(self, note: int, quantization_grid: int, amount: float, /) -> None:
        check_args("Clip.quantize_pitch", (note,), ("int",))
        if self._is_audio:
            raise RuntimeError("Clip.quantize_pitch is available for MIDI clips only")
        grid = self._grid_beats("Clip.quantize_pitch", quantization_grid, amount)
        self._doc.check_change("Clip.quantize_pitch")
        if grid:
            self._move_notes(grid, float(amount), note)

    def _move_notes(self, grid: float, amount: float, pitch: int | None) -> None:
        old = {i: n.start_time for i, n in self._notes.items() if pitch is None or n.pitch == pitch}
        for i, start in old.items():
            self._notes[i].start_time = _toward(start, grid, amount)
        self._doc.record(lambda: self._set_starts(old))
        self._listeners.notify("notes")

    def _set_starts(self, starts: dict[int, float]) -> None:
        undo = {i: self._notes[i].start_time for i in starts if i in self._notes}
        for i, start in starts.items():
            if i in self._notes:
                self._notes[i].start_time = start
        self._doc.record(lambda: self._set_starts(undo))
        self._listeners.notify("notes")

    def _align_markers(self, grid: float, amount: float) -> None:
        markers = list(self._warp_markers)
        for i, (seconds, beats) in enumerate(markers):
            moved = _toward(beats, grid, amount)
            before = markers[i - 1][1] if i else float("-inf")
            after = markers[i + 1][1] if i + 1 < len(markers) else float("inf")
            if before < moved < after:
                markers[i] = (seconds, moved)
        self._doc.change(self, "warp_markers", markers)
