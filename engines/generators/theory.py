"""Music theory shared by the Roo generators: chord qualities, Roman numerals, scales, meters.

Pitch classes are 0 = C ... 11 = B; numerals are read against the major scale of the tonic
(``bVI`` is 8 semitones up in any mode), the pop and rock convention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from engines.errors import InvalidValue
from engines.music import Chord

# Harte shorthands with their intervals above the root.
QUALITIES: dict[str, tuple[int, ...]] = {
    "maj": (0, 4, 7),
    "min": (0, 3, 7),
    "dim": (0, 3, 6),
    "aug": (0, 4, 8),
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "maj6": (0, 4, 7, 9),
    "min6": (0, 3, 7, 9),
    "7": (0, 4, 7, 10),
    "maj7": (0, 4, 7, 11),
    "min7": (0, 3, 7, 10),
    "minmaj7": (0, 3, 7, 11),
    "dim7": (0, 3, 6, 9),
    "hdim7": (0, 3, 6, 10),
    "9": (0, 4, 7, 10, 2),
    "maj9": (0, 4, 7, 11, 2),
    "min9": (0, 3, 7, 10, 2),
    "quartal": (0, 5, 10),  # two stacked fourths, for scales with too few tones for a triad
}
# What a chord grows into when the genre asks for sevenths or ninths.
SEVENTH_OF = {"maj": "maj7", "min": "min7", "dim": "hdim7", "maj6": "maj7", "min6": "min7"}
NINTH_OF = {"7": "9", "maj7": "maj9", "min7": "min9"}

_DEGREES = {"I": 0, "II": 2, "III": 4, "IV": 5, "V": 7, "VI": 9, "VII": 11}
_NUMERAL_RE = re.compile(
    r"^(b|#)?(VII|VI|V|IV|III|II|I|vii|vi|v|iv|iii|ii|i)(°|ø|\+)?(maj7|maj9|7|9|6|sus2|sus4)?$"
)
_SUFFIX = {  # (upper case?, suffix) -> quality
    (True, ""): "maj",
    (False, ""): "min",
    (True, "7"): "7",
    (False, "7"): "min7",
    (True, "maj7"): "maj7",
    (False, "maj7"): "minmaj7",
    (True, "9"): "9",
    (False, "9"): "min9",
    (True, "maj9"): "maj9",
    (True, "6"): "maj6",
    (False, "6"): "min6",
}


@lru_cache(maxsize=1024)
def parse_numeral(text: str) -> tuple[int, str]:
    """``"bVII"`` -> (10, "maj"), ``"V7/vi"`` -> (4, "7"): semitones above the tonic and quality.

    Cached: pure, and a progression reads the same few numerals at every call.
    """
    head, _, target = text.partition("/")
    offset = 0
    if target:
        offset, _quality = parse_numeral(target)
    m = _NUMERAL_RE.match(head)
    if not m:
        raise InvalidValue(f"chord numeral {text!r} is not valid: expected e.g. I, ii7, bVII, V7/V, viiø7")
    accidental, degree, mark, suffix = m.groups()
    suffix = suffix or ""
    root = _DEGREES[degree.upper()] + {"b": -1, "#": 1, None: 0}[accidental]
    upper = degree.isupper()
    if mark == "°":
        quality = "dim7" if suffix == "7" else "dim"
    elif mark == "ø":
        quality = "hdim7"
    elif mark == "+":
        quality = "aug"
    elif suffix in ("sus2", "sus4"):
        quality = suffix
    elif (upper, suffix) in _SUFFIX:
        quality = _SUFFIX[(upper, suffix)]
    else:
        raise InvalidValue(f"chord numeral {text!r}: suffix {suffix!r} does not fit a lower-case degree")
    return (root + offset) % 12, quality


def quality_of(chord: Chord) -> tuple[int, ...]:
    """Intervals of a chord's quality; a Harte bass ("maj/3") is ignored; raises for unknown ones."""
    return _intervals(chord.quality)


def _intervals(quality: str) -> tuple[int, ...]:
    base = quality.split("/")[0]
    if base not in QUALITIES:
        raise InvalidValue(f"chord quality {quality!r} is not known: expected one of {', '.join(QUALITIES)}")
    return QUALITIES[base]


