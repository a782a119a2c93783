"""A sung note's vibrato and scoop read as one note, not as a string of neighbours.

A voice's vibrato swings 30-100 cents either side of its note, so the one-note tracker can hand it
over between the note and the key beside it several times a second (50, 49, 50, 49 ...), and a
scoop or glide starts a note on the key beside it. ``joined`` chains touching tracks a semitone
apart (a short one that starts with an onset stays apart: a passing note), gives each the key its
contour pitch (a third of a semitone per bin) averages to over itself or one vibrato cycle around
it, lets a glide of up to GLIDE_FRAMES start the next note, and makes touching tracks of one key
one note. ``waver_cents`` says how much a line's pitch moves inside its notes (auto: a voice).
"""

from __future__ import annotations

import numpy as np

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.tracks import CONTOUR_BINS_PER_SEMITONE, Track

TOUCH_FRAMES = 2  # tracks this close are touching
NEW_ONSET = 0.5  # an onset map peak this high at a short track's start is a new note: kept apart
GLIDE_FRAMES = 7  # a key passed through for this long (about 80 ms) is a glide, onset or not
CYCLE_FRAMES = 17  # about 200 ms: the pitch averaged over this is a 5-7 Hz vibrato's centre
MIN_RUN_FRAMES = 15  # a track shorter than this that starts with an onset is a passing note


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
    """Each track of the chain given the key its pitch averages over (its own frames, or a vibrato
    cycle around it when shorter), then touching tracks of one key made one note."""
    if len(chain) == 1:
        return chain
    low = min(t.pitch for t in chain) - 1
    high = max(t.pitch for t in chain) + 1
    first_bin = (low - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE
    last_bin = (high - LOWEST_MIDI) * CONTOUR_BINS_PER_SEMITONE + 3
    bins = np.arange(first_bin, last_bin) - 1  # bin 3k+1 is key k's centre
    out: list[Track] = []
    glide_from: int | None = None
    for i, track in enumerate(chain):
        if track.end - track.start <= GLIDE_FRAMES and i + 1 < len(chain):  # a glide starts the next note
            glide_from = track.start if glide_from is None else glide_from
            continue
        if glide_from is not None:
            track = Track(track.pitch, glide_from, track.end, track.strength)
            glide_from = None
        middle = (track.start + track.end) // 2
        half = max(CYCLE_FRAMES, track.end - track.start) // 2
        region = post.contour[max(0, middle - half) : middle + half + 1, first_bin:last_bin].astype(
            np.float64
        )
        weights = region.sum(axis=1)
        key = track.pitch
        if len(region) and weights.max() > 0:
            centroid = (region * bins).sum(axis=1)[weights > 0] / weights[weights > 0]
            mean = float(np.average(centroid, weights=weights[weights > 0]))
            key = min(max(round(mean / CONTOUR_BINS_PER_SEMITONE) + LOWEST_MIDI, low + 1), high - 1)
        if out and out[-1].pitch == key:
            out[-1] = Track(key, out[-1].start, track.end, max(out[-1].strength, track.strength))
        else:
            out.append(Track(key, track.start, track.end, track.strength))
    return out


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
