"""The learned meter model (issue 45): the shipped weights load and match the features; how it
judges the rules' reading; sparse onsets; beat-synchronous evidence on a click track."""

from __future__ import annotations

import numpy as np
import pytest

from engines.analysis.meter_model import NAMES, Model, Reading, features, judge, load, sparse
from engines.analysis.meter_model.features import contrast, repeat
from engines.analysis.meter_model.model import parse_label
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
    named = dict(zip(NAMES, x, strict=True))
    assert named["log2_tempo"] == pytest.approx(np.log2(1.2))  # 120 BPM
    assert named["onsets_contrast_3"] > named["onsets_contrast_2"]
    assert named["onsets_contrast_3"] > named["onsets_contrast_4"]
    assert named["onsets_repeat_3"] == pytest.approx(1.0)
    assert named["three_share"] > 0.5
    assert contrast(np.ones(12), 3) == 0.0 and repeat(np.ones(12), 3) == 0.0
