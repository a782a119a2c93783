"""drum_timbre's features part a snare from a hi-hat on synthetic hits: a snare-like hit (a 200 Hz
body decaying in ~30 ms beside a short broadband noise burst) against a hat-like one (noise
high-passed at 6 kHz that rings on, ~0.3 s); and the classifier reads them only when it was trained
on them (a classifier of the band features alone, as before, still gets those alone)."""

from __future__ import annotations

import numpy as np
import pytest

from engines.errors import ModelUnavailable
from engines.transcription import drums
from engines.transcription.drum_timbre import TIMBRE_NAMES, timbre_features

RATE_HZ = 22050
LEAD_S = 0.1


def _high_passed(x: np.ndarray, edge_hz: float) -> np.ndarray:
    spectrum = np.fft.rfft(x)
    spectrum[np.fft.rfftfreq(len(x), 1 / RATE_HZ) < edge_hz] = 0
    return np.fft.irfft(spectrum, len(x))


def _hit(kind: str, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(int(0.4 * RATE_HZ)) / RATE_HZ
    if kind == "snare":
        body = 0.6 * np.sin(2 * np.pi * 200 * t) * np.exp(-t / 0.03)
        sound = body + 0.3 * rng.standard_normal(len(t)) * np.exp(-t / 0.015)
    else:
        sound = 0.4 * _high_passed(rng.standard_normal(len(t)), 6000.0) * np.exp(-t / 0.3)
    silence = np.zeros(int(LEAD_S * RATE_HZ))
    return np.concatenate([silence, sound, silence]).astype(np.float32)


def _features(kind: str, seed: int) -> dict[str, float]:
    power = drums.spectrum(_hit(kind, seed))
    row = timbre_features(power, drums.FREQS_HZ, np.array([LEAD_S]), drums.FRAMES_PER_S)[0]
    return dict(zip(TIMBRE_NAMES, row.tolist(), strict=True))


@pytest.fixture(scope="module")
def pairs() -> list[tuple[dict[str, float], dict[str, float]]]:
    return [(_features("snare", seed), _features("hat", seed)) for seed in range(4)]


def test_a_snares_body_outweighs_its_highs_a_hats_does_not(pairs: list) -> None:
    for snare, hat in pairs:
        assert snare["body_to_high"] > 0 > hat["body_to_high"] + 2, (snare, hat)


def test_a_snares_attack_is_spread_wider_than_a_hats(pairs: list) -> None:
    for snare, hat in pairs:
        assert snare["flatness"] > hat["flatness"] + 0.3, (snare, hat)


def test_a_snares_tuned_body_stands_out_a_hats_noise_does_not(pairs: list) -> None:
    for snare, hat in pairs:
        assert snare["body_peak"] > 0.5 > 0.2 > hat["body_peak"], (snare, hat)


def test_a_snares_body_falls_at_the_attack_a_quiet_band_reads_steady(pairs: list) -> None:
    for snare, hat in pairs:
        assert snare["body_fall"] < -0.3, snare  # ~30 ms decay: 0.45 log10 of power in 25 ms
        assert abs(hat["body_fall"]) < 0.25, hat  # no body: floored, not the noise of an empty band


def test_a_hats_highs_ring_on_a_snares_burst_dies(pairs: list) -> None:
    for snare, hat in pairs:
        assert -4.5 < hat["high_decay_per_s"] < -1.0, hat  # 0.3 s amplitude decay: -2.9 log10/s
        assert snare["high_decay_per_s"] < hat["high_decay_per_s"] - 2, (snare, hat)


def test_the_next_hit_cuts_the_ring_short() -> None:
    y = _hit("hat", 0)
    power = drums.spectrum(y)
    alone, crowded = (
        timbre_features(power, drums.FREQS_HZ, np.array(times), drums.FRAMES_PER_S)[0]
        for times in ([LEAD_S], [LEAD_S, LEAD_S + 0.06])
    )
    decay = TIMBRE_NAMES.index("high_decay_per_s")
    assert alone[decay] < -1.0
    assert crowded[decay] == 0.0  # 50-150 ms lies past the next hit: nothing to fit


def test_the_classifier_reads_the_features_it_was_trained_on() -> None:
    y = np.concatenate([_hit("snare", 1), _hit("hat", 2)])
    times = np.array([LEAD_S, 0.6 + 2 * LEAD_S])
    power = drums.spectrum(y)
    energies = drums.band_energies(y, power)
    bands = drums.hit_features(energies, times)
    timbre = timbre_features(power, drums.FREQS_HZ, times, drums.FRAMES_PER_S)
    width = bands.shape[1]
    old = drums.classifier_features(energies, power, times, {"mean": np.zeros(width)})
    np.testing.assert_array_equal(old, bands)  # a classifier from before: the band features alone
    some = {"mean": np.zeros(width + 2), "timbre": np.array([4.0, 0.0])}
    np.testing.assert_array_equal(
        drums.classifier_features(energies, power, times, some), np.hstack([bands, timbre[:, [4, 0]]])
    )
    with pytest.raises(ModelUnavailable, match=f"takes {width + 1} features, not the {width + 2}"):
        drums.classifier_features(energies, power, times, {**some, "mean": np.zeros(width + 1)})


def _tone(start_hz: float, end_hz: float, glide_s: float, decay_s: float) -> np.ndarray:
    """A sine falling from ``start_hz`` to ``end_hz`` (1/e in ``glide_s``), ringing ``decay_s``."""
    t = np.arange(int(0.8 * RATE_HZ)) / RATE_HZ
    hz = end_hz + (start_hz - end_hz) * np.exp(-t / glide_s)
    sound = 0.6 * np.sin(2 * np.pi * np.cumsum(hz) / RATE_HZ) * np.exp(-t / decay_s)
    silence = np.zeros(int(LEAD_S * RATE_HZ))
    return np.concatenate([silence, sound, silence]).astype(np.float32)


def _low(y: np.ndarray) -> dict[str, float]:
    row = timbre_features(drums.spectrum(y), drums.FREQS_HZ, np.array([LEAD_S]), drums.FRAMES_PER_S)[0]
    return dict(zip(TIMBRE_NAMES, row.tolist(), strict=True))


@pytest.mark.parametrize("kick_hz, tom_hz", [(45.0, 100.0), (55.0, 130.0), (62.0, 180.0)])
def test_a_long_low_kick_lies_below_75_hz_a_tom_above(kick_hz: float, tom_hz: float) -> None:
    kick = _low(_tone(kick_hz * 1.3, kick_hz, 0.02, 0.6))  # a TR-808's: a little fall, a long ring
    tom = _low(_tone(tom_hz * 1.3, tom_hz, 0.02, 0.6))  # the same sound, pitched as a tom
    assert kick["sub_to_body"] > 0.3 and tom["sub_to_body"] < -0.5, (kick, tom)


def test_the_low_glide_reads_how_far_the_pitch_falls() -> None:
    steady = _low(_tone(120.0, 120.0, 0.02, 0.6))["low_glide"]
    falling = _low(_tone(240.0, 60.0, 0.03, 0.6))["low_glide"]  # two octaves, most of it in 100 ms
    assert abs(steady) < 0.15 and falling > 0.8, (steady, falling)
