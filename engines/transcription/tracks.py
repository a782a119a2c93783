"""Tracks (notes in model frames) to TranscribedNotes: times, velocities and pitch bends."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors
from engines.transcription.notes import TranscribedNote

CONTOUR_BINS_PER_SEMITONE = 3


@dataclass(frozen=True, slots=True)
class Track:
    """A note as the trackers find it: MIDI pitch, first frame, end frame (exclusive), strength 0..1."""

    pitch: int
    start: int
    end: int
    strength: float


def velocity(strength: float) -> int:
    """A MIDI velocity 1..127 from a note's model strength (0..1)."""
    return int(np.clip(round(30 + 97 * strength), 1, 127))


def bends(post: Posteriors, track: Track) -> tuple[tuple[float, float], ...]:
    """The note's pitch deviation in semitones, one point per frame, from the contour map (+-1 semitone)."""
    centre = (track.pitch - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE + 1
    low, high = max(0, centre - 3), min(post.contour.shape[1], centre + 4)
    points = []
    for frame in range(track.start, min(track.end, post.n_frames)):
        row = post.contour[frame, low:high]
        offset = (low + int(np.argmax(row)) - centre) / CONTOUR_BINS_PER_SEMITONE
        points.append((round(frame / FRAMES_PER_S, 4), round(offset, 3)))
    return tuple(points)


def to_notes(
    post: Posteriors, tracks: list[Track], starts_s: list[float], *, with_bends: bool
) -> list[TranscribedNote]:
    """TranscribedNotes from tracks and their (refined) start times, ordered by start then pitch."""
    notes = []
    for track, start_s in zip(tracks, starts_s, strict=True):
        end_s = max(track.end / FRAMES_PER_S, start_s + 0.03)
        notes.append(
            TranscribedNote(
                pitch=track.pitch,
                start_s=round(start_s, 4),
                end_s=round(end_s, 4),
                velocity=velocity(track.strength),
                bends=bends(post, track) if with_bends else (),
            )
        )
    return sorted(notes, key=lambda n: (n.start_s, n.pitch))


def one_at_a_time(notes: list[TranscribedNote], min_length_s: float = 0.05) -> list[TranscribedNote]:
    """A one-note line kept so: each note ends by the next one's start, and slivers shorter than
    ``min_length_s`` (left where a start moved onto its neighbour's attack) are dropped."""
    kept: list[TranscribedNote] = []
    for note in sorted(notes, key=lambda n: n.start_s):
        if kept and kept[-1].end_s > note.start_s:
            kept[-1] = dataclasses.replace(kept[-1], end_s=note.start_s)
            if kept[-1].duration_s < min_length_s:
                kept.pop()
        if note.duration_s >= min_length_s:
            kept.append(note)
    return kept
