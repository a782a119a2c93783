"""Monophonic note tracking (melody, bass): one note at a time, by a Viterbi path through the maps.

Each frame is silence or one pitch. A pitch's evidence is its note map (for bass, plus half the
octave above: the model often hears a bass note's second harmonic louder than the note);
changing state costs ``SWITCH`` so vibrato and glides do not break a held note into many. A run
of one pitch is split into repeated notes only where its onset map peaks and the note map dipped
just before. Pitches outside the song's key pay a small cost when the key is known.
"""

from __future__ import annotations

import itertools

import numpy as np
from scipy.signal import find_peaks

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.tracks import Track

SILENCE = 0.28  # a frame whose best pitch evidence is below this is silence
SWITCH = 1.6  # log-cost of changing state (pitch or silence)
OCTAVE_HELP = 0.5  # bass: share of the octave above's evidence credited to a pitch
OUT_OF_KEY = 0.15  # log-cost per frame of a pitch outside the known key
REPEAT_ONSET = 0.5  # an onset peak above this inside a run starts a repeated note ...
REPEAT_DIP = 0.85  # ... where the note map fell below this share of the run's level just before
MIN_FRAMES = 4
RANGES = {"melody": (36, 100), "bass": (23, 67)}


def track(post: Posteriors, kind: str, key_pitch_classes: frozenset[int] | None = None) -> list[Track]:
    """One-note-at-a-time notes for ``melody`` or ``bass`` from the note and onset maps."""
    low, high = RANGES[kind]
    cols = np.arange(low - LOWEST_MIDI, high - LOWEST_MIDI + 1)
    evidence = post.note[:, cols].astype(np.float64)
    if kind == "bass":
        above = np.zeros_like(evidence)
        above[:, :-12] = evidence[:, 12:]
        evidence = np.minimum(1.0, evidence + OCTAVE_HELP * above)
    scores = np.log(np.maximum(evidence, 1e-4))
    if key_pitch_classes is not None:
        outside = np.array([(low + i) % 12 not in key_pitch_classes for i in range(len(cols))])
        scores[:, outside] -= OUT_OF_KEY
    silence = np.full((len(scores), 1), np.log(SILENCE))
    path = _viterbi(np.hstack([silence, scores]))
    tracks = []
    for state, start, end in _runs(path):
        if state == 0:
            continue
        col = cols[state - 1]
        for a, b in _split_repeats(post, col, start, end):
            if b - a >= MIN_FRAMES:
                tracks.append(Track(int(col + LOWEST_MIDI), a, b, float(post.note[a:b, col].max())))
    return tracks


def _viterbi(scores: np.ndarray) -> np.ndarray:
    """The best state per frame for (frames, states) log-scores, any change costing SWITCH."""
    n_frames, n_states = scores.shape
    back = np.zeros((n_frames, n_states), dtype=np.int32)
    delta = scores[0].copy()
    for t in range(1, n_frames):
        best = int(np.argmax(delta))
        jump = delta[best] - SWITCH
        stay = delta >= jump
        back[t] = np.where(stay, np.arange(n_states), best)
        delta = np.where(stay, delta, jump) + scores[t]
    path = np.zeros(n_frames, dtype=np.int32)
    path[-1] = int(np.argmax(delta))
    for t in range(n_frames - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def _runs(path: np.ndarray) -> list[tuple[int, int, int]]:
    """(state, first frame, end frame) for each run of one state."""
    edges = np.flatnonzero(np.diff(path)) + 1
    bounds = [0, *edges.tolist(), len(path)]
    return [(int(path[a]), a, b) for a, b in itertools.pairwise(bounds)]


def _split_repeats(post: Posteriors, col: int, start: int, end: int) -> list[tuple[int, int]]:
    """The run cut where a new onset of the same pitch follows a dip in its note map."""
    onsets = post.onset[start:end, col]
    frames = post.note[start:end, col]
    level = float(np.median(frames)) if len(frames) else 0.0
    cuts = [
        int(p)
        for p in find_peaks(onsets, height=REPEAT_ONSET, distance=MIN_FRAMES)[0]
        if p >= MIN_FRAMES and frames[max(0, p - 3) : p + 1].min() < REPEAT_DIP * level
    ]
    bounds = [0, *cuts, end - start]
    return [(start + a, start + b) for a, b in itertools.pairwise(bounds)]
