"""Polyphonic note tracking (piano, chords) on the model's frame maps: several notes at once.

A note starts at a peak of its pitch's onset map (or where its note map rises sharply with no
onset peak near), holds while the note map stays above ``HOLD`` (brief dips bridged), and ends
there or at the next onset of the same pitch. A note that starts while the same pitch is still
held (a bowed or blown chord's slow attack, read as a string of onsets) is kept apart only where
the audio shows a new attack: the pitch's energy dipping ``ATTACK_DB`` below its level so far, or
the onset map sure of it; otherwise it carries the held note on (``joined``). Ghost notes are
dropped, the model's most common false notes: an octave, twelfth or two octaves above a louder note
that starts with them, and an octave or two below one (``without_sub_octaves``) where their own
fundamental is hardly in the audio (a piano's or guitar's low shadow of a chord).
"""

from __future__ import annotations

import numpy as np

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.onsets import peak_frames
from engines.transcription.tracks import Track

ONSET = 0.5  # an onset map peak above this starts a note
RISE = 0.35  # or the note map rising this much over two frames, with no onset peak near
HOLD = 0.3  # the note map above this holds a note ...
HOLD_SHARE = 0.6  # ... and above this share of its level over the note's first frames (a release ends it)
GAP_FRAMES = 2  # dips this short do not end a note
MIN_FRAMES = 4  # about 46 ms: shorter notes are dropped
ATTACK_DB = 4.0  # a re-struck held pitch: its energy dipped this much below its level since it began ...
SURE_ONSET = 0.8  # ... or its onset map peaks this high
RESTRIKE_FRAMES = 6  # a start sooner than this (70 ms) after the last of its pitch is that note's
GHOST_INTERVALS = (12, 19, 24)
GHOST_RATIO = 0.6  # a note this much weaker than the one below it, starting with it, is a ghost
SUB_RATIO = 0.8  # a note an octave or two below one starting with it, this much weaker than it ...
SUB_DB = 10.0  # ... whose own fundamental sounds this much quieter than the upper note's, is a ghost
SUB_FRAMES = 10  # the frames from the start where the fundamentals are compared


def track(post: Posteriors, low_midi: int = LOWEST_MIDI, high_midi: int = 108) -> list[Track]:
    """Notes as (pitch, first frame, end frame, strength) from the note and onset maps."""
    notes: list[Track] = []
    for col in range(max(0, low_midi - LOWEST_MIDI), min(88, high_midi - LOWEST_MIDI + 1)):
        frames, onsets = post.note[:, col], post.onset[:, col]
        starts = set(
            (peak_frames(np.r_[0.0, onsets], height=ONSET, distance=3) - 1).tolist()
        )  # a peak at frame 0 too
        rise = frames[2:] - frames[:-2]
        for t in np.flatnonzero((rise > RISE) & (frames[2:] > HOLD)) + 1:
            if not any(abs(t - s) <= 3 for s in starts):
                starts.add(int(t))
        ordered = sorted(starts)
        for i, start in enumerate(ordered):
            stop = ordered[i + 1] if i + 1 < len(ordered) else len(frames)
            end = _held_until(frames, start, stop)
            if end - start >= MIN_FRAMES:
                strength = float(frames[start:end].max())
                notes.append(Track(col + LOWEST_MIDI, start, end, strength))
    return _without_ghosts(notes)


def joined(tracks: list[Track], post: Posteriors, energy_db: np.ndarray) -> list[Track]:
    """Tracks with each restart of a held pitch that the audio does not show as a new attack, and
    each start within RESTRIKE_FRAMES of the one before it, joined onto the note before it (the two
    share its start and the later one's end)."""
    by_pitch: dict[int, list[Track]] = {}
    for t in sorted(tracks, key=lambda t: (t.pitch, t.start)):
        by_pitch.setdefault(t.pitch, []).append(t)
    kept: list[Track] = []
    for pitch, line in by_pitch.items():
        col = pitch - LOWEST_MIDI
        current = line[0]
        for nxt in line[1:]:
            held = nxt.start <= current.end + GAP_FRAMES
            if nxt.start - current.start < RESTRIKE_FRAMES or (
                held and not _attack(post, energy_db, col, current.start, nxt.start)
            ):
                current = Track(pitch, current.start, nxt.end, max(current.strength, nxt.strength))
            else:
                kept.append(current)
                current = nxt
        kept.append(current)
    return sorted(kept, key=lambda t: (t.start, t.pitch))


def _attack(post: Posteriors, energy_db: np.ndarray, col: int, held_from: int, start: int) -> bool:
    """Whether the audio shows a new attack of the key ``col`` at frame ``start``, the key held since
    ``held_from``: the onset map sure of it, or the key's energy dipped below its level so far."""
    if post.onset[max(0, start - 1) : start + 2, col].max(initial=0.0) >= SURE_ONSET:
        return True
    so_far = energy_db[held_from:start, col].max(initial=-120.0)
    dip = energy_db[max(held_from, start - 3) : start + 1, col].min(initial=so_far)
    return bool(so_far - dip >= ATTACK_DB)


def _held_until(frames: np.ndarray, start: int, stop: int) -> int:
    """The frame after the last one that holds the note from ``start`` (dips of GAP_FRAMES bridged)."""
    end, low = start + 1, 0
    hold = max(HOLD, HOLD_SHARE * float(frames[start : min(stop, start + 6)].max(initial=0.0)))
    for t in range(start + 1, stop):
        if frames[t] >= hold:
            end, low = t + 1, 0
        else:
            low += 1
            if low > GAP_FRAMES:
                break
    return end


def _without_ghosts(notes: list[Track]) -> list[Track]:
    """Drop notes an octave, twelfth or two octaves above a stronger note starting within 2 frames."""
    return [
        note
        for note, others in _with_neighbours(notes)
        if not any(
            note.pitch - other.pitch in GHOST_INTERVALS and note.strength < GHOST_RATIO * other.strength
            for other in others
        )
    ]


def without_sub_octaves(notes: list[Track], fundamental_db: np.ndarray) -> list[Track]:
    """Drop notes an octave or two below a clearly stronger note starting within 2 frames whose own
    fundamental is hardly in the audio (``fundamental_db``: (frames, 88) of each key's fundamental
    band): the model's low shadow of a chord (a piano's or guitar's low partials read as a note).
    A played low octave sounds its fundamental and stays."""

    def level(note: Track) -> float:
        return float(fundamental_db[note.start : note.start + SUB_FRAMES, note.pitch - LOWEST_MIDI].mean())

    return [
        note
        for note, others in _with_neighbours(notes)
        if not any(
            other.pitch - note.pitch in (12, 24)
            and note.strength < SUB_RATIO * other.strength
            and level(note) < level(other) - SUB_DB
            for other in others
        )
    ]


def _with_neighbours(notes: list[Track], within: int = 2) -> list[tuple[Track, list[Track]]]:
    """Each note (by start) with the other notes starting within ``within`` frames of it."""
    by_start = sorted(notes, key=lambda n: (n.start, n.pitch))
    paired, first = [], 0
    for i, note in enumerate(by_start):
        while by_start[first].start < note.start - within:
            first += 1
        last = i
        while last + 1 < len(by_start) and by_start[last + 1].start <= note.start + within:
            last += 1
        paired.append((note, [n for j, n in enumerate(by_start[first : last + 1], first) if j != i]))
    return paired
