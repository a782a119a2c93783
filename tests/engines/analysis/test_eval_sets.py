"""Against the outside world: madmom's own pipeline, real annotated recordings, a rendered chorale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.analysis import analyze, read_audio
from engines.analysis.core import resample
from tests.conftest import require_eval_dir, require_tool

from .synth import SR, progression


def f_measure(reference: np.ndarray, estimate: np.ndarray) -> float:
    import mir_eval

    return float(mir_eval.beat.f_measure(np.asarray(reference), np.asarray(estimate)))


def test_shared_spectrograms_equal_madmoms_own_preprocessing() -> None:
    from madmom.audio.signal import Signal
    from madmom.features.beats import RNNBeatProcessor
    from madmom.features.downbeats import RNNDownBeatProcessor

    from engines.analysis.rnn_input import rnn_features

    x = resample(progression(["C:maj", "G:maj"], 120.0), SR, 44100)[: 44100 * 3]
    signal = Signal(x, sample_rate=44100, num_channels=1)
    beat_input, bar_input = rnn_features(signal)
    np.testing.assert_array_equal(beat_input, RNNBeatProcessor().processors[0](signal))
    np.testing.assert_array_equal(bar_input, RNNDownBeatProcessor().processors[0](signal))


def test_batched_stft_equals_madmoms_frame_by_frame_to_the_bit() -> None:
    """Every frame size the analysis uses (the networks' 1024 to 4096 at 100 fps, the key, chroma
    and chord processors' 8192 and 16384), whole signals and slices whose frames overhang either end."""
    from madmom.audio.signal import FramedSignal, Signal
    from madmom.audio.stft import ShortTimeFourierTransform

    from engines.analysis.stft import short_time_fourier_transform

    x = resample(progression(["C:maj", "G:maj", "A:min"], 120.0), SR, 44100)[: 44100 * 4]
    noise = np.random.default_rng(0).standard_normal(1000).astype(np.float32)
    for samples in (x, noise):
        signal = Signal(samples, sample_rate=44100, num_channels=1)
        for frame_size, fps in ((1024, 100), (2048, 100), (4096, 100), (8192, 5), (8192, 10), (16384, 10)):
            framed = FramedSignal(signal, frame_size=frame_size, fps=fps)
            for part in (framed, framed[3:200], framed[max(0, len(framed) - 20) :]):
                theirs, ours = ShortTimeFourierTransform(part), short_time_fourier_transform(part)
                assert type(ours) is type(theirs) and ours.dtype == theirs.dtype
                assert ours.shape == theirs.shape, (frame_size, fps, len(part))
                np.testing.assert_array_equal(ours.view(np.uint32), theirs.view(np.uint32))
                assert (
                    ours.frames is part and ours.bin_frequencies.tolist() == theirs.bin_frequencies.tolist()
                )


def test_spectrograms_of_a_long_clip_are_made_in_blocks_and_equal_madmoms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past STFT_BLOCK_FRAMES the STFTs run block by block (here 70 frames, as a 9-minute file runs in
    2-minute blocks); the result matches madmom's whole-file preprocessing within float32 rounding."""
    from madmom.audio.signal import Signal
    from madmom.features.beats import RNNBeatProcessor
    from madmom.features.downbeats import RNNDownBeatProcessor

    from engines.analysis import rnn_input, stft

    x = resample(progression(["C:maj", "G:maj", "A:min"], 120.0), SR, 44100)[: 44100 * 3]
    signal = Signal(x, sample_rate=44100, num_channels=1)
    transformed: list[int] = []
    transform = stft.short_time_fourier_transform

    def counting(framed: Any) -> Any:
        transformed.append(len(framed))
        return transform(framed)

    monkeypatch.setattr(stft, "short_time_fourier_transform", counting)
    monkeypatch.setattr(rnn_input, "STFT_BLOCK_FRAMES", 70)
    beat_input, bar_input = rnn_input.rnn_features(signal)
    assert transformed == [70, 70, 70, 70, 20] * 3  # 300 frames at each of the 3 frame sizes
    monkeypatch.undo()
    for ours, theirs in (
        (beat_input, RNNBeatProcessor().processors[0](signal)),
        (bar_input, RNNDownBeatProcessor().processors[0](signal)),
    ):
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)


def test_single_threaded_networks_equal_madmoms_own_processors() -> None:
    from madmom.audio.chroma import DeepChromaProcessor
    from madmom.audio.signal import Signal
    from madmom.features.chords import CNNChordFeatureProcessor
    from madmom.features.key import CNNKeyRecognitionProcessor

    from engines.analysis.madmom_backend import models

    x = resample(progression(["A:min", "E:maj"], 100.0), SR, 44100)[: 44100 * 3]
    signal = Signal(x, sample_rate=44100, num_channels=1)
    m = models()
    for ours, theirs in (
        (m["key_cnn"], CNNKeyRecognitionProcessor()),
        (m["chroma"], DeepChromaProcessor()),
        (m["chord_cnn"], CNNChordFeatureProcessor()),
    ):
        np.testing.assert_allclose(ours(signal), theirs(signal), rtol=0, atol=1e-6)  # summation order


