"""Key and scale of a clip from its notes, with the keys it could also be and how sure it is.

Every major and minor key, and the church modes on each tonic, is scored by how its probe-tone
profile (Krumhansl-Kessler; a mode's profile is its parent's with the changed degree swapped)
correlates with the duration-weighted pitch classes (the lowest note at each onset counts more),
how much of the music lies outside its scale, the tonic's anchors (the bass's first, last, lowest
and longest notes), a cadence onto the tonic at the end, and whether the key's own third sounds
rather than the other third. The scores
become probabilities (a softmax); the confidence is the best key's share. A clip that sounds no
third on the tonic (a bass of roots and fifths) leaves the mode open: its confidence is capped
below the level at which ``apply 1`` sets Live's key (``OPEN_CAP``), and the rivals are named.
Two keys that fit about equally share the probability, so neither is confident.

The weights were tuned on one half of tools/bench/midi_key.py's labelled set and checked on the
other (docs/benchmarks/midi_key.md). A clip with no pitched notes has no key.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from engines.music import Key, Note

# Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
MAJOR_PROFILE = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
MINOR_PROFILE = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)


def _swapped(profile: tuple[float, ...], a: int, b: int) -> tuple[float, ...]:
    out = list(profile)
    out[a], out[b] = out[b], out[a]
    return tuple(out)


# scale -> (profile, its third in semitones); a mode is its parent with one degree moved
PROFILES: dict[str, tuple[tuple[float, ...], int]] = {
    "Major": (MAJOR_PROFILE, 4),
    "Minor": (MINOR_PROFILE, 3),
    "Dorian": (_swapped(MINOR_PROFILE, 8, 9), 3),
    "Mixolydian": (_swapped(MAJOR_PROFILE, 10, 11), 4),
    "Lydian": (_swapped(MAJOR_PROFILE, 5, 6), 4),
    "Phrygian": (_swapped(MINOR_PROFILE, 1, 2), 3),
}
MODES = ("Dorian", "Mixolydian", "Lydian", "Phrygian")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts (``EVIDENCE`` order), fitted by tools/bench/midi_key.py
    on its half A: a softmax regression, then ``sharpness`` set so that no more than 1.5 % of any
    part of that half is confidently wrong (docs/benchmarks/midi_key.md)."""

    fit: float = 5.91  # the profile's correlation with the pitch classes
    first: float = 1.08  # the bass's first note is the tonic
    last: float = 0.94  # its last note is
    lowest: float = 0.06  # the lowest note is
    longest: float = 0.04  # the longest bass note is
    cadence: float = 0.31  # the bass ends on the tonic from a fifth, fourth or step away
    third: float = 0.37  # (own third - other third) / both, when a third sounds
    outside: float = -6.49  # the share of the sounding beats outside the key's scale
    mode: float = -3.66  # a church mode against major and minor
    hint: float = 0.77  # per tonic chord that opens or closes the clip (``tonic_hints``)
    minor: float = 0.22  # a minor key
    sharpness: float = 0.6  # softmax temperature: scores to probabilities
    bass: float = 0.5  # the lowest note at an onset weighs 1 + this in the pitch classes

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in EVIDENCE)


EVIDENCE = (
    "fit",
    "first",
    "last",
    "lowest",
    "longest",
    "cadence",
    "third",
    "outside",
    "mode",
    "hint",
    "minor",
)
WEIGHTS = Weights()
OPEN_SHARE = 0.03  # a third under this share of the sounding beats does not sound
OPEN_CAP = 0.45  # the most a reading with the mode open can claim (apply sets Live's key at 0.6)
RIVALS = 4  # alternatives reported


@dataclass(frozen=True, slots=True)
class KeyReading:
    key: Key | None
    confidence: float  # the key's probability, capped at OPEN_CAP when the mode is open
    alternatives: tuple[tuple[Key, float], ...] = field(default=())  # rivals, likeliest first
    mode_open: bool = False  # no third on the tonic: major or minor cannot be told

    def said(self) -> str:
        """ "E minor or A major?" (the key and its first rival), or the key alone."""
        if self.key is None:
            return "no key"
        if not self.alternatives:
            return str(self.key)
        return f"{self.key} or {self.alternatives[0][0]}?"  # (ClipContext.key_said names two)


def bass_line(notes: Sequence[Note]) -> list[Note]:
    """The lowest sounding note at each onset, in time order (muted notes left out)."""
    out: dict[float, Note] = {}
    for n in notes:
        if n.mute:
            continue
        t = round(n.start_beats, 3)
        if t not in out or n.pitch < out[t].pitch:
            out[t] = n
    return [out[t] for t in sorted(out)]


def histogram(notes: Sequence[Note], bass: float = 0.0) -> list[float]:
    """Sounding beats per pitch class; the bass line's notes weigh 1 + ``bass``."""
    h = [0.0] * 12
    for n in notes:
        if not n.mute:
            h[n.pitch % 12] += n.duration_beats
    for n in bass_line(notes) if bass else ():
        h[n.pitch % 12] += bass * n.duration_beats
    return h


def _centred(values: Sequence[float]) -> tuple[tuple[float, ...], float]:
    """The values less their mean, and that vector's length."""
    mean = sum(values) / len(values)
    out = tuple(v - mean for v in values)
    return out, math.sqrt(sum(v * v for v in out))


