"""Key finding from a chroma profile, and the blend with madmom's key CNN.

Keys are indexed 0..11 for C..B major and 12..23 for C..B minor. A chroma vector is 12 bins,
C first. Probabilities over the 24 keys are plain numpy arrays.
"""

from __future__ import annotations

import numpy as np

from engines.music import key_name

# Albrecht and Shanahan's key profiles (2013), tonic first: pitch-class distributions of a
# classical corpus. On the rendered chorales they beat Krumhansl-Kessler and Temperley (docs/benchmarks/analysis.md).
MAJOR_PROFILE = np.array([0.238, 0.006, 0.111, 0.006, 0.137, 0.094, 0.016, 0.214, 0.009, 0.080, 0.008, 0.081])
MINOR_PROFILE = np.array([0.220, 0.006, 0.104, 0.123, 0.019, 0.103, 0.012, 0.214, 0.062, 0.022, 0.061, 0.052])
PROFILE_SHARPNESS = 12.0  # softmax gain turning profile correlations (-1..1) into probabilities
# Weight of the chroma profile against madmom's key CNN (log domain). The CNN was trained on popular
# and electronic music and tends to name the dominant on classical pieces; 0.7 was the best of
# 0.3/0.5/0.7/0.85 on the 20 rendered chorales (a small set: see docs/benchmarks/analysis.md).
PROFILE_WEIGHT = 0.7
# Log-probability added to the 12 minor keys after the blend. Both halves lean to the relative
# major on minor music without a raised leading tone (aeolian pop, modal chorales): every one of
# the 11 key misses on our generated songs and 5 of the 9 real misses on the chorales were minor
# read as relative major, 1 the reverse. 0.75 (of 0, 0.25 ... 3; 0.75 and 1.5 tie on chorales 1-100)
# lifts the chorales from 0.834 to 0.848 and the generated songs from 0.936 to 0.977 (docs/benchmarks/analysis.md).
MINOR_PRIOR_LOG = 0.75
# A clip without pitched sound (a drum loop) has no key and no chords: the key profile and the
# key CNN would still name one (a jazz kit read as G# minor, confidence 0.84). madmom's deep chroma
# hears a pitch in at most 0.02 of the frames of drum-only renders of six genres, and in at least
# 0.54 of every pitched part, mix, chorale and real clip measured (docs/benchmarks/analysis.md); below this share
# a clip is not tonal.
TONAL_SHARE = 0.1
# madmom's deep chroma gives each pitch class a probability of sounding; this is its decision threshold.
PITCH_HEARD = 0.5
# Keys named beside the best (``key_alternatives``): at most this many, with at least this probability.
MAX_ALTERNATIVES, ALTERNATIVE_MIN = 2, 0.05
# The best key is ambiguous (``key_ambiguous``: ``apply 1`` holds it) when the runner-up has at least
# this share of its probability. A rendered Em-C-G-D loop gives G major 0.53 and E minor 0.30 (0.57);
# on 54 chorales and 68 of MuseAroo's songs it flags 10 of the 15 keys not read exactly and 20 of the
# 107 read exactly (docs/benchmarks/analysis.md, "Meter, Live's tempo, chords and keys (issue 32)").
AMBIGUOUS_RATIO = 0.4
# madmom's KEY_LABELS run A, Bb, B, C ... major, then A ... minor.
_MADMOM_TO_OURS = np.array([(9 + i) % 12 for i in range(12)] + [12 + (9 + i) % 12 for i in range(12)])


def key_label(index: int) -> str:
    """'C major' for 0, 'A minor' for 21, 'Eb major' for 3."""
    return key_name(index % 12, "Major" if index < 12 else "Minor")


def profile_probabilities(chroma: np.ndarray) -> np.ndarray:
    """Probabilities of the 24 keys from a summed chroma vector (12 bins, C first).

    Pearson correlation with each rotated key profile, then a softmax.
    A flat or all-zero chroma gives the uniform distribution.
    """
    chroma = np.asarray(chroma, dtype=np.float64).reshape(12)
    if float(np.std(chroma)) < 1e-12:
        return np.full(24, 1.0 / 24)
    scores = np.empty(24)
    for tonic in range(12):
        for mode, profile in enumerate((MAJOR_PROFILE, MINOR_PROFILE)):
            scores[mode * 12 + tonic] = np.corrcoef(chroma, np.roll(profile, tonic))[0, 1]
    return _softmax(scores * PROFILE_SHARPNESS)


def pitched_share(chroma: np.ndarray) -> float:
    """Share of deep-chroma frames (frames, 12) in which some pitch class reaches PITCH_HEARD."""
    chroma = np.atleast_2d(np.asarray(chroma, dtype=np.float64))
    if chroma.shape[0] == 0:
        return 0.0
    return float(np.mean(chroma.max(axis=1) >= PITCH_HEARD))


def from_madmom_order(probabilities: np.ndarray) -> np.ndarray:
    """Reorder madmom's 24 key probabilities (A-based) into ours (C major first)."""
    ours = np.empty(24)
    ours[_MADMOM_TO_OURS] = np.asarray(probabilities, dtype=np.float64).reshape(24)
    return ours


def blend(
    cnn: np.ndarray,
    profile: np.ndarray,
    *,
    profile_weight: float = PROFILE_WEIGHT,
    minor_prior_log: float = MINOR_PRIOR_LOG,
) -> np.ndarray:
    """Weighted geometric mean of two key distributions with the minor keys' prior, renormalised."""
    log_p = (1.0 - profile_weight) * np.log(np.clip(cnn, 1e-9, 1.0)) + profile_weight * np.log(
        np.clip(profile, 1e-9, 1.0)
    )
    log_p[12:] += minor_prior_log
    return _softmax(log_p)


def best_key(probabilities: np.ndarray) -> tuple[str, float]:
    """The most probable key's label and its probability."""
    index = int(np.argmax(probabilities))
    return key_label(index), float(probabilities[index])


def alternatives(probabilities: np.ndarray) -> tuple[tuple[str, float], ...]:
    """The runner-up keys worth naming beside the best: up to MAX_ALTERNATIVES with at least
    ALTERNATIVE_MIN of the probability, likeliest first."""
    order = np.argsort(-np.asarray(probabilities, dtype=np.float64))[1 : 1 + MAX_ALTERNATIVES]
    return tuple(
        (key_label(int(i)), float(probabilities[i])) for i in order if probabilities[i] >= ALTERNATIVE_MIN
    )


def ambiguous(probabilities: np.ndarray) -> bool:
    """Whether the best key is too close to the next one to be set without being asked: the
    runner-up has at least AMBIGUOUS_RATIO of its probability."""
    top = np.sort(np.asarray(probabilities, dtype=np.float64))[::-1]
    return len(top) > 1 and top[0] > 0 and float(top[1] / top[0]) >= AMBIGUOUS_RATIO


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - np.max(x))
    return np.asarray(e / e.sum(), dtype=np.float64)
