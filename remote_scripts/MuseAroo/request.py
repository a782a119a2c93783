"""One OSC request, its argument checks, and the lookups of tracks, slots and clips by index.

Every check raises RequestError with a message that names the bad value and what was
expected; the surface sends it back on /live/error. Indices are 0-based; -1 means the
selected track or scene where a handler allows it. A place found is named as Live shows it
(``places``: "track 3 'Drums', scene 2"); an index out of range is named as sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import Live

from .places import slot_of, track_of

if TYPE_CHECKING:
    Address = tuple[str, int]


class RequestError(Exception):
    """A request the script cannot serve; the message is sent back to the client."""


def _kind(value: Any) -> str:
    return type(value).__name__


class Request:
    def __init__(self, address: str, args: Sequence[Any], sender: Address) -> None:
        self.address = address
        self.args = list(args)
        self.sender = sender

    def expect_count(self, low: int, high: int | None, layout: str) -> None:
        n = len(self.args)
        if n < low or (high is not None and n > high):
            want = str(low) if high == low else (f"{low} or more" if high is None else f"{low}..{high}")
            raise RequestError(f"{self.address} takes {want} argument(s) ({layout}), got {n}")

    def int_at(self, i: int, name: str, low: int | None = None, high: int | None = None) -> int:
        value = self.args[i]
        if isinstance(value, bool) or not isinstance(value, int):
            raise RequestError(f"{name} {value!r} ({_kind(value)}): expected an int")
        if (low is not None and value < low) or (high is not None and value > high):
            raise RequestError(f"{name} {value} is out of range: expected {low}..{high}")
        return value

    def float_at(self, i: int, name: str, low: float | None = None, high: float | None = None) -> float:
        value = self.args[i]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RequestError(f"{name} {value!r} ({_kind(value)}): expected a number")
        value = float(value)
        if value != value or (low is not None and value < low) or (high is not None and value > high):
            raise RequestError(f"{name} {value!r} is out of range: expected {low}..{high}")
        return value

    def str_at(self, i: int, name: str) -> str:
        value = self.args[i]
        if not isinstance(value, str):
            raise RequestError(f"{name} {value!r} ({_kind(value)}): expected a string")
        return value

    def blob_at(self, i: int, name: str) -> bytes:
        value = self.args[i]
        if not isinstance(value, (bytes, bytearray)):
            raise RequestError(f"{name} {value!r} ({_kind(value)}): expected a blob")
        return bytes(value)


# --- lookups ---------------------------------------------------------------------------------


def selected_track_index(song: Live.Song.Song) -> int:
    """Index of the selected track in song.tracks, -1 when a return or the main track is selected."""
    selected = song.view.selected_track
    for index, track in enumerate(song.tracks):
        if track == selected:
            return index
    return -1


def selected_scene_index(song: Live.Song.Song) -> int:
    selected = song.view.selected_scene
    for index, scene in enumerate(song.scenes):
        if scene == selected:
            return index
    return -1


def track_index(song: Live.Song.Song, index: int, allow_selected: bool = False) -> int:
    count = len(song.tracks)
    if allow_selected and index == -1:
        index = selected_track_index(song)
        if index < 0:
            raise RequestError("track -1 means the selected track, but no MIDI or audio track is selected")
    if not 0 <= index < count:
        raise RequestError(
            f"track {index} is out of range: expected 0..{count - 1} (the Set has {count} tracks)"
        )
    return index


def slot_index(song: Live.Song.Song, index: int, allow_selected: bool = False) -> int:
    count = len(song.scenes)
    if allow_selected and index == -1:
        index = selected_scene_index(song)
        if index < 0:
            raise RequestError("slot -1 means the selected scene, but no scene is selected")
    if not 0 <= index < count:
        raise RequestError(
            f"slot {index} is out of range: expected 0..{count - 1} (the Set has {count} scenes)"
        )
    return index


def clip_slot(song: Live.Song.Song, track: int, slot: int) -> Any:
    return song.tracks[track_index(song, track)].clip_slots[slot_index(song, slot)]


def clip(song: Live.Song.Song, track: int, slot: int, midi: bool = False) -> Any:
    found = clip_slot(song, track, slot).clip
    if found is None:
        raise RequestError(f"{slot_of(song, track, slot)} is empty: expected a clip there")
    if midi and not found.is_midi_clip:
        raise RequestError(f"{slot_of(song, track, slot)} holds an audio clip: expected a MIDI clip")
    return found


def arrangement_clip(song: Live.Song.Song, track: int, index: int) -> tuple:
    """(track, index, clip) of the index-th arrangement clip on track (by start time).

    index -1 means the arrangement clip shown in Live's Clip View (on track, when track >= 0);
    track -1 with an index >= 0 means the selected track.
    """
    if index == -1:
        return _detail_arrangement_clip(song, track)
    track = track_index(song, track, allow_selected=True)
    clips = _arrangement_clips(song, track)
    if not 0 <= index < len(clips):
        raise RequestError(
            f"arrangement clip {index} on {track_of(song, track)} is out of range: "
            f"expected 0..{len(clips) - 1} (the track has {len(clips)} arrangement clips)"
        )
    return track, index, clips[index]


def _arrangement_clips(song: Live.Song.Song, track: int) -> list:
    target = song.tracks[track]
    if not hasattr(target, "arrangement_clips"):
        raise RequestError(
            "this Live has no Track.arrangement_clips: arrangement clips need Live 11 or newer"
        )
    return list(target.arrangement_clips)


def _detail_arrangement_clip(song: Live.Song.Song, track: int) -> tuple:
    shown = song.view.detail_clip
    if shown is None or not shown.is_arrangement_clip:
        raise RequestError(
            "arrangement clip -1 means the one shown in Live's Clip View, but "
            + ("no clip is shown there" if shown is None else "a session clip is shown there")
        )
    tracks = range(len(song.tracks)) if track == -1 else [track_index(song, track)]
    for t in tracks:
        for index, found in enumerate(_arrangement_clips(song, t)):
            if found == shown:
                return t, index, found
    where = "on no MIDI or audio track" if track == -1 else f"not on {track_of(song, track)}"
    raise RequestError(f"the arrangement clip shown in Live's Clip View is {where}")


def find_clip(song: Live.Song.Song, track: int, slot: int, arrangement: int) -> tuple:
    """(track, slot, clip): a session slot's clip (-1: the selected track / scene), or with
    arrangement 1 an arrangement clip by index (see arrangement_clip)."""
    if arrangement:
        return arrangement_clip(song, track, slot)
    track = track_index(song, track, allow_selected=True)
    slot = slot_index(song, slot, allow_selected=True)
    return track, slot, clip(song, track, slot)


def next_empty_slot(song: Live.Song.Song, track: int, slot: int) -> int:
    """The first empty slot at or below slot on track, creating a scene at the end when none is left."""
    slots = song.tracks[track].clip_slots
    for index in range(slot, len(slots)):
        if not slots[index].has_clip:
            return index
    song.create_scene(-1)
    return len(song.scenes) - 1


def note_rows(notes: list[Any]) -> list[Any]:
    """Live MidiNotes as flat (pitch, start_beats, duration_beats, velocity, mute) rows."""
    return [(n.pitch, n.start_time, n.duration, round(n.velocity), int(n.mute)) for n in notes]
