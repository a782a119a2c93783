"""Key finding from a chroma profile, and the blend with madmom's key CNN.

Keys are indexed 0..11 for C..B major and 12..23 for C..B minor. A chroma vector is 12 bins,
C first. Probabilities over the 24 keys are plain numpy arrays.
"""

from __future__ import annotations

import numpy as np

from engines.music import NOTE_NAMES

# Krumhansl and Kessler's probe-tone ratings (1982), tonic first.
KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
PROFILE_SHARPNESS = 12.0  # softmax gain turning profile correlations (-1..1) into probabilities
PROFILE_WEIGHT = 0.5  # weight of the chroma profile against the CNN in the blend (log domain)
# madmom's KEY_LABELS run A, Bb, B, C ... major, then A ... minor.
_MADMOM_TO_OURS = np.array([(9 + i) % 12 for i in range(12)] + [12 + (9 + i) % 12 for i in range(12)])


def key_label(index: int) -> str:
    """'C major' for 0, 'A minor' for 21."""
    return f"{NOTE_NAMES[index % 12]} {'major' if index < 12 else 'minor'}"


def profile_probabilities(chroma: np.ndarray) -> np.ndarray:
    """Probabilities of the 24 keys from a summed chroma vector (12 bins, C first).

    Pearson correlation with each rotated Krumhansl-Kessler profile, then a softmax.
    A flat or all-zero chroma gives the uniform distribution.
    """
    chroma = np.asarray(chroma, dtype=np.float64).reshape(12)
    if float(np.std(chroma)) < 1e-12:
        return np.full(24, 1.0 / 24)
    scores = np.empty(24)
    for tonic in range(12):
        for mode, profile in enumerate((KK_MAJOR, KK_MINOR)):
            scores[mode * 12 + tonic] = np.corrcoef(chroma, np.roll(profile, tonic))[0, 1]
    return _softmax(scores * PROFILE_SHARPNESS)


def from_madmom_order(probabilities: np.ndarray) -> np.ndarray:
    """Reorder madmom's 24 key probabilities (A-based) into ours (C major first)."""
    ours = np.empty(24)
    ours[_MADMOM_TO_OURS] = np.asarray(probabilities, dtype=np.float64).reshape(24)
    return ours


def blend(cnn: np.ndarray, profile: np.ndarray, *, profile_weight: float = PROFILE_WEIGHT) -> np.ndarray:
    """Weighted geometric mean of two key distributions, renormalised."""
    log_p = (1.0 - profile_weight) * np.log(np.clip(cnn, 1e-9, 1.0)) + profile_weight * np.log(
        np.clip(profile, 1e-9, 1.0)
    )
    return _softmax(log_p)


def best_key(probabilities: np.ndarray) -> tuple[str, float]:
    """The most probable key's label and its probability."""
    index = int(np.argmax(probabilities))
    return key_label(index), float(probabilities[index])


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - np.max(x))
    return np.asarray(e / e.sum(), dtype=np.float64)
