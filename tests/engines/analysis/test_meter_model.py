"""The learned meter model (issue 45): the shipped weights load and match the features; how it
judges the rules' reading; sparse onsets; beat-synchronous evidence on a click track."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engines.analysis.meter_model import (
    NAMES,
    Model,
    Reading,
    features,
    judge,
    load,
    periods,
    rules_bar,
    sparse,
)
from engines.analysis.meter_model.features import NAMES as BEAT_NAMES
from engines.analysis.meter_model.features import contrast, repeat
from engines.analysis.meter_model.model import parse_label
from engines.analysis.meter_model.reading import taken
from engines.errors import ModelUnavailable


def test_the_shipped_weights_load_once_and_fit_the_features() -> None:
    model = load()
    assert model is not None and load() is model
    assert model.coef.shape == (len(model.classes), len(NAMES))
    assert {c.signature for c in model.classes} >= {(2, 4), (3, 4), (4, 4), (6, 8), (9, 8), (12, 8)}
    p = model.probabilities(model.mean)
    assert p.shape == (len(model.classes),) and p.sum() == pytest.approx(1.0)
    again = Model.from_dict(model.to_dict())
    assert np.allclose(again.probabilities(model.mean), p, atol=1e-4)
    with pytest.raises(ModelUnavailable, match="other features"):
        Model.from_dict({**model.to_dict(), "features": ["something else"]})


def test_a_class_names_its_bar_and_live_tempo() -> None:
    six_eight = parse_label("6/8:2")  # two tracked dotted quarters a bar
    assert six_eight.counted == 2 and six_eight.label == "6/8:2"
    assert six_eight.live_tempo_bpm(0.6) == pytest.approx(150.0)  # 3 quarters in 1.2 s
    assert parse_label("2/4:4").live_tempo_bpm(0.25) == pytest.approx(120.0)  # tracked eighths
    slip_jig = parse_label("9/8:4.5")  # the tracker took the quarter: 4.5 of them a 9/8 bar
    assert slip_jig.label == "9/8:4.5" and slip_jig.counted == 3
    assert slip_jig.live_tempo_bpm(0.5) == pytest.approx(120.0)  # 4.5 quarters in 2.25 s


def reading(signature: tuple[int, int], tempo: float, *, ambiguous: bool) -> Reading:
    rival = ((6, 8), tempo, 0.3) if ambiguous else None
    return Reading(0.6, (), ambiguous, rival, (signature, tempo, 0.6))


def test_the_model_judges_the_rules_reading() -> None:
    rules = ((3, 4), 100.0)
    assert judge(rules, None) == (False, None)  # no model: nothing held
    assert judge(rules, reading((3, 4), 100.0, ambiguous=False)) == (False, None)
    assert judge(rules, reading((3, 4), 101.0, ambiguous=True)) == (True, ((6, 8), 101.0, 0.3))
    # the model reads another bar: held against the model's reading, sure or not
    assert judge(rules, reading((6, 8), 100.0, ambiguous=False)) == (True, ((6, 8), 100.0, 0.6))
    assert judge(rules, reading((3, 4), 50.0, ambiguous=False)) == (True, ((3, 4), 50.0, 0.6))


def test_sparse_onsets_hold_any_meter() -> None:
    fps = 100
    beats = np.arange(0.0, 16.0, 0.8)  # 20 beats
    four_chords = np.zeros(1700)
    four_chords[[0, 400, 800, 1200]] = 0.5
    assert sparse(four_chords, fps, 0.1, beats)
    every_beat = np.zeros(1700)
    every_beat[(beats * fps).astype(int)] = 0.5
    assert not sparse(every_beat, fps, 0.1, beats)


def test_a_click_in_three_stands_out_every_three_beats() -> None:
    fps, period = 100, 0.5
    beats = np.arange(0.0, 24.0, period)
    envelope = np.zeros(2500)
    for i, t in enumerate(beats):
        envelope[round(max(t - 0.035, 0.0) * fps)] = 3.0 if i % 3 == 0 else 1.0  # rises peak early
    x = features(
        beats, {3: -10.0, 4: -20.0}, [], np.zeros(2500), envelope, envelope, fps, np.ones((240, 12)), 10
    )
    named = dict(zip(BEAT_NAMES, x, strict=True))
    assert named["log2_tempo"] == pytest.approx(np.log2(1.2))  # 120 BPM
    assert named["onsets_contrast_3"] > named["onsets_contrast_2"]
    assert named["onsets_contrast_3"] > named["onsets_contrast_4"]
    assert named["onsets_repeat_3"] == pytest.approx(1.0)
    assert named["three_share"] > 0.5
    assert contrast(np.ones(12), 3) == 0.0 and repeat(np.ones(12), 3) == 0.0


def click_in_three(fps: int = 100, period: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    beats = np.arange(0.0, 24.0, period)
    envelope = np.zeros(2500)
    for i, t in enumerate(beats):
        envelope[round(max(t - 0.035, 0.0) * fps)] = 3.0 if i % 3 == 0 else 1.0
    return beats, envelope


def test_the_period_evidence_finds_the_bar_of_three_off_the_beat_grid() -> None:
    beats, envelope = click_in_three()
    # the tracker heard every other beat: the bar of three is 1.5 of its beats
    tracked = beats[::2]
    y = periods.period_features(
        tracked, envelope, envelope, envelope, envelope, 100, np.ones((240, 12)), 10, ((3, 4), 1.5)
    )
    named = dict(zip(periods.NAMES, y, strict=True))
    assert len(y) == len(periods.NAMES)
    assert named["ac_envelope_1.5"] > named["ac_envelope_1"]  # the bar (three clicks) repeats at 1.5
    assert named["ac_envelope_1.5"] > named["ac_envelope_2"]
    assert named["ioi_0.5"] == pytest.approx(1.0)  # every click half a tracked beat after the last
    assert named["rules_3_4"] == 1.0 and named["rules_4_4"] == 0.0
    assert named["rules_log2_bar_beats"] == pytest.approx(np.log2(1.5))
    no_rules = periods.period_features(
        tracked, envelope, envelope, envelope, envelope, 100, np.ones((240, 12)), 10, None
    )
    assert dict(zip(periods.NAMES, no_rules, strict=True))["rules_3_4"] == 0.0
    # a click every 50 frames, louder every 150: alike three clicks on, unlike one and a half on
    at = periods.autocorrelation(envelope, np.array([150.0, 75.0, 100.0]))
    assert at[0] > 0.9 and at[1] < 0.1 and at[2] < 0.7


def test_the_rules_bar_is_counted_in_tracked_beats() -> None:
    assert rules_bar((6, 8), 1.8, np.arange(0.0, 10.0, 0.3)) == ((6, 8), pytest.approx(6.0))


def test_the_shipped_model_reads_every_evidence_name() -> None:
    model = load()
    assert model is not None and model.mean.shape == (len(NAMES),)
    assert set(BEAT_NAMES) < set(NAMES) and set(periods.NAMES) < set(NAMES)
    assert any(c.bar_beats == 4.5 for c in model.classes)  # the 9/8 read over tracked quarters


@pytest.mark.parametrize(
    ("label", "rules", "threshold"),
    [
        ("2/4:2", ((4, 4), 120.0), 0.7),  # another bar at the rules' Live tempo: switch_bar
        ("4/4:8", ((4, 4), 120.0), 0.8),  # another Live tempo (half): switch
        ("3/4:3", ((4, 4), 120.0), 0.6),  # a regrouping at the same tempo: switch_regroup, the lower
    ],
)
def test_the_models_reading_replaces_the_rules_only_from_its_switch(
    label: str, rules: tuple[tuple[int, int], float], threshold: float
) -> None:
    beats_s = np.arange(24) * 0.5  # tracked beats at 120 BPM
    chosen = parse_label(label)
    tempo = chosen.live_tempo_bpm(0.5)

    def at(confidence: float) -> Any:
        read = Reading(
            confidence, (), False, None, (chosen.signature, tempo, confidence), chosen, 0.8, 0.7, 0.6
        )
        return taken(read, rules, beats_s, [], np.zeros(2400), 100.0)

    assert at(threshold - 0.01) is None  # below its switch the rules' reading stands
    made = at(threshold)
    assert made is not None and made[2] == chosen.counted, made
