"""Quantize: notes moved toward the song's grid by an amount, only when the caller asks."""

from __future__ import annotations

import dataclasses

from engines.errors import InvalidValue
from engines.transcription.notes import TranscribedNote

MIN_LENGTH_S = 0.02


def check(quantize: float, tempo_bpm: float | None, grid_beats: float) -> None:
    """InvalidValue naming the value unless quantize is 0..1, and a tempo and grid are given with it."""
    if not 0.0 <= quantize <= 1.0:
        raise InvalidValue(f"quantize {quantize!r} is not valid: expected an amount 0..1 (0: off)")
    if tempo_bpm is not None and not 20.0 <= tempo_bpm <= 999.0:
        raise InvalidValue(f"tempo_bpm {tempo_bpm!r} is not valid: expected 20..999")
    if quantize > 0 and tempo_bpm is None:
        raise InvalidValue(f"quantize {quantize} needs the song's tempo_bpm: the grid is in beats")
    if not 0.0 < grid_beats <= 4.0:
        raise InvalidValue(f"grid_beats {grid_beats!r} is not valid: expected 0 < grid <= 4 beats")


def quantize(
    notes: list[TranscribedNote], amount: float, tempo_bpm: float, grid_beats: float
) -> list[TranscribedNote]:
    """Starts and ends moved ``amount`` (0..1) of the way to the nearest grid line (beat 0 at 0 s)."""
    step_s = grid_beats * 60.0 / tempo_bpm

    def snap(t: float) -> float:
        return t + amount * (round(t / step_s) * step_s - t)

    moved = []
    for note in notes:
        start = max(0.0, snap(note.start_s))
        end = max(snap(note.end_s), start + MIN_LENGTH_S)
        shift = start - note.start_s
        bends = tuple((t + shift, v) for t, v in note.bends)
        moved.append(dataclasses.replace(note, start_s=round(start, 4), end_s=round(end, 4), bends=bends))
    return moved
