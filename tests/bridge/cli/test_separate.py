"""``roo separate``: stems on disk with the input's rate, channels and length; errors exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from engines.separation.random_model import SIX_STEMS, save_random_model

os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("models")
    return {
        "four": save_random_model(root / "four", "four", seed=3),
        "six": save_random_model(root / "six", "six", sources=SIX_STEMS, seed=4),
    }


def write_mix(path: Path, rate: int, channels: int, seconds: float, subtype: str = "PCM_16") -> np.ndarray:
    rng = np.random.default_rng(rate + channels)
    frames = round(seconds * rate) + 1  # not a round number of anything
    audio = (0.25 * rng.standard_normal((frames, channels))).clip(-1, 1)
    sf.write(path, audio, rate, subtype=subtype)
    return sf.read(path, dtype="float64", always_2d=True)[0]


def test_mono_48k_in_gives_mono_48k_stems_that_null(
    models: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mix = write_mix(tmp_path / "song.wav", 48000, 1, 1.5)
    out = tmp_path / "stems"
    code = main(
        [
            "separate",
            str(tmp_path / "song.wav"),
            "--out",
            str(out),
            "--model",
            str(models["four"]),
            "--exact-sum",
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / f"{name}.wav") for name in ("drums", "bass", "other", "vocals")]
    total = np.zeros_like(mix)
    for path in printed:
        info = sf.info(path)
        assert (info.samplerate, info.channels, info.frames) == (48000, 1, len(mix))
        total += sf.read(path, dtype="float64", always_2d=True)[0]
    assert np.abs(total - mix).max() <= 1e-6


def test_six_stem_model_writes_six_stereo_files(models: dict[str, Path], tmp_path: Path) -> None:
    mix = write_mix(tmp_path / "song.flac", 44100, 2, 1.0)
    out = tmp_path / "six"
    assert (
        main(["separate", str(tmp_path / "song.flac"), "--out", str(out), "--model", str(models["six"])]) == 0
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.wav" for name in SIX_STEMS)
    for path in out.iterdir():
        info = sf.info(path)
        assert (info.samplerate, info.channels, info.frames) == (44100, 2, len(mix))


def test_a_bad_file_exits_2_naming_the_file(
    models: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk")
    assert main(["separate", str(bad), "--out", str(tmp_path / "o"), "--model", str(models["four"])]) == 2
    last_line = capsys.readouterr().err.splitlines()[-1]
    assert last_line.startswith("roo separate: error: audio file") and "broken.wav" in last_line
    assert not (tmp_path / "o").exists()


def test_an_unknown_model_name_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_mix(tmp_path / "a.wav", 44100, 2, 0.2)
    assert main(["separate", str(tmp_path / "a.wav"), "--out", str(tmp_path), "--model", "nope_model"]) == 2
    assert "model 'nope_model' is not known: expected one of htdemucs" in capsys.readouterr().err