def chord_tones(chord: Chord) -> tuple[int, ...]:
    """Pitch classes a voicing sounds, root first; five-note chords drop their fifth."""
    return tones_of(chord.root, chord.quality)


@lru_cache(maxsize=1024)
def tones_of(root: int, quality: str) -> tuple[int, ...]:
    """Cached: pure in two small values, asked for every note by the bass and melody."""
    intervals = _intervals(quality)
    if len(intervals) > 4:
        intervals = tuple(i for i in intervals if i != 7)
    return tuple((root + i) % 12 for i in intervals)


VOICES = {"triad": 3, "seventh": 4, "ninth": 5, "power": 2}


def fifth_above(quality: str) -> int:
    """Semitones from a chord's root to its fifth: 7, 6 (dim) or 8 (aug); a chord without one
    (quartal) its fourth, 5; 7 when it has neither."""
    intervals = _intervals(quality)
    return next((i for i in (7, 6, 8, 5) if i in intervals), 7)


def voiced_tones(chord: Chord, voicing: str) -> tuple[int, ...]:
    """The chord tones a voicing of that kind sounds (a triad voicing leaves out the seventh, a
    power chord everything but the root and the fifth)."""
    if voicing == "power":
        return (chord.root, (chord.root + fifth_above(chord.quality)) % 12)
    return chord_tones(chord)[: VOICES[voicing]]


def chord_scale(key_pcs: Sequence[int], chord: Chord | None) -> tuple[int, ...]:
    """The key's scale with any chord tone a semitone off a scale tone put in its place, sorted."""
    if chord is None:
        return tuple(sorted(key_pcs))
    return _chord_scale(tuple(key_pcs), chord.root, chord.quality)


@lru_cache(maxsize=1024)
def _chord_scale(key_pcs: tuple[int, ...], root: int, quality: str) -> tuple[int, ...]:
    tones = set(tones_of(root, quality))
    out = set(key_pcs)
    for tone in tones - out:
        for neighbour in ((tone - 1) % 12, (tone + 1) % 12):
            if neighbour in out and neighbour not in tones:
                out.discard(neighbour)
        out.add(tone)
    return tuple(sorted(out))


@lru_cache(maxsize=1024)
def pitches_in(pcs: tuple[int, ...], low: int, high: int) -> tuple[int, ...]:
    """The MIDI pitches low..high whose pitch class is one of ``pcs``, ascending (cached: pure)."""
    return tuple(p for p in range(low, high + 1) if p % 12 in pcs)


def strong_beats(signature: tuple[int, int]) -> tuple[float, ...]:
    """Beats inside a bar (quarter notes from the downbeat) that carry the meter's main accents."""
    return {
        (4, 4): (0.0, 2.0),
        (6, 8): (0.0, 1.5),
        (12, 8): (0.0, 3.0),
        (5, 4): (0.0, 3.0),
    }.get(signature, (0.0,))


def groupings(signature: tuple[int, int]) -> tuple[int, ...]:
    """How a bar's eighth notes group into beats: 7/8 -> (2, 2, 3), 6/8 -> (3, 3), 4/4 -> (2, 2, 2, 2)."""
    num, den = signature
    eighths = num * 8 // den
    if den == 8 and num % 3 == 0:
        return (3,) * (num // 3)
    if den == 8:
        return (2,) * ((eighths - 3) // 2) + (3,)
    return (2,) * num


class ChordTimeline:
    """The chord sounding at any beat; before the first chord the first one, after the last the last."""

    def __init__(self, chords: Sequence[Chord]) -> None:
        self.chords = tuple(chords)
        self._starts = [c.start_beats for c in self.chords]

    def at(self, beat: float) -> Chord | None:
        if not self.chords:
            return None
        return self.chords[max(0, bisect_right(self._starts, beat + 1e-6) - 1)]

    def next_change(self, beat: float) -> float | None:
        """Start of the first chord after ``beat``, or None."""
        idx = bisect_right(self._starts, beat + 1e-6)
        return self._starts[idx] if idx < len(self._starts) else None
