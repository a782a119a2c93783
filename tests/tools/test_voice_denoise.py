"""The studio bench's noise taken out from the press's own quietest frames (tools/bench/voice_denoise.py):
hiss between two words falls, the words keep their level, nothing falls below the floor, a clean voice over
digital silence passes unchanged, and a bad estimate or floor is named."""

import numpy as np
import pytest

from tools.bench.voice_denoise import denoise

RATE = 16000


def _word_hiss_word(seed: int = 1) -> np.ndarray:
    """0.5 s of a 400 Hz vowel, 0.5 s of hiss alone, the vowel again, all under one hiss."""
    t = np.arange(RATE // 2) / RATE
    vowel = 6000 * np.sin(2 * np.pi * 400 * t)
    voice = np.concatenate([vowel, np.zeros(RATE // 2), vowel])
    hiss = np.random.default_rng(seed).normal(0, 600, len(voice))
    return np.clip(voice + hiss, -32768, 32767).astype(np.int16)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))


@pytest.mark.parametrize("estimate", ["fixed", "running"])
def test_the_hiss_between_two_words_falls_and_the_words_keep_their_level(estimate: str) -> None:
    mixed = _word_hiss_word()
    out = denoise(mixed, estimate)
    gap = slice(RATE // 2 + RATE // 10, RATE - RATE // 10)  # the hiss alone, away from the edges
    assert _rms(out[gap]) < 0.65 * _rms(mixed[gap])  # nearly 4 dB down at least
    word = slice(RATE // 10, RATE // 2 - RATE // 10)
    assert abs(20 * np.log10(_rms(out[word]) / _rms(mixed[word]))) < 1.0


def test_no_bin_is_carved_below_the_floor() -> None:
    mixed = _word_hiss_word(2)
    gap = slice(RATE // 2 + RATE // 10, RATE - RATE // 10)
    deep, shallow = denoise(mixed, "fixed", 0.05), denoise(mixed, "fixed", 0.5)
    assert _rms(shallow[gap]) >= 0.45 * _rms(mixed[gap])  # floor 0.5: at most about 6 dB down
    assert _rms(deep[gap]) < _rms(shallow[gap])


def test_a_clean_voice_over_digital_silence_passes_unchanged() -> None:
    t = np.arange(RATE // 2) / RATE
    clean = np.concatenate([np.zeros(RATE // 4), 5000 * np.sin(2 * np.pi * 300 * t), np.zeros(RATE // 4)])
    x = clean.astype(np.int16)
    assert np.max(np.abs(denoise(x, "fixed").astype(int) - x.astype(int))) <= 2
    assert len(denoise(x, "running")) == len(x)


def test_a_bad_estimate_or_floor_is_named() -> None:
    x = np.zeros(RATE, dtype=np.int16)
    with pytest.raises(ValueError, match="'loudest'"):
        denoise(x, "loudest")
    with pytest.raises(ValueError, match="floor 0"):
        denoise(x, "fixed", 0.0)
