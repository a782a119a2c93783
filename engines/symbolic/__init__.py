"""MIDI clips as context: harmony, key and scale, rhythm and register derived from notes.

``describe(notes, length_beats)`` reads one clip (the daemon's call); ``describe_tracks`` reads a
song file's pitched tracks together (the CLI's); ``analysis_dict`` gives a MIDI file the JSON
fields of an audio analysis (``backend`` "midi"). Times are beats
from the clip start; the seconds in the analysis dict follow the file's tempo.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from engines.music import Chord, Key, Note, key_roots
from engines.symbolic.chords import NO_CHORD, ChordSpan, recognise
from engines.symbolic.keys import KeyReading, read_key
from engines.symbolic.midi_in import MidiTracks, read_tracks, write_tracks
from engines.symbolic.profile import ClipProfile, is_drum_part, onsets, profile

__all__ = [
    "NO_CHORD",
    "SAID_RIVALS",
    "ChordSpan",
    "ClipContext",
    "KeyReading",
    "MidiTracks",
    "analysis_dict",
    "describe",
    "describe_tracks",
    "either",
    "held_said",
    "is_drum_part",
    "onsets",
    "read_tracks",
    "weighted_notes",
    "write_tracks",
]


SAID_RIVALS = 3  # the rivals a held key is said with ("A major, E major, E minor or A minor?")
HINT_QUALITIES = ("maj", "min", "7", "maj7", "min7")  # chords that can be a key's tonic chord


@dataclass(frozen=True, slots=True)
class ClipContext:
    """What a clip says about the song: chords, key, and how it moves."""

    chords: tuple[ChordSpan, ...]
    key: Key | None
    key_confidence: float
    profile: ClipProfile
    key_alternatives: tuple[tuple[Key, float], ...] = ()  # rivals of ``key``, likeliest first
    mode_open: bool = False  # no third on the tonic: major or minor cannot be told

    def key_said(self, apply_level: float) -> str:
        """ "E minor (0.92)", or with its rivals when below ``apply_level``: "E minor (0.45, held: not
        sure enough to set as the song's key (confidence below 0.6): E minor, A major, A minor or B
        minor?)" (the key and its first ``SAID_RIVALS`` rivals); "no key" for a clip without pitched notes."""
        if self.key is None:
            return "no key"
        text = f"{self.key} ({self.key_confidence:.2f}"
        if self.key_confidence < apply_level and self.key_alternatives:
            rivals = (k for k, _ in self.key_alternatives[:SAID_RIVALS])
            text += held_said(apply_level, [str(self.key), *map(str, rivals)])
        return text + ")"

    def generator_chords(self) -> tuple[Chord, ...]:
        """The chords as the generators follow them (no-chord steps left out)."""
        return tuple(c for c in (span.as_chord() for span in self.chords) if c is not None)


def describe(
    notes: Sequence[Note], length_beats: float, *, step_beats: float = 1.0, drums: bool | None = None
) -> ClipContext:
    """Harmony (a chord per ``step_beats``, merged), key and profile of a clip's notes.

    A drum clip (``drums`` True, or guessed from the notes when None) has no harmony: its chords
    are one "N" span and its key None.
    """
    prof = profile(notes, length_beats, drums=drums)
    if prof.role == "drums":
        silent = (ChordSpan(0.0, length_beats, NO_CHORD, None, "", None),)
        return ClipContext(silent, None, 0.0, prof)
    chords = tuple(recognise(notes, length_beats, step_beats=step_beats))
    return _spelled(_with_key(chords, prof, read_key(notes, tonic_hints(chords))))


# How much a track's notes count toward the harmony of a song read whole, by its role: a melody's
# passing tones and a walking bass count less than the chords (docs/benchmarks/generators.md: majmin 0.925
# -> 0.976 on our songs read whole).
ROLE_WEIGHTS = {"melody": 0.35, "bass": 0.7}


def weighted_notes(tracks: Sequence[Sequence[Note]], length_beats: float) -> tuple[list[Note], list[float]]:
    """All the tracks' notes, and each note's weight toward the harmony (``ROLE_WEIGHTS``)."""
    notes: list[Note] = []
    note_weights: list[float] = []
    for track in tracks:
        role = profile(track, length_beats, drums=False).role
        notes += track
        note_weights += [ROLE_WEIGHTS.get(role, 1.0)] * len(track)
    return notes, note_weights


