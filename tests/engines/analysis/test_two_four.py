"""2/4 against 4/4 read from the music (issue 32): a polka's oom-pah with a chord every two beats is
2/4; a 4/4 over the same oom-pah with a chord a bar, or with two chords a bar over a walking bass,
stays 4/4.

Breaks these catch (tried on commit bfd0f1d): the engines before (the polkas read 4/4, no cues);
the harmony left out of ``meter.two_four`` (the 4/4 over the oom-pah reads 2/4); the bass contrast
left out (the cue test's walking bass passes; the rendered walking-bass piece stays 4/4 on its
chord changes alone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.analysis import analyze, meter, read_audio
from tests.conftest import require_tool
from tests.engines.analysis.test_musician import rendered

TRIADS = ((0, "maj"), (9, "min"), (5, "maj"), (7, "maj"))  # I-vi-IV-V in C


def _tones(step: int) -> list[int]:
    root, quality = TRIADS[step % 4]
    return [55 + (root - 7) % 12 + i for i in (0, 4 if quality == "maj" else 3, 7)]


def _four_four(tmp_path: Path, tempo_bpm: float, *, chords_a_bar: int, walking: bool) -> dict[str, Any]:
    """Eight bars of 4/4 on piano: a bass on one and three with the chord on two and four (the
    polka's oom-pah) or a walking bass (one note a beat) under the chord on every beat; a melody of
    a half and two quarters a bar; ``chords_a_bar`` chords of the I-vi-IV-V loop a bar."""
    fluidsynth = require_tool("fluidsynth")
    from engines.midi_file import write_midi
    from engines.music import Key, Note
    from tools.eval.rendered import SOUNDFONT, render_midi

    if not SOUNDFONT.exists():
        pytest.fail(f"fluidsynth is installed but {SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    parts: dict[str, list[Note]] = {"bass": [], "chords": [], "melody": []}
    for bar in range(8):
        for beat in range(4):
            tones = _tones(bar * chords_a_bar + beat * chords_a_bar // 4)
            at, bass = bar * 4 + beat, 36 + (tones[0] - 55 + 7) % 12
            if walking:
                parts["bass"].append(Note(bass + (0, 4, 7, 5)[beat], at, 0.9, 96))
                parts["chords"] += [Note(p, at, 0.8, 62) for p in tones]
            elif beat % 2 == 0:
                parts["bass"].append(Note(bass + (7 if beat else 0), at, 0.95, 100))
            else:
                parts["chords"] += [Note(p, at, 0.9, 66) for p in tones]
        top = _tones(bar * chords_a_bar)
        parts["melody"] += [Note(top[2] + 12, bar * 4, 2.0, 84), Note(top[1] + 12, bar * 4 + 2, 1.0, 78),
                            Note(top[0] + 12, bar * 4 + 3, 1.0, 76)]  # fmt: skip
    midi, wav = tmp_path / "four.mid", tmp_path / "four.wav"
    write_midi(midi, parts, tempo_bpm=tempo_bpm, signature=(4, 4), key=Key(0, "Major"),
               programs={"bass": 0, "chords": 0, "melody": 0}, length_beats=32)  # fmt: skip
    render_midi(fluidsynth, midi, wav, gain=0.5)
    samples, sr = read_audio(wav)
    return analyze(samples, sr).to_dict()


@pytest.mark.parametrize(("tempo_bpm", "texture"), [(120.0, "piano"), (80.0, "band")])
def test_a_polka_is_read_in_two_four(tempo_bpm: float, texture: str, tmp_path: Path) -> None:
    """Bass on one, the chord on two, a chord each 2/4 bar (tools/eval/meters.py's polka): before,
    4/4 with the same beats and 2/4 only listed."""
    result = rendered(tmp_path, "polka24", tempo_bpm, texture=texture)["result"]
    assert result["time_signature"] == [2, 4]
    assert result["tempo_bpm"] == pytest.approx(tempo_bpm, rel=0.02)
    assert result["live_tempo_bpm"] == pytest.approx(tempo_bpm, rel=0.02)
    bar_s = np.diff(result["downbeats_s"])
    assert np.median(bar_s) == pytest.approx(2 * 60.0 / tempo_bpm, rel=0.03)  # a bar every two beats
    assert result["meter_alternatives"][0]["time_signature"] == [4, 4]  # the reading it replaced


def test_a_four_four_over_an_oom_pah_bass_stays_four_four(tmp_path: Path) -> None:
    """The polka's bass and chord rhythm, one chord a bar: the harmony changes every four beats."""
    result = _four_four(tmp_path, 120.0, chords_a_bar=1, walking=False)
    assert result["time_signature"] == [4, 4]
    assert result["tempo_bpm"] == pytest.approx(120.0, rel=0.02)


def test_two_chords_a_bar_over_a_walking_bass_stay_four_four(tmp_path: Path) -> None:
    """Chords every two beats, but a bass note on every beat: no oom-pah, nothing says 2/4."""
    result = _four_four(tmp_path, 120.0, chords_a_bar=2, walking=True)
    assert result["time_signature"] == [4, 4]


def _cues(bass_on: tuple[float, float, float, float], changes_on: tuple[int, ...]) -> dict[str, float]:
    """two_four_cues on 16 synthetic beats at 120 BPM: a bass onset of ``bass_on[k]`` on the bar's
    k-th beat, a full-band onset of 1 on every beat, a chord change on the beats ``changes_on``."""
    fps, beats = 100.0, np.arange(16) * 0.5 + 0.5
    envelope, bass = np.zeros(1000), np.zeros(1000)
    for i, t in enumerate(beats):
        frame = round((t - meter.ENVELOPE_LEAD_S) * fps)
        envelope[frame], bass[frame] = 1.0, bass_on[i % 4]
    changes = [float(t) for i, t in enumerate(beats) if i % 4 in changes_on]
    return meter.two_four_cues(beats, 0, changes, envelope, bass, fps)


def test_two_four_needs_the_harmony_and_the_bass_every_two_beats() -> None:
    oom_pah = (1.0, 0.2, 1.0, 0.2)
    assert meter.two_four(_cues(oom_pah, (0, 2))) > 0.5  # a polka
    assert meter.two_four(_cues(oom_pah, (0,))) < 0.05  # a chord a bar: 4/4
    assert meter.two_four(_cues((1.0, 0.9, 1.0, 0.9), (0, 2))) < 0.5  # walking bass
    assert meter.two_four(_cues((1.0, 0.2, 0.5, 0.2), (0, 2))) < 0.5  # beat three's bass weaker
    assert meter.two_four(_cues(oom_pah, (0, 1, 2, 3))) < 0.5  # a chord every beat (a chorale)
    assert meter.two_four({}) == 0.0
