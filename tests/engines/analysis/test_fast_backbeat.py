"""A fast piece with a backbeat is read at its written tempo (issue 32): drum-and-bass at 174 with
a chord every two bars was halved to 87 (``levels.should_halve``, ``meter.running_halves``); the snare
on two and four of the tracked beats, the kick elsewhere, keeps it (``meter.keeps_fast``).

Break this catches (tried on the commit that adds it): ``keeps_fast`` left out of
``bars.other_octave`` (the piece reads 87)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.analysis import analyze, meter, read_audio
from tests.conftest import require_tool


def test_drum_and_bass_is_read_at_its_written_tempo(tmp_path: Path) -> None:
    """MuseAroo's own drum-and-bass song in A minor (174 BPM, tools/eval/generated.py renders it as
    the song bench does): tracked near 176, a chord every two bars; before, halved to 87."""
    from tools.eval import generated

    piece = generated.render_piece("drum-and-bass", 9, "Minor", tmp_path, require_tool("fluidsynth"))
    samples, sr = read_audio(tmp_path / piece["wav"])
    result = analyze(samples, sr).to_dict()
    assert piece["tempo_bpm"] == 174.0
    assert result["tempo_bpm"] == pytest.approx(174.0, rel=0.04)
    assert any(alt == pytest.approx(87.0, rel=0.04) for alt in result["tempo_alternatives"])  # listed


def test_backbeat_cue_needs_the_kick_off_the_snare() -> None:
    """Snare on every other beat with the kick on the others is a backbeat; kick and snare on the
    same beats (a half-time groove tracked at twice its tempo) is not."""
    fps, beats = 100, np.arange(16) * 0.5
    frames = np.arange(1000)

    def envelope(times: np.ndarray) -> np.ndarray:
        out = np.zeros(len(frames))
        for t in times:
            out[round((t - meter.ENVELOPE_LEAD_S) * fps)] = 1.0
        return out

    snare, kick = envelope(beats[1::2]), envelope(beats[0::2])
    assert meter.keeps_fast(snare + kick, kick, fps, beats)
    assert not meter.keeps_fast(2 * kick, kick, fps, beats)  # kick under the snare
    assert not meter.keeps_fast(snare + kick, None, fps, beats)  # no bass envelope, no cue
