"""Plain readings of an in-memory Set for tests and benchmarks: clips as rows and dicts.

Each reader touches Live objects, so it must run on the host's main thread (``LiveHost.call``
does that; ``LiveHost.clip_notes`` and its siblings wrap these). Times are in beats; audio
clips' warp markers come as (seconds of the file, beats) pairs.
"""

from __future__ import annotations

from typing import Any

from livesim.song import Song

NoteRow = tuple[int, float, float, int, int]
ArrangementClip = tuple[float, float, str, list[NoteRow]]
CLIP_PROPERTIES = ("name", "length", "looping", "loop_start", "loop_end", "start_marker", "end_marker")


def note_rows(clip: Any) -> list[NoteRow]:
    """(pitch, start_beats, duration_beats, velocity, mute) of a MIDI clip's notes, sorted by time."""
    return [
        (n.pitch, n.start_time, n.duration, round(n.velocity), int(n.mute))
        for n in clip.get_all_notes_extended()
    ]


def clip_notes(song: Song, track: int, slot: int) -> list[NoteRow]:
    """note_rows of the clip in a session slot, or LookupError for an empty slot."""
    clip = song.tracks[track].clip_slots[slot].clip
    if clip is None:
        raise LookupError(f"track {track} slot {slot} holds no clip")
    return note_rows(clip)


def arrangement_clips(song: Song, track: int) -> list[ArrangementClip]:
    """(start_beats, length_beats, name, notes) of each arrangement clip on a track, by start time."""
    return [
        (clip.start_time, clip.length, clip.name, note_rows(clip))
        for clip in song.tracks[track].arrangement_clips
    ]


def clip_properties(song: Song, track: int, slot: int) -> dict[str, Any] | None:
    """The clip's properties as a dict (None for an empty slot); warp markers as (seconds, beats)."""
    clip = song.tracks[track].clip_slots[slot].clip
    return None if clip is None else properties(clip)


def arrangement_clip_properties(song: Song, track: int, index: int) -> dict[str, Any]:
    """clip_properties of the track's index-th arrangement clip (by start time), with its start_time."""
    clip = song.tracks[track].arrangement_clips[index]
    return {**properties(clip), "start_time": clip.start_time}


def properties(clip: Any) -> dict[str, Any]:
    """A clip's properties as a dict; an audio clip's warp markers as (seconds, beats)."""
    out: dict[str, Any] = {p: getattr(clip, p) for p in CLIP_PROPERTIES}
    out["is_audio_clip"] = clip.is_audio_clip
    if clip.is_audio_clip:
        out.update(file_path=clip.file_path, warping=clip.warping, sample_rate=clip.sample_rate)
        out.update(
            warp_mode=clip.warp_mode,
            warp_markers=[(m.sample_time, m.beat_time) for m in clip.warp_markers],
        )
    return out
