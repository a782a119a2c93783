"""A snare the drum classifier says without being sure, on a hit with no snare body (no 160-300 Hz jump,
no body growing on, no clap's mid band), is dropped (a65, drum_rules.snare_without_body): hats on real
sampled kits are no longer snares, and a struck snare or a clap under a hat stays one."""

from __future__ import annotations

import numpy as np
import pytest

from engines.transcription import drum_rules, drums
from tests.engines.transcription.real_kits import on_real_kit

KICK, SNARE, CLOSED = 0, 1, 2
RULE = np.array([0.95, 2.5, 0.4, -0.5])


def _hits(snare_p: list[float], rise: list[float], mid: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities (a closed hat said on every hit, a snare as given) and band features (50 columns)
    with the 160-300 Hz rise and the mid band's shape set."""
    p = np.full((len(snare_p), 7), 0.01)
    p[:, CLOSED] = 0.9
    p[:, SNARE] = snare_p
    features = np.zeros((len(snare_p), 50))
    features[:, drum_rules.BODY_RISE_COLUMN] = rise
    features[:, drum_rules.MID_SHAPE_COLUMN] = mid
    return p, features


def test_an_unsure_snare_without_a_body_is_dropped_and_the_rest_stay() -> None:
    """Hit 0 has no body at all and goes; 1 is sure (0.99); 2 jumps at 160-300 Hz; 3's body grows on;
    4 sounds at 1.2-2.5 kHz as a clap does; 5 is no snare call (0.4): only hit 0 changes, hats stay."""
    p, features = _hits([0.8, 0.99, 0.8, 0.8, 0.8, 0.4], [0.3, 0.3, 3.5, 0.3, 0.3, 0.3], [-2.0] * 5 + [-2.0])
    features[4, drum_rules.MID_SHAPE_COLUMN] = -0.2
    fall = np.array([0.1, 0.1, 0.1, 0.9, 0.1, 0.1])
    made = drum_rules.snare_without_body(p, p >= 0.5, features, fall, RULE)
    assert made[:, SNARE].tolist() == [False, True, True, True, True, False]
    assert made[:, CLOSED].all()


def test_a_rule_of_the_wrong_length_is_refused() -> None:
    p, features = _hits([0.8], [0.3], [-2.0])
    with pytest.raises(ValueError, match="3 values, expected 4"):
        drum_rules.snare_without_body(p, p >= 0.5, features, np.zeros(1), RULE[:3])


def test_the_engine_applies_the_shipped_snare_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """after_net with the shipped file: hit 0 (snare 0.8, no body) loses its snare, hit 1 (sure) keeps it;
    drum_timbre is read once for both the open-hat rows and this rule."""
    shipped = drums.load_classifier()
    assert shipped["snare_without_body"].tolist() == pytest.approx(RULE.tolist())
    p, features = _hits([0.8, 0.99], [0.3, 0.3], [-2.0, -2.0])
    p[:, 3] = 0.001  # no open hat for the open-hat rows to say
    reads = []

    def timbre(*_args: object) -> np.ndarray:
        reads.append(1)
        return np.zeros((2, 7), np.float32)

    monkeypatch.setattr(drums, "timbre_features", timbre)
    made = drums.after_net(shipped, p, p >= 0.5, features, np.zeros((513, 4)), np.array([0.0, 0.3]))
    assert made[:, SNARE].tolist() == [False, True]
    assert len(reads) == 1


def test_hats_on_a_real_kit_are_not_snares_and_its_claps_stay() -> None:
    """Millo's kit, a disco groove (8th hats, open hats off the beat, claps on 2 and 4): main said 27
    snares for its 8 claps; now at most 12, every clap still found."""
    matched, played, said = on_real_kit("Millo-Drums_v.1", "disco", "a65")["snare"]
    assert matched == played == 8 and said <= 12, (matched, played, said)


def test_a_struck_snare_under_the_hats_stays_a_snare() -> None:
    """Millo's kit, a house groove (a snare with a closed hat on 2 and 4): main said 20 snares for 8;
    now at most 15, and all 8 are still found."""
    matched, played, said = on_real_kit("Millo-Drums_v.1", "house", "a65")["snare"]
    assert matched == played == 8 and said <= 15, (matched, played, said)
