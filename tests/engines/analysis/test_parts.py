"""The pure parts: grid, key profiles, chord templates, Harte labels, result round trip."""

from __future__ import annotations

import numpy as np
import pytest

from engines.analysis import chords, grid, keys
from engines.analysis.result import AnalysisResult, ChordSegment, chords_in_beats, parse_harte
from engines.errors import InvalidValue
from engines.music import Chord

MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)


def scale_chroma(tonic: int, weights: dict[int, float] | None = None) -> np.ndarray:
    chroma = np.zeros(12)
    for step in MAJOR_SCALE:
        chroma[(tonic + step) % 12] = 1.0
    for pc, w in (weights or {}).items():
        chroma[(tonic + pc) % 12] += w
    return chroma


def test_tempo_from_beats_ignores_a_skipped_beat_and_needs_two() -> None:
    beats = np.arange(0, 10, 0.5)
    assert grid.tempo_from_beats(beats) == pytest.approx(120.0)
    assert grid.tempo_from_beats(np.delete(beats, 7)) == pytest.approx(120.0)
    assert grid.tempo_from_beats(np.array([1.0])) is None
    assert grid.tempo_from_beats(np.zeros(0)) is None


def test_likeliest_level_takes_the_best_tempo_and_meter_and_keeps_ties_on_the_first() -> None:
    swung = {144.0: {3: -9100.0, 4: -9050.0}, 96.0: {3: -8990.0, 4: -8780.0}, 216.0: {3: -9300.0, 4: -9200.0}}
    assert grid.likeliest_level(swung) == (96.0, 4)
    assert grid.likeliest_level({84.0: {3: -500.0, 4: -500.0}, 56.0: {3: -500.0, 4: -500.0}}) == (84.0, 3)
    with pytest.raises(ValueError, match="at least one tempo"):
        grid.likeliest_level({})


def test_strength_at_beats_takes_the_peak_near_each_beat() -> None:
    act = np.zeros(300)
    act[[51, 148, 260]] = [0.9, 0.4, 0.7]
    np.testing.assert_allclose(
        grid.strength_at_beats(np.array([0.5, 1.5, 2.5, 3.5]), act, 100.0), [0.9, 0.4, 0.0, 0.0]
    )


def test_downbeat_phase_weighs_chord_changes_and_network_strength() -> None:
    beats = np.arange(0.0, 8.0, 0.5)  # 16 beats, 4 bars of 4/4
    flat = np.full(16, 0.5)
    on_third = np.where(np.arange(16) % 4 == 2, 0.9, 0.3)  # the network hears beat 3 as "one"
    bar_lines = [2.0, 4.0, 6.0]  # chords change on beats 1 of bars 2 to 4
    assert grid.downbeat_phase(beats, 4, bar_lines, flat) == 0  # only harmony speaks
    assert grid.downbeat_phase(beats, 4, [], on_third) == 2  # only the network speaks
    assert (
        grid.downbeat_phase(beats, 4, bar_lines, on_third) == 0
    )  # every change on beat 1 outweighs the network
    half_bars = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]  # changes on 1 and 3: the network decides
    assert grid.downbeat_phase(beats, 4, half_bars, on_third) == 2
    assert grid.downbeat_phase(beats, 4, [9.9], flat) == 0  # a change off the grid counts for nothing
    assert grid.downbeat_phase(beats[:1], 4, bar_lines, flat) == 0


@pytest.mark.parametrize(("meter", "phase"), [(4, 0), (4, 3), (3, 1)])
def test_downbeats_by_accent_finds_meter_and_phase(meter: int, phase: int) -> None:
    accents = np.full(24, 0.3)
    accents[phase::meter] = 1.0
    assert grid.downbeats_by_accent(accents) == (meter, phase)
    assert grid.downbeats_by_accent(accents[:5]) == (4, 0)  # too short to tell


