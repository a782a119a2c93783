"""The bass kind's own repeat gates (a85): a low note repeated in eighths barely swells the audio's flux
or level at each attack, so the bass asks a smaller accent and climb than the melody does before it
splits a run of one pitch into repeated notes."""

from __future__ import annotations

import numpy as np

from engines.transcription import mono
from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors


def _repeated(pitch: int, accent: float, climb_db: float) -> tuple[Posteriors, np.ndarray, np.ndarray]:
    """Stand-in maps, 2 s: ``pitch`` held 0.2-1.2 s (note map 0.7) with onset peaks at 0.2 s and 0.7 s;
    the audio's flux 1 over its median but ``accent`` at 0.7 s, its level climbing ``climb_db`` there."""
    frames = int(2.0 * FRAMES_PER_S)
    note = np.full((frames, 88), 0.02, dtype=np.float32)
    onset = np.zeros_like(note)
    col = pitch - LOWEST_MIDI
    note[round(0.2 * FRAMES_PER_S) : round(1.2 * FRAMES_PER_S), col] = 0.7
    for at in (0.2, 0.7):
        frame = round(at * FRAMES_PER_S)
        onset[frame - 1 : frame + 2, col] = (0.4, 0.8, 0.4)
    again = round(0.7 * FRAMES_PER_S)
    accents = np.ones(frames)
    accents[again] = accent
    levels = np.zeros(frames)
    levels[:again] = -climb_db
    post = Posteriors(note, onset, np.zeros((frames, 264), dtype=np.float32))
    return post, accents, levels


def test_a_soft_repeat_of_a_low_note_splits_for_the_bass_only() -> None:
    """D2 struck again at 0.7 s with a flux of 1.4 x its median and the level up 1 dB: the bass reads
    two D2s; the melody's gates (1.7 x, 1.5 dB: a vibrato must not split) keep one note."""
    post, accents, levels = _repeated(38, accent=1.4, climb_db=1.0)
    bass = mono.track(post, "bass", accents=accents, levels_db=levels)
    melody = mono.track(post, "melody", accents=accents, levels_db=levels)
    assert [(t.pitch, round(t.start / FRAMES_PER_S, 1)) for t in bass] == [(38, 0.2), (38, 0.7)]
    assert [t.pitch for t in melody] == [38]


def test_no_attack_in_the_audio_keeps_the_bass_note_whole() -> None:
    """The same maps with a flat flux and level (the onset map's second peak not heard in the audio):
    one D2 for the bass too."""
    post, accents, levels = _repeated(38, accent=1.0 - 0.2, climb_db=0.0)
    assert [t.pitch for t in mono.track(post, "bass", accents=accents, levels_db=levels)] == [38]
