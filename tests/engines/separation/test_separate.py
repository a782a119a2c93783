"""Separation core: shapes, rates, channels, alignment, exact sum, determinism, cancel, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.errors import InvalidValue, JobCancelled
from engines.separation import assign_residual, load_model, separate

from .helpers import PassThrough, music


@pytest.mark.parametrize(("rate", "channels", "seconds"), [(48000, 1, 1.3), (44100, 2, 1.0), (22050, 3, 0.7)])
def test_stems_keep_rate_channels_and_exact_frame_count(
    tiny_model_dir: Path, rate: int, channels: int, seconds: float
) -> None:
    mix = music(seconds, rate, channels)[:-3]  # an odd frame count
    stems = separate(mix, rate, load_model(str(tiny_model_dir)))
    assert list(stems) == ["drums", "bass", "other", "vocals"]
    for audio in stems.values():
        assert audio.shape == mix.shape and audio.dtype == np.float32
        assert np.all(np.isfinite(audio))
    assert not np.allclose(stems["drums"], stems["vocals"])


@pytest.mark.parametrize(("rate", "channels"), [(48000, 1), (44100, 2), (32000, 2), (96000, 3)])
def test_resampling_and_channel_groups_keep_stems_aligned(rate: int, channels: int) -> None:
    mix = music(1.2, rate, channels, noise=0.0)  # no content above 20 kHz, which 44.1 kHz drops
    stems = separate(mix, rate, PassThrough(), device="cpu")  # with a random shift, undone by demucs
    edge = rate // 20  # resampling filters ring at the very ends of the file
    for audio in stems.values():
        assert audio.shape == mix.shape
        np.testing.assert_allclose(audio[edge:-edge], mix[edge:-edge] / 4, atol=2e-3)


def test_exact_sum_nulls_against_the_input(tiny_model_dir: Path) -> None:
    mix = music(1.5, 48000, 2, seed=3)
    model = load_model(str(tiny_model_dir))
    plain = separate(mix, 48000, model)
    exact = separate(mix, 48000, model, exact_sum=True)
    plain_error = np.abs(sum(s.astype(np.float64) for s in plain.values()) - mix).max()
    exact_error = np.abs(sum(s.astype(np.float64) for s in exact.values()) - mix).max()
    assert plain_error > 1e-3  # a random model does not sum to the mix by itself
    assert exact_error <= 1e-6


def test_assign_residual_follows_each_stems_magnitude() -> None:
    rng = np.random.default_rng(5)
    stems = rng.uniform(-1, 1, (4, 1000, 2)).astype(np.float32)
    stems[:, :10] = 0.0  # where every stem is silent the residual is shared equally
    stems[1, 10:20] = 0.0  # a silent stem receives none of the residual
    mix = rng.uniform(-1, 1, (1000, 2)).astype(np.float32)
    out = assign_residual(mix, stems)
    assert np.abs(out.astype(np.float64).sum(axis=0) - mix).max() <= 1e-6
    np.testing.assert_allclose(out[0, :10], mix[:10] / 4, atol=1e-6)
    assert np.all(out[1, 10:20] == 0.0)


def test_assign_residual_is_the_same_bit_for_bit_whatever_its_block(monkeypatch: pytest.MonkeyPatch) -> None:
    from engines.separation import core

    rng = np.random.default_rng(9)
    stems = rng.uniform(-1, 1, (4, 5003, 2)).astype(np.float32)
    stems[:, 100:300] = 0.0
    mix = (stems.sum(axis=0) + rng.normal(0, 0.01, (5003, 2))).astype(np.float32)
    monkeypatch.setattr(core, "RESIDUAL_BLOCK_FRAMES", 10**9)  # the whole clip at once
    whole = assign_residual(mix, stems)
    for frames in (1, 97, 1000, 4096):  # blocks that end mid-clip, and a last short one
        monkeypatch.setattr(core, "RESIDUAL_BLOCK_FRAMES", frames)
        np.testing.assert_array_equal(assign_residual(mix, stems), whole)


def test_same_seed_same_stems_and_models_load_once(tiny_model_dir: Path) -> None:
    mix = music(1.0, 44100, 2, seed=4)
    model = load_model(str(tiny_model_dir))
    assert load_model(str(tiny_model_dir)) is model
    assert load_model(f"{tiny_model_dir}/tiny4") is model
    first = separate(mix, 44100, model, seed=7, device="cpu")  # bit for bit: one device's kernels
    again = separate(mix, 44100, model, seed=7, device="cpu")
    for name in first:
        np.testing.assert_array_equal(first[name], again[name])


def test_six_stem_model_gives_six_stems(tiny6_model_dir: Path) -> None:
    mix = music(0.8, 44100, 2)
    stems = separate(mix, 44100, load_model(str(tiny6_model_dir)), exact_sum=True)
    assert list(stems) == ["drums", "bass", "other", "vocals", "guitar", "piano"]
    assert np.abs(sum(s.astype(np.float64) for s in stems.values()) - mix).max() <= 1e-6


def test_progress_rises_and_cancel_stops_mid_way(tiny_model_dir: Path) -> None:
    mix = music(3.0, 44100, 2)
    model = load_model(str(tiny_model_dir))
    seen: list[float] = []
    separate(mix, 44100, model, device="cpu", progress=lambda f, m: seen.append(f))  # demucs's own loop
    assert seen[-1] == 1.0 and len(seen) > 4
    assert seen == sorted(seen)

    calls: list[float] = []

    def cancel_after_two(fraction: float, message: str) -> None:
        calls.append(fraction)
        if len(calls) > 2:
            raise JobCancelled("cancelled by the test")

    with pytest.raises(JobCancelled):
        separate(mix, 44100, model, device="cpu", progress=cancel_after_two)
    assert max(calls) < 0.5


def test_silence_gives_silent_stems(tiny_model_dir: Path) -> None:
    mix = np.zeros((30000, 2), dtype=np.float32)
    stems = separate(mix, 44100, load_model(str(tiny_model_dir)), exact_sum=True)
    assert all(s.shape == mix.shape and not s.any() for s in stems.values())


@pytest.mark.parametrize(
    ("mix", "rate", "match"),
    [
        (np.zeros((0, 2), dtype=np.float32), 44100, "frames > 0"),
        (np.full((100, 2), np.nan, dtype=np.float32), 44100, "NaN"),
        (np.zeros((100, 2), dtype=np.float32), 0, "sample rate 0"),
        (np.zeros((2, 3, 4), dtype=np.float32), 44100, r"shape \(2, 3, 4\)"),
    ],
)
def test_bad_input_names_the_problem(tiny_model_dir: Path, mix: np.ndarray, rate: int, match: str) -> None:
    with pytest.raises(InvalidValue, match=match):
        separate(mix, rate, load_model(str(tiny_model_dir)))
