"""``roo analyze``: the JSON contract, the text summary, the cache, and errors naming the file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from tests.engines.analysis.synth import SR, progression

# "live_tempo_bpm" to "key_ambiguous": issue 32; the meter's held reading: issue 45.
FIELDS = {"duration_s", "sample_rate", "tempo_bpm", "tempo_alternatives", "beats_s", "downbeats_s",
          "time_signature", "meter_confidence", "key", "key_confidence", "chords", "backend",
          "live_tempo_bpm", "meter_alternatives", "key_alternatives", "key_ambiguous",
          "meter_ambiguous", "meter_rival"}  # fmt: skip


@pytest.fixture
def cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def song(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "song.flac"
    sf.write(path, progression(["A:min", "F:maj", "C:maj", "G:maj"], 100.0), SR)
    return path


def test_json_has_every_contract_field(
    song: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(song), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == FIELDS
    assert data["backend"] == "madmom" and data["sample_rate"] == SR
    assert data["tempo_bpm"] == pytest.approx(100.0, rel=0.03)
    assert data["time_signature"] == [4, 4]
    assert data["key"] in ("A minor", "C major")  # relative keys; the progression fits both
    assert {c["label"] for c in data["chords"]} >= {"A:min", "F:maj", "C:maj", "G:maj"}
    assert all(set(c) == {"start_s", "end_s", "label"} for c in data["chords"])
    assert len(list(cache_env.glob("*.json"))) == 1
    assert main(["analyze", str(song), "--json"]) == 0  # from the cache: the same object
    assert json.loads(capsys.readouterr().out) == data


def test_librosa_backend_and_text_output(
    song: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(song), "--backend", "librosa"]) == 0
    out = capsys.readouterr().out
    assert "BPM" in out and "backend:    librosa" in out and "key:" in out


def test_region(song: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(song), "--json", "--start", "2.4", "--end", "7.2", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["duration_s"] == pytest.approx(4.8, abs=1e-3)
    assert not cache_env.exists()


@pytest.mark.parametrize(
    "problem", ["missing", "empty", "corrupt", "unsupported", "cut short", "past the end"]
)
def test_bad_files_exit_nonzero_naming_the_file(
    problem: str, tmp_path: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{problem}.wav"
    if problem == "empty":
        path.write_bytes(b"")
    elif problem == "past the end":
        sf.write(path, np.sin(np.arange(2 * SR) * 0.05).astype(np.float32), SR)
    elif problem == "corrupt":
        path.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt garbage")
    elif problem == "cut short":  # the first half of a 2 s file's bytes (an interrupted copy)
        sf.write(path, np.sin(np.arange(2 * SR) * 0.05).astype(np.float32), SR)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif problem == "unsupported":
        path = tmp_path / "score.pdf"
        path.write_bytes(b"%PDF-1.4 not audio at all")
    region = ["--start", "100"] if problem == "past the end" else []
    assert main(["analyze", str(path), "--json", *region]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("roo analyze: error: ") and str(path) in captured.err
    words = {
        "missing": "does not exist",
        "empty": "empty",
        "cut short": "declares 2.000 s",
        "past the end": "lasts 2.000 s: the region 100 s .. its end is outside the file",
    }
    assert words.get(problem, "cannot be read") in captured.err


def test_a_noise_click_track_has_a_tempo_and_no_key(
    tmp_path: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decaying noise bursts every 0.5 s (a drum machine's hats): no pitched sound, so no key."""
    rng = np.random.default_rng(0)
    samples = np.zeros(SR * 8, dtype=np.float32)
    burst = int(0.05 * SR)
    for beat in range(16):
        start = int(beat * 0.5 * SR)
        samples[start : start + burst] = rng.normal(0, 0.5, burst) * np.exp(-np.arange(burst) / (0.01 * SR))
    path = tmp_path / "hats.wav"
    sf.write(path, samples, SR)
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    tempo = re.search(r"tempo:\s+([0-9.]+) BPM", out)
    assert tempo is not None and float(tempo.group(1)) == pytest.approx(120.0, rel=0.01)
    assert "key:        N (no pitched sound" in out and "chords:     N\n" in out
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["key"] == "N" and data["key_confidence"] == 0.0 and [c["label"] for c in data["chords"]] == ["N"]
    )


def test_a_silent_file_gives_the_documented_json(
    tmp_path: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "silent.wav"
    sf.write(path, np.zeros(2 * SR, dtype=np.float32), SR)
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == FIELDS
    assert data["key"] == "N" and data["key_confidence"] == 0.0 and data["tempo_bpm"] is None
    assert data["beats_s"] == [] and data["downbeats_s"] == [] and data["time_signature"] is None
    assert main(["analyze", str(path)]) == 0
    assert "no meter" in capsys.readouterr().out


def test_a_cut_file_is_analysed_with_allow_short(
    tmp_path: Path, cache_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.wav"
    sf.write(path, progression(["A:min", "F:maj", "C:maj", "G:maj"], 100.0), SR, subtype="PCM_16")
    whole = path.stat().st_size
    path.write_bytes(path.read_bytes()[: whole // 2])
    assert main(["analyze", str(path), "--json"]) == 2
    assert "--allow-short analyses what it holds" in capsys.readouterr().err
    assert main(["analyze", str(path), "--json", "--allow-short"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["duration_s"] == pytest.approx((whole // 2 - 44) / 2 / SR, abs=1e-3)
    assert data["tempo_bpm"] == pytest.approx(100.0, rel=0.03)
    assert main(["analyze", str(path), "--json"]) == 2  # the allowed result does not answer a plain call


def test_decoder_warnings_stay_off_the_terminal(
    tmp_path: Path, cache_env: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.mp3"
    sf.write(path, progression(["C:maj", "G:maj"], 100.0), SR, format="MP3")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert main(["analyze", str(path)]) == 2
    err = capfd.readouterr().err
    assert err.startswith("roo analyze: error: ") and "cut short" in err and "Xing" not in err