_CENTRED = {scale: _centred(profile) for scale, (profile, _third) in PROFILES.items()}


def cadence(line: Sequence[Note]) -> int | None:
    """The pitch class the bass ends on when it arrives there from a fifth, fourth or step away."""
    pcs = [n.pitch % 12 for n in line]
    while len(pcs) >= 2 and pcs[-2] == pcs[-1]:
        pcs.pop()
    if len(pcs) < 2:
        return None
    return pcs[-1] if (pcs[-2] - pcs[-1]) % 12 in (7, 5, 2, 11) else None


def evidence(
    notes: Sequence[Note], tonic_hints: Sequence[Key] = (), bass: float = WEIGHTS.bass
) -> dict[Key, tuple[float, ...]]:
    """Every candidate key's evidence, in ``EVIDENCE`` order; empty when no pitched note sounds."""
    h = histogram(notes, bass)
    plain = histogram(notes)
    total = sum(plain)
    if total <= 0:
        return {}
    line = bass_line(notes)
    # the bass's first, last, lowest and longest notes, and the tonic of its cadence
    anchors = (
        line[0].pitch % 12,
        line[-1].pitch % 12,
        min(n.pitch for n in line) % 12,
        max(line, key=lambda n: n.duration_beats).pitch % 12,
        cadence(line),
    )
    centred, length = _centred(h)  # a rotation keeps both: the correlation is one dot product
    out: dict[Key, tuple[float, ...]] = {}
    for tonic in range(12):
        rotated = centred[tonic:] + centred[:tonic]
        for scale, (_profile, third) in PROFILES.items():
            profile, profile_length = _CENTRED[scale]
            fit = sum(x * y for x, y in zip(rotated, profile, strict=True)) / (length * profile_length or 1.0)
            own, other = plain[(tonic + third) % 12], plain[(tonic + 7 - third) % 12]
            key = Key(tonic, scale)
            out[key] = (
                fit,
                *(float(a == tonic) for a in anchors),
                (own - other) / (own + other) if own + other > OPEN_SHARE * total else 0.0,
                1.0 - sum(plain[pc] for pc in key.pitch_classes) / total,
                float(scale in MODES),
                float(tonic_hints.count(key)),
                float(scale == "Minor"),
            )
    return out


def scores(notes: Sequence[Note], tonic_hints: Sequence[Key] = (), w: Weights = WEIGHTS) -> dict[Key, float]:
    """Every candidate key's score (higher fits better); empty when no pitched note sounds."""
    coef = w.vector()
    return {
        k: sum(c * e for c, e in zip(coef, ev, strict=True))
        for k, ev in evidence(notes, tonic_hints, w.bass).items()
    }


def mode_open(notes: Sequence[Note], tonic: int) -> bool:
    """True when neither third above ``tonic`` sounds (a share under ``OPEN_SHARE``)."""
    h = histogram(notes)
    return h[(tonic + 3) % 12] + h[(tonic + 4) % 12] < OPEN_SHARE * sum(h)


def read_key(notes: Sequence[Note], tonic_hints: Sequence[Key] = (), w: Weights = WEIGHTS) -> KeyReading:
    """The likeliest key, its confidence and its rivals; ``KeyReading(None, 0.0)`` without pitched notes.

    ``tonic_hints``: keys whose tonic chord opens or closes the clip. The rivals are the likeliest
    keys on other tonics (a mode of the best key's own tonic is no rival worth naming), and, when
    the mode is open, the key of the other third on the same tonic.
    """
    s = scores(notes, tonic_hints, w)
    if not s:
        return KeyReading(None, 0.0)
    top = max(s.values())
    exp = {k: math.exp(w.sharpness * (v - top)) for k, v in s.items()}
    z = sum(exp.values())
    ranked = sorted(((p / z, k) for k, p in exp.items()), key=lambda pk: -pk[0])
    p_best, best = ranked[0]
    rivals: list[tuple[Key, float]] = []
    for p, k in ranked[1:]:
        if len(rivals) < RIVALS and k.tonic != best.tonic and all(k.tonic != r.tonic for r, _ in rivals):
            rivals.append((k, p))
    for i, (k, _) in reversed(list(enumerate(rivals))):  # a rival whose mode is open too: both thirds
        if mode_open(notes, k.tonic):
            rivals.insert(i + 1, (_parallel(k), exp[_parallel(k)] / z))
    is_open = mode_open(notes, best.tonic)
    if is_open:  # after the likeliest other tonic (with both its thirds when its mode is open too)
        at = min(len(rivals), 2 if len(rivals) > 1 and rivals[1][0].tonic == rivals[0][0].tonic else 1)
        rivals.insert(at, (_parallel(best), exp[_parallel(best)] / z))
    confidence = min(p_best, OPEN_CAP) if is_open else p_best
    return KeyReading(best, confidence, tuple(rivals[:RIVALS]), is_open)


def _parallel(key: Key) -> Key:
    """The major or minor key on the same tonic with the other third."""
    return Key(key.tonic, "Minor" if PROFILES[key.scale][1] == 4 else "Major")


def detect_key(notes: Sequence[Note], tonic_hints: Sequence[Key] = ()) -> tuple[Key | None, float]:
    """(key, confidence 0..1); (None, 0.0) when no pitched note sounds (``read_key`` without rivals)."""
    reading = read_key(notes, tonic_hints)
    return reading.key, reading.confidence
