"""Where a run of one pitch is cut into repeated notes (melody, bass): an onset peak of the same key that
rises out of a trough in the onset map or follows a dip in the note map, confirmed by the audio's own
attack (its flux over its median and its level climbing again; a vibrato moves the flux but not the
level). The bass asks its own, smaller, accent and climb (a85: a low note repeated in eighths barely
swells the flux or level at each attack); a sung syllable's cue cuts a run too. Also the climb to an
onset peak (``rise_start``), which places a note's start."""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription.model import Posteriors
from engines.transcription.onsets import peak_frames

REPEAT_ONSET = 0.5  # an onset peak above this inside a run starts a repeated note ...
REPEAT_DIP = 0.85  # ... where the note map fell below this share of the run's level just before,
REPEAT_RISE = 0.35  # ... or the onset map climbed this much out of a trough ...
REPEAT_LOOKBACK = 8  # ... in the frames before the peak, and the audio's flux near it rose
REPEAT_ACCENT = 1.7  # ... to this many times its median, with the level climbing REPEAT_CLIMB_DB again
REPEAT_CLIMB_DB = 1.5  # (a vibrato moves the flux but not the level) ...
STRONG_ACCENT = 6.0  # ... or the flux rose this much (a plucked repeat: no need to ask the level)
BASS_REPEAT_ACCENT = 1.0  # bass: its own accent and climb for a repeat (a plucked or blown low note
BASS_REPEAT_CLIMB_DB = 0.5  # repeated in eighths barely dips in level: the melody's gates merge them)
REPEAT_MIN_FRAMES = 7  # a repeat leaves at least 80 ms (a release click is not a new note)
MIN_FRAMES = 4
RISE_SHARE = 0.75  # the start: the first frame of the onset map within this share of its peak


def split_repeats(
    post: Posteriors,
    col: int,
    start: int,
    end: int,
    *,
    after: int,
    audio: tuple[np.ndarray | None, np.ndarray | None] = (None, None),
    gates: tuple[float, float] = (REPEAT_ACCENT, REPEAT_CLIMB_DB),
) -> list[tuple[int, int]]:
    """The run cut where a new onset of the same pitch (past frame ``after``, the note's own onset
    peak) rises out of a trough in the onset map or follows a dip in the note map."""
    onsets = post.onset[start:end, col]
    frames = post.note[start:end, col]
    level = float(np.median(frames)) if len(frames) else 0.0
    cuts: list[int] = []
    for p in peak_frames(onsets, height=REPEAT_ONSET, distance=MIN_FRAMES):
        if p < max(MIN_FRAMES, after - start + MIN_FRAMES):
            continue
        before = slice(max(0, p - REPEAT_LOOKBACK), p)
        rose = onsets[p] - onsets[before].min() >= REPEAT_RISE
        dipped = frames[max(0, p - 3) : p + 1].min() < REPEAT_DIP * level
        cut = rise_start(onsets, int(p), floor=cuts[-1] + MIN_FRAMES if cuts else MIN_FRAMES)
        heard = attack_heard(start + int(p), *audio, *gates)
        if (rose or dipped) and heard and end - start - cut >= REPEAT_MIN_FRAMES:
            cuts.append(cut)
    bounds = [0, *cuts, end - start]
    return [(start + a, start + b) for a, b in itertools.pairwise(bounds)]


def syllables_split(pieces: list[tuple[int, int]], cues: np.ndarray | None) -> list[tuple[int, int]]:
    """Each piece cut again at its syllables' cues (the strongest peak where two lie close), each
    part at least REPEAT_MIN_FRAMES long."""
    if cues is None:
        return pieces
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        cuts: list[int] = []
        for p in peak_frames(cues[a:b], height=1e-9, distance=REPEAT_MIN_FRAMES):
            if min(p, b - a - p, *(abs(p - c) for c in cuts)) >= REPEAT_MIN_FRAMES:
                cuts.append(int(p))
        bounds = [0, *sorted(cuts), b - a]
        out.extend((a + x, a + y) for x, y in itertools.pairwise(bounds))
    return out


def rise_start(onsets: np.ndarray, peak: int, *, floor: int = 0, share: float = RISE_SHARE) -> int:
    """The first frame of the climb to an onset peak: the earliest frame within ``share`` of it."""
    edge = peak
    while edge > floor and onsets[edge - 1] >= share * onsets[peak]:
        edge -= 1
    return edge


def attack_heard(
    frame: int,
    accents: np.ndarray | None,
    levels_db: np.ndarray | None,
    min_accent: float = REPEAT_ACCENT,
    min_climb_db: float = REPEAT_CLIMB_DB,
) -> bool:
    """Whether the audio shows a new attack near ``frame`` (True when there is no audio to ask): an
    accent of at least ``min_accent`` with the level climbing ``min_climb_db``, or a STRONG_ACCENT."""
    if accents is None:
        return True
    accent = float(accents[max(0, frame - 2) : frame + 4].max(initial=0.0))
    if accent >= STRONG_ACCENT or levels_db is None:
        return accent >= min_accent
    climb = float(
        levels_db[frame : frame + 5].max(initial=-120.0)
        - levels_db[max(0, frame - 5) : frame + 1].min(initial=0.0)
    )
    return accent >= min_accent and climb >= min_climb_db
