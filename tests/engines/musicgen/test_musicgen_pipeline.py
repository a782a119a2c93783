"""Prompt to loop file with a tiny random model: exact frames, rate, seam, seeds, melody, continuation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.audio_io import write_wav
from engines.errors import InvalidValue, ModelUnavailable
from engines.musicgen.loop import loop_frames
from engines.musicgen.pipeline import render_loop, with_tempo


def test_loop_file_has_the_exact_length_rate_and_a_smooth_seam(tiny_dir: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    out = tmp_path / "loop.wav"
    result = render_loop(
        "lofi drum beat",
        out_path=str(out),
        bars=1,
        tempo_bpm=131.0,
        model=str(tiny_dir),
        device="cpu",
        seed=5,
        sample_rate_hz=44100,
        progress=lambda f, m: seen.append(f),
    )
    audio, rate = sf.read(str(out), always_2d=True, dtype="float32")
    assert rate == 44100 and sf.info(str(out)).subtype == "FLOAT"
    assert len(audio) == result["frames"] == loop_frames(1, 4.0, 131.0, 44100) == 80794
    assert result["seed"] == 5 and result["precision"] == "int8" and result["channels"] == 1
    seam = abs(float(audio[0, 0] - audio[-1, 0]))
    assert seam <= float(np.max(np.abs(np.diff(audio[:, 0])))) + 1e-6
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    again = tmp_path / "again.wav"
    render_loop(
        "lofi drum beat",
        out_path=str(again),
        bars=1,
        tempo_bpm=131.0,
        model=str(tiny_dir),
        device="cpu",
        seed=5,
        sample_rate_hz=44100,
    )
    assert np.array_equal(sf.read(str(again), dtype="float32")[0], sf.read(str(out), dtype="float32")[0])


def test_melody_from_midi_and_continuation_from_a_file(
    tiny_melody_dir: Path, tiny_dir: Path, tmp_path: Path
) -> None:
    import mido

    midi = mido.MidiFile(ticks_per_beat=96)
    track = mido.MidiTrack()
    for note in (60, 64, 67, 72):
        track.append(mido.Message("note_on", note=note, velocity=100, time=0))
        track.append(mido.Message("note_off", note=note, velocity=0, time=96))
    midi.tracks.append(track)
    midi.save(str(tmp_path / "melody.mid"))
    result = render_loop(
        "piano",
        out_path=str(tmp_path / "m.wav"),
        bars=1,
        tempo_bpm=100.0,
        signature="3/4",
        model=str(tiny_melody_dir),
        seed=1,
        melody_path=str(tmp_path / "melody.mid"),
    )
    assert result["frames"] == loop_frames(1, 3.0, 100.0, 48000)
    from_notes = render_loop(
        "piano",
        out_path=str(tmp_path / "n.wav"),
        bars=1,
        tempo_bpm=100.0,
        model=str(tiny_melody_dir),
        seed=1,
        melody_notes=[(60, 0.0, 1.0, 100), (67, 1.0, 2.0, 90)],
    )
    assert from_notes["frames"] == loop_frames(1, 4.0, 100.0, 48000)
    clip = write_wav(tmp_path / "clip.wav", 0.1 * np.sin(np.arange(30000) / 9.0)[:, None], 44100)
    result = render_loop(
        "piano",
        out_path=str(tmp_path / "c.wav"),
        bars=1,
        tempo_bpm=100.0,
        model=str(tiny_dir),
        seed=1,
        continue_path=str(clip),
        precision="fp32",
    )
    assert result["frames"] == loop_frames(1, 4.0, 100.0, 48000)


def test_bad_requests_name_what_is_wrong(tiny_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="at most 9 bars"):
        render_loop("x", out_path=str(tmp_path / "a.wav"), bars=16, tempo_bpm=100.0, model=str(tiny_dir))
    with pytest.raises(InvalidValue, match="prompt is empty"):
        render_loop("  ", out_path=str(tmp_path / "a.wav"), bars=1, tempo_bpm=100.0, model=str(tiny_dir))
    with pytest.raises(InvalidValue, match="time signature"):
        render_loop("x", out_path=str(tmp_path / "a.wav"), bars=1, tempo_bpm=100.0, signature="5/3")
    with pytest.raises(ModelUnavailable, match="facebook/musicgen-large"):
        render_loop("x", out_path=str(tmp_path / "a.wav"), bars=1, tempo_bpm=100.0, model="large")
    assert not (tmp_path / "a.wav").exists()


def test_prompt_names_the_tempo_once() -> None:
    assert with_tempo("lofi beat", 92.0) == "lofi beat, 92 bpm"
    assert with_tempo("lofi beat at 90 BPM", 92.0) == "lofi beat at 90 BPM"
