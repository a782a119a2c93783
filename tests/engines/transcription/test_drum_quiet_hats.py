"""A hi-hat a 16th after a ringing hit is found (a73, drums.quiet_hits): its flux peak stands under 1.5 times
the local mean that its neighbour raises, so a second, lower bar looks for hits between those found first, and
a hit only it finds is kept as a hi-hat or not at all; the hits found first keep their calls."""

from __future__ import annotations

import numpy as np
import pytest

from engines.music import Note
from engines.transcription import drums, transcribe
from engines.transcription.onsets import FLUX_FRAMES_PER_S, hits
from tools.bench.transcription_score import voice_counts
from tools.corpus import drum_synth

RULE = np.array([1.2])
TEMPO_BPM = 120


def _curve() -> np.ndarray:
    """Flux: a loud hit at 0.5 s ringing 0.1 s (the flux of a noisy ring), a quiet one 0.11 s after it."""
    curve = np.full(int(2 * FLUX_FRAMES_PER_S), 0.2)
    loud = int(0.5 * FLUX_FRAMES_PER_S)
    curve[loud : loud + int(0.1 * FLUX_FRAMES_PER_S)] = 3.0
    curve[loud] = 40.0
    quiet = int(0.61 * FLUX_FRAMES_PER_S)
    curve[quiet - 1 : quiet + 2] = [1.0, 2.3, 1.0]
    return curve


def test_the_lower_bar_finds_the_quiet_hit_the_first_bar_leaves() -> None:
    curve = _curve()
    first = np.maximum(0.0, (hits(curve, sensitivity=drums.HIT_SENSITIVITY) - 1) / FLUX_FRAMES_PER_S)
    assert first.tolist() == pytest.approx([0.5], abs=0.005)
    extra = drums.quiet_hits(curve, first, RULE)
    assert extra.tolist() == pytest.approx([0.61], abs=0.005)
    assert drums.quiet_hits(curve, np.append(first, 0.6), RULE).tolist() == []  # a hit already there


def test_a_rule_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="2 values, expected 1"):
        drums.quiet_hits(_curve(), np.array([0.5]), np.array([1.2, 1.0]))


def test_the_shipped_file_holds_the_bar() -> None:
    assert drums.load_classifier()["quiet_hats"].tolist() == pytest.approx(RULE.tolist())


def _open_then_closed(bars: int = 4) -> list[Note]:
    """Kick on 1 and 3, snare on 2 and 4, an open hat on each 'and', a closed hat a 16th after it."""
    notes = []
    for bar in range(bars):
        for beat in range(4):
            at = bar * 4 + beat
            notes += [Note(46, at + 0.5, 0.25, 100), Note(42, at + 0.75, 0.25, 90)]
            notes.append(Note(36, at, 0.25, 110) if beat in (0, 2) else Note(38, at, 0.25, 105))
    return notes


def test_a_closed_hat_a_16th_after_an_open_one_is_found_and_the_rest_stay() -> None:
    """Two synthesised kits (seeds 1 and 2) at 120 BPM: main finds 4 and 0 of the 16 closed hats each (no
    hit at all where most are); now 16 and 11. Kicks, snares and open hats keep main's counts to the hit."""
    notes = _open_then_closed()
    truth = [(n.pitch, n.start_beats * 0.5, n.start_beats * 0.5 + 0.1, n.velocity) for n in notes]
    for seed, main_open in ((1, (9, 16, 9)), (2, (8, 16, 8))):
        y = drum_synth.play(drum_synth.synth_kit(seed), notes, TEMPO_BPM)
        found = transcribe(y, drum_synth.RATE_HZ, kind="drums").notes
        counts = voice_counts(truth, [(n.pitch, n.start_s, n.end_s, n.velocity) for n in found])
        assert counts["closed_hat"][0] >= 11, (seed, counts)
        assert counts["kick"] == (7, 8, 7) and counts["snare"] == (8, 8, 8), (seed, counts)
        assert counts["open_hat"] == main_open, (seed, counts)
