"""A sung note's vibrato and scoop read as one note, not as a string of neighbours.

A voice's vibrato swings 30-100 cents either side of its note, so the one-note tracker can hand it
over between the note and the key beside it several times a second (50, 49, 50, 49 ...), and a
scoop from below starts a note a semitone under itself. ``joined`` merges touching tracks a
semitone apart when no new onset starts the later one and one of them is short: the merged note
keeps the first start and the last end, and its pitch is the mean of the contour map (a third of
a semitone per bin) over its middle, past its scoop, rounded: a symmetric vibrato averages out.
"""

from __future__ import annotations

import numpy as np

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.tracks import CONTOUR_BINS_PER_SEMITONE, Track

TOUCH_FRAMES = 2  # tracks this close are touching
SHORT_FRAMES = 40  # a swing of vibrato or a scoop lasts less than this (about 460 ms)
NEW_ONSET = 0.5  # an onset map peak this high at the later track's start is a new note: kept apart
SCOOP_FRAMES = 10  # frames skipped at the start of a note when reading its pitch (its scoop)


def joined(tracks: list[Track], post: Posteriors) -> list[Track]:
    """The tracks with each vibrato or scoop chain (pitches within one semitone) merged into one note."""
    out: list[Track] = []
    chain: list[Track] = []
    for track in tracks:
        if chain and _continues(chain, track, post):
            chain.append(track)
            continue
        if chain:
            out.append(_merged(chain, post))
        chain = [track]
    if chain:
        out.append(_merged(chain, post))
    return out


def _continues(chain: list[Track], track: Track, post: Posteriors) -> bool:
    last = chain[-1]
    pitches = [t.pitch for t in chain] + [track.pitch]
    if track.start - last.end > TOUCH_FRAMES or track.pitch == last.pitch or max(pitches) - min(pitches) > 1:
        return False
    if min(track.end - track.start, last.end - last.start) >= SHORT_FRAMES:
        return False
    col = track.pitch - LOWEST_MIDI
    onset = float(post.onset[max(0, track.start - 2) : track.start + 3, col].max(initial=0.0))
    return onset < NEW_ONSET


def _merged(chain: list[Track], post: Posteriors) -> Track:
    if len(chain) == 1:
        return chain[0]
    start, end = chain[0].start, chain[-1].end
    low = min(t.pitch for t in chain) - 1
    high = max(t.pitch for t in chain) + 1
    first_bin = (low - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE
    last_bin = (high - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE + 3
    skip = min(SCOOP_FRAMES, (end - start) // 3)
    region = post.contour[start + skip : end, first_bin:last_bin].astype(np.float64)
    weights = region.sum(axis=1)
    if not len(region) or weights.max() <= 0:
        pitch = max(chain, key=lambda t: t.end - t.start).pitch
    else:
        bins = np.arange(first_bin, last_bin) - 1  # bin 3k+1 is key k's centre
        centroid = (region * bins).sum(axis=1) / np.maximum(weights, 1e-9)
        semitones = centroid / CONTOUR_BINS_PER_SEMITONE + LOWEST_MIDI
        pitch = round(float(np.average(semitones, weights=weights)))
        pitch = min(max(pitch, low + 1), high - 1)
    return Track(pitch, start, end, max(t.strength for t in chain))
