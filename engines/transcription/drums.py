"""Drum hits: onsets on the audio's flux, each hit's voices (kick, snare, closed and open hat)
read from its band energies just after the hit. Several voices may sound in one hit."""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription.audio import power_spectrogram
from engines.transcription.model import MODEL_RATE_HZ
from engines.transcription.notes import DRUM_NOTES, TranscribedNote
from engines.transcription.onsets import FLUX_FRAMES_PER_S, flux, hits

BAND_EDGES_HZ = (20, 90, 160, 300, 600, 1200, 2500, 5000, 8000, 11025)
FEATURE_FFT = 1024
FEATURE_HOP = 128
NOTE_LENGTH_S = 0.1


def band_energies(y: np.ndarray) -> np.ndarray:
    """Log energy (bands, frames) in BAND_EDGES_HZ bands at FEATURE_HOP samples a frame."""
    power = power_spectrogram(y, FEATURE_FFT, FEATURE_HOP)
    freqs = np.fft.rfftfreq(FEATURE_FFT, 1 / MODEL_RATE_HZ)
    bands = [power[(freqs >= lo) & (freqs < hi)].sum(axis=0) for lo, hi in itertools.pairwise(BAND_EDGES_HZ)]
    return np.log10(np.stack(bands) + 1e-10)


def hit_features(energies: np.ndarray, times_s: np.ndarray) -> np.ndarray:
    """Per hit: band levels over 0-40 ms and 40-150 ms after it, and the rise from before it."""
    per_s = MODEL_RATE_HZ / FEATURE_HOP
    rows = []
    for t in times_s:
        f = round(t * per_s)
        before = energies[:, max(0, f - 4) : max(1, f - 1)].mean(axis=1)
        early = energies[:, f : f + int(0.04 * per_s) + 1].mean(axis=1)
        late = energies[:, f + int(0.04 * per_s) : f + int(0.15 * per_s) + 1]
        late_mean = late.mean(axis=1) if late.size else early
        rows.append(np.concatenate([early - early.max(), late_mean - early, early - before]))
    return np.array(rows, dtype=np.float32).reshape(len(times_s), -1)


def voices_by_rule(features: np.ndarray) -> np.ndarray:
    """(hits, 4) booleans for kick, snare, closed hat, open hat from the band shape (first pass)."""
    early, late, rise = features[:, :9], features[:, 9:18], features[:, 18:]
    kick = (early[:, 0:2].max(axis=1) > -0.6) & (rise[:, 0:2].max(axis=1) > 0.5)
    snare = (early[:, 4:7].max(axis=1) > -0.5) & (rise[:, 4:7].max(axis=1) > 0.5)
    hat = (early[:, 7:9].max(axis=1) > -1.0) & (rise[:, 7:9].max(axis=1) > 0.4) & ~snare
    open_hat = hat & (late[:, 7:9].mean(axis=1) > -0.5)
    return np.stack([kick, snare, hat & ~open_hat, open_hat], axis=1)


def transcribe(y: np.ndarray, *, sensitivity: float = 1.0) -> list[TranscribedNote]:
    """Drum notes (GM pitches of DRUM_NOTES) for a mono 22,050 Hz clip."""
    curve = flux(y)
    times_s = np.maximum(0.0, (hits(curve, sensitivity=sensitivity) - 1) / FLUX_FRAMES_PER_S)
    if len(times_s) == 0:
        return []
    energies = band_energies(y)
    features = hit_features(energies, times_s)
    voices = voices_by_rule(features)
    loudness = curve[np.round(times_s * FLUX_FRAMES_PER_S).astype(int) + 1]
    velocities = np.clip(np.round(40 + 87 * loudness / max(float(loudness.max()), 1e-9)), 1, 127).astype(int)
    pitches = list(DRUM_NOTES.values())
    notes = [
        TranscribedNote(pitches[v], round(float(t), 4), round(float(t) + NOTE_LENGTH_S, 4), int(vel))
        for t, row, vel in zip(times_s, voices, velocities, strict=True)
        for v in np.flatnonzero(row)
    ]
    return sorted(notes, key=lambda n: (n.start_s, n.pitch))
