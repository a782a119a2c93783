"""``roo transcribe``'s cold start (issue 54: 20 s in <= 2 s on 2 cores, the process's start included):
work cut without changing a bit of what the engine reads. The syllable cue and the drums' features
take their spectrograms from the flux's FFT (the same numbers), and the note model's threads sleep
between operators instead of spinning on a busy machine."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import engines.transcription as engine
from engines.transcription import drums, onsets, syllables
from engines.transcription.audio import power_spectrogram
from engines.transcription.model import HOP
from tests.engines.transcription.conftest import RATE_HZ, tone


@pytest.mark.parametrize("samples", [RATE_HZ * 3, RATE_HZ * 3 + 1, RATE_HZ * 3 + 191, RATE_HZ * 3 + 255])
def test_every_fourth_and_second_flux_frame_is_the_coarser_fft_bit_for_bit(samples: int) -> None:
    y = np.random.default_rng(samples).standard_normal(samples).astype(np.float32) * 0.2
    y += tone([(57, 0.2, 1.4), (64, 1.5, 2.9)], seconds=samples / RATE_HZ)[:samples]
    fine = onsets.fine_power(y)
    for n_fft, hop in ((syllables.FFT, HOP), (drums.FEATURE_FFT, drums.FEATURE_HOP)):
        own = power_spectrogram(y, n_fft, hop)
        taken = onsets.every(fine, n_fft, hop)
        assert taken.shape == own.shape and taken.dtype == own.dtype
        assert np.array_equal(taken, own)
        assert taken.flags.c_contiguous
    with pytest.raises(ValueError, match="FFT 2048"):
        onsets.every(fine, 2048, 256)
    with pytest.raises(ValueError, match="hop 100"):
        onsets.every(fine, 1024, 100)


def _ffts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Each power_spectrogram call's (n_fft, hop), however the engine's modules imported it."""
    calls: list[tuple[int, int]] = []

    def counted(y: np.ndarray, n_fft: int = 2048, hop: int = 1024) -> Any:
        calls.append((n_fft, hop))
        return power_spectrogram(y, n_fft, hop)

    for module in (onsets, syllables, drums):
        monkeypatch.setattr(module, "power_spectrogram", counted)
    return calls


def test_a_melody_reads_one_fft_of_1024_for_its_flux_and_its_syllables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    y = tone([(60, 0.1, 0.6), (62, 0.7, 1.2), (64, 1.3, 1.9)], seconds=2.2)
    calls = _ffts(monkeypatch)
    done = engine.transcribe(y, RATE_HZ, kind="melody")
    assert [n.pitch for n in done.notes] == [60, 62, 64]
    assert [c for c in calls if c[0] == 1024] == [(1024, 64)]


def test_a_drum_loop_reads_one_fft_of_1024_for_its_hits_and_their_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(3)
    y = np.zeros(2 * RATE_HZ, dtype=np.float32)
    for start in np.arange(0.1, 1.9, 0.25):
        at = int(start * RATE_HZ)
        y[at : at + 2000] += rng.standard_normal(2000).astype(np.float32) * np.exp(-np.arange(2000) / 300)
    calls = _ffts(monkeypatch)
    assert drums.transcribe(y)
    assert [c for c in calls if c[0] == 1024] == [(1024, 64)]


def test_the_note_model_s_threads_sleep_between_operators() -> None:
    from engines.transcription.model import load_session

    options = load_session().get_session_options()  # type: ignore[attr-defined]
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.intra_op_num_threads == 2  # the outputs' last bits depend on it
