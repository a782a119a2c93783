"""A note sung again on one pitch, on a new syllable, is two notes; a held note's tremolo is not
(issue 54: ``engines.transcription.syllables``, the cue ``mono`` splits a run of one pitch at)."""

from __future__ import annotations

import numpy as np

from engines.transcription import syllables, transcribe
from tests.engines.transcription.conftest import RATE_HZ

FORMANTS_HZ = {"a": (730, 1090, 2440), "i": (270, 2290, 3010)}


def _voice(
    pitch: int, syllable_starts_s: list[float], vowels: str, *, seconds: float, tremolo_db: float = 0.0
) -> np.ndarray:
    """One pitch sung legato (one continuous phase, a steady level but for ``tremolo_db`` at 5.5 Hz):
    harmonics shaped by each syllable's vowel formants, each syllable after the first opened at its
    start by a soft 60 ms breathy consonant (a rising noise), its vowel 40 ms in, while the level holds."""
    t = np.arange(int(seconds * RATE_HZ)) / RATE_HZ
    f0 = 440.0 * 2 ** ((pitch - 69) / 12)
    vowel_starts_s = np.array(syllable_starts_s) + 0.04  # the consonant first, then the vowel
    index = np.searchsorted(vowel_starts_s, t, side="right") - 1
    voice = np.zeros(len(t))
    for k in range(1, int(8000 / f0)):
        gain = np.zeros(len(t))
        for v, vowel in enumerate(vowels):
            envelope = sum(np.exp(-(((k * f0 - f) / 200.0) ** 2)) for f in FORMANTS_HZ[vowel]) + 0.05
            gain[np.maximum(index, 0) == v] = envelope / k**0.5
        gain = np.convolve(gain, np.ones(441) / 441, mode="same")  # the vowel moves over 20 ms
        voice += gain * np.sin(2 * np.pi * k * f0 * t)
    rng = np.random.default_rng(3)
    hiss = np.diff(rng.standard_normal(len(t) + 1))  # a rising (differenced) noise: an "s" or "h"
    consonant = np.zeros(len(t))
    for start_s in syllable_starts_s[1:]:
        consonant[(t >= start_s) & (t < start_s + 0.06)] = 1.0
    level = 10 ** (tremolo_db * (np.sin(2 * np.pi * 5.5 * t) - 1) / 40)
    edges = np.clip(np.minimum(t - 0.2, seconds - 0.2 - t) / 0.02, 0.0, 1.0)
    audio = edges * (0.1 * level * voice / np.abs(voice).max() + 0.01 * consonant * hiss)
    return (audio + 0.001 * rng.standard_normal(len(t))).astype(np.float32)


def test_a_note_sung_again_on_a_new_syllable_is_found_again() -> None:
    starts = [0.2, 1.0, 1.8]
    # "la, li, la" on A3: a bright vowel between two open ones (a -> o alone moves the shape 11 dB,
    # under SHAPE_DB; a -> i about 15)
    audio = _voice(57, starts, "aia", seconds=2.8)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [57, 57, 57]
    assert np.allclose([n.start_s for n in notes], starts, atol=0.05), [n.start_s for n in notes]


def test_a_tremolo_on_one_vowel_stays_one_note() -> None:
    audio = _voice(57, [0.2], "a", seconds=2.8, tremolo_db=12.0)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [57]
    inside = syllables.cues(audio, 242)[30:215]  # the note's own start and end are no syllables
    assert not inside.any(), np.flatnonzero(inside) + 30