def test_key_profile_finds_major_and_relative_minor() -> None:
    for tonic in range(12):
        probs = keys.profile_probabilities(scale_chroma(tonic, {0: 1.0, 7: 0.5}))
        assert keys.best_key(probs)[0] == keys.key_label(tonic)
        assert probs.sum() == pytest.approx(1.0)
    # A minor: the C major scale weighted towards A and E
    label, confidence = keys.best_key(keys.profile_probabilities(scale_chroma(0, {9: 1.5, 4: 0.8})))
    assert label == "A minor" and 0 < confidence <= 1
    np.testing.assert_allclose(keys.profile_probabilities(np.zeros(12)), np.full(24, 1 / 24))


def test_madmom_key_order_and_blend() -> None:
    madmom = np.zeros(24)
    madmom[0] = 1.0  # madmom's class 0 is A major
    assert keys.best_key(keys.from_madmom_order(madmom))[0] == "A major"
    madmom = np.zeros(24)
    madmom[12 + 3] = 1.0  # madmom's class 15 is C minor
    assert keys.best_key(keys.from_madmom_order(madmom))[0] == "C minor"
    sure, unsure = np.full(24, 0.01), np.full(24, 1 / 24)
    sure[5] = 1 - 0.01 * 23
    blended = keys.blend(sure, unsure)
    assert int(np.argmax(blended)) == 5 and blended.sum() == pytest.approx(1.0)


def test_the_minor_prior_settles_a_relative_key_tie_but_not_a_clear_major() -> None:
    tie = np.full(24, 0.01)
    tie[0] = tie[12 + 9] = 0.4  # C major and A minor equally likely
    assert keys.best_key(keys.blend(tie, tie))[0] == "A minor"
    assert keys.best_key(keys.blend(tie, tie, minor_prior_log=0.0))[0] == "C major"  # argmax takes the first
    clear = np.full(24, 0.01)
    clear[0], clear[12 + 9] = 0.6, 0.2  # three to one for C major
    assert keys.best_key(keys.blend(clear, clear))[0] == "C major"


def _chroma_frames(labels: list[str], frames_each: int) -> np.ndarray:
    rows = []
    for label in labels:
        row = np.zeros(12)
        parsed = parse_harte(label)
        if parsed is not None:
            root, quality = parsed
            third = 4 if quality.startswith("maj") or quality == "7" else 3
            row[[root, (root + third) % 12, (root + 7) % 12]] = 1.0
            if quality in ("7", "min7"):
                row[(root + 10) % 12] = 0.9
        rows += [row] * frames_each
    return np.array(rows)


def test_template_chords_label_and_time_each_chord() -> None:
    fps = 10.0
    chroma = _chroma_frames(["C:maj", "A:min", "N", "F#:maj"], 20)
    noisy = chroma + np.random.default_rng(0).uniform(0, 0.15, chroma.shape) * (
        chroma.sum(1, keepdims=True) > 0
    )
    segments = chords.template_chords(noisy, fps)
    assert [s.label for s in segments] == ["C:maj", "A:min", "N", "F#:maj"]
    assert [s.start_s for s in segments] == [0.0, 2.0, 4.0, 6.0]
    assert segments[-1].end_s == 8.0
    assert chords.template_chords(np.zeros((0, 12)), fps) == []


def test_sevenths_only_where_the_seventh_sounds() -> None:
    fps = 10.0
    chroma = _chroma_frames(["G:7", "C:maj", "D:min7"], 10)
    triads = [ChordSegment(0, 1, "G:maj"), ChordSegment(1, 2, "C:maj"), ChordSegment(2, 3, "D:min")]
    labels = [s.label for s in chords.add_sevenths(triads, chroma, fps)]
    assert labels == ["G:7", "C:maj", "D:min7"]
    short = [ChordSegment(0, 0.3, "G:maj")]
    assert chords.add_sevenths(short, chroma, fps)[0].label == "G:maj"


def test_harte_parsing() -> None:
    assert parse_harte("A:min") == (9, "min")
    assert parse_harte("Bb:7") == (10, "7")
    assert parse_harte("F#") == (6, "maj")
    assert parse_harte("N") is None
    with pytest.raises(InvalidValue, match="'H:maj'"):
        parse_harte("H:maj")


