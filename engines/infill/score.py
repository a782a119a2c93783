"""Live clips (notes in beats) to a MIDI-GPT score (tracks of bars in ticks) and back, bar for bar.

A Part is one clip: its notes (engines.music.Note, beats from the clip start), its loop length,
whether it is a drum rack and its General MIDI program. Bars follow the Set's signature: a bar
is ``numerator * 4 / denominator`` beats. Clips shorter than the score loop, as they do in a
Live scene. MIDI-GPT places notes by bar, with onsets in ticks from the bar's start; this module
writes at 480 ticks a beat and reads back at whatever resolution the result carries.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from engines.errors import InvalidValue
from engines.music import Note

TICKS_PER_BEAT = 480
EPSILON_BEATS = 1e-6
PART_PROGRAMS = {"bass": 33, "chords": 0, "melody": 80}  # General MIDI, 0-based: finger bass, piano, lead
PARTS = ("drums", "bass", "chords", "melody")


@dataclass(frozen=True, slots=True)
class Part:
    """One clip as a MIDI-GPT track: notes, loop length (None: to the end of its last bar), kind."""

    notes: tuple[Note, ...]
    length_beats: float | None = None
    drums: bool = False
    program: int = 0  # General MIDI program 0..127 (ignored for drums)
    name: str = ""


def part_for(name: str) -> tuple[bool, int]:
    """(drums, program) for a MuseAroo part name: drums, bass, chords or melody."""
    key = name.strip().lower()
    if key == "drums":
        return True, 0
    if key in PART_PROGRAMS:
        return False, PART_PROGRAMS[key]
    raise InvalidValue(f"part {name!r} is unknown: expected one of {', '.join(PARTS)}")


def bar_beats(signature: tuple[int, int]) -> float:
    """Quarter-note beats in one bar of ``signature`` (6/8: 3.0)."""
    num, den = signature
    if num < 1 or den not in (1, 2, 4, 8, 16):
        raise InvalidValue(f"signature {num}/{den} is not a time signature: expected N/1, 2, 4, 8 or 16")
    return num * 4.0 / den


def bars_in(part: Part, signature: tuple[int, int]) -> int:
    """Whole bars the clip spans: its loop length, or up to the end of its last note's bar."""
    beats = part.length_beats
    if beats is None:
        beats = max((n.start_beats for n in part.notes if not n.mute), default=0.0) + EPSILON_BEATS
    return max(1, math.ceil(beats / bar_beats(signature) - EPSILON_BEATS))


def check_notes(part: Part, what: str) -> None:
    """InvalidValue naming the first note outside MIDI's ranges or before the clip start."""
    for n in part.notes:
        if not (
            0 <= n.pitch <= 127
            and 1 <= n.velocity <= 127
            and n.start_beats >= -EPSILON_BEATS
            and n.duration_beats > 0
        ):
            raise InvalidValue(
                f"{what}: note {n} is out of range: expected pitch 0..127, velocity 1..127, start >= 0 "
                f"and duration > 0 beats"
            )


def looped(part: Part, total_beats: float, signature: tuple[int, int]) -> list[Note]:
    """The clip's unmuted notes repeated at its loop length until ``total_beats``."""
    loop = part.length_beats or bars_in(part, signature) * bar_beats(signature)
    notes = [n for n in part.notes if not n.mute and n.start_beats < loop - EPSILON_BEATS]
    out: list[Note] = []
    offset = 0.0
    while offset < total_beats - EPSILON_BEATS and notes:
        out += [
            Note(n.pitch, n.start_beats + offset, n.duration_beats, n.velocity)
            for n in notes
            if n.start_beats + offset < total_beats - EPSILON_BEATS
        ]
        offset += loop
    return out


def to_score(tracks: Sequence[tuple[Part, list[Note]]], *, n_bars: int, signature: tuple[int, int]) -> Any:
    """A midigpt Score with ``n_bars`` bars per track; each (part, notes) pair gives a track's kind and notes."""
    from midigpt import Bar, Score, Track
    from midigpt import Note as MgNote

    num, den = signature
    beats = bar_beats(signature)
    out = []
    for part, notes in tracks:
        bars = [Bar(notes=[], ts_numerator=num, ts_denominator=den, beat_length=beats) for _ in range(n_bars)]
        for n in sorted(notes, key=lambda n: (n.start_beats, n.pitch)):
            index = int((n.start_beats + EPSILON_BEATS) // beats)
            if not 0 <= index < n_bars:
                continue
            onset = round((n.start_beats - index * beats) * TICKS_PER_BEAT)
            bars[index].notes.append(
                MgNote(
                    pitch=n.pitch,
                    velocity=max(1, min(127, n.velocity)),
                    onset_ticks=max(0, onset),
                    duration_ticks=max(1, round(n.duration_beats * TICKS_PER_BEAT)),
                )
            )
        out.append(
            Track(
                bars=bars,
                instrument=0 if part.drums else part.program,
                track_type="drum" if part.drums else "melodic",
            )
        )
    return Score(tracks=out, resolution=TICKS_PER_BEAT)


def notes_of(score: Any, track: int, bars: Sequence[int], signature: tuple[int, int]) -> list[Note]:
    """The notes of ``bars`` (0-based) of one track of a result score, in beats from bar 0."""
    beats = bar_beats(signature)
    tpb = float(score.resolution)
    out = []
    for index in bars:
        for n in score.tracks[track].bars[index].notes:
            out.append(
                Note(
                    pitch=int(n.pitch),
                    start_beats=round(index * beats + n.onset_ticks / tpb, 6),
                    duration_beats=round(max(n.duration_ticks, 1) / tpb, 6),
                    velocity=max(1, min(127, int(n.velocity))),
                )
            )
    return sorted(out, key=lambda n: (n.start_beats, n.pitch))
