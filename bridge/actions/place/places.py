"""Places in the Set as an answer names them to a person: the one rule, written once.

A place the action found or wrote is named as Live shows it: a track by its number from 1 (Live's
first track is "track 1", as the words read "track 2" as Live's second) and its name where known,
a session slot by its scene from 1, a place in the Arrangement as Live's bar.beat (from 1.1; the
sixteenth added only off the beat), an arrangement clip by its track, its name and the bar it starts
at ("track 5 'Vox', the clip 'Take' at bar 5.1", as the Remote Script's ``places.py`` names it too). A value the caller sent that is wrong (an OSC argument out of
range) is not a place: its error names it as sent, with what was expected. OSC addresses and
arguments, and the JSON fields of an answer, keep Live's indexes from 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

MAX_BEATS = 1576800.0  # Live's last place in beats (its longest clip): a later one is no place


@runtime_checkable
class Signed(Protocol):
    """Anything that knows the song's time signature (Live's context)."""

    @property
    def signature_numerator(self) -> int: ...
    @property
    def signature_denominator(self) -> int: ...


def track_at(track: int, name: str = "") -> str:
    """Live's track ``track`` (its index from 0) as Live shows it: "track 2 'Bass'" (no name: "track 2")."""
    return f"track {track + 1}" + (f" {name!r}" if name else "")


def slot_at(track: int, slot: int, name: str = "") -> str:
    """A session slot (indexes from 0) as Live shows it: "track 2 'Bass', scene 1"."""
    return f"{track_at(track, name)}, scene {slot + 1}"


def slots_at(track: int, slots: list[int], name: str = "") -> str:
    """Several slots of one track: "track 2 'Bass', scenes 1, 2"."""
    return f"{track_at(track, name)}, scenes " + ", ".join(str(s + 1) for s in slots)


def tracks_at(first: int, count: int) -> str:
    """``count`` tracks side by side from index ``first``: "tracks 3..6" (one: "track 3")."""
    return track_at(first) if count == 1 else f"tracks {first + 1}..{first + count}"


def bar_beat(beats: float, bar_beats: float = 4.0, beat_beats: float = 1.0) -> str:
    """A place in beats from the song's start (or a clip's) as Live's bar.beat from 1.1 ("5.1" is beat 16
    in 4/4); off the beat Live's sixteenth follows ("5.2.3"), rounded to the nearest sixteenth. ``bar_beats``:
    quarter-note beats in a bar (4.0 * numerator / denominator); ``beat_beats``: in one of the
    signature's beats (4.0 / denominator), as Live counts them: in 6/8 its beats are eighths (beat 1.5 is
    "1.4", bar 2 starts at beat 3.0) and its sixteenths two to a beat. A place rounding to before 1.1 or past
    ``MAX_BEATS``, or no number, raises ValueError (the page's and the device's copies throw RangeError)."""
    if not (
        isinstance(beats, (int, float)) and math.isfinite(beats) and 0 <= round(beats * 4) <= MAX_BEATS * 4
    ):
        raise ValueError(f"beats {beats} is no place in Live: expected 0..{MAX_BEATS:.0f}")
    sixteenths = round(beats * 4)
    bar, rest = divmod(sixteenths, max(1, round(bar_beats * 4)))
    beat, sixteenth = divmod(rest, max(1, round(beat_beats * 4)))
    return f"{bar + 1}.{beat + 1}" + (f".{sixteenth + 1}" if sixteenth else "")


def bar_at(beats: float, song: Signed | Sequence[int]) -> str:
    """A place in the Arrangement (beats from the song's start) as Live shows it in the song's signature
    (Live's context, or a take's stored [numerator, denominator]): "bar 5.1"."""
    return "bar " + bar_beat(beats, *meter(song))


def meter(song: Signed | Sequence[int]) -> tuple[float, float]:
    """Quarter-note beats in one bar and in one beat of the song's signature: (4.0, 1.0) in 4/4, (3.0, 0.5)
    in 6/8. Live's API gives the song's signature only: a signature change in the Arrangement is not read."""
    num, den = (song.signature_numerator, song.signature_denominator) if isinstance(song, Signed) else song
    return num * 4.0 / den, 4.0 / den


def arrangement_clip_at(
    track: int, start_beats: float, song: Signed | Sequence[int], track_name: str = "", clip_name: str = ""
) -> str:
    """An arrangement clip as Live shows it: its track, its name and where it starts, "track 5 'Vox', the
    clip 'Take' at bar 5.1" (no clip name: "track 5 'Vox', the clip at bar 5.1"). The Remote Script's
    ``arrangement_clip_at`` gives the same text (tests/remote_scripts/test_places_agree.py)."""
    clip = f"the clip {clip_name!r}" if clip_name else "the clip"
    return f"{track_at(track, track_name)}, {clip} at {bar_at(start_beats, song)}"
