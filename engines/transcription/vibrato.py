"""A sung note's vibrato and scoop read as one note, not as a string of neighbours.

A voice's vibrato swings 30-100 cents either side of its note, so the one-note tracker can hand it
over between the note and the key beside it several times a second (50, 49, 50, 49 ...), and a
scoop from below starts a note a semitone under itself. ``joined`` merges touching tracks a
semitone apart when no new onset starts the later one and one of them is short: the merged note
keeps the first start and the last end, and its pitch is the mean of the contour map (a third of
a semitone per bin) over its middle, past its scoop, rounded: a symmetric vibrato averages out.
"""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.tracks import CONTOUR_BINS_PER_SEMITONE, Track

TOUCH_FRAMES = 2  # tracks this close are touching
NEW_ONSET = 0.5  # an onset map peak this high at a short track's start is a new note: kept apart
GLIDE_FRAMES = 7  # a key passed through for this long (about 80 ms) is a glide, onset or not
CYCLE_FRAMES = 17  # about 200 ms: the pitch averaged over this is a 5-7 Hz vibrato's centre
MIN_RUN_FRAMES = 15  # a key held for less than this inside a chain is a scoop or a swing, not a note


def joined(tracks: list[Track], post: Posteriors) -> list[Track]:
    """The tracks with each vibrato or scoop chain (pitches within one semitone) merged into one note."""
    out: list[Track] = []
    chain: list[Track] = []
    for track in tracks:
        if chain and _continues(chain, track, post):
            chain.append(track)
            continue
        if chain:
            out.extend(_merged(chain, post))
        chain = [track]
    if chain:
        out.extend(_merged(chain, post))
    return out


def _continues(chain: list[Track], track: Track, post: Posteriors) -> bool:
    last = chain[-1]
    pitches = [t.pitch for t in chain] + [track.pitch]
    if track.start - last.end > TOUCH_FRAMES or track.pitch == last.pitch or max(pitches) - min(pitches) > 1:
        return False
    col = track.pitch - LOWEST_MIDI
    onset = float(post.onset[max(0, track.start - 2) : track.start + 3, col].max(initial=0.0))
    # a short note that starts with an onset is a passing note; between two held ones the average decides
    shortest = min(track.end - track.start, last.end - last.start)
    return onset < NEW_ONSET or shortest >= MIN_RUN_FRAMES or shortest <= GLIDE_FRAMES


def _merged(chain: list[Track], post: Posteriors) -> list[Track]:
    """The chain re-cut where its pitch, averaged over a vibrato cycle, moves to another key."""
    if len(chain) == 1:
        return chain
    start, end = chain[0].start, chain[-1].end
    low = min(t.pitch for t in chain) - 1
    high = max(t.pitch for t in chain) + 1
    first_bin = (low - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE
    last_bin = (high - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE + 3
    region = post.contour[start:end, first_bin:last_bin].astype(np.float64)
    weights = region.sum(axis=1)
    if weights.min() <= 0:
        return chain
    bins = np.arange(first_bin, last_bin) - 1  # bin 3k+1 is key k's centre
    semitones = (region * bins).sum(axis=1) / weights / CONTOUR_BINS_PER_SEMITONE + LOWEST_MIDI
    kernel = np.ones(CYCLE_FRAMES)
    smooth = np.convolve(semitones, kernel, mode="same") / np.convolve(
        np.ones(len(semitones)), kernel, mode="same"
    )
    keys = np.clip(np.round(smooth), low + 1, high - 1).astype(int)
    runs = _runs(keys)
    # the average lags a key change: each cut moves to the nearest change the tracker saw, if near
    seen = np.array([t.start - start for t in chain[1:]])
    cuts = [0] + [_nearest(a, seen) for a, _b in runs[1:]] + [end - start]
    strength = max(t.strength for t in chain)
    if [int(keys[a]) for a, _b in runs] == [t.pitch for t in chain]:
        return chain  # the tracker's keys were the held keys: nothing to mend
    return [
        Track(int(keys[a]), start + cuts[i], start + cuts[i + 1], strength)
        for i, (a, _b) in enumerate(runs)
        if cuts[i + 1] > cuts[i]
    ]


def _nearest(frame: int, seen: np.ndarray) -> int:
    if not len(seen):
        return frame
    best = int(seen[np.argmin(np.abs(seen - frame))])
    return best if abs(best - frame) <= CYCLE_FRAMES // 2 else frame


def _runs(keys: np.ndarray) -> list[tuple[int, int]]:
    """Runs of one key; a run shorter than MIN_RUN_FRAMES joins the run before (the first, the next)."""
    edges = [0, *(np.flatnonzero(np.diff(keys)) + 1).tolist(), len(keys)]
    runs = [[a, b] for a, b in itertools.pairwise(edges)]
    kept: list[list[int]] = []
    for a, b in runs:
        if kept and (b - a < MIN_RUN_FRAMES or keys[a] == keys[kept[-1][0]]):
            kept[-1][1] = b
            keys[a:b] = keys[kept[-1][0]]
        elif kept and kept[-1][1] - kept[-1][0] < MIN_RUN_FRAMES:  # a short first run (a scoop)
            kept[-1][1] = b
            keys[kept[-1][0] : b] = keys[a]
        else:
            kept.append([a, b])
    return [(a, b) for a, b in kept]


def waver_cents(post: Posteriors, clear: float = 0.5) -> float:
    """How much a line's pitch moves from frame to frame inside its notes (median cents per frame):
    a voice's vibrato moves it by several cents a frame, a bass string's note hardly at all."""
    notes = post.note > clear
    sounding = np.flatnonzero(notes.any(axis=1))
    if len(sounding) < 2:
        return 0.0
    top = np.argmax(np.where(notes, post.note, -1.0), axis=1)
    centre = top * CONTOUR_BINS_PER_SEMITONE + 1
    bins = np.arange(-3, 4)
    rows = np.clip(centre[sounding, None] + bins, 0, post.contour.shape[1] - 1)
    region = np.take_along_axis(post.contour[sounding], rows, axis=1).astype(np.float64)
    pitch_cents = 100.0 * (
        top[sounding] + (region * bins).sum(axis=1) / np.maximum(region.sum(axis=1), 1e-9) / 3
    )
    same_note = (np.diff(sounding) == 1) & (np.diff(top[sounding]) == 0)
    moves = np.abs(np.diff(pitch_cents))[same_note]
    return float(np.median(moves)) if len(moves) else 0.0
