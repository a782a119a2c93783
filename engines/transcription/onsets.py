"""Onsets on the audio itself: a fine spectral flux, used to place the model's note starts exactly
and to find drum hits. The flux is the summed rise of log-compressed magnitudes, 2.9 ms a frame."""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription.audio import power_spectrogram
from engines.transcription.model import MODEL_RATE_HZ

FLUX_FFT = 1024
FLUX_HOP = 64
FLUX_FRAMES_PER_S = MODEL_RATE_HZ / FLUX_HOP
SEARCH_BEFORE_S = 0.06  # a model onset moves to the strongest flux peak this much earlier ...
SEARCH_AFTER_S = 0.06  # ... or this much later


def peak_frames(x: np.ndarray, *, height: float | np.ndarray | None = None, distance: int = 1) -> np.ndarray:
    """Indices of local maxima of ``x`` at least ``height`` (a value or one per index), the higher
    kept where two lie closer than ``distance`` (scipy's find_peaks, without importing scipy.signal:
    a second off every cold start)."""
    x = np.asarray(x, dtype=np.float64)
    if len(x) < 3:
        return np.zeros(0, dtype=int)
    idx = np.flatnonzero((x[1:-1] > x[:-2]) & (x[1:-1] >= x[2:])) + 1
    if height is not None:
        floor = (
            np.broadcast_to(np.asarray(height, dtype=np.float64), x.shape)[idx] if np.ndim(height) else height
        )
        idx = idx[x[idx] >= floor]
    if distance > 1 and len(idx) > 1:
        keep = np.ones(len(idx), dtype=bool)
        for k in np.argsort(-x[idx], kind="stable"):
            if keep[k]:
                near = np.abs(idx - idx[k]) < distance
                near[k] = False
                keep &= ~near
        idx = idx[keep]
    return idx


def flux(y: np.ndarray, low_bin: int = 2, high_bin: int = 420) -> np.ndarray:
    """Spectral flux per FLUX_HOP frame over bins ``low_bin:high_bin`` (of FLUX_FFT at 22,050 Hz)."""
    return flux_of(fine_power(y), low_bin, high_bin)


def fine_power(y: np.ndarray) -> np.ndarray:
    """The flux's power spectrogram: FLUX_FFT bins, a frame every FLUX_HOP samples."""
    return power_spectrogram(y, FLUX_FFT, FLUX_HOP)


def every(fine: np.ndarray, n_fft: int, hop: int) -> np.ndarray:
    """``power_spectrogram(y, n_fft, hop)`` taken from ``fine_power(y)`` instead of a second FFT:
    its frames are every (hop / FLUX_HOP)-th fine frame, the same window on the same samples, so the
    same numbers bit for bit (contiguous, as the FFT gives them). Only for FLUX_FFT's size."""
    if n_fft != FLUX_FFT or hop % FLUX_HOP:
        raise ValueError(
            f"FFT {n_fft}, hop {hop}: expected the flux's FFT size {FLUX_FFT} and a multiple of its hop {FLUX_HOP}"
        )
    return np.ascontiguousarray(fine[:, :: hop // FLUX_HOP])


def flux_of(fine: np.ndarray, low_bin: int = 2, high_bin: int = 420) -> np.ndarray:
    """``flux`` from ``fine_power``'s spectrogram."""
    power = fine[low_bin:high_bin]
    log_mag = np.log1p(100.0 * np.sqrt(power))
    rise = np.maximum(0.0, log_mag[:, 2:] - log_mag[:, :-2])  # over two frames: less noise
    return np.concatenate([[0.0, 0.0], rise.sum(axis=0)])


def refine(starts_s: list[float], curve: np.ndarray) -> list[float]:
    """Each start moved to the strongest flux peak near it, or kept where no peak stands out."""
    peaks = peak_frames(curve, distance=3)
    if len(peaks) == 0:
        return list(starts_s)
    height = curve[peaks]
    floor = float(np.median(curve)) * 2 + 1e-9
    refined = []
    for start in starts_s:
        near = (peaks >= (start - SEARCH_BEFORE_S) * FLUX_FRAMES_PER_S) & (
            peaks <= (start + SEARCH_AFTER_S) * FLUX_FRAMES_PER_S
        )
        if near.any() and height[near].max() > floor:
            # the strongest peak, discounted by its distance: a release's splatter further off loses
            distance = np.abs(peaks[near] / FLUX_FRAMES_PER_S - start) / max(SEARCH_BEFORE_S, SEARCH_AFTER_S)
            best = peaks[near][int(np.argmax(height[near] * (1.0 - 0.5 * distance)))]
            refined.append(max(0.0, float(best - 1) / FLUX_FRAMES_PER_S))
        else:
            refined.append(float(start))
    return refined


def hits(curve: np.ndarray, *, spacing_s: float = 0.03, sensitivity: float = 1.0) -> np.ndarray:
    """Frame indices of hits: flux peaks above an adaptive threshold (local mean plus a floor)."""
    width = int(0.1 * FLUX_FRAMES_PER_S)
    local = np.convolve(curve, np.ones(2 * width + 1) / (2 * width + 1), mode="same")
    floor = 0.06 * float(np.percentile(curve, 99.5)) / sensitivity
    peaks = peak_frames(
        curve, height=local * 1.5 + floor, distance=max(1, int(spacing_s * FLUX_FRAMES_PER_S))
    )
    return peaks


def accents(curve: np.ndarray, n_frames: int, frames_per_s: float) -> np.ndarray:
    """The flux over its median, the largest value in each of ``n_frames`` coarser frames."""
    per = FLUX_FRAMES_PER_S / frames_per_s
    ratio = curve / max(float(np.median(curve)), 1e-9)
    edges = np.minimum(len(ratio), np.round(np.arange(n_frames + 1) * per).astype(int))
    return np.array([ratio[a:b].max() if b > a else 0.0 for a, b in itertools.pairwise(edges)])


def levels_db(y: np.ndarray, n_frames: int, hop: int) -> np.ndarray:
    """The clip's RMS level in dB per frame of ``hop`` samples (-120 past its end)."""
    m = min(n_frames, len(y) // hop)
    out = np.full(n_frames, -120.0)
    out[:m] = 10 * np.log10(np.mean(y[: m * hop].reshape(m, hop).astype(np.float64) ** 2, axis=1) + 1e-12)
    return out
