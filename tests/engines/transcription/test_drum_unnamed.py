"""A hit the drum classifier names nothing at is a hi-hat (a68, drum_rules.hat_where_unnamed): open where its
high band rings on, closed where it is choked; a hit named, unsure of a hat, or likelier a ride stays as it was."""

from __future__ import annotations

import numpy as np
import pytest

from engines.transcription import drum_rules, drums
from tests.engines.transcription.real_kits import on_real_kit

KICK, SNARE, CLOSED, OPEN, RIDE = 0, 1, 2, 3, 4
RULE = np.array([0.05, -9.0])


def _probabilities(rows: list[tuple[float, float, float]]) -> np.ndarray:
    """(closed, open, ride) probabilities per hit, every other voice 0.01: nothing reaches 0.5."""
    p = np.full((len(rows), 7), 0.01)
    p[:, [CLOSED, OPEN, RIDE]] = rows
    return p


def test_an_unnamed_hit_is_an_open_hat_if_it_rings_and_a_closed_one_if_choked() -> None:
    """Hits 0 and 1 are named nothing with a hat at 0.2: 0 rings (-3 log10/s), open; 1 is choked (-20),
    closed. 2's hats are under 0.05; 3's ride is likelier than either hat; 4 is a kick: none of them change."""
    p = _probabilities(
        [(0.2, 0.1, 0.01), (0.2, 0.1, 0.01), (0.03, 0.04, 0.01), (0.2, 0.1, 0.3), (0.2, 0.2, 0.01)]
    )
    p[4, KICK] = 0.9
    decay = np.array([-3.0, -20.0, -3.0, -3.0, -3.0])
    calls = p >= 0.5
    made = drum_rules.hat_where_unnamed(p, calls, decay, RULE)
    assert made[:, OPEN].tolist() == [True, False, False, False, False]
    assert made[:, CLOSED].tolist() == [False, True, False, False, False]
    assert made[2:].tolist() == calls[2:].tolist()


def test_a_rule_of_the_wrong_length_is_refused() -> None:
    p = _probabilities([(0.2, 0.1, 0.01)])
    with pytest.raises(ValueError, match="3 values, expected 2"):
        drum_rules.hat_where_unnamed(p, p >= 0.5, np.zeros(1), np.array([0.05, -9.0, 1.0]))


def test_the_engine_applies_the_shipped_rule_after_the_others() -> None:
    """after_net with the shipped file: an unnamed hit with a hat at 0.2 becomes a closed hat where its high
    band falls fast (drum_timbre's high_decay_per_s, read from the power spectrum: a silent one reads 0,
    which rings, so the hit is given a spectrum whose top falls)."""
    shipped = drums.load_classifier()
    assert shipped["hat_where_unnamed"].tolist() == pytest.approx(RULE.tolist())
    p = _probabilities([(0.2, 0.01, 0.01)])
    power = np.full((len(drums.FREQS_HZ), 60), 1e-3, dtype=np.float32)
    high = drums.FREQS_HZ >= 5000
    falling = 10.0 ** (-20.0 * np.arange(60) / drums.FRAMES_PER_S)  # 20 log10 a second
    power[high, :] = falling[None, :]
    made = drums.after_net(shipped, p, p >= 0.5, np.zeros((1, 50), np.float32), power, np.array([0.0]))
    assert made[0].tolist() == [False, False, True, False, False, False, False]


def test_open_hats_on_a_real_kit_the_net_names_nothing_at_are_found() -> None:
    """Colombo's acoustic kit (Hydrogen), a house groove at 112 BPM (open hats off the beat): main found 10
    of the 16 open hats (the net named nothing at four more); now 14, none said falsely, the closed hats
    as before."""
    counts = on_real_kit("ColomboAcousticDrumkit", "house", "a68")
    matched, played, said = counts["open_hat"]
    assert played == 16 and matched >= 13 and said == matched, counts["open_hat"]
    assert counts["closed_hat"] == (6, 21, 10), counts["closed_hat"]
