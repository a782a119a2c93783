"""Bad input gets a clear answer naming what was found; quantize only when asked; progress and the model."""

from __future__ import annotations

import numpy as np
import pytest

from engines.errors import InvalidValue, JobCancelled, ModelUnavailable, UnsuitableAudio
from engines.transcription import load_session, transcribe
from engines.transcription import model as note_model
from tests.engines.transcription.conftest import RATE_HZ, tone

LINE = [(60, 0.13, 0.61), (64, 0.63, 1.09), (67, 1.12, 1.58), (72, 1.61, 2.4)]  # off the 16th grid at 120


def test_silence_is_refused_as_silence() -> None:
    with pytest.raises(UnsuitableAudio, match="silent"):
        transcribe(np.zeros(RATE_HZ * 2, dtype=np.float32), RATE_HZ, kind="melody")
    with pytest.raises(UnsuitableAudio, match=r"silent .*-8\d dBFS"):
        transcribe(np.full(RATE_HZ * 2, 5e-5, dtype=np.float32), RATE_HZ)


def test_noise_is_refused_as_noise() -> None:
    noise = np.random.default_rng(5).normal(0, 0.2, RATE_HZ * 2).astype(np.float32)
    for kind in ("auto", "melody", "piano"):
        with pytest.raises(UnsuitableAudio, match="noise"):
            transcribe(noise, RATE_HZ, kind=kind)


def test_a_clip_too_short_is_refused_with_its_length() -> None:
    with pytest.raises(UnsuitableAudio, match=r"0\.100 s long: too short"):
        transcribe(tone([(60, 0.0, 0.1)], seconds=0.1), RATE_HZ)


def test_a_drum_loop_asked_as_melody_names_drums(rendered: dict) -> None:
    audio, rate, _truth = rendered["drums"]
    for kind in ("melody", "bass", "chords"):
        with pytest.raises(UnsuitableAudio, match=f"drum part .* not {kind}: ask for kind drums"):
            transcribe(audio, rate, kind=kind)


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"kind": "vocals"}, "kind 'vocals'"),
        ({"quantize": 1.5, "tempo_bpm": 120.0}, "quantize 1.5"),
        ({"quantize": 0.5}, "needs the song's tempo_bpm"),
        ({"tempo_bpm": 5.0}, "tempo_bpm 5.0"),
        ({"key": "H major"}, "key 'H major'"),
    ],
)
def test_bad_options_name_the_value(options: dict, named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        transcribe(tone(LINE, seconds=2.5), RATE_HZ, **options)


def test_bad_arrays_and_rates_name_what_was_expected() -> None:
    with pytest.raises(InvalidValue, match="sample_rate_hz 100"):
        transcribe(tone(LINE, seconds=2.5), 100)
    with pytest.raises(InvalidValue, match=r"shape \(2, 2, 2\)"):
        transcribe(np.zeros((2, 2, 2), dtype=np.float32), RATE_HZ)
    broken = tone(LINE, seconds=2.5)
    broken[100] = np.nan
    with pytest.raises(InvalidValue, match="NaN"):
        transcribe(broken, RATE_HZ)


def test_notes_stay_where_heard_unless_quantize_is_asked() -> None:
    audio = tone(LINE, seconds=2.5)
    heard = transcribe(audio, RATE_HZ, kind="melody", tempo_bpm=120.0)
    assert heard.quantize == 0.0
    assert [n.pitch for n in heard.notes] == [60, 64, 67, 72]
    assert any(abs(n.start_s / 0.125 - round(n.start_s / 0.125)) > 0.1 for n in heard.notes)  # off grid
    snapped = transcribe(audio, RATE_HZ, kind="melody", tempo_bpm=120.0, quantize=1.0)
    assert snapped.quantize == 1.0
    assert all(abs(n.start_s / 0.125 - round(n.start_s / 0.125)) < 1e-3 for n in snapped.notes)
    half = transcribe(audio, RATE_HZ, kind="melody", tempo_bpm=120.0, quantize=0.5)
    for a, b, c in zip(heard.notes, half.notes, snapped.notes, strict=True):
        assert b.start_s == pytest.approx((a.start_s + c.start_s) / 2, abs=2e-4)


def test_stereo_pcm_and_any_rate_read_like_mono() -> None:
    mono = tone(LINE, seconds=2.5)
    stereo = np.stack([mono, mono], axis=1)
    import soxr

    at_48k = np.asarray(soxr.resample(stereo, RATE_HZ, 48000), dtype=np.float32)
    assert [n.pitch for n in transcribe(at_48k, 48000, kind="melody").notes] == [60, 64, 67, 72]
    pcm = np.round(stereo * 32767).astype(np.int16)  # 16-bit samples read as they are stored
    assert [n.pitch for n in transcribe(pcm, RATE_HZ, kind="melody").notes] == [60, 64, 67, 72]
    hiss = np.random.default_rng(2).integers(-1, 2, size=(RATE_HZ, 2)).astype(np.int16)  # -90 dBFS
    with pytest.raises(UnsuitableAudio, match="silent"):
        transcribe(hiss, RATE_HZ)


def test_progress_reaches_one_and_a_cancel_stops_the_job() -> None:
    seen: list[float] = []
    transcribe(tone(LINE, seconds=2.5), RATE_HZ, kind="piano", progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0

    def cancel(_fraction: float) -> None:
        raise JobCancelled("cancelled")

    with pytest.raises(JobCancelled):
        transcribe(tone(LINE, seconds=2.5), RATE_HZ, kind="melody", progress=cancel)


def test_the_model_loads_once_and_names_its_install_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_session() is load_session()
    monkeypatch.setattr(note_model.importlib.util, "find_spec", lambda _name: None)
    with pytest.raises(ModelUnavailable, match=r"pip install --no-deps basic-pitch==0\.4\.0"):
        note_model.model_path()