def describe_tracks(
    tracks: Sequence[Sequence[Note]], length_beats: float, *, step_beats: float = 1.0
) -> ClipContext:
    """``describe`` for a song's pitched tracks read together, each weighted by its role."""
    notes, note_weights = weighted_notes(tracks, length_beats)
    prof = profile(notes, length_beats, drums=False)
    chords = tuple(recognise(notes, length_beats, step_beats=step_beats, note_weights=note_weights))
    return _spelled(_with_key(chords, prof, read_key(notes, tonic_hints(chords))))


def _spelled(ctx: ClipContext) -> ClipContext:
    """The chord labels' roots spelled as the detected key spells them ("Bb:maj" in F major)."""
    if ctx.key is None:
        return ctx
    roots = key_roots(ctx.key)
    chords = tuple(
        c if c.root is None else replace(c, label=roots[c.root] + c.label[c.label.index(":") :])
        for c in ctx.chords
    )
    return replace(ctx, chords=chords)


def held_said(apply_level: float, keys: Sequence[str]) -> str:
    """ ", held: not sure enough to set as the song's key (confidence below 0.6): E minor or A major?"."""
    return (
        f", held: not sure enough to set as the song's key (confidence below {apply_level:g}): {either(keys)}"
    )


def either(names: Iterable[str]) -> str:
    """ "E minor or A major?", "E minor, A major or A minor?"."""
    listed = list(names)
    return (", ".join(listed[:-1]) + " or " if len(listed) > 1 else "") + listed[-1] + "?"


def _with_key(chords: tuple[ChordSpan, ...], prof: ClipProfile, reading: KeyReading) -> ClipContext:
    return ClipContext(chords, reading.key, reading.confidence, prof, reading.alternatives, reading.mode_open)


def tonic_hints(chords: Sequence[ChordSpan]) -> list[Key]:
    """The keys whose tonic chord opens or closes the clip (its first and last named chords)."""
    named = [(c.root, c.quality) for c in chords if c.root is not None and c.quality in HINT_QUALITIES]
    return [Key(root, "Minor" if q.startswith("min") else "Major") for root, q in named[:1] + named[-1:]]


def analysis_dict(song: MidiTracks, *, step_beats: float = 1.0) -> dict[str, Any]:
    """An audio analysis's JSON fields for a MIDI file: all pitched tracks' notes, seconds at its tempo."""
    pitched = [list(t.notes) for t in song.tracks if not t.is_drums]
    ctx = describe_tracks(pitched, song.length_beats, step_beats=step_beats)
    s_per_beat = 60.0 / song.tempo_bpm
    num, den = song.signature
    bar_beats = num * 4.0 / den
    beat_beats = 4.0 / den if den == 4 or num % 3 else 12.0 / den  # 6/8: dotted quarters
    beats: list[float] = []
    t = 0.0
    while t < song.length_beats - 1e-9:
        beats.append(round(t * s_per_beat, 4))
        t += beat_beats
    downbeats = [b for i, b in enumerate(beats) if abs((i * beat_beats) % bar_beats) < 1e-9]
    return {
        "duration_s": round(song.length_beats * s_per_beat, 4),
        "tempo_bpm": round(song.tempo_bpm, 3),
        "beats_s": beats,
        "downbeats_s": downbeats,
        "time_signature": [num, den],
        "key": "N" if ctx.key is None else str(ctx.key),
        "key_confidence": round(ctx.key_confidence, 4),
        "key_alternatives": [{"key": str(k), "confidence": round(c, 4)} for k, c in ctx.key_alternatives],
        "key_ambiguous": ctx.mode_open,
        "chords": [
            {
                "start_s": round(c.start_beats * s_per_beat, 4),
                "end_s": round((c.start_beats + c.duration_beats) * s_per_beat, 4),
                "label": c.label,
            }
            for c in ctx.chords
        ],
        "chords_beats": [
            {
                "start": round(c.start_beats, 4),
                "end": round(c.start_beats + c.duration_beats, 4),
                "label": c.label,
            }
            for c in ctx.chords
        ],
        "key_from_file": None if song.key is None else str(song.key),
        "role": ctx.profile.role,
        "register": [ctx.profile.lowest, ctx.profile.highest],
        "notes_per_beat": round(ctx.profile.notes_per_beat, 4),
        "offbeat_share": round(ctx.profile.offbeat_share, 4),
        "backend": "midi",
    }
