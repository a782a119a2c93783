"""The per-frame measures of the transcription engine run on whole arrays (issue 54's speed target:
``roo transcribe`` of 20 s in <= 2 s) and give, bit for bit, what a plain loop over the frames gives."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engines.transcription import audio, syllables, tuning
from tests.engines.transcription.conftest import RATE_HZ


def _counted(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls = [0]
    original = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def _shape_change_loop(bands_db: np.ndarray) -> np.ndarray:
    n, side = bands_db.shape[1], syllables.SIDE
    shape = bands_db - bands_db.mean(axis=0, keepdims=True)
    sums = np.concatenate([np.zeros((shape.shape[0], 1)), np.cumsum(shape, axis=1)], axis=1)
    out = np.zeros(n)
    for t in range(side + 1, n - side):
        before = (sums[:, t - 1] - sums[:, t - 1 - side]) / side
        after = (sums[:, t + 1 + side] - sums[:, t + 1]) / side
        out[t] = float(np.sqrt(np.mean((after - before) ** 2)))
    return out


def _local_median_loop(values: np.ndarray, span: int) -> np.ndarray:
    return np.array([np.median(values[max(0, t - span) : t + span]) for t in range(len(values))])


@pytest.mark.parametrize("n_frames", [3, 12, 79, 80, 81, 500])
def test_the_syllable_measures_equal_a_loop_over_frames(n_frames: int) -> None:
    bands = np.random.default_rng(n_frames).normal(-40.0, 12.0, (syllables.N_BANDS, n_frames))
    assert np.array_equal(syllables.shape_change_db(bands), _shape_change_loop(bands))
    share = bands[0]
    assert np.array_equal(syllables._local_median(share, 40), _local_median_loop(share, 40))
    near = np.array([share[max(0, t - 3) : t + 4].max() for t in range(n_frames)])
    assert np.array_equal(syllables._local_max(share, 3), near)


def test_the_syllable_cue_takes_its_medians_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    y = np.random.default_rng(1).standard_normal(20 * RATE_HZ).astype(np.float32) * 0.1
    calls = _counted(monkeypatch, np, "median")
    cues = syllables.cues(y, 1723)  # 20 s of model frames
    assert len(cues) == 1723
    assert calls[0] <= 2 * syllables.MEDIAN_SPAN + 1, calls[0]  # the ends' short windows, then one


def test_the_running_median_is_the_middle_of_each_window(monkeypatch: pytest.MonkeyPatch) -> None:
    power = np.random.default_rng(2).random((60, 90), dtype=np.float32)
    want = [
        np.median(
            np.lib.stride_tricks.sliding_window_view(np.pad(power, pad, mode="edge"), 17, axis=a), axis=-1
        )
        for a, pad in ((0, ((8, 8), (0, 0))), (1, ((0, 0), (8, 8))))
    ]
    calls = _counted(monkeypatch, np, "median")
    assert all(np.array_equal(audio._median(power, a), w) for a, w in zip((0, 1), want, strict=True))
    assert calls[0] == 0  # np.median's extra pass over every window (for NaNs) is not made


def _sung(seconds: float = 4.0) -> np.ndarray:
    t = np.arange(int(seconds * 22050)) / 22050
    hz = 220.0 * 2 ** ((0.3 * np.sin(2 * np.pi * 5.5 * t) + 2 * (t > 2.0) + 0.25) / 12)  # 25 cents sharp
    phase = 2 * np.pi * np.cumsum(hz) / 22050
    voice = sum(np.sin(k * phase) / k for k in range(1, 6)) * np.clip(t / 0.05, 0, 1)
    noise = 0.01 * np.random.default_rng(4).standard_normal(len(t))
    return (0.2 * voice + noise).astype(np.float32)


def test_the_tuning_peaks_are_found_for_all_frames_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    y = _sung()
    calls = _counted(monkeypatch, tuning, "_peaks")
    held, level = tuning.held_pitches(y)
    assert calls[0] == 1
    assert 20 <= tuning.offset_cents(y) <= 30
    frames = np.lib.stride_tricks.sliding_window_view(y, tuning.N_FFT)[:: tuning.HOP]
    assert len(held) == len(level) == len(frames) and np.isfinite(held).sum() > len(held) // 2


def _peaks_of_row(row_db: np.ndarray, floor_db: float) -> list[tuple[float, float]]:
    bin_hz = 22050 / tuning.N_FFT
    lo, hi = int(tuning.LOW_HZ / bin_hz), min(len(row_db) - 2, int(4.1 * tuning.HIGH_HZ / bin_hz))
    mid = row_db[lo:hi]
    is_peak = (mid > row_db[lo - 1 : hi - 1]) & (mid >= row_db[lo + 1 : hi + 1]) & (mid > floor_db)
    found = []
    for i in np.flatnonzero(is_peak) + lo:
        a, b, c = row_db[i - 1], row_db[i], row_db[i + 1]
        shift = 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c < 0 else 0.0
        found.append(((i + shift) * bin_hz, float(b - 0.25 * (a - c) * shift)))
    return [] if not found or found[0][0] > tuning.HIGH_HZ else found


def test_the_tuning_peaks_equal_a_loop_over_frames() -> None:
    y = _sung()
    frames = np.lib.stride_tricks.sliding_window_view(y, tuning.N_FFT)[:: tuning.HOP] * np.hanning(
        tuning.N_FFT
    )
    rows = 20 * np.log10(np.maximum(np.abs(np.fft.rfft(frames, axis=1)), 1e-9))
    floors = rows.max(axis=1) - tuning.PEAK_DB
    want = [_peaks_of_row(row, floor) for row, floor in zip(rows, floors, strict=True)]
    assert tuning._peaks(rows, floors) == want
    assert sum(map(len, want)) > len(want)  # frames with several peaks: the test reads them


def test_the_held_means_equal_a_loop_over_frames() -> None:
    pitch = np.cumsum(np.random.default_rng(5).normal(0.0, 40.0, 400))
    pitch[[30, 31, 200]] = np.nan
    pitch[100:] += 300.0  # a jump: a new note
    half = tuning.SMOOTH_FRAMES // 2
    want = np.full(len(pitch), np.nan)
    for i in range(half, len(pitch) - half):
        window = pitch[i - half : i + half + 1]
        if not np.isnan(window).any() and np.abs(np.diff(window)).max() <= tuning.JUMP_CENTS:
            want[i] = window.mean()
    got = tuning._held_means(pitch)
    assert np.array_equal(got, want, equal_nan=True) and 0 < np.isnan(got).sum() < len(got) - 100
    assert np.isnan(tuning._held_means(pitch[:5])).all()
