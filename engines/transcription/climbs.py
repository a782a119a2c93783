"""A slow-attack note's start placed where its own pitch's energy climbs, not where the model is sure.

A choir or a voice patch swells in over 100-200 ms, so the note model's onset map often peaks late,
well into the swell, and the one-note tracker starts the note there. ``earlier_starts`` looks back
from each note's start (up to ``BACK_FRAMES``, not past the note before's start) for the bottom of
its pitch's energy climb; where the climb is at least ``CLIMB_DB`` up to the note's held level, the
note starts at the first peak of its onset map on the climb (the model saw the onset, then was
surer later) and the note before ends there. Energies are per model frame and key, in dB.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from engines.transcription.model import LOWEST_MIDI
from engines.transcription.onsets import peak_frames
from engines.transcription.tracks import Track

BACK_FRAMES = 20  # about 230 ms: how far back a swell's start is looked for
CLIMB_DB = 12.0  # a climb this large is a new note's swell
HELD_FRAMES = 15  # the note's held level: its energy's median over this many frames from its start
LOWEST_SWELL_MIDI = 48  # notes below C3 are left alone
NEIGHBOUR = 1  # a note this close (semitones) to the one before is left alone
MIN_MOVE = 6  # a start moved by fewer frames than this (70 ms) stays where it was
ONSET_SEEN = 0.3  # the swell's first onset map peak at least this high is the note's start


def earlier_starts(tracks: list[Track], energy_db: np.ndarray, onset_map: np.ndarray) -> list[Track]:
    """The tracks with each slow-attack note's start moved back to the first onset map peak of its
    swell (``onset_map``: the note model's, frames by 88 keys)."""
    out = list(tracks)
    for i, track in enumerate(tracks):
        before = out[i - 1] if i else None
        if track.pitch < LOWEST_SWELL_MIDI:
            continue  # a low note's maps rise early anyway (the model's long low window): no swell to find
        if before is not None and abs(before.pitch - track.pitch) <= NEIGHBOUR:
            continue  # a repeat, or a step whose vibrato or glide reaches this pitch's band
        floor = before.start + HELD_FRAMES if before is not None else 0
        low = max(floor, track.start - BACK_FRAMES)
        if track.start - low < MIN_MOVE:
            continue
        line = energy_db[:, track.pitch - LOWEST_MIDI]
        held = float(np.median(line[track.start : track.start + HELD_FRAMES]))
        bottom = low + int(np.argmin(line[low : track.start]))
        if held - float(line[bottom]) < CLIMB_DB:
            continue
        onsets = onset_map[bottom : track.start - MIN_MOVE + 1, track.pitch - LOWEST_MIDI]
        peaks = peak_frames(np.concatenate([[0.0], onsets, [0.0]]), height=ONSET_SEEN) - 1
        if not len(peaks):
            continue
        start = bottom + int(peaks[0])
        out[i] = dataclasses.replace(track, start=start)
        if before is not None and before.end > start:
            out[i - 1] = dataclasses.replace(before, end=start)
    return out
