"""Places in the Set as the Remote Script's messages name them to a person: its one rule, written once.

The same rule as the daemon's ``bridge/actions/place/places.py`` (this script may not import it; a
test holds the two to the same text for the same place): a place the script found is named as Live
shows it, a track by its number from 1 and its name ("track 3 'Drums'"), a session slot by its scene
from 1 ("track 3 'Drums', scene 2"), a place in the Arrangement as Live's bar.beat in the song's
signature ("bar 5.1"; off the beat Live's sixteenth follows, "bar 1.3.3"), an arrangement clip by its
track, its name and the bar it starts at ("track 5 'Vox', the clip 'Take' at bar 5.1"). A value the caller sent
that is wrong (an index out of range, a type) is no place: its error names it as sent, with what was
expected. OSC addresses and arguments keep Live's indexes from 0.
"""

from __future__ import annotations

import math
from typing import Any

MAX_BEATS = 1576800.0  # Live's last place in beats (its longest clip): a later one is no place


def track_at(track: int, name: str = "") -> str:
    """Live's track ``track`` (its index from 0) as Live shows it: "track 2 'Bass'" (no name: "track 2")."""
    return f"track {track + 1}" + (f" {name!r}" if name else "")


def slot_at(track: int, slot: int, name: str = "") -> str:
    """A session slot (indexes from 0) as Live shows it: "track 2 'Bass', scene 1"."""
    return f"{track_at(track, name)}, scene {slot + 1}"


def bar_beat(beats: float, bar_beats: float = 4.0, beat_beats: float = 1.0) -> str:
    """Beats from the song's start as Live's bar.beat from 1.1 ("5.1" is beat 16 in 4/4), the sixteenth
    added only off the beat ("5.2.3"), rounded to the nearest sixteenth. ``bar_beats``: quarter-note
    beats in a bar (4.0 * numerator / denominator); ``beat_beats``: in one of the signature's beats
    (4.0 / denominator), as Live counts them: in 6/8 its beats are eighths (beat 1.5 is "1.4") and its
    sixteenths two to a beat. A place rounding to before 1.1 or past
    ``MAX_BEATS``, or no number, raises ValueError (the page's and the device's copies throw RangeError)."""
    if not (
        isinstance(beats, (int, float)) and math.isfinite(beats) and 0 <= round(beats * 4) <= MAX_BEATS * 4
    ):
        raise ValueError(f"beats {beats} is no place in Live: expected 0..{MAX_BEATS:.0f}")
    sixteenths = round(beats * 4)
    bar, rest = divmod(sixteenths, max(1, round(bar_beats * 4)))
    beat, sixteenth = divmod(rest, max(1, round(beat_beats * 4)))
    return f"{bar + 1}.{beat + 1}" + (f".{sixteenth + 1}" if sixteenth else "")


def bar_beats_of(song: Any) -> float:
    """Quarter-note beats in one bar of Live's song (4.0 in 4/4, 3.0 in 6/8)."""
    return song.signature_numerator * 4.0 / song.signature_denominator


def meter_of(song: Any) -> tuple[float, float]:
    """Quarter-note beats in one bar and in one beat of Live's song: (4.0, 1.0) in 4/4, (3.0, 0.5) in 6/8.
    Live's API gives the song's signature only (no signature change in the Arrangement is readable)."""
    return bar_beats_of(song), 4.0 / song.signature_denominator


def bar_at(beats: float, song: Any) -> str:
    """A place in the Arrangement (beats from the song's start) in Live's song's signature: "bar 5.1"."""
    return "bar " + bar_beat(beats, *meter_of(song))


def bars_from_to(start: float, end: float, song: Any) -> str:
    """An Arrangement region from ``start`` to ``end`` beats as Live's ruler shows it: "bars 5.1..9.1"."""
    meter = meter_of(song)
    return f"bars {bar_beat(start, *meter)}..{bar_beat(end, *meter)}"


def track_of(song: Any, track: int) -> str:
    """Live's track ``track`` (index from 0, in range) with its name: "track 3 'Drums'"."""
    return track_at(track, str(song.tracks[track].name))


def slot_of(song: Any, track: int, slot: int) -> str:
    """A session slot (indexes from 0, in range) with its track's name: "track 3 'Drums', scene 2"."""
    return slot_at(track, slot, str(song.tracks[track].name))


def arrangement_clip_at(
    track: int, start_beats: float, song: Any, track_name: str = "", clip_name: str = ""
) -> str:
    """An arrangement clip (track index from 0) as Live shows it: its track, its name and where it starts,
    "track 5 'Vox', the clip 'Take' at bar 5.1" (no clip name: "track 5 'Vox', the clip at bar 5.1")."""
    clip = f"the clip {clip_name!r}" if clip_name else "the clip"
    return f"{track_at(track, track_name)}, {clip} at {bar_at(start_beats, song)}"


def arrangement_clip_of(song: Any, track: int, clip: Any) -> str:
    """Live's arrangement clip on track ``track`` (index from 0, in range) as Live shows it:
    "track 3 'Drums', the clip 'Take' at bar 9.1"."""
    name = str(song.tracks[track].name)
    return arrangement_clip_at(track, clip.start_time, song, name, str(clip.name))


def clip_of(song: Any, track: int, slot: int, clip: Any, arrangement: bool) -> str:
    """A clip found by (track, slot) or, with ``arrangement``, by (track, its arrangement clip index):
    its session slot, or its track and the bar it starts at."""
    return arrangement_clip_of(song, track, clip) if arrangement else slot_of(song, track, slot)
