"""Plain musical values shared by every engine: notes, chords, keys and the song context.

Times are in quarter-note beats from the clip start (Live's clip unit); pitches are MIDI
numbers; pitch classes are 0 = C ... 11 = B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engines.errors import InvalidValue

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
# A key's tonic as scores and Live users spell it: the spelling with the fewer accidentals in the
# key signature (Eb major, not D# major; G# minor, not Ab minor; F# for the six-accidental ties).
MAJOR_KEY_TONICS = ("C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MINOR_KEY_TONICS = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B")
_PITCH_CLASS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
# Live 12's scale names that matter for key-aware writing, with their intervals.
SCALES: dict[str, tuple[int, ...]] = {
    "Major": (0, 2, 4, 5, 7, 9, 11),
    "Minor": (0, 2, 3, 5, 7, 8, 10),
    "Dorian": (0, 2, 3, 5, 7, 9, 10),
    "Mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "Lydian": (0, 2, 4, 6, 7, 9, 11),
    "Phrygian": (0, 1, 3, 5, 7, 8, 10),
    "Locrian": (0, 1, 3, 5, 6, 8, 10),
    "Harmonic Minor": (0, 2, 3, 5, 7, 8, 11),
    "Melodic Minor": (0, 2, 3, 5, 7, 9, 11),
    "Major Pentatonic": (0, 2, 4, 7, 9),
    "Minor Pentatonic": (0, 3, 5, 7, 10),
    "Minor Blues": (0, 3, 5, 6, 7, 10),
}
VALID_SIGNATURES = ((2, 4), (3, 4), (4, 4), (5, 4), (6, 8), (7, 8), (9, 8), (12, 8))


@dataclass(frozen=True, slots=True)
class Note:
    pitch: int  # MIDI 0..127
    start_beats: float  # quarter-note beats from the clip start
    duration_beats: float
    velocity: int = 100  # 1..127
    mute: bool = False

    def as_tuple(self) -> tuple[int, float, float, int, int]:
        return (self.pitch, self.start_beats, self.duration_beats, self.velocity, int(self.mute))


@dataclass(frozen=True, slots=True)
class Chord:
    start_beats: float
    duration_beats: float
    root: int  # pitch class
    quality: str  # Harte shorthand: maj, min, 7, maj7, min7, dim, aug, sus4, ...

    @property
    def label(self) -> str:
        return f"{NOTE_NAMES[self.root]}:{self.quality}"


@dataclass(frozen=True, slots=True)
class Key:
    tonic: int  # pitch class
    scale: str = "Major"  # one of SCALES
    spelling: str = field(default="", compare=False)  # the tonic as the user wrote it ("Gb"); "": usual

    @property
    def intervals(self) -> tuple[int, ...]:
        return SCALES[self.scale]

    @property
    def pitch_classes(self) -> frozenset[int]:
        return frozenset((self.tonic + i) % 12 for i in self.intervals)

    def __str__(self) -> str:
        if self.spelling:
            return f"{self.spelling} {mode_name(self.scale)}"
        return key_name(self.tonic, self.scale)


@dataclass(frozen=True, slots=True)
class MusicalContext:
    """What a generator needs to know about the song; built from Live, analysis or the CLI."""

    tempo_bpm: float = 120.0
    signature: tuple[int, int] = (4, 4)
    key: Key = field(default_factory=lambda: Key(0, "Major"))
    genre: str = "pop"
    bars: int = 8
    chords: tuple[Chord, ...] = ()  # empty: the harmony engine writes a progression

    @property
    def beats_per_bar(self) -> float:
        """Quarter-note beats per bar: 4 in 4/4, 3 in 6/8, 3.5 in 7/8."""
        num, den = self.signature
        return num * 4.0 / den

    @property
    def length_beats(self) -> float:
        return self.bars * self.beats_per_bar


_KEY_RE = re.compile(r"^\s*([A-Ga-g])\s*(#|b|sharp|flat|♯|♭)?\s*(.*?)\s*$", re.IGNORECASE)
_MODE_ALIASES = {
    "": "Major",
    "maj": "Major",
    "major": "Major",
    "m": "Minor",
    "min": "Minor",
    "minor": "Minor",
    "aeolian": "Minor",
    "ionian": "Major",
}


def key_name(tonic: int, scale: str) -> str:
    """'Eb major', 'C# minor', 'Ab mixolydian': the tonic spelled as the key's signature spells it.

    Modes other than major and minor take the major keys' spelling when their third is major,
    the minor keys' otherwise.
    """
    tonics = MAJOR_KEY_TONICS if 4 in SCALES[scale] else MINOR_KEY_TONICS
    return f"{tonics[tonic % 12]} {mode_name(scale)}"


def mode_name(scale: str) -> str:
    """'major', 'minor', 'dorian': a scale's name as it follows the tonic."""
    return {"Major": "major", "Minor": "minor"}.get(scale, scale.lower())


def parse_key(text: str) -> Key:
    """Parse "A minor", "F# major", "Bb", "c#m", "D dorian" into a Key; raises InvalidValue.

    The Key keeps the tonic's spelling ("Gb major" prints as Gb major, not F# major).
    """
    m = _KEY_RE.match(text)
    valid = "a note A..G with optional # or b, then major, minor or a mode (e.g. 'A minor', 'F# major')"
    if not m:
        raise InvalidValue(f"key {text!r} is not valid: expected {valid}")
    letter, accidental, mode_text = m.groups()
    pc = _PITCH_CLASS[letter.upper()]
    spelling = letter.upper()
    if accidental:
        sharp = accidental.lower() in ("#", "sharp", "♯")
        pc += 1 if sharp else -1
        spelling += "#" if sharp else "b"
    mode_key = mode_text.strip().lower()
    scale = _MODE_ALIASES.get(mode_key)
    if scale is None:
        by_lower = {name.lower(): name for name in SCALES}
        scale = by_lower.get(mode_key)
    if scale is None:
        raise InvalidValue(f"key {text!r} has an unknown mode {mode_text!r}: expected {valid}")
    return Key(pc % 12, scale, spelling)


def parse_signature(text: str) -> tuple[int, int]:
    """Parse "3/4" into (3, 4); raises InvalidValue for anything outside VALID_SIGNATURES."""
    valid = ", ".join(f"{n}/{d}" for n, d in VALID_SIGNATURES)
    try:
        num_text, den_text = text.split("/")
        sig = (int(num_text), int(den_text))
    except ValueError as exc:
        raise InvalidValue(f"time signature {text!r} is not valid: expected one of {valid}") from exc
    if sig not in VALID_SIGNATURES:
        raise InvalidValue(f"time signature {text!r} is not supported: expected one of {valid}")
    return sig
