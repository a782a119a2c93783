"""TR-808-style kicks and toms as training material (issue 54 part N): the kick a low sine ringing long,
the toms the same kind of sound pitched higher, drawn from a seed; their family is trained on in every
leave-one-family-out fold and never left out or scored, and only the recipe that asks for it gets it."""

from __future__ import annotations

import numpy as np
import pytest

from engines.transcription.drum_timbre import TIMBRE_NAMES
from tools.bench import drum_seeds
from tools.corpus import drum_kits, drum_synth, drum_train


def _peak_hz(sound: np.ndarray) -> float:
    second = sound[: drum_synth.RATE_HZ]
    spectrum = np.abs(np.fft.rfft(second * np.hanning(len(second))))
    return float(np.fft.rfftfreq(len(second), 1 / drum_synth.RATE_HZ)[np.argmax(spectrum)])


def _ring_s(sound: np.ndarray, below_db: float = 20.0) -> float:
    power = np.convolve(sound.astype(np.float64) ** 2, np.ones(441) / 441, "same")
    level = 10 * np.log10(power / power.max() + 1e-12)
    return float(np.flatnonzero(level > -below_db)[-1] / drum_synth.RATE_HZ)


@pytest.mark.parametrize("seed", [100, 103])
def test_the_808_kick_is_low_and_long_and_its_toms_higher(seed: int) -> None:
    kit = drum_synth.synth_808_kit(seed)
    kick = kit[36]
    assert 40 <= _peak_hz(kick) < 70 and _ring_s(kick) > 0.6  # a long low sine, the TR-808's kick
    assert np.array_equal(kit[35], kick)
    toms = [_peak_hz(kit[p]) for p in (41, 43, 45, 47, 48, 50)]
    assert min(toms) > 80 and toms == sorted(toms)  # the same sound pitched higher is a tom
    plain = drum_synth.synth_kit(seed)
    for pitch in (38, 42, 46, 51):  # the rest of the kit is synth_kit's own
        np.testing.assert_array_equal(kit[pitch], plain[pitch])
    again = drum_synth.synth_808_kit(seed)
    assert all(np.array_equal(again[p], kit[p]) for p in kit)  # seeded
    assert not np.array_equal(drum_synth.synth_808_kit(seed + 1)[36], kick)


def test_the_808_family_is_trained_on_in_every_fold_and_never_scored(monkeypatch) -> None:
    def pairs(value: float) -> list[drum_train.Pair]:
        return [(np.full((3, 2), value, dtype=np.float32), np.ones((3, 7), dtype=np.int8))]

    per_family = {"a": pairs(1), "b": pairs(2), drum_kits.KICK_808_FAMILY: pairs(808)}
    trained_on = []

    class Net:
        def __init__(self, features: np.ndarray) -> None:
            trained_on.append(sorted(set(features[:, 0].tolist())))

    monkeypatch.setattr(drum_train, "fit", lambda f, *_args: Net(f))
    scored = []
    monkeypatch.setattr(drum_train, "said", lambda _net, f: scored.append(f[0, 0]) or np.ones((3, 7), bool))
    drum_train.cross_check(per_family, 4, 0.1)
    assert trained_on == [[2.0, 808.0], [1.0, 808.0]]  # folds for a and b only, 808 in both
    assert scored == [1.0, 2.0]


def test_only_the_recipe_that_asks_gets_the_808_kits() -> None:
    width = 4 + len(TIMBRE_NAMES)
    pairs = [(np.zeros((1, width), dtype=np.float32), np.zeros((1, 7), dtype=np.int8))] * 8
    per_kit = {"synth-0": [("synth-0", pairs)], drum_kits.KICK_808_FAMILY: [("synth808-100", pairs)]}
    assert set(drum_seeds.recipe_families(per_kit, "B")) == {"synth-0"}
    assert set(drum_seeds.recipe_families(per_kit, "N")) == {"synth-0", drum_kits.KICK_808_FAMILY}
    held_out = {kit.soundfont for kits in drum_kits.HELD_OUT_SOURCES.values() for kit in kits}
    assert not held_out & {kit.soundfont for kit in drum_kits.KICK_808_KITS}
    assert not set(drum_kits.KICK_808_KITS) & set(drum_kits.TRAIN_KITS)  # main's material is unchanged
