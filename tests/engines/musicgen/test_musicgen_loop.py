"""The loop maker on synthetic audio with known beats: exact length, grid alignment, clean seam."""

from __future__ import annotations

import numpy as np
import pytest

from engines.errors import InvalidValue
from engines.musicgen.loop import (
    MAX_STRETCH,
    choose_start,
    crossfade_seam,
    fit_grid,
    generation_seconds,
    loop_frames,
    make_loop,
)

SR = 32000


def click_track(tempo_bpm: float, seconds: float, offset_s: float, channels: int = 1) -> np.ndarray:
    """Short decaying clicks on every beat from offset_s, (frames, channels)."""
    y = np.zeros(int(seconds * SR), dtype=np.float32)
    click = np.exp(-np.arange(int(0.02 * SR)) / 100.0) * np.sin(
        2 * np.pi * 1000 * np.arange(int(0.02 * SR)) / SR
    )
    t = offset_s
    while t < seconds - 0.03:
        i = round(t * SR)
        y[i : i + len(click)] += click
        t += 60.0 / tempo_bpm
    return np.repeat(y[:, None], channels, axis=1)


def beat_times(tempo_bpm: float, seconds: float, offset_s: float) -> np.ndarray:
    return np.arange(offset_s, seconds - 0.03, 60.0 / tempo_bpm)


@pytest.mark.parametrize(
    ("bars", "beats_per_bar", "tempo", "rate", "expected"),
    [
        (4, 4.0, 120.0, 48000, 384000),
        (1, 4.0, 130.0, 48000, 88615),  # 88615.38 rounds down
        (2, 3.5, 97.0, 44100, 190948),  # 7/8: 190947.6 rounds up
        (8, 3.0, 90.0, 44100, 705600),
    ],
)
def test_loop_frames_is_the_rounded_exact_length(
    bars: int, beats_per_bar: float, tempo: float, rate: int, expected: int
) -> None:
    assert loop_frames(bars, beats_per_bar, tempo, rate) == expected


def test_loop_frames_rejects_nonsense() -> None:
    with pytest.raises(InvalidValue, match="bars"):
        loop_frames(0, 4.0, 120.0, 48000)


@pytest.mark.parametrize(
    ("tempo", "rate", "channels"), [(120.0, 48000, 1), (117.0, 44100, 2), (131.3, 48000, 2)]
)
def test_make_loop_length_is_exact_to_the_frame(tempo: float, rate: int, channels: int) -> None:
    played = tempo * 0.97
    seconds = generation_seconds(2, 4.0, tempo)
    audio = click_track(played, seconds, 0.21, channels)
    out, info = make_loop(
        audio,
        SR,
        bars=2,
        beats_per_bar=4.0,
        tempo_bpm=tempo,
        beats_s=beat_times(played, seconds, 0.21),
        downbeats_s=beat_times(played / 4, seconds, 0.21),
        out_sample_rate_hz=rate,
    )
    assert out.shape == (loop_frames(2, 4.0, tempo, rate), channels)
    assert info.frames == out.shape[0] and info.sample_rate_hz == rate
    assert out.dtype == np.float32 and np.all(np.isfinite(out))


@pytest.mark.parametrize("played", [114.0, 125.0])  # sped up, slowed down
def test_loop_is_stretched_onto_the_song_grid_and_starts_on_the_downbeat(played: float) -> None:
    tempo, rate = 120.0, 48000
    seconds = generation_seconds(2, 4.0, tempo)
    beats = beat_times(played, seconds, 0.3)
    out, info = make_loop(
        click_track(played, seconds, 0.3),
        SR,
        bars=2,
        beats_per_bar=4.0,
        tempo_bpm=tempo,
        beats_s=beats,
        downbeats_s=beats[4::4],  # the tracker missed the first bar: the loop still starts there
        out_sample_rate_hz=rate,
    )
    assert info.aligned
    assert info.start_s == pytest.approx(0.3, abs=1e-6)
    assert info.measured_tempo_bpm == pytest.approx(played, rel=1e-6)
    assert info.stretch_rate == pytest.approx(tempo / played, rel=1e-6)
    # each click starts on the song's beat grid (0.5 s at 120 BPM) within 1 ms, with no echo of
    # the next click before it (a slowed beat must not run into the next attack)
    envelope = np.abs(out[:, 0])
    beat = round(60.0 / tempo * rate)
    for k in range(1, 8):  # beat 0 is blended with the seam's tail, which is also a click
        window = envelope[k * beat - beat // 4 : k * beat + beat // 4]
        onset = int(np.argmax(window > 0.3 * window.max())) - beat // 4
        assert abs(onset) <= 0.001 * rate, f"beat {k} is {onset} frames off the grid"


def test_matching_tempo_is_not_stretched() -> None:
    seconds = generation_seconds(1, 4.0, 120.0)
    beats = beat_times(120.0, seconds, 0.1)
    _, info = make_loop(
        click_track(120.0, seconds, 0.1),
        SR,
        bars=1,
        beats_per_bar=4.0,
        tempo_bpm=120.0,
        beats_s=beats,
        downbeats_s=beats[::4],
        out_sample_rate_hz=48000,
    )
    assert info.aligned and info.stretch_rate == 1.0


def test_grid_folds_octave_errors_and_refuses_far_tempos() -> None:
    half = beat_times(60.0, 10.0, 0.2)  # a tracker that locked to every other beat of 120 BPM
    _, period, measured, aligned = fit_grid(half, 120.0)
    assert aligned and measured == pytest.approx(120.0) and period == pytest.approx(0.5)
    far = beat_times(90.0, 10.0, 0.2)
    _, period, measured, aligned = fit_grid(far, 120.0)
    assert not aligned and period == pytest.approx(0.5) and measured == pytest.approx(90.0)
    assert 90.0 / 120.0 < 1 / MAX_STRETCH
    assert fit_grid(np.array([0.4, 0.9]), 120.0) == (0.4, 0.5, None, False)


def test_choose_start_moves_back_to_the_first_bar_that_leaves_room() -> None:
    assert choose_start(0.3, 0.5, np.array([4.3]), 4.0, needed_s=8.0, duration_s=10.0) == pytest.approx(0.3)
    # not enough room after the first bar's downbeat: none fits, so the latest beat that fits
    assert choose_start(0.3, 0.5, np.array([0.3]), 4.0, needed_s=9.9, duration_s=10.0) == pytest.approx(0.0)


def test_seam_is_as_smooth_as_the_audio_itself() -> None:
    t = np.arange(20000) / SR
    piece = np.sin(2 * np.pi * 310.7 * t)[:, None]  # 310.7 Hz does not fit a whole number of cycles
    length, fade = 16000, 640
    looped = crossfade_seam(piece, length, fade)
    assert looped.shape == (length, 1)
    assert looped[0, 0] == piece[length, 0]  # frame 0 is what followed the last frame
    seam_jump = abs(looped[0, 0] - looped[-1, 0])
    natural_step = np.max(np.abs(np.diff(piece[:, 0])))
    naive_jump = abs(piece[0, 0] - piece[length - 1, 0])
    assert seam_jump <= natural_step + 1e-12
    assert naive_jump > 5 * natural_step  # a plain cut clicks
    assert np.array_equal(looped[fade:], piece[fade:length])


def test_generation_seconds_leaves_room_for_a_slow_take() -> None:
    bar_s = 4 * 60.0 / 120.0
    assert generation_seconds(4, 4.0, 120.0) >= (4 * bar_s + bar_s) * MAX_STRETCH
