"""Analysis that counts like a musician (issue 32): a 3/4 over triplets stays 3/4, a 6/8 gives Live's
tempo in quarter notes, a waltz's chords have no holes, an Em-C-G-D loop is named in both its keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.analysis import analyze, chords, meter, read_audio
from engines.analysis.result import AnalysisResult, ChordSegment, quarters_per_beat
from tests.conftest import require_tool
from tests.engines.analysis import synth


def rendered(tmp_path: Path, style: str, tempo_bpm: float, *, texture: str = "piano") -> dict[str, Any]:
    """One piece of the meter benchmark's set (tools/eval/meters.py), rendered and analysed."""
    fluidsynth = require_tool("fluidsynth")
    from tools.eval import meters

    if not meters.SOUNDFONT.exists():
        pytest.fail(f"fluidsynth is installed but {meters.SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    (signature, quarters) = next((sig, q) for name, sig, q, _ in meters.STYLES if name == style)
    spec = {
        "style": style,
        "time_signature": list(signature),
        "texture": texture,
        "tempo_bpm": tempo_bpm,
        "live_tempo_bpm": tempo_bpm * quarters,
        "tonic": 2,
        "scale": "Major",
    }
    piece = meters.render_piece(spec, tmp_path, fluidsynth)
    samples, sr = read_audio(tmp_path / piece["wav"])
    return {"piece": piece, "result": analyze(samples, sr).to_dict()}


def test_a_waltz_over_triplets_stays_in_three_four(tmp_path: Path) -> None:
    """Before: 6/8 at 56 (the beat tracker took two triplet eighths for the beat, then halfway
    through its bar of three sounded louder)."""
    result = rendered(tmp_path, "triplets34", 84.0)["result"]
    assert result["time_signature"] == [3, 4]
    assert result["tempo_bpm"] == pytest.approx(84.0, rel=0.02)
    assert result["live_tempo_bpm"] == pytest.approx(84.0, rel=0.02)


def test_a_six_eight_gives_lives_tempo_in_quarter_notes(tmp_path: Path) -> None:
    """Dotted quarters at 96 are 144 quarter notes a minute, what Live must be set to (before: 4/4 at 96)."""
    result = rendered(tmp_path, "compound68", 96.0)["result"]
    assert result["time_signature"] == [6, 8]
    assert result["tempo_bpm"] == pytest.approx(96.0, rel=0.02)  # the counted pulse
    assert result["live_tempo_bpm"] == pytest.approx(144.0, rel=0.02)
    readings = [tuple(m["time_signature"]) for m in result["meter_alternatives"]]
    assert (
        readings
        and (6, 8) not in readings
        and all(0 < m["confidence"] <= 1 for m in result["meter_alternatives"])
    )


def test_the_eighths_of_a_slow_six_eight_are_grouped_in_threes(tmp_path: Path) -> None:
    """Dotted quarters at 60 (eighths at 180, where the beat tracker locks): before, 3/4 at 180."""
    result = rendered(tmp_path, "compound68", 60.0, texture="band")["result"]
    assert result["time_signature"] == [6, 8]
    assert result["live_tempo_bpm"] == pytest.approx(90.0, rel=0.02)


@pytest.mark.parametrize(("tempo_bpm", "bass"), [(84.0, False), (72.0, True)])
def test_slow_running_sixteenths_are_not_read_at_double_tempo(
    tempo_bpm: float, bass: bool, tmp_path: Path
) -> None:
    """A piano's sixteenths, two chords a bar (with a bass in half notes or none): before, 168 for 84
    and 144 for 72 (the chords last four tracked beats, too short for halving by the harmony alone)."""
    fluidsynth = require_tool("fluidsynth")
    from engines.midi_file import write_midi
    from engines.music import Key, Note
    from tools.eval.rendered import SOUNDFONT, render_midi

    if not SOUNDFONT.exists():
        pytest.fail(f"fluidsynth is installed but {SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    triads = [(57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62)]
    run = [
        Note((*triads[(2 * bar + i // 8) % 4], triads[(2 * bar + i // 8) % 4][0] + 12)[i % 4] + 12 * ((i // 4) % 2),
             bar * 4 + i / 4, 0.25, 80)
        for bar in range(8) for i in range(16)
    ]  # fmt: skip
    parts = {"melody": run}
    if bass:
        parts["bass"] = [Note(triads[(2 * bar + half) % 4][0] - 12, bar * 4 + 2 * half, 1.9, 90)
                         for bar in range(8) for half in range(2)]  # fmt: skip
    midi, wav = tmp_path / "run.mid", tmp_path / "run.wav"
    write_midi(midi, parts, tempo_bpm=tempo_bpm, signature=(4, 4), key=Key(9, "Minor"),
               programs={"melody": 0, "bass": 0}, length_beats=32)  # fmt: skip
    render_midi(fluidsynth, midi, wav, gain=0.4)
    samples, sr = read_audio(wav)
    result = analyze(samples, sr).to_dict()
    assert result["tempo_bpm"] == pytest.approx(tempo_bpm, rel=0.02)
    assert result["time_signature"] == [4, 4]
    assert any(t == pytest.approx(2 * tempo_bpm, rel=0.02) for t in result["tempo_alternatives"])


def test_a_waltz_has_one_chord_a_bar_and_no_holes() -> None:
    """Oom-pah-pah, the bass alone on one: before, "N" over the first bar's bass note."""
    result = analyze(synth.oom_pah_pah(90.0, 12), 44100).to_dict()
    assert result["time_signature"] == [3, 4]
    bar_s = 3 * 60.0 / 90.0
    music = [c for c in result["chords"] if c["start_s"] < 12 * bar_s - 0.5]  # the tail rings out as "N"
    assert [c["label"] for c in music] == ["C:maj", "G:maj", "F:maj", "G:maj"] * 3
    assert [c["start_s"] for c in music] == pytest.approx([i * bar_s for i in range(12)], abs=0.1)


def test_without_holes_keeps_no_chord_where_nothing_pitched_sounds() -> None:
    heard = np.zeros((40, 12))
    heard[:10, [2, 6, 9]] = 0.9  # D major
    heard[10:15, 2] = 0.9  # the bass alone
    heard[15:25, [7, 11, 2]] = 0.9  # G major
    # 25..40: drums only (no pitch heard)
    segments = [
        ChordSegment(0.0, 1.0, "D:maj"),
        ChordSegment(1.0, 1.5, "N"),
        ChordSegment(1.5, 2.5, "G:maj"),
        ChordSegment(2.5, 2.6, "C:maj"),  # shorter than the minimum: a neighbour's
        ChordSegment(2.6, 4.0, "N"),
    ]
    out = chords.without_holes(segments, heard, 10.0, min_s=0.3, heard=0.5)
    assert [(c.start_s, c.end_s, c.label) for c in out] == [
        (0.0, 1.5, "D:maj"),  # the D bass is a tone of both neighbours: the earlier takes it
        (1.5, 2.6, "G:maj"),
        (2.6, 4.0, "N"),
    ]


def test_an_em_c_g_d_loop_is_ambiguous_between_g_major_and_e_minor(tmp_path: Path) -> None:
    fluidsynth = require_tool("fluidsynth")
    from engines.midi_file import write_midi
    from engines.music import Key, Note
    from tools.eval.rendered import SOUNDFONT, render_midi

    if not SOUNDFONT.exists():
        pytest.fail(f"fluidsynth is installed but {SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    loop = [(52, 55, 59), (48, 52, 55), (55, 59, 62), (50, 54, 57)]  # Em C G D
    notes = [
        Note(p, 4 * bar + beat, 0.95, 80 if beat else 92)
        for bar in range(16)
        for beat in range(4)
        for p in (*loop[bar % 4], loop[bar % 4][0] - 12)
    ]
    midi, wav = tmp_path / "loop.mid", tmp_path / "loop.wav"
    write_midi(
        midi,
        {"chords": notes},
        tempo_bpm=100.0,
        signature=(4, 4),
        key=Key(7, "Major"),
        programs={"chords": 0},
    )
    render_midi(fluidsynth, midi, wav, gain=0.5)
    samples, sr = read_audio(wav)
    result = analyze(samples, sr).to_dict()
    named = {result["key"], *(k["key"] for k in result["key_alternatives"])}
    assert {"G major", "E minor"} <= named
    assert result["key_ambiguous"] is True


def test_live_tempo_counts_quarter_notes_whatever_the_signature() -> None:
    def live(tempo: float | None, signature: tuple[int, int] | None) -> float | None:
        return AnalysisResult(
            10.0, 44100, tempo, (), (), signature, "C major", 0.9, (), "madmom"
        ).live_tempo_bpm

    assert live(66.667, (6, 8)) == pytest.approx(100.0, rel=1e-4)
    assert live(66.667, (12, 8)) == pytest.approx(100.0, rel=1e-4)
    assert live(200.0, (7, 8)) == pytest.approx(100.0)
    assert live(100.0, (3, 4)) == live(100.0, (2, 4)) == live(100.0, None) == 100.0
    assert live(None, (6, 8)) is None
    assert quarters_per_beat((2, 2)) == 2.0


def test_a_beats_division_in_three_or_two_is_read_from_its_onsets() -> None:
    fps = 100.0
    beats = np.arange(0.0, 6.0, 0.6) + 0.1
    envelope = np.zeros(700)

    def onset(t: float, value: float) -> None:  # the envelope rises ahead of the note (ENVELOPE_LEAD_S)
        envelope[round((t - meter.ENVELOPE_LEAD_S) * fps)] = value

    for b in beats:
        for k in range(3):  # triplets
            onset(b + k * 0.2, 1.0 if k == 0 else 0.6)
    assert meter.triple(envelope, fps, beats) and not meter.undivided(envelope, fps, beats)
    envelope[:] = 0.0
    for b in beats:
        onset(b, 1.0)
        onset(b + 0.3, 0.6)  # eighths
    assert not meter.triple(envelope, fps, beats) and not meter.undivided(envelope, fps, beats)
    envelope[:] = 0.0
    for b in beats:
        onset(b, 1.0)
    assert meter.undivided(envelope, fps, beats)
    assert meter.running_halves(168.0, 0.1, 1.0, 4.0)  # sixteenths at 84 tracked as eighths at 168
    assert not meter.running_halves(150.0, 0.3, 0.34, 4.0)  # a 4/4 at 150 with eighth hats
    assert not meter.running_halves(110.0, 0.1, 1.0, 4.0)  # half of it would be 55


def test_meter_alternatives_name_other_signatures_once_likeliest_first() -> None:
    found = meter.alternatives(
        (6, 8), [((3, 4), 0.3), ((6, 8), 0.9), ((3, 4), 0.4), ((4, 4), 0.01), ((12, 8), 0.2)]
    )
    assert found == (((3, 4), 0.4), ((12, 8), 0.2))
