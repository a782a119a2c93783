"""A new syllable on a held pitch: the cue that splits a sung note repeated legato (issue 54).

A singer who sings the same pitch again on a new syllable leaves no dip a tremolo could not also
make (tr54k: a voice patch's tremolo dips as deep), but the syllable changes the sound's colour:
the consonant's breath or burst lifts the high bands and the new vowel moves the formants. A
tremolo moves the level of every band alike, so the spectrum's shape, its mean level taken out,
stays. A frame is a syllable where the shape of the bands after it differs from the shape before
it by SHAPE_DB (rms over the bands) and the share of the level above NOISE_HZ rose NOISE_DB over
the clip's local median near it. A GM voice patch re-struck on one key plays the same sample
again (no new colour): this cue does not find its repeats, and does not split its held notes.
"""

from __future__ import annotations

import numpy as np

from engines.transcription.audio import power_spectrogram
from engines.transcription.model import HOP, MODEL_RATE_HZ

FFT = 1024
N_BANDS = 30
LOW_HZ, HIGH_HZ = 100.0, 10_000.0
NOISE_HZ = 3_000.0  # the consonant's band: its share of the level ...
NOISE_DB = 5.0  # ... above its local median by this (held notes on the tune half: at most 5.1) ...
SHAPE_DB = 12.0  # ... and the bands' shape changed this much (held notes: at most 11.5)
SIDE = 5  # frames averaged on each side of the boundary (58 ms)
NOISE_NEAR = 3  # the noise may peak this many frames either side
MEDIAN_SPAN = 40  # frames either side for the noise share's local median


def band_levels_db(y: np.ndarray, n_frames: int, power: np.ndarray | None = None) -> np.ndarray:
    """(N_BANDS, n_frames) levels in dB of log-spaced bands, one column per model frame (``power``:
    the clip's ``power_spectrogram(y, FFT, HOP)`` where the caller has it already)."""
    power = power_spectrogram(y, FFT, HOP) if power is None else power
    freqs = np.arange(power.shape[0]) * MODEL_RATE_HZ / FFT
    edges = np.geomspace(LOW_HZ, HIGH_HZ, N_BANDS + 1)
    member = (freqs[None, :] >= edges[:-1, None]) & (freqs[None, :] < edges[1:, None])
    bands = 10 * np.log10(member.astype(np.float32) @ power + 1e-10)
    out = np.full((N_BANDS, n_frames), -100.0)
    m = min(n_frames, bands.shape[1])
    out[:, :m] = bands[:, :m]
    return out


def shape_change_db(bands_db: np.ndarray) -> np.ndarray:
    """Per frame: the rms difference of the bands' shape (mean level taken out) just after it
    against just before it (SIDE frames each, skipping the frame itself and the one before)."""
    n = bands_db.shape[1]
    shape = bands_db - bands_db.mean(axis=0, keepdims=True)
    sums = np.concatenate([np.zeros((shape.shape[0], 1)), np.cumsum(shape, axis=1)], axis=1)
    out = np.zeros(n)
    t = np.arange(SIDE + 1, n - SIDE)
    if len(t):
        before = (sums[:, t - 1] - sums[:, t - 1 - SIDE]) / SIDE
        after = (sums[:, t + 1 + SIDE] - sums[:, t + 1]) / SIDE
        # one frame's bands contiguous, as a loop over frames would sum them (bit for bit the same)
        out[t] = np.sqrt(np.mean(np.ascontiguousarray((after - before).T) ** 2, axis=1))
    return out


def noise_rise_db(bands_db: np.ndarray) -> np.ndarray:
    """Per frame: the share of the level above NOISE_HZ, in dB over its median near the frame."""
    edges = np.geomspace(LOW_HZ, HIGH_HZ, N_BANDS + 1)
    power = 10 ** (bands_db / 10)
    share = 10 * np.log10(power[edges[:-1] >= NOISE_HZ].sum(axis=0) / power.sum(axis=0) + 1e-12)
    return share - _local_median(share, MEDIAN_SPAN)


def _local_median(values: np.ndarray, span: int) -> np.ndarray:
    """Per frame t, the median of ``values[max(0, t - span) : t + span]`` (windows cut at the ends)."""
    n = len(values)
    out = np.empty(n)
    whole = range(span, n - span + 1)  # frames whose window holds 2 * span values
    if len(whole):
        windows = np.lib.stride_tricks.sliding_window_view(values, 2 * span)
        out[whole.start : whole.stop] = np.median(windows, axis=1)
    for t in (t for t in range(n) if t not in whole):
        out[t] = np.median(values[max(0, t - span) : t + span])
    return out


def _local_max(values: np.ndarray, near: int) -> np.ndarray:
    """Per frame t, the largest of ``values[max(0, t - near) : t + near + 1]``."""
    padded = np.pad(values, near, constant_values=-np.inf)
    return np.lib.stride_tricks.sliding_window_view(padded, 2 * near + 1).max(axis=1)


def cues(y: np.ndarray, n_frames: int, power: np.ndarray | None = None) -> np.ndarray:
    """Per model frame, how strongly a new syllable starts there: the shape change (dB) where the
    noise rose near it and the change passes SHAPE_DB, else 0 (``power`` as ``band_levels_db``)."""
    bands = band_levels_db(y, n_frames, power)
    change = shape_change_db(bands)
    noise = noise_rise_db(bands)
    near = _local_max(noise, NOISE_NEAR)
    return np.where((change >= SHAPE_DB) & (near >= NOISE_DB), change, 0.0)
