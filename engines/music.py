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
# Every scale Live 12 offers (its scale menu, in Live's order), with its intervals in semitones.
# Live's documentation names them but does not list intervals; these are the standard spellings of
# each name and match the Song.scale_intervals Live reports for them. The in-memory Live
# (livesim/song.py) takes its scale names and intervals from this one table.
SCALES: dict[str, tuple[int, ...]] = {
    "Major": (0, 2, 4, 5, 7, 9, 11),
    "Minor": (0, 2, 3, 5, 7, 8, 10),
    "Dorian": (0, 2, 3, 5, 7, 9, 10),
    "Mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "Lydian": (0, 2, 4, 6, 7, 9, 11),
    "Phrygian": (0, 1, 3, 5, 7, 8, 10),
    "Locrian": (0, 1, 3, 5, 6, 8, 10),
    "Whole Tone": (0, 2, 4, 6, 8, 10),
    "Half-whole Dim.": (0, 1, 3, 4, 6, 7, 9, 10),
    "Whole-half Dim.": (0, 2, 3, 5, 6, 8, 9, 11),
    "Minor Blues": (0, 3, 5, 6, 7, 10),
    "Minor Pentatonic": (0, 3, 5, 7, 10),
    "Major Pentatonic": (0, 2, 4, 7, 9),
    "Harmonic Minor": (0, 2, 3, 5, 7, 8, 11),
    "Harmonic Major": (0, 2, 4, 5, 7, 8, 11),
    "Dorian #4": (0, 2, 3, 6, 7, 9, 10),
    "Phrygian Dominant": (0, 1, 4, 5, 7, 8, 10),
    "Melodic Minor": (0, 2, 3, 5, 7, 9, 11),
    "Lydian Augmented": (0, 2, 4, 6, 8, 9, 11),
    "Lydian Dominant": (0, 2, 4, 6, 7, 9, 10),
    "Super Locrian": (0, 1, 3, 4, 6, 8, 10),
    "Bhairav": (0, 1, 4, 5, 7, 8, 11),
    "Hungarian Minor": (0, 2, 3, 6, 7, 8, 11),
    "8-Tone Spanish": (0, 1, 3, 4, 5, 6, 8, 10),
    "Hirajoshi": (0, 2, 3, 7, 8),
    "In-Sen": (0, 1, 5, 7, 10),
    "Iwato": (0, 1, 5, 6, 10),
    "Kumoi": (0, 2, 3, 7, 9),
    "Pelog Selisir": (0, 1, 3, 7, 8),
    "Pelog Tembung": (0, 1, 5, 7, 8),
    "Messiaen 3": (0, 2, 3, 4, 6, 7, 8, 10, 11),
    "Messiaen 4": (0, 1, 2, 5, 6, 7, 8, 11),
    "Messiaen 5": (0, 1, 5, 6, 7, 11),
    "Messiaen 6": (0, 2, 4, 5, 6, 8, 10, 11),
    "Messiaen 7": (0, 1, 2, 3, 5, 6, 7, 8, 9, 11),
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
    mode_spelling: str = field(
        default="", compare=False
    )  # a scale's name as written ("Hirajoshi"); "": usual

    @property
    def intervals(self) -> tuple[int, ...]:
        return SCALES[self.scale]

    @property
    def pitch_classes(self) -> frozenset[int]:
        return frozenset((self.tonic + i) % 12 for i in self.intervals)

    def __str__(self) -> str:
        if self.mode_spelling:
            return f"{self.spelling or key_name(self.tonic, self.scale).split()[0]} {self.mode_spelling}"
        if self.spelling:
            return f"{self.spelling} {mode_name(self.scale)}"
        return key_name(self.tonic, self.scale)


FILLS = ("none", "phrase", "4")  # no fills; at the end of every 8-bar phrase and the clip; every 4 bars


@dataclass(frozen=True, slots=True)
class Feel:
    """Groove controls that override the genre's defaults; None keeps the genre's own value.

    swing 0..1 (1 puts off-beats on the last triplet), humanize 0..1 (0: exactly on the grid),
    accent 0..1 (velocity range: 0 flat, 0.5 as the genre writes, 1 twice as wide), intensity
    0..1 (energy: fewer and softer notes below 0.5, more and louder above), fills one of FILLS.
    """

    swing: float | None = None
    humanize: float | None = None
    accent: float | None = None
    intensity: float | None = None
    fills: str | None = None


@dataclass(frozen=True, slots=True)
class MusicalContext:
    """What a generator needs to know about the song; built from Live, analysis or the CLI."""

    tempo_bpm: float = 120.0
    signature: tuple[int, int] = (4, 4)
    key: Key = field(default_factory=lambda: Key(0, "Major"))
    genre: str = "pop"
    bars: int = 8
    chords: tuple[Chord, ...] = ()  # empty: the harmony engine writes a progression
    feel: Feel = field(default_factory=Feel)  # groove controls; the genre's defaults where None

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
    "naturalminor": "Minor",
    "ionian": "Major",
    "altered": "Super Locrian",
    "doubleharmonic": "Bhairav",
    "doubleharmonicmajor": "Bhairav",
    "blues": "Minor Blues",
    "octatonic": "Half-whole Dim.",
}


