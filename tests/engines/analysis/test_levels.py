"""The tempo level and the meter (issue 21): clips at 40 and 240 BPM and steady sixteenths at 84 BPM
keep their tempo, the other level is reported; 5/4, 7/8, 6/8 and 12/8 parts are read in their meters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.analysis import analyze, levels, read_audio
from engines.analysis.result import ChordSegment
from tests.conftest import require_tool


def render(
    path: Path,
    tempo_bpm: float,
    signature: tuple[int, int],
    bars: int,
    *,
    arpeggio: bool = False,
    genre: str = "pop",
) -> Path:
    """MuseAroo's parts of a genre (pop) (or a piano's steady sixteenth-note arpeggios, one chord a bar) in A
    minor at ``tempo_bpm`` quarter notes a minute, rendered with fluidsynth."""
    fluidsynth = require_tool("fluidsynth")
    from engines.generators import generate_parts
    from engines.midi_file import write_midi
    from engines.music import Key, MusicalContext, Note
    from engines.presets import load_genre
    from tools.eval.rendered import SOUNDFONT, render_midi

    if not SOUNDFONT.exists():
        pytest.fail(f"fluidsynth is installed but {SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    key = Key(9, "Minor")
    ctx = MusicalContext(tempo_bpm=tempo_bpm, signature=signature, key=key, genre=genre, bars=bars)
    if arpeggio:
        triads = [(57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62)]
        notes = [
            Note(
                (*triads[bar % 4], triads[bar % 4][0] + 12)[i % 4] + 12 * ((i // 4) % 2),
                bar * 4 + i / 4,
                0.25,
                80,
            )
            for bar in range(bars)
            for i in range(16)
        ]
        parts, programs = {"melody": notes}, {"melody": 0}
    else:
        preset = load_genre(genre)
        parts = generate_parts(ctx, seed=1)
        programs = {part: int(getattr(preset, part)["program"]) for part in ("bass", "chords", "melody")}
    midi = path.with_suffix(".mid")
    write_midi(midi, parts, tempo_bpm=tempo_bpm, signature=signature, key=key, programs=programs,
               length_beats=ctx.length_beats)  # fmt: skip
    render_midi(fluidsynth, midi, path, gain=0.4)
    return path


def analysed(path: Path) -> dict[str, Any]:
    samples, sr = read_audio(path)
    return analyze(samples, sr).to_dict()


@pytest.mark.parametrize(
    ("tempo_bpm", "bars", "arpeggio", "heard_before"),
    [(40.0, 5, False, 80.0), (240.0, 16, False, 120.0), (84.0, 8, True, 168.0)],
)
def test_the_tempo_level_follows_the_bar_and_the_other_level_is_reported(
    tempo_bpm: float, bars: int, arpeggio: bool, heard_before: float, tmp_path: Path
) -> None:
    result = analysed(render(tmp_path / "clip.wav", tempo_bpm, (4, 4), bars, arpeggio=arpeggio))
    assert result["tempo_bpm"] == pytest.approx(tempo_bpm, rel=0.02)
    assert result["tempo_alternatives"][0] == pytest.approx(heard_before, rel=0.02)  # the tracker's level
    assert result["time_signature"] == [4, 4]
    assert 0.5 < result["meter_confidence"] <= 1.0


@pytest.mark.parametrize(
    ("genre", "signature", "beat"),
    [
        ("pop", (5, 4), 1.0),
        ("pop", (7, 8), 0.5),  # counted in eighths
        ("pop", (6, 8), 1.5),  # counted in dotted quarters
        ("rock", (6, 8), 1.5),
        ("pop", (12, 8), 1.5),
        ("pop", (3, 4), 1.0),  # and 3/4 stays 3/4
    ],
)
def test_compound_and_odd_meters_are_read_with_their_confidence(
    genre: str, signature: tuple[int, int], beat: float, tmp_path: Path
) -> None:
    result = analysed(render(tmp_path / "clip.wav", 100.0, signature, 8, genre=genre))
    assert result["time_signature"] == list(signature)
    assert result["tempo_bpm"] == pytest.approx(100.0 / beat, rel=0.02)  # beats a minute of that length
    assert result["meter_confidence"] > 0.7  # the bar model's meter is the likeliest (rock 6/8: 0.74)
    if signature[0] in (5, 7):  # the model cannot judge an odd meter: held, a plain one its rival
        assert result["meter_ambiguous"] is True, result
        assert result["meter_rival"]["time_signature"] in ([3, 4], [4, 4]), result["meter_rival"]


def test_meter_confidence_is_the_per_bar_share() -> None:
    assert levels.meter_confidence({}, 8.0) == 0.0
    assert levels.meter_confidence({4: -100.0, 3: -100.0}, 8.0) == pytest.approx(0.5)
    assert levels.meter_confidence({4: -100.0, 3: -108.0}, 8.0) == pytest.approx(1 / (1 + np.exp(-1)))
    assert levels.meter_confidence({4: -100.0, 3: -400.0, 5: -400.0}, 8.0) > 0.99


def test_an_odd_meter_needs_a_clear_lead() -> None:
    assert levels.chosen_meter({}, 32, 120.0) == (4, 0.0)
    meter, confidence = levels.chosen_meter(
        {3: -500.0, 4: -400.0, 7: -398.0}, 28, 200.0
    )  # 7 ahead by 0.5 a bar
    assert meter == 4 and confidence == pytest.approx(1 / (1 + np.exp(-100 / 7)))  # between 3 and 4
    assert levels.chosen_meter({3: -500.0, 4: -400.0, 7: -380.0}, 28, 200.0)[0] == 7  # 5 a bar: 0.99
    assert levels.chosen_meter({3: -500.0, 4: -400.0, 7: -380.0}, 28, 66.0)[0] == 4  # 7 quarters: no
    assert levels.chosen_meter({3: -500.0, 4: -400.0, 5: -396.0}, 40, 100.0)[0] == 4  # 0.5 a bar over 8 bars
    assert levels.meter_confidence({4: -100.0, 3: -108.0}, 8.0, 3) == pytest.approx(1 / (1 + np.exp(1)))


def test_halving_needs_long_chords_and_a_fast_or_out_of_range_tempo() -> None:
    beats = np.arange(0.0, 16.0, 0.5)  # 120 BPM
    long_chords = [ChordSegment(4.0 * i, 4.0 * i + 4.0, "A:min") for i in range(4)]  # 8 beats each
    assert levels.median_chord_beats(long_chords, beats) == pytest.approx(8.0)
    assert levels.median_chord_beats([ChordSegment(0.0, 16.0, "N")], beats) is None
    assert not levels.should_halve(120.0, 8.0, 55.0)  # one chord every two bars at 120: keep
    assert levels.should_halve(168.0, 8.0, 55.0) and levels.should_halve(80.0, 8.0, 55.0)
    assert not levels.should_halve(168.0, 4.0, 55.0) and not levels.should_halve(168.0, None, 55.0)


def test_halved_keeps_the_stronger_half_and_doubled_fills_the_middles() -> None:
    beats = np.arange(8) * 0.5
    assert list(levels.halved(beats, np.array([0.1, 0.9] * 4))) == [0.5, 1.5, 2.5, 3.5]
    assert list(levels.doubled(np.array([0.0, 1.0, 2.0]))) == [0.0, 0.5, 1.0, 1.5, 2.0]


def test_a_results_beats_per_bar_counts_dotted_quarters_in_compound_meters() -> None:
    from engines.analysis.result import AnalysisResult

    def bar(signature: tuple[int, int] | None) -> int | None:
        return AnalysisResult(8.0, 44100, 120.0, (), (), signature, "N", 0.0, (), "madmom").beats_per_bar

    assert [bar(s) for s in ((4, 4), (3, 4), (5, 4), (7, 8), (6, 8), (12, 8), None)] == [
        4,
        3,
        5,
        7,
        2,
        4,
        None,
    ]


def test_alternatives_and_signatures() -> None:
    assert levels.alternatives(None) == ()
    assert levels.alternatives(100.0) == (50.0, 200.0)
    assert levels.alternatives(40.0, 80.0) == (80.0,)  # 20 BPM is no tempo to offer
    assert levels.alternatives(200.0, 100.0) == (100.0,)  # 400 neither
    assert [levels.signature(n) for n in (3, 4, 5, 7)] == [(3, 4), (4, 4), (5, 4), (7, 8)]


def test_onset_envelopes_from_one_set_of_ffts_equal_each_computed_alone() -> None:
    rng = np.random.default_rng(3)
    clicks = np.zeros(44100 * 6, dtype=np.float32)
    clicks[:: 44100 // 2] = 0.9
    for samples in (clicks + 0.01 * rng.standard_normal(len(clicks)).astype(np.float32), clicks[:3000]):
        both = levels.onset_envelopes(samples, 44100, 100, max_hzs=(levels.ONSET_MAX_HZ, 150.0))
        alone = (
            levels.onset_envelope(samples, 44100, 100),
            levels.onset_envelope(samples, 44100, 100, max_hz=150.0),
        )
        for ours, theirs in zip(both, alone, strict=True):
            np.testing.assert_array_equal(ours, theirs)


def test_the_compiled_bar_fit_returns_madmoms_viterbi_figure_to_the_bit() -> None:
    """The chain runs (``viterbi.chain_runs``) cover every state once, and the pass equals madmom's decode."""
    from madmom.features.downbeats import DBNDownBeatTrackingProcessor

    from engines.analysis import viterbi

    rng = np.random.default_rng(5)
    step = 50  # 120 BPM at 100 fps, in 3/4
    act = 0.01 + 0.04 * rng.random((step * 3 * 8, 2))  # beat and downbeat, summing under 1 as a softmax's
    act[::step, 0] = 0.7
    act[:: 3 * step] = (0.1, 0.8)
    tracker = DBNDownBeatTrackingProcessor(beats_per_bar=[3, 4, 5, 7], min_bpm=102.0, max_bpm=138.0, fps=100)
    for hmm in tracker.hmms:
        entries = viterbi.entry_states(hmm.transition_model)
        runs = viterbi.chain_runs(entries, hmm.observation_model.pointers, hmm.transition_model.num_states)
        covered = np.zeros(hmm.transition_model.num_states, dtype=int)
        covered[entries] += 1
        for first, end, density in runs:
            covered[first:end] += 1
            assert set(np.asarray(hmm.observation_model.pointers)[first:end]) == {density}
        assert covered.tolist() == [1] * len(covered)
        assert viterbi.best_log_probability(hmm, act) == float(hmm.viterbi(act)[1])
