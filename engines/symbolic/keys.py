"""Key and scale of a clip from its notes: Krumhansl-Kessler profiles against duration-weighted
pitch classes, then the Live scale (of those MuseAroo writes in) whose tones cover the notes best.

Confidence is the best key's correlation (0..1); a clip with no pitched notes has no key.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engines.music import SCALES, Key, Note

# Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
MAJOR_PROFILE = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
MINOR_PROFILE = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)
# Scales a clip may be called when its notes fit them better than major or minor (same tonic).
HINT_BONUS = 0.1
MODES = ("Dorian", "Mixolydian", "Lydian", "Phrygian")  # a raised 7th in minor stays minor (V7)


def histogram(notes: Sequence[Note]) -> list[float]:
    """Sounding beats per pitch class (muted notes left out)."""
    h = [0.0] * 12
    for n in notes:
        if not n.mute:
            h[n.pitch % 12] += n.duration_beats
    return h


def _correlation(a: Sequence[float], b: Sequence[float]) -> float:
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    den = math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    return num / den if den > 0 else 0.0


def _outside(h: Sequence[float], key: Key) -> float:
    pcs = key.pitch_classes
    return sum(w for pc, w in enumerate(h) if pc not in pcs)


def detect_key(notes: Sequence[Note], tonic_hints: Sequence[Key] = ()) -> tuple[Key | None, float]:
    """(key, confidence 0..1); (None, 0.0) when no pitched note sounds.

    ``tonic_hints``: keys whose tonic chord opens or closes the clip; each adds ``HINT_BONUS`` to
    that key's correlation (a I-V-vi-IV loop weighs V's key as much as I's, its first chord does not).
    """
    h = histogram(notes)
    if sum(h) <= 0:
        return None, 0.0
    best: tuple[float, float, Key] | None = None  # score (with hints), correlation, key
    for tonic in range(12):
        rotated = [h[(tonic + i) % 12] for i in range(12)]
        for scale, profile in (("Major", MAJOR_PROFILE), ("Minor", MINOR_PROFILE)):
            r = _correlation(rotated, profile)
            score = r + HINT_BONUS * tonic_hints.count(Key(tonic, scale))
            if best is None or score > best[0]:
                best = (score, r, Key(tonic, scale))
    assert best is not None
    _, r, key = best
    # A mode on the same tonic wins only when it leaves clearly less of the music outside.
    outside = _outside(h, key)
    for mode in MODES:
        candidate = Key(key.tonic, mode)
        if mode in SCALES and _outside(h, candidate) < outside - 0.05 * sum(h):
            key, outside = candidate, _outside(h, candidate)
    return key, max(0.0, min(1.0, r))