def bar_activations(samples: np.ndarray, sr: int) -> np.ndarray:
    from madmom.audio.signal import Signal

    from engines.analysis import madmom_backend as mb
    from engines.analysis import rnn_input

    _, bar_input = rnn_input.rnn_features(
        Signal(resample(samples, sr, 44100), sample_rate=44100, num_channels=1)
    )
    return np.asarray(np.delete(mb.models()["bar_nn"](bar_input), 0, axis=1))


def test_bar_fit_names_the_meter_madmoms_downbeat_tracker_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also where the meters nearly tie: chorale r026 at 76 BPM is 3/4 only on the frames madmom keeps.
    At each clip's last tempo the fit's figures are madmom's own Viterbi's, to the last bit, whether
    the compiled forward pass (engines/analysis/viterbi.py) or madmom decodes them."""
    from madmom.features.beats import threshold_activations
    from madmom.features.downbeats import DBNDownBeatTrackingProcessor

    from engines.analysis import bars
    from tools.eval import rendered

    chorale = rendered.render_piece(26, 76.0, tmp_path, require_tool("fluidsynth"))
    clips = [
        ("r026", read_audio(tmp_path / chorale["wav"]), (76.15,)),
        ("waltz", read_audio(require_eval_dir() / "ballroom_waltz_Media-105901.wav"), (60.0, 84.0, 150.0)),
        ("hainsworth", read_audio(require_eval_dir() / "hainsworth_001.flac"), (66.7, 100.0)),
    ]
    for name, (samples, sr), tempos in clips:
        bar = bar_activations(samples, sr)
        for tempo_bpm in tempos:
            fits = bars.bar_fit(bar, tempo_bpm)
            tracker = DBNDownBeatTrackingProcessor(
                beats_per_bar=list(bars.METERS), min_bpm=tempo_bpm * 0.85, max_bpm=tempo_bpm * 1.15, fps=100
            )
            assert max(fits, key=lambda m: fits[m]) == int(tracker(bar)[:, 1].max()), (name, tempo_bpm)
            if tempo_bpm == tempos[-1]:
                active, _ = threshold_activations(bar, tracker.threshold)
                madmoms = {
                    m: float(hmm.viterbi(active)[1]) for m, hmm in zip(bars.METERS, tracker.hmms, strict=True)
                }
                work = len(active) * sum(hmm.transition_model.num_states for hmm in tracker.hmms)
                compiled = work >= bars.COMPILED_MIN_STATE_FRAMES
                assert fits == madmoms, (name, tempo_bpm, compiled)
                with monkeypatch.context() as patched:  # and decoded the other way
                    patched.setattr(bars, "COMPILED_MIN_STATE_FRAMES", work + 1 if compiled else 0)
                    assert bars.bar_fit(bar, tempo_bpm) == madmoms, (name, tempo_bpm, not compiled)
    assert bars.bar_fit(np.zeros((500, 2)), 100.0) == {}
    assert bars.beat_level(np.zeros((500, 2)), 100.0) == (100.0, 4, {})


def bar_pattern(beats_per_bar: int, bars: int, tempo_bpm: float) -> np.ndarray:
    """Beat and downbeat activations (frames, 2) at 100 fps, a clean grid in the given meter."""
    step = round(100 * 60 / tempo_bpm)
    act = np.full((bars * beats_per_bar * step, 2), 0.01)
    for beat in range(bars * beats_per_bar):
        act[beat * step, 1 if beat % beats_per_bar == 0 else 0] = 0.9
    return act


def test_a_long_clips_meter_comes_from_its_middle_window() -> None:
    """A clip past BAR_FIT_MAX_S is fitted on its middle: 4/4 there between long 3/4 stretches."""
    from engines.analysis import bars

    waltz = bar_pattern(3, 60, 100.0)  # 108 s each side
    middle = bar_pattern(4, 50, 100.0)  # 120 s
    long = np.vstack([waltz, middle, waltz])
    assert len(long) / 100 > 2.5 * bars.BAR_FIT_MAX_S
    fits = bars.bar_fit(long, 100.0)
    assert max(fits, key=lambda m: fits[m]) == 4
    fits = bars.bar_fit(waltz, 100.0)  # a short clip is fitted whole
    assert max(fits, key=lambda m: fits[m]) == 3


def test_real_waltz_matches_plain_madmom_and_finds_three_four() -> None:
    from madmom.audio.signal import Signal
    from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor

    clip = require_eval_dir() / "ballroom_waltz_Media-105901.wav"
    annotations = np.loadtxt(clip.with_suffix(".beats"))
    samples, sr = read_audio(clip)
    result = analyze(samples, sr)
    signal = Signal(resample(samples, sr, 44100), sample_rate=44100, num_channels=1)
    plain = DBNBeatTrackingProcessor(fps=100)(RNNBeatProcessor()(signal))
    ours_f = f_measure(annotations[:, 0], np.array(result.beats_s))
    assert ours_f >= f_measure(annotations[:, 0], plain) and ours_f > 0.9
    reference_bpm = 60.0 / np.median(np.diff(annotations[:, 0]))
    assert result.tempo_bpm == pytest.approx(reference_bpm, rel=0.04)
    assert result.time_signature == (3, 4)
    downbeats = annotations[annotations[:, 1] == 1, 0]
    assert f_measure(downbeats, np.array(result.downbeats_s)) > 0.9


def test_rendered_chorale_truth_and_analysis(tmp_path: Path) -> None:
    fluidsynth = require_tool("fluidsynth")
    from tools.eval import rendered

    if not rendered.SOUNDFONT.exists():
        pytest.fail(
            f"fluidsynth is installed but {rendered.SOUNDFONT} is missing (Debian fluid-soundfont-gm)"
        )
    piece = rendered.render_piece(6, 126.0, tmp_path, fluidsynth)  # BWV 281, F major, 4/4, one-beat pickup
    beat_s = 60.0 / 126.0
    assert piece["key"] == "F major"
    assert piece["beats_s"][:3] == pytest.approx([0.0, beat_s, 2 * beat_s])
    assert piece["downbeats_s"][0] == pytest.approx(beat_s)  # the pickup bar is not a downbeat
    assert np.diff(piece["downbeats_s"]) == pytest.approx(4 * beat_s)
    assert set(np.round(piece["downbeats_s"], 6)) <= set(np.round(piece["beats_s"], 6))
    starts = [c[0] for c in piece["chords"]]
    assert starts == sorted(starts) and piece["chords"][-1][1] == pytest.approx(piece["duration_s"])
    samples, sr = read_audio(tmp_path / piece["wav"])
    result = analyze(samples, sr)
    assert result.key == "F major"
    assert result.tempo_bpm == pytest.approx(126.0, rel=0.04)
    assert f_measure(np.array(piece["beats_s"]), np.array(result.beats_s)) > 0.9


@pytest.mark.parametrize(
    ("number", "bwv", "shift", "usable"), [(17, "145.5", 2, True), (11, "41.6", 0, False)]
)
def test_chord_truth_is_aligned_to_the_score_or_dropped(
    number: int, bwv: str, shift: int, usable: bool
) -> None:
    from music21 import corpus

    from tools.eval import chorale_truth, rendered

    analysis = corpus.parse(rendered.ANALYSES.format(number))
    truth = chorale_truth.piece_truth(corpus.parse(f"bach/bwv{bwv}"), analysis, 120.0)
    assert truth["analysis_shift"] == shift  # r017 follows an edition a whole tone below this score
    assert (truth["chords"] is not None) is usable
    assert (truth["analysis_fit"] >= chorale_truth.MIN_FIT) is usable


def test_chorales_past_the_analysed_ones_have_key_and_grid_but_no_chord_truth() -> None:
    from music21 import corpus

    from tools.eval import rendered
    from tools.eval.chorale_truth import piece_truth

    bwv = rendered.chorale_bwv(rendered.N_ANALYSES + 1)
    assert bwv == "153.5"  # Riemenschneider 21, "Herzlich tut mich verlangen"
    truth = piece_truth(corpus.parse(f"bach/bwv{bwv}"), None, 120.0)
    assert truth["key"] == "A minor" and truth["key_analysis"] is None
    assert truth["chords"] is None and truth["analysis_fit"] is None
    beats = set(np.round(truth["beats_s"], 6))
    assert truth["downbeats_s"] and set(np.round(truth["downbeats_s"], 6)) <= beats
    assert rendered.chorale_bwv(17) == "145.5"  # analysed pieces take the BWV from their analysis


@pytest.mark.parametrize(
    ("bwv", "declared", "final"),
    [
        ("281", "F major", "F major"),  # r006: signature and final agree
        ("40.8", "C minor", "F minor"),  # r008: a Dorian signature (3 flats) for F minor, ending on F
        ("28.6", "A minor", "A minor"),  # r023: the soprano writes minor, the lower parts major: final A
        ("244.15", "E major", "D major"),  # r098: soprano 4 sharps, bass 2 sharps, ending on D
        ("184.5", "D major", "D major"),  # r014: ends on its dominant A, so the declared key stays
        ("41.6", "C major", "C major"),  # r011: nine parts, trumpets and timpani first, continuo last
    ],
)
def test_final_and_signature_key(bwv: str, declared: str, final: str) -> None:
    from music21 import corpus

    from tools.eval.chorale_truth import piece_truth

    truth = piece_truth(corpus.parse(f"bach/bwv{bwv}"), None, 100.0)
    assert (truth["key"], truth["key_final"]) == (declared, final)


def test_rendered_set_takes_each_score_once_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from tools.eval import rendered

    made: list[tuple[int, float]] = []

    def fake_render(number: int, tempo_bpm: float, out: Path, fluidsynth: str) -> dict[str, object]:
        made.append((number, tempo_bpm))
        name = f"chorale_r{number:03d}_bwv{rendered.chorale_bwv(number)}_{int(tempo_bpm)}bpm"
        (out / f"{name}.wav").write_bytes(b"")
        return {"name": name, "wav": f"{name}.wav"}

    monkeypatch.setattr(rendered, "render_piece", fake_render)
    monkeypatch.setattr(rendered.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    monkeypatch.setattr(rendered, "SOUNDFONT", tmp_path)  # any path that exists
    assert rendered.chorale_bwv(88) == rendered.chorale_bwv(23) == "28.6"
    pieces = rendered.build(tmp_path, limit=88)
    numbers = [rendered.piece_number(p) for p in pieces]
    assert numbers == list(range(1, 88))  # r088 is r023's score: skipped, not rendered twice
    assert made[22] == (23, 112) and made[-1] == (87, 88)  # tempos cycle by number
    assert len(json.loads((tmp_path / "manifest.json").read_text())) == 87
    (tmp_path / pieces[4]["wav"]).unlink()  # a lost WAV is rendered again; the rest are reused
    made.clear()
    again = rendered.build(tmp_path, limit=90)
    assert [n for n, _ in made] == [5, 89, 90]
    assert [rendered.piece_number(p) for p in again] == [*range(1, 88), 89, 90]
    assert again[:4] == pieces[:4] and again[5:87] == pieces[5:]


def test_generated_set_plan_is_balanced_and_a_piece_renders(tmp_path: Path) -> None:
    from collections import Counter

    from engines.presets import names
    from tools.eval import generated

    plan = generated.plan()
    assert len(plan) == len(names("genres")) * generated.KEYS_PER_GENRE
    for genre in names("genres"):
        mine = [(tonic, scale) for g, tonic, scale in plan if g == genre]
        assert sorted(t for t, _ in mine) == list(range(12))  # every tonic once
        assert Counter(s for _, s in mine) == {"Major": 6, "Minor": 6}
    fluidsynth = require_tool("fluidsynth")
    if not generated.SOUNDFONT.exists():
        pytest.fail(
            f"fluidsynth is installed but {generated.SOUNDFONT} is missing (Debian fluid-soundfont-gm)"
        )
    piece = generated.render_piece("pop", 9, "Minor", tmp_path, fluidsynth)
    assert piece["key"] == "A minor" and piece["name"] == "pop_A_minor"
    beat_s = 60.0 / piece["tempo_bpm"]
    assert piece["beats_s"][:2] == pytest.approx([0.0, beat_s]) and len(piece["beats_s"]) == 32
    assert piece["time_signature"] == [4, 4]
    assert piece["downbeats_s"] == pytest.approx(piece["beats_s"][::4]) and len(piece["downbeats_s"]) == 8
    samples, sr = read_audio(tmp_path / piece["wav"])
    assert len(samples) / sr >= piece["duration_s"]  # the render holds every bar


def test_swung_blues_keeps_its_tempo_not_the_three_to_two_reading(tmp_path: Path) -> None:
    """Blues at 96 BPM in C# major: the beat tracker alone locks onto its swung eighths at 144 BPM."""
    fluidsynth = require_tool("fluidsynth")
    from tools.eval import generated, rendered

    if not rendered.SOUNDFONT.exists():
        pytest.fail(
            f"fluidsynth is installed but {rendered.SOUNDFONT} is missing (Debian fluid-soundfont-gm)"
        )
    piece = generated.render_piece("blues", 1, "Major", tmp_path, fluidsynth)
    assert piece["tempo_bpm"] == 96
    samples, sr = read_audio(tmp_path / piece["wav"])
    result = analyze(samples, sr)
    assert result.tempo_bpm == pytest.approx(96.0, rel=0.04)
    assert result.time_signature == (4, 4)
    assert f_measure(np.array(piece["beats_s"]), np.array(result.beats_s)) > 0.9
