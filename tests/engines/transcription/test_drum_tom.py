"""A tom said on a hit that sounds like the clip's own kick is that kick (a69, drum_rules.tom_like_kick): the
hit's 40-600 Hz spectrum against the median of the clip's hits said kick and not tom; a tom at a pitch of
its own stays a tom."""

from __future__ import annotations

import numpy as np
import pytest

from engines.transcription import drum_rules, drums
from tests.engines.transcription.real_kits import on_real_kit

KICK, TOM = 0, 6
RULE = np.array([0.3])


def _calls(rows: list[tuple[int, ...]]) -> np.ndarray:
    """(hits, 7 voices) calls, each row the voices said."""
    calls = np.zeros((len(rows), 7), dtype=bool)
    for i, voices in enumerate(rows):
        calls[i, list(voices)] = True
    return calls


def _shape(peak_bin: int, n_bins: int = 26) -> np.ndarray:
    """A low spectrum (log10 against its loudest bin) peaking at ``peak_bin``, falling 0.5 a bin."""
    return np.maximum(-0.5 * np.abs(np.arange(n_bins) - peak_bin), drum_rules.LOW_FLOOR)


def test_a_tom_that_sounds_like_the_clip_s_kick_is_that_kick() -> None:
    """Hits 0-2 are kicks (peak at bin 1); 3 is said kick and tom with the kick's shape: the tom goes; 4 is
    said tom alone with the kick's shape: a kick; 5 is a tom at a pitch of its own (bin 6): it stays."""
    calls = _calls([(KICK,), (KICK,), (KICK,), (KICK, TOM), (TOM,), (TOM,)])
    shapes = np.stack([_shape(1), _shape(1), _shape(1), _shape(1), _shape(1), _shape(6)])
    made = drum_rules.tom_like_kick(calls, shapes, RULE)
    assert made[:, TOM].tolist() == [False, False, False, False, False, True]
    assert made[:, KICK].tolist() == [True, True, True, True, True, False]


def test_a_clip_with_too_few_kicks_keeps_its_toms() -> None:
    """One kick alone is no reference (LEAST_KICKS is 2): the tom with its shape stays."""
    calls = _calls([(KICK,), (TOM,)])
    shapes = np.stack([_shape(1), _shape(1)])
    assert drum_rules.tom_like_kick(calls, shapes, RULE).tolist() == calls.tolist()


def test_a_rule_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="2 values, expected 1"):
        drum_rules.tom_like_kick(_calls([(KICK,)]), np.zeros((1, 26)), np.array([0.3, 1.0]))


def test_low_shapes_read_the_hit_s_own_low_band() -> None:
    """A 100 Hz body after frame 10: its row peaks at the bin nearest 100 Hz, 0 there, floored elsewhere."""
    power = np.full((len(drums.FREQS_HZ), 40), 1e-12)
    bin_100 = int(np.argmin(np.abs(drums.FREQS_HZ - 100.0)))
    power[bin_100, 12:22] = 1.0
    shapes = drum_rules.low_shapes(power, drums.FREQS_HZ, np.array([10]))
    low = drums.FREQS_HZ[(drums.FREQS_HZ >= 40.0) & (drums.FREQS_HZ < 600.0)]
    assert shapes.shape == (1, len(low))
    assert int(np.argmax(shapes[0])) == int(np.argmin(np.abs(low - 100.0)))
    assert shapes[0].max() == 0.0 and shapes[0].min() == drum_rules.LOW_FLOOR


def test_the_engine_applies_the_shipped_rule() -> None:
    """after_net with the shipped file: three kicks and a fourth hit said kick and tom, all with the same
    low body (55 Hz), come out as four kicks and no tom."""
    shipped = drums.load_classifier()
    assert shipped["tom_like_kick"].tolist() == pytest.approx(RULE.tolist())
    times_s = np.array([0.1, 0.6, 1.1, 1.6])
    p = np.full((4, 7), 0.01)
    p[:, KICK] = 0.9
    p[3, TOM] = 0.9
    n_frames = int(2.0 * drums.FRAMES_PER_S)
    power = np.full((len(drums.FREQS_HZ), n_frames), 1e-9, dtype=np.float32)
    body = int(np.argmin(np.abs(drums.FREQS_HZ - 55.0)))
    for t in times_s:
        f = round(t * drums.FRAMES_PER_S)
        power[body - 1 : body + 2, f : f + 20] = 1.0
    made = drums.after_net(shipped, p, p >= 0.5, np.zeros((4, 50), np.float32), power, times_s)
    assert made[:, TOM].tolist() == [False] * 4
    assert made[:, KICK].tolist() == [True] * 4


def test_false_toms_on_a_real_kit_s_kicks_are_gone() -> None:
    """Millo's multi-layered kit (Hydrogen), a disco groove at 112 BPM (no tom played): main said 10 toms, on
    its kicks; now none, the kicks as before (15 of 16 found, none false)."""
    counts = on_real_kit("Millo_MultiLayered2", "disco", "a69")
    assert counts["tom"] == (0, 0, 0), counts["tom"]
    assert counts["kick"] == (15, 16, 15), counts["kick"]
