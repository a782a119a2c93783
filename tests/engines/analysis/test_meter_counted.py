"""The model's reading as the engine's (issue 45, third round): its class laid on the tracked beats
as counted beats and downbeats, a network's weights through JSON, and the switch that decides
whether the model's reading replaces the rules'."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engines.analysis.meter_model import MeterClass, Model, Reading, regroups, taken
from engines.analysis.meter_model.counted import counted_grid, divided, parts_of
from engines.analysis.meter_model.model import parse_label

FPS = 100


def strong_every(beats: np.ndarray, first: int, step: int) -> np.ndarray:
    """A downbeat activation that peaks on beats[first::step]."""
    activation = np.zeros(round(float(beats[-1]) * FPS) + 10)
    for t in beats[first::step]:
        activation[round(float(t) * FPS)] = 1.0
    return activation


def test_the_tracked_beats_are_divided_as_the_class_needs() -> None:
    assert parts_of(parse_label("6/8:6")) == 1  # tracked eighths: a dotted quarter is three
    assert parts_of(parse_label("9/8:4.5")) == 2  # tracked quarters: 9 eighths a bar, 3 a beat
    assert parts_of(parse_label("4/4:2")) == 2  # tracked half notes
    assert parts_of(parse_label("3/4:1.5")) == 2  # tracked dotted halves
    assert parts_of(parse_label("3/4:3")) == 1
    assert np.allclose(divided(np.array([0.0, 1.0, 3.0]), 2), [0.0, 0.5, 1.0, 2.0, 3.0])


def test_a_slip_jig_over_tracked_quarters_is_counted_in_dotted_quarters() -> None:
    quarters = np.arange(0.0, 18.0, 0.5)  # 120 BPM quarters; a 9/8 bar is 4.5 of them (2.25 s)
    eighths = divided(quarters, 2)
    made = counted_grid(quarters, parse_label("9/8:4.5"), [], strong_every(eighths, 3, 9), FPS)
    assert made is not None
    beats, downbeats = made
    assert np.allclose(np.diff(beats), 0.75)  # dotted quarters at 80 BPM: Live's tempo 120 quarters
    assert np.allclose(np.diff(downbeats), 2.25) and downbeats[0] == pytest.approx(0.75)
    assert set(np.round(downbeats, 3)) <= set(np.round(beats, 3))


def test_a_jig_over_tracked_eighths_keeps_the_bar_phase() -> None:
    eighths = np.arange(0.0, 12.0, 0.25)
    made = counted_grid(eighths, parse_label("6/8:6"), [], strong_every(eighths, 2, 6), FPS)
    assert made is not None
    beats, downbeats = made
    assert np.allclose(np.diff(beats), 0.75) and beats[0] == pytest.approx(0.5)  # every third eighth
    assert np.allclose(np.diff(downbeats), 1.5) and downbeats[0] == pytest.approx(0.5)


def network_model(switch: float) -> Model:
    rng = np.random.default_rng(3)
    classes = tuple(parse_label(c) for c in ("3/4:3", "6/8:2", "9/8:4.5"))
    layers = tuple(
        (rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3))
        for _ in range(2)
    )
    return Model(
        classes=classes, mean=np.zeros(4), scale=np.ones(4), coef=np.zeros((3, 4)), intercept=np.zeros(3),
        sure=0.9, margin=0.2, hidden=layers, switch=switch,
    )  # fmt: skip


def test_networks_average_their_probabilities_and_survive_json() -> None:
    model = network_model(0.6)
    x = np.array([0.3, -1.0, 0.5, 2.0])
    by_hand = []
    for w1, b1, w2, b2 in model.hidden:
        z = w2 @ np.maximum(w1 @ x + b1, 0.0) + b2
        by_hand.append(np.exp(z - z.max()) / np.exp(z - z.max()).sum())
    p = model.probabilities(x)
    assert p == pytest.approx(np.mean(by_hand, axis=0))
    again = Model.from_dict(model.to_dict())  # float16 weights: close, not equal
    assert again.switch == 0.6 and len(again.hidden) == 2
    assert again.probabilities(x) == pytest.approx(p, abs=5e-3)
    assert Model.from_dict({k: v for k, v in model.to_dict().items() if k != "switch"}).switch > 1.0
    older = {k: v for k, v in model.to_dict().items() if k != "switch_bar"}
    assert Model.from_dict(older).switch_bar == 0.6  # weights without it: the one switch for both


def test_the_models_reading_replaces_the_rules_only_from_its_switch() -> None:
    quarters = np.arange(0.0, 18.0, 0.5)
    activation = strong_every(divided(quarters, 2), 0, 9)
    slip_jig = parse_label("9/8:4.5")

    def sure_of(p: float, switch: float, switch_bar: float = 2.0) -> Reading:
        return Reading(p, (), False, None, ((9, 8), 120.0, p), chosen_class=slip_jig, switch=switch,
                       switch_bar=switch_bar)  # fmt: skip

    other_tempo = ((3, 4), 80.0)  # the rules: 3/4 at 80 quarters (Live's tempo would change)
    same_tempo = ((3, 4), 120.0)  # 3/4 at the model's 120 quarters: only the bar differs
    assert taken(None, other_tempo, quarters, [], activation, FPS) is None
    assert taken(sure_of(0.7, 0.8), other_tempo, quarters, [], activation, FPS) is None  # below its switch
    assert taken(sure_of(0.9, 2.0, 0.5), other_tempo, quarters, [], activation, FPS) is None  # none shipped
    assert taken(sure_of(0.9, 0.8), ((9, 8), 121.0), quarters, [], activation, FPS) is None  # the same bar
    assert taken(sure_of(0.9, 0.8), same_tempo, quarters, [], activation, FPS) is None  # switch_bar not met
    assert taken(sure_of(0.9, 0.95, 0.85), same_tempo, quarters, [], activation, FPS) is not None
    made = taken(sure_of(0.9, 0.8), other_tempo, quarters, [], activation, FPS)
    assert made is not None
    beats, downbeats, per_bar, compound = made
    assert (per_bar, compound) == (3, True)  # 9/8: three dotted quarters
    assert np.allclose(np.diff(beats), 0.75) and downbeats[0] == pytest.approx(0.0)


def test_a_regrouping_is_trusted_from_a_lower_switch_than_a_tempo_level_or_a_two_four_swap() -> None:
    """3/4 read by the rules, 6/8 or 9/8 by the network: a regrouping, taken from ``switch_regroup``;
    doubling or halving the rules' tempo, or 2/4 for their 4/4, still needs ``switch``."""
    assert regroups((9, 8), 120.0, (3, 4), 80.0) and regroups((6, 8), 90.0, (3, 4), 90.0)
    assert not regroups((4, 4), 160.0, (4, 4), 80.0) and not regroups((4, 4), 60.0, (2, 4), 120.0)
    assert not regroups((2, 4), 100.0, (4, 4), 100.0) and not regroups((4, 4), 100.0, (2, 4), 101.0)
    assert regroups((2, 4), 150.0, (4, 4), 100.0)  # another tempo, not an octave
    quarters = np.arange(0.0, 18.0, 0.5)
    activation = strong_every(divided(quarters, 2), 0, 9)
    slip_jig, double = parse_label("9/8:4.5"), parse_label("4/4:8")

    def reading(c: MeterClass, tempo: float) -> Reading:
        return Reading(0.6, (), False, None, (c.signature, tempo, 0.6), chosen_class=c, switch=0.95,
                       switch_bar=0.95, switch_regroup=0.5)  # fmt: skip

    assert taken(reading(slip_jig, 120.0), ((3, 4), 80.0), quarters, [], activation, FPS) is not None
    assert taken(reading(double, 60.0), ((4, 4), 120.0), quarters, [], activation, FPS) is None
    assert taken(replace(reading(slip_jig, 120.0), switch_regroup=2.0), ((3, 4), 80.0), quarters, [],
                 activation, FPS) is None  # fmt: skip
    model = network_model(0.95)
    assert Model.from_dict({**model.to_dict(), "switch_regroup": 0.5}).switch_regroup == 0.5
    assert (
        Model.from_dict({k: v for k, v in model.to_dict().items() if k != "switch_regroup"}).switch_regroup
        > 1
    )
