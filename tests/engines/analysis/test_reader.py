"""Reading audio for analysis: formats, channels, rates, regions, and every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.analysis import read_audio
from engines.errors import AudioFileError

from .synth import clicks


@pytest.mark.parametrize(
    ("suffix", "fmt", "subtype", "tolerance"),
    [
        (".wav", "WAV", "PCM_16", 1e-3),
        (".aiff", "AIFF", "PCM_24", 1e-4),
        (".flac", "FLAC", "PCM_16", 1e-3),
        (".ogg", "OGG", "VORBIS", None),
        (".mp3", "MP3", "MPEG_LAYER_III", None),
    ],
)
def test_reads_every_supported_format(
    tmp_path: Path, suffix: str, fmt: str, subtype: str, tolerance: float | None
) -> None:
    signal = clicks(120, 2.0, sr=44100)
    path = tmp_path / f"clip{suffix}"
    sf.write(path, signal, 44100, format=fmt, subtype=subtype)
    samples, sr = read_audio(path)
    assert sr == 44100
    assert samples.dtype == np.float32 and samples.ndim == 1
    if tolerance is not None:  # lossless: sample-exact up to quantisation
        assert len(samples) == len(signal)
        assert np.max(np.abs(samples - signal)) < tolerance
    else:  # lossy codecs add priming and change samples; the energy must survive
        assert abs(len(samples) - len(signal)) < 4096
        assert abs(np.sqrt(np.mean(samples**2)) - np.sqrt(np.mean(signal**2))) < 0.02


def test_stereo_is_averaged_and_rate_kept(tmp_path: Path) -> None:
    left = clicks(100, 1.0, sr=48000)
    stereo = np.stack([left, np.zeros_like(left)], axis=1)
    path = tmp_path / "stereo.wav"
    sf.write(path, stereo, 48000, subtype="FLOAT")
    samples, sr = read_audio(path)
    assert sr == 48000
    np.testing.assert_allclose(samples, left / 2, atol=1e-7)


def test_region_reads_only_between_markers(tmp_path: Path) -> None:
    sr = 8000
    ramp = (np.arange(sr * 4) / (sr * 4)).astype(np.float32)
    path = tmp_path / "ramp.wav"
    sf.write(path, ramp, sr, subtype="FLOAT")
    samples, _ = read_audio(path, start_s=1.0, end_s=2.5)
    np.testing.assert_array_equal(samples, ramp[sr : int(2.5 * sr)])
    tail, _ = read_audio(path, start_s=3.0, end_s=99.0)  # an end past the file is clipped
    assert len(tail) == sr


def _expect_error(path: Path, *words: str, **region: float) -> None:
    with pytest.raises(AudioFileError) as info:
        read_audio(path, start_s=region.get("start_s"), end_s=region.get("end_s"))
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_bad_files_name_the_file_and_the_problem(tmp_path: Path) -> None:
    _expect_error(tmp_path / "nope.wav", "does not exist")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    _expect_error(empty, "empty")
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunkjunk")
    _expect_error(corrupt, "cannot be read")
    text = tmp_path / "notes.mid"
    text.write_bytes(b"MThd\x00\x00\x00\x06\x00\x00\x00\x01\x00\x60")
    _expect_error(text, "cannot be read")
    silent = tmp_path / "silent.wav"  # read like any audio: the analysis answers it (key "N", no beats)
    sf.write(silent, np.zeros(8000, dtype=np.float32), 8000)
    assert len(read_audio(silent)[0]) == 8000
    ok = tmp_path / "ok.wav"
    sf.write(ok, clicks(120, 1.0, sr=8000), 8000)
    _expect_error(ok, "outside the file", start_s=5.0, end_s=6.0)
