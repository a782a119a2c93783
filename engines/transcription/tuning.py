"""A clip's own tuning: how far (in cents) its pitches sit off the A440 equal-tempered grid.

A singer's whole take is often 20-40 cents flat or sharp; read on the A440 grid, its notes sit
between two keys and a vibrato swings them from one to the other. ``offset_cents`` measures the
take's offset from the spectral peaks of its fundamentals (and their octaves, which share the
offset exactly), a circular mean weighted by level so vibrato and scoops average out;
``retuned`` moves the audio by the opposite amount (by resampling, so times scale by ``factor``)
before the note model reads it.
"""

from __future__ import annotations

import numpy as np

from engines.transcription.model import MODEL_RATE_HZ

N_FFT = 2048
HOP = 512
LOW_HZ, HIGH_HZ = 60.0, 1300.0  # where a fundamental is looked for
PEAK_DB = 20.0  # the fundamental: the lowest peak within this of the frame's strongest
FRAME_DB = 35.0  # frames this far below the clip's loudest are not read
OCTAVE_TOLERANCE = 0.03  # a peak within 3 % of twice or four times the fundamental is its octave
SMOOTH_FRAMES = 9  # about 210 ms: a 5-7 Hz vibrato averages out
JUMP_CENTS = 150.0  # a frame-to-frame move this large is a new note, not vibrato
MIN_CENTS = 15.0  # an offset smaller than this is left alone (tune: rendered instruments read -13..+6)


def offset_cents(y: np.ndarray) -> float:
    """The clip's tuning off A440 in cents, -50..50 (0.0 when nothing pitched is found)."""
    if len(y) < N_FFT:
        return 0.0
    frames = np.lib.stride_tricks.sliding_window_view(y, N_FFT)[::HOP] * np.hanning(N_FFT)
    mags_db = 20 * np.log10(np.maximum(np.abs(np.fft.rfft(frames, axis=1)), 1e-9))
    loud = mags_db.max(axis=1)
    pitch = np.full(len(frames), np.nan)  # each frame's fundamental in cents from A440
    level = np.zeros(len(frames))
    for i, (row, top) in enumerate(zip(mags_db, loud, strict=True)):
        if top < loud.max() - FRAME_DB:
            continue
        peaks = _peaks(row, top - PEAK_DB)
        if not peaks:
            continue
        f0 = peaks[0][0]
        octaves = [
            (hz / m, 10 ** (db / 20))
            for hz, db in peaks
            for m in (1.0, 2.0, 4.0)
            if abs(hz / f0 - m) / m <= OCTAVE_TOLERANCE
        ]
        hz = np.array([o[0] for o in octaves])
        w = np.array([o[1] for o in octaves])
        pitch[i] = float(np.average(1200.0 * np.log2(hz / 440.0), weights=w))
        level[i] = float(w.sum())
    held = _held_means(pitch)
    keep = ~np.isnan(held)
    if not keep.any():
        return 0.0
    angles = 2 * np.pi * held[keep] / 100.0
    mean = np.angle(np.sum(level[keep] * np.exp(1j * angles)))
    return float(mean / (2 * np.pi) * 100.0)


def _held_means(pitch: np.ndarray) -> np.ndarray:
    """Each frame's pitch averaged over the SMOOTH_FRAMES around it (about a vibrato cycle or more),
    where all of them belong to one held note (no jump over JUMP_CENTS); NaN elsewhere."""
    out = np.full(len(pitch), np.nan)
    half = SMOOTH_FRAMES // 2
    for i in range(half, len(pitch) - half):
        window = pitch[i - half : i + half + 1]
        if np.isnan(window).any() or np.abs(np.diff(window)).max() > JUMP_CENTS:
            continue
        out[i] = window.mean()
    return out


def _peaks(row_db: np.ndarray, floor_db: float) -> list[tuple[float, float]]:
    """(Hz, dB) of the local maxima above ``floor_db``, lowest first, placed between bins by a parabola;
    the first is the fundamental (it must lie in LOW_HZ..HIGH_HZ)."""
    bin_hz = MODEL_RATE_HZ / N_FFT
    lo, hi = int(LOW_HZ / bin_hz), min(len(row_db) - 2, int(4.1 * HIGH_HZ / bin_hz))
    mid = row_db[lo:hi]
    is_peak = (mid > row_db[lo - 1 : hi - 1]) & (mid >= row_db[lo + 1 : hi + 1]) & (mid > floor_db)
    found = []
    for i in np.flatnonzero(is_peak) + lo:
        a, b, c = row_db[i - 1], row_db[i], row_db[i + 1]
        shift = 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c < 0 else 0.0
        found.append(((i + shift) * bin_hz, float(b - 0.25 * (a - c) * shift)))
    if not found or found[0][0] > HIGH_HZ:
        return []
    return found


def factor(cents: float) -> float:
    """How much a retuned clip's times must be multiplied by to be the original's."""
    return float(2 ** (-cents / 1200.0))


def retuned(y: np.ndarray, cents: float) -> np.ndarray:
    """The clip moved by ``-cents`` (onto the A440 grid), ``factor(cents)`` times shorter."""
    import soxr

    return np.asarray(soxr.resample(y, MODEL_RATE_HZ * factor(cents), MODEL_RATE_HZ), dtype=np.float32)
