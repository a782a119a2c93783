"""Generation with tiny random models: lengths, seeds, prompts, melody, continuation, progress and cancel."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.errors import InvalidValue, JobCancelled
from engines.music import Note
from engines.musicgen import models
from engines.musicgen.chroma import chroma_from_notes
from engines.musicgen.generate import generate_audio


@pytest.fixture(scope="module")
def mg(tiny_dir: Path) -> models.MusicGenModel:
    return models.load(str(tiny_dir), precision="fp32")


def test_length_is_whole_audio_frames_covering_the_request(mg: models.MusicGenModel) -> None:
    audio = generate_audio(mg, "lofi drum beat", seconds=0.5, seed=0)
    assert audio.shape == (25 * 640, 1) and audio.dtype == np.float32
    assert generate_audio(mg, "lofi drum beat", seconds=0.51, seed=0).shape == (26 * 640, 1)


def test_same_seed_same_audio_other_seed_other_audio(mg: models.MusicGenModel) -> None:
    a = generate_audio(mg, "funky bass groove", seconds=0.4, seed=7)
    b = generate_audio(mg, "funky bass groove", seconds=0.4, seed=7)
    c = generate_audio(mg, "funky bass groove", seconds=0.4, seed=8)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_the_prompt_conditions_the_output(mg: models.MusicGenModel) -> None:
    a = generate_audio(mg, "ambient pad", seconds=0.4, seed=1, temperature=0.0)
    b = generate_audio(mg, "techno drums", seconds=0.4, seed=1, temperature=0.0)
    assert not np.array_equal(a, b)


def test_progress_once_per_step_and_cancel_within_a_step(mg: models.MusicGenModel) -> None:
    seen: list[float] = []
    generate_audio(mg, "jazz piano", seconds=0.2, seed=0, progress=lambda f, m: seen.append(f))
    assert len(seen) == 10 + 3  # 10 frames plus the 3-step codebook delay
    assert seen == sorted(seen) and seen[-1] == 1.0

    calls: list[float] = []

    def cancel_at_five(fraction: float, message: str) -> None:
        calls.append(fraction)
        if len(calls) == 5:
            raise JobCancelled("job 1 (musicgen) was cancelled")

    with pytest.raises(JobCancelled):
        generate_audio(mg, "jazz piano", seconds=2.0, seed=0, progress=cancel_at_five)
    assert len(calls) == 5


def test_continuation_returns_only_new_audio_that_follows_the_prompt(mg: models.MusicGenModel) -> None:
    # the tiny random EnCodec encodes any clip to nearly the same codes, so compare with no prompt
    clip = (0.1 * np.random.default_rng(0).standard_normal((20000, 2))).astype(np.float32)  # stereo clip
    continued = generate_audio(mg, "rock guitar", seconds=0.3, seed=2, audio_prompt=clip)
    fresh = generate_audio(mg, "rock guitar", seconds=0.3, seed=2)
    assert continued.shape == fresh.shape == (15 * 640, 1)
    assert not np.array_equal(continued, fresh)


def test_melody_conditions_a_melody_model(tiny_melody_dir: Path, mg: models.MusicGenModel) -> None:
    melody = models.load(str(tiny_melody_dir), precision="fp32")
    c_major = chroma_from_notes([Note(60, 0, 1), Note(64, 1, 1), Note(67, 2, 1)], 120.0)
    f_sharp = chroma_from_notes([Note(66, 0, 3)], 120.0)
    a = generate_audio(melody, "piano", seconds=0.3, seed=4, melody_chroma=c_major)
    b = generate_audio(melody, "piano", seconds=0.3, seed=4, melody_chroma=f_sharp)
    assert a.shape == (15 * 640, 1) and not np.array_equal(a, b)
    with pytest.raises(InvalidValue, match="takes no melody"):
        generate_audio(mg, "piano", seconds=0.3, melody_chroma=c_major)
    with pytest.raises(InvalidValue, match="melody model"):
        generate_audio(melody, "piano", seconds=0.3, audio_prompt=np.zeros((6400, 1), np.float32))


def test_stereo_model_gives_two_channels(tiny_stereo_dir: Path) -> None:
    stereo = models.load(str(tiny_stereo_dir), precision="fp32")
    audio = generate_audio(stereo, "house", seconds=0.2, seed=0)
    assert audio.shape == (10 * 640, 2)


def test_lengths_beyond_the_window_are_refused(mg: models.MusicGenModel) -> None:
    with pytest.raises(InvalidValue, match="at most 30"):
        generate_audio(mg, "x", seconds=31.0)
    with pytest.raises(InvalidValue, match="window"):
        generate_audio(mg, "x", seconds=25.0, audio_prompt=np.zeros((32000 * 6, 1), np.float32))