def scale_id(text: str) -> str:
    """A scale name folded for lookup: lower case, "diminished" as "dim", only letters, digits, #.

    "Half-whole Dim.", "half whole diminished" and "HALF-WHOLE DIM" all fold to "halfwholedim".
    """
    folded = text.lower().replace("diminished", "dim").replace("sharp", "#").replace("♯", "#")
    return re.sub(r"[^a-z0-9#]", "", folded)


_SCALE_IDS = {scale_id(name): name for name in SCALES} | _MODE_ALIASES


def scale_named(text: str) -> str | None:
    """Live 12's spelling of a scale name given in any case or spacing, or None when unknown."""
    return _SCALE_IDS.get(scale_id(text))


def key_name(tonic: int, scale: str) -> str:
    """'Eb major', 'C# minor', 'Ab mixolydian': the tonic spelled as the key's signature spells it.

    Modes other than major and minor take the major keys' spelling when their third is major,
    the minor keys' otherwise.
    """
    tonics = MAJOR_KEY_TONICS if 4 in SCALES[scale] else MINOR_KEY_TONICS
    return f"{tonics[tonic % 12]} {mode_name(scale)}"


FLAT_ROOTS = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")


def key_roots(key: Key) -> tuple[str, ...]:
    """The twelve roots spelled as ``key``'s signature spells them: sharps in a key with sharps
    (F# in A major), flats in one with flats (Bb in F major). C major and A minor, which have
    neither, take flats (the chords borrowed from the parallel minor are the flat-side ones)."""
    major_tonic = key.tonic if 4 in SCALES[key.scale] else (key.tonic + 3) % 12
    fifths = (7 * major_tonic) % 12  # 0 C, 1 G (one sharp) ... 6 F#, 7 Db (five flats) ... 11 F
    return NOTE_NAMES if 1 <= fifths <= 6 else FLAT_ROOTS


def mode_name(scale: str) -> str:
    """'major', 'minor', 'dorian': a scale's name as it follows the tonic."""
    return {"Major": "major", "Minor": "minor"}.get(scale, scale.lower())


def parse_key(text: str) -> Key:
    """Parse "A minor", "F# major", "Bb", "c#m", "E Hirajoshi", "A Minor Pentatonic" into a Key.

    The mode is major, minor or any Live 12 scale name, case-insensitive; raises InvalidValue.
    The Key keeps the tonic's spelling ("Gb major" prints as Gb major, not F# major).
    """
    m = _KEY_RE.match(text)
    valid = (
        "a note A..G with optional # or b, then major, minor or a Live 12 scale "
        "(e.g. 'A minor', 'F# major', 'E Hirajoshi', 'A Minor Pentatonic')"
    )
    if not m:
        raise InvalidValue(f"key {text!r} is not valid: expected {valid}")
    letter, accidental, mode_text = m.groups()
    pc = _PITCH_CLASS[letter.upper()]
    spelling = letter.upper()
    scale = scale_named(mode_text)
    if accidental:
        sharp = accidental.lower() in ("#", "sharp", "♯")
        if scale is None and accidental.lower() == "b":  # "B bhairav": the b starts the scale's name
            scale = scale_named(accidental + mode_text)
        else:
            pc += 1 if sharp else -1
            spelling += "#" if sharp else "b"
    if scale is None:
        # "A bogus": a b set apart from the letter and written against the mode is the mode's first
        # letter, so the error names the mode as written, not what follows the b.
        apart, against = m.end(1) < m.start(2), m.end(2) == m.start(3)
        b_starts_mode = bool(accidental) and accidental.lower() == "b" and apart and against
        mode_written = accidental + mode_text if b_starts_mode else mode_text
        raise InvalidValue(
            f"key {text!r} has an unknown mode {mode_written!r}: expected {valid}; the scales are "
            f"{', '.join(SCALES)}"
        )
    # a scale's name as Live writes it keeps the case it was typed in ("E Hirajoshi"); other spellings
    # ("sharp 4" for "#4"), major and minor read as usual
    typed = " ".join(
        (accidental + mode_text if spelling == letter.upper() and accidental else mode_text).split()
    )
    written = typed if scale not in ("Major", "Minor") and typed.lower() == scale.lower() else ""
    return Key(pc % 12, scale, spelling, written)


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