def _result(**changes: object) -> AnalysisResult:
    base = AnalysisResult(
        duration_s=4.0,
        sample_rate=44100,
        tempo_bpm=120.0,
        beats_s=(0.0, 0.5, 1.0, 1.5),
        downbeats_s=(0.0,),
        time_signature=(4, 4),
        key="A minor",
        key_confidence=0.8,
        chords=(ChordSegment(0.0, 2.0, "A:min"), ChordSegment(2.0, 3.0, "N"), ChordSegment(3.0, 4.0, "E:7")),
        backend="madmom",
    )
    return AnalysisResult(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


def test_result_round_trip_and_contract_fields() -> None:
    result = _result()
    data = result.to_dict()
    assert set(data) == {
        "duration_s", "sample_rate", "tempo_bpm", "tempo_alternatives", "beats_s", "downbeats_s",
        "time_signature", "meter_confidence", "key", "key_confidence", "chords", "backend",
        "live_tempo_bpm", "meter_alternatives", "key_alternatives", "key_ambiguous",  # issue 32
        "meter_ambiguous", "meter_rival",  # issue 45
    }  # fmt: skip
    assert data["live_tempo_bpm"] == data["tempo_bpm"] or data["time_signature"] not in (None, [4, 4])
    assert data["chords"][0] == {"start_s": 0.0, "end_s": 2.0, "label": "A:min"}
    assert AnalysisResult.from_dict(data) == result
    held = _result(time_signature=(3, 4), meter_ambiguous=True, meter_rival=((6, 8), 100.0, 0.4))
    assert held.to_dict()["meter_rival"] == {
        "time_signature": [6, 8],
        "live_tempo_bpm": 100.0,
        "confidence": 0.4,
    }
    assert AnalysisResult.from_dict(held.to_dict()) == held
    with pytest.raises(InvalidValue):
        AnalysisResult.from_dict({"duration_s": 1.0})


def test_chords_in_beats_uses_the_tempo_and_drops_no_chord() -> None:
    result = _result()
    assert chords_in_beats(result) == (Chord(0.0, 4.0, 9, "min"), Chord(6.0, 2.0, 4, "7"))
    assert chords_in_beats(result, tempo_bpm=60.0)[1] == Chord(3.0, 1.0, 4, "7")
    assert chords_in_beats(_result(tempo_bpm=None)) == ()


def test_chord_boundaries_snap_to_close_beats() -> None:
    beats = np.arange(0.0, 8.0, 0.5)
    segments = [
        ChordSegment(0.0, 1.12, "C:maj"),  # ends 0.12 s after a beat: snaps to 1.0
        ChordSegment(1.12, 1.2, "G:maj"),  # shrinks to nothing once both ends snap
        ChordSegment(1.2, 2.25, "C:maj"),  # merges with the first C
        ChordSegment(2.25, 3.9, "A:min"),  # 2.25 is half a beat away from both neighbours: stays
        ChordSegment(3.9, 4.3, "F:maj"),
    ]
    out = chords.snap_to_beats(segments, beats)
    assert [(s.start_s, s.end_s, s.label) for s in out] == [
        (0.0, 2.25, "C:maj"),
        (2.25, 4.0, "A:min"),
        (4.0, 4.3, "F:maj"),  # the last end is the clip's end, never moved
    ]
    assert chords.snap_to_beats(segments, np.array([1.0])) == segments


def test_beats_in_silence_before_and_after_the_music_are_dropped() -> None:
    sr = 1000
    signal = np.zeros(sr * 10)
    signal[2 * sr : 7 * sr] = 0.5  # audible from 2 s to 7 s
    signal[7 * sr : 8 * sr] = 0.5 * 10 ** (-60 / 20)  # a -60 dB tail counts as silence
    first, last = grid.audible_span(signal, sr)
    assert (first, last) == (2.0, 7.0)
    beats = np.arange(0.0, 10.0, 0.5)
    kept = grid.beats_in_span(beats, first, last)
    assert kept[0] == 2.0 and kept[-1] == 7.0
    assert grid.audible_span(np.zeros(100), sr) == (0.0, 0.0)
