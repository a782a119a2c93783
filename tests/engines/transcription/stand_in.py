"""Stand-in note and onset maps for the bass kind's rules (a84's octaves, a86's twelfths): the model's
posteriors drawn by hand, so a rule is tested on the evidence it reads without the model."""

from __future__ import annotations

import numpy as np

from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors


def stand_in_maps(
    notes: list[tuple[int, float, float, float]], onsets: list[tuple[int, float, float]]
) -> Posteriors:
    """Stand-in maps, 2 s: (pitch, start_s, end_s, level) on the note map, (pitch, at_s, peak) on the
    onset map (a three-frame bump)."""
    frames = int(2.0 * FRAMES_PER_S)
    note = np.full((frames, 88), 0.02, dtype=np.float32)
    onset = np.zeros_like(note)
    for pitch, start, end, level in notes:
        note[round(start * FRAMES_PER_S) : round(end * FRAMES_PER_S), pitch - LOWEST_MIDI] = level
    for pitch, at, peak in onsets:
        frame = round(at * FRAMES_PER_S)
        onset[frame - 1 : frame + 2, pitch - LOWEST_MIDI] = (0.5 * peak, peak, 0.5 * peak)
    return Posteriors(note, onset, np.zeros((frames, 264), dtype=np.float32))
