"""A sung note of one pitch re-articulated without a break: split where the level dips and climbs again.

A singer repeating a pitch legato (a new syllable on the same note) often leaves no gap and no
onset the note model sees: only the voice's level dips for a few tens of milliseconds and climbs
again. ``split_at_dips`` cuts a held note at such a dip: a frame at least ``DIP_DB`` under the
loudest of the ``SPAN_FRAMES`` on each side (about 90 ms), clearly deeper than the note's own
swell and vibrato (``OVER_SWAY`` times the median depth of its other dips) and ``DIP_DB`` under
its median level, with at least ``MIN_PART_FRAMES`` of the note on each side, where the note
model's onset map climbs again. Levels are per model frame, in dB (``levels_db``).
"""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription.model import LOWEST_MIDI
from engines.transcription.onsets import peak_frames
from engines.transcription.tracks import Track

DIP_DB = 9.0  # a re-articulation: the level this far under the loudest frame on each side ...
SPAN_FRAMES = 8  # ... within this many frames (about 90 ms)
OVER_SWAY = 1.8  # ... and this many times as deep as the note's other dips (vibrato, tremolo)
MIN_PART_FRAMES = 9  # each part of a split note lasts at least this long (about 100 ms)
QUIET_DB = 45.0  # a dip this far under the note's loudest is a rest, not a re-articulation
ONSET_RISE = 0.35  # the note model's onset map climbs this much ...
RISE_WITHIN = (
    7  # ... by this many frames after the dip (tune: re-articulations 0.37-0.82, a lead's beating <= 0.30)
)


def split_at_dips(tracks: list[Track], levels_db: np.ndarray, onset_map: np.ndarray) -> list[Track]:
    """The tracks with each note cut at its re-articulation dips (the later part starts at the dip).

    ``onset_map`` is the note model's (frames, 88): a dip counts where the note's own onset map
    climbs ``ONSET_RISE`` out of the frames before it (a synth's beating dips as deep, unheard)."""
    out: list[Track] = []
    for track in tracks:
        onsets = onset_map[:, track.pitch - LOWEST_MIDI]
        dips = [
            d
            for d in _dips(levels_db[track.start : track.end])
            if _onset_rise(onsets, track.start + d) >= ONSET_RISE
        ]
        bounds = [track.start, *(track.start + d for d in dips), track.end]
        out.extend(Track(track.pitch, a, b, track.strength) for a, b in itertools.pairwise(bounds))
    return out


def _onset_rise(onsets: np.ndarray, frame: int) -> float:
    """How far the onset map climbs from the frames before ``frame`` to just after it."""
    before = onsets[max(0, frame - SPAN_FRAMES) : frame + 1]
    after = onsets[max(0, frame - 2) : frame + RISE_WITHIN]
    return float(after.max(initial=0.0) - before.min(initial=1.0))


def _dips(line: np.ndarray) -> list[int]:
    """Frames (from the note's start) of the dips in ``line`` (dB) that re-articulate the note."""
    k = SPAN_FRAMES
    if len(line) < 2 * MIN_PART_FRAMES:
        return []
    depths = np.zeros(len(line))
    for i in peak_frames(-line):
        before, after = line[max(0, i - k) : i], line[i + 1 : i + k + 1]
        if len(before) and len(after):
            depths[i] = min(before.max(), after.max()) - line[i]
    candidates = np.flatnonzero(depths > 0)
    held = float(np.median(line))
    cuts: list[int] = []
    for i in candidates[np.argsort(-depths[candidates], kind="stable")]:
        others = depths[candidates[candidates != i]]
        sway = float(np.median(others)) if len(others) else 0.0
        if (
            depths[i] < max(DIP_DB, OVER_SWAY * sway)
            or line[i] > held - DIP_DB
            or line[i] < line.max() - QUIET_DB
        ):
            continue
        if i < MIN_PART_FRAMES or len(line) - i < MIN_PART_FRAMES:
            continue
        if any(abs(i - c) < MIN_PART_FRAMES for c in cuts):
            continue
        cuts.append(int(i))
    return sorted(cuts)
