"""A snare said with a kick whose attack has next to nothing at 1.2-2.5 kHz is the kick and a hat (a72,
drum_rules.snare_without_wires): a kick under a closed hat on a real sampled kit is no longer a snare, and
a snare struck with a kick, its wires sounding, stays one."""

from __future__ import annotations

import numpy as np
import pytest

from engines.transcription import drum_rules, drums
from tests.engines.transcription.real_kits import on_real_kit

KICK, SNARE, CLOSED = 0, 1, 2
RULE = np.array([-2.0, 0.95])


def _hits(snare_p: list[float], mid: list[float], kick: list[bool]) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities (a closed hat on every hit; a kick where asked; a snare as given) and band features
    (50 columns) with the attack's 1.2-2.5 kHz shape set."""
    p = np.full((len(snare_p), 7), 0.01)
    p[:, CLOSED] = 0.9
    p[:, KICK] = np.where(kick, 0.9, 0.01)
    p[:, SNARE] = snare_p
    features = np.zeros((len(snare_p), 50))
    features[:, drum_rules.MID_SHAPE_COLUMN] = mid
    return p, features


def test_a_snare_said_with_a_kick_and_no_wires_is_dropped_and_the_rest_stay() -> None:
    """Hit 0 (kick, snare 0.8, mid band -2.5) goes; 1 is sure (0.97); 2's wires sound (-1.2); 3 has no kick;
    4 is no snare call: only hit 0 changes, its kick and hat stay."""
    p, features = _hits(
        [0.8, 0.97, 0.8, 0.8, 0.3], [-2.5, -2.5, -1.2, -2.5, -2.5], [True, True, True, False, True]
    )
    made = drum_rules.snare_without_wires(p, p >= 0.5, features, RULE)
    assert made[:, SNARE].tolist() == [False, True, True, True, False]
    assert made[:, KICK].tolist() == (p[:, KICK] >= 0.5).tolist() and made[:, CLOSED].all()


def test_a_rule_of_the_wrong_length_is_refused() -> None:
    p, features = _hits([0.8], [-2.5], [True])
    with pytest.raises(ValueError, match="3 values, expected 2"):
        drum_rules.snare_without_wires(p, p >= 0.5, features, np.array([-2.0, 0.95, 1.0]))


def test_the_engine_applies_the_shipped_rule_last() -> None:
    """after_net with the shipped file: hit 0 (kick, unsure snare, no wires) loses its snare, hit 1 (wires) keeps it."""
    shipped = drums.load_classifier()
    assert shipped["snare_without_wires"].tolist() == pytest.approx(RULE.tolist())
    p, features = _hits([0.8, 0.8], [-2.5, -1.0], [True, True])
    features[:, drum_rules.BODY_RISE_COLUMN] = 5.0  # a body jump: a65's rule keeps both
    p[:, 3] = 0.001  # no open hat for the open-hat rows to say
    made = drums.after_net(shipped, p, p >= 0.5, features, np.zeros((513, 40)), np.array([0.0, 0.3]))
    assert made[:, SNARE].tolist() == [False, True]
    assert made[:, KICK].all()


def test_a_kick_under_a_closed_hat_on_a_real_kit_is_not_a_snare() -> None:
    """Millo's kit, a rock groove (kicks with a closed hat on 1 and 3, a snare on 2 and 4, 8th hats): main said 15 snares
    for 8; now at most 10, all 8 still found."""
    matched, played, said = on_real_kit("Millo-Drums_v.1", "rock", "a72")["snare"]
    assert matched == played == 8 and said <= 10, (matched, played, said)
