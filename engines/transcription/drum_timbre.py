"""What parts a snare from a hi-hat at the hit, read on the power spectrum rather than the drum
classifier's nine bands: a snare has a tuned body (a head mode at 150-400 Hz) that dies within a few
tens of milliseconds beside its wires' noise; a hat has little below a few kHz and its noise above
5 kHz rings on (an open hat) or is choked (a closed one). Per hit, in order (``TIMBRE_NAMES``):

- ``body_to_high``: log10 of the 150-400 Hz energy over the energy above 5 kHz, over the attack (the
  first 25 ms);
- ``flatness``: log10 spectral flatness (geometric over arithmetic mean of the power, 150 Hz up)
  of the attack: a spread spectrum (a snare's body and wires) near 0, a high-only one far below;
- ``body_peak``: log10 of the strongest 100-400 Hz bin over that range's mean at the attack (a
  head's tuned mode stands out, noise does not);
- ``body_fall``: the 150-400 Hz level 25-50 ms after the hit less its level over the first 25 ms;
- ``high_decay_per_s``: the fall of the energy above 5 kHz from 50 to 150 ms (log10 per second, a
  fitted line; read only until the next hit, 0 where less than three frames are left).

And two that part a long, pitched kick (a TR-808's: a low sine that rings) from a tom (issue 54 part N):

- ``sub_to_body``: log10 of the energy below 75 Hz over that at 80-250 Hz, over the hit's first 100 ms
  (a kick's fundamental lies below, a tom's above);
- ``low_glide``: how far the pitch of the low range (20-300 Hz, its power-weighted mean frequency)
  falls from the attack to 50-100 ms after the hit, in octaves (its last frame where the hit is shorter).
"""

from __future__ import annotations

import numpy as np

TIMBRE_NAMES = (
    "body_to_high",
    "flatness",
    "body_peak",
    "body_fall",
    "high_decay_per_s",
    "sub_to_body",
    "low_glide",
)
SUB_HZ = (20.0, 75.0)
LOW_BODY_HZ = (80.0, 250.0)
LOW_HZ = (20.0, 300.0)
SUB_SPAN_S = 0.1
GLIDE_S = (0.05, 0.1)
BODY_HZ = (150.0, 400.0)
PEAK_HZ = (100.0, 400.0)
HIGH_HZ = 5000.0
FLAT_FROM_HZ = 150.0
ATTACK_S = 0.025
FALL_S = (0.025, 0.05)
RING_S = (0.05, 0.15)
FLOOR = 1e-10
QUIET = 1e-4  # -40 dB under the attack's whole power: quieter bands read as this


def timbre_features(power: np.ndarray, freqs_hz: np.ndarray, times_s: np.ndarray, per_s: float) -> np.ndarray:
    """(hits, len(TIMBRE_NAMES)) from a power spectrogram (bins, frames) at ``per_s`` frames a second,
    whose bins sit at ``freqs_hz``; each hit reads its frames only until the next hit. A band's level
    is floored at ``QUIET`` of the attack's whole power, so that a band all but empty (a hat's body)
    reads as quiet and steady, not as the noise of a near-silent band."""
    body = (freqs_hz >= BODY_HZ[0]) & (freqs_hz < BODY_HZ[1])
    peak_range = (freqs_hz >= PEAK_HZ[0]) & (freqs_hz < PEAK_HZ[1])
    high = freqs_hz >= HIGH_HZ
    flat = freqs_hz >= FLAT_FROM_HZ
    body_power, high_power, whole = power[body].sum(axis=0), power[high].sum(axis=0), power.sum(axis=0)
    sub_power = power[(freqs_hz >= SUB_HZ[0]) & (freqs_hz < SUB_HZ[1])].sum(axis=0)
    low_body_power = power[(freqs_hz >= LOW_BODY_HZ[0]) & (freqs_hz < LOW_BODY_HZ[1])].sum(axis=0)
    low = (freqs_hz >= LOW_HZ[0]) & (freqs_hz < LOW_HZ[1])
    low_pitch = np.log2(freqs_hz[low] @ power[low] + FLOOR) - np.log2(power[low].sum(axis=0) + FLOOR)
    n_frames = power.shape[1]
    nexts = np.append(times_s[1:], np.inf)
    rows = np.zeros((len(times_s), len(TIMBRE_NAMES)), dtype=np.float32)
    for i, (t, next_s) in enumerate(zip(times_s, nexts, strict=True)):
        f = min(round(t * per_s), n_frames - 1)
        stop = min(n_frames, f + max(2, int(min(next_s - t, RING_S[1]) * per_s)))
        attack = slice(f, min(stop, f + max(1, round(ATTACK_S * per_s))))
        floor = QUIET * float(whole[attack].mean()) + FLOOR
        body_level = np.log10(body_power[f:stop] + floor)
        high_level = np.log10(high_power[f:stop] + floor)
        spectrum = power[:, attack].mean(axis=1)
        spectrum = spectrum + QUIET * float(spectrum[flat].mean()) + FLOOR
        n_attack = attack.stop - f
        early = slice(f, min(stop, f + round(SUB_SPAN_S * per_s)))
        sub_floor = QUIET * float(whole[early].mean()) + FLOOR
        rows[i] = (
            float(body_level[:n_attack].mean() - high_level[:n_attack].mean()),
            float(np.log10(spectrum[flat]).mean() - np.log10(spectrum[flat].mean())),
            float(np.log10(spectrum[peak_range].max()) - np.log10(spectrum[peak_range].mean())),
            _span_level(body_level, FALL_S, per_s) - float(body_level[:n_attack].mean()),
            _slope_per_s(high_level, RING_S, per_s),
            float(
                np.log10(sub_power[early].sum() + sub_floor)
                - np.log10(low_body_power[early].sum() + sub_floor)
            ),
            float(low_pitch[f:stop][:n_attack].mean()) - _span_level(low_pitch[f:stop], GLIDE_S, per_s),
        )
    return rows


def _span_level(level: np.ndarray, span_s: tuple[float, float], per_s: float) -> float:
    """Mean of a hit's own ``level`` over ``span_s`` after it; its last frame if the span lies beyond."""
    a, b = round(span_s[0] * per_s), min(len(level), round(span_s[1] * per_s))
    return float(level[a:b].mean()) if b > a else float(level[-1])


def _slope_per_s(level: np.ndarray, span_s: tuple[float, float], per_s: float) -> float:
    """A hit's own ``level`` over ``span_s``: its fitted fall per second, 0 when under three frames."""
    a, b = round(span_s[0] * per_s), min(len(level), round(span_s[1] * per_s))
    if b - a < 3:
        return 0.0
    x = np.arange(b - a) / per_s
    x = x - x.mean()
    return float((level[a:b] - level[a:b].mean()) @ x / (x @ x))
